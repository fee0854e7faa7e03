package org.gridcommand.ui.map;

import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;
import org.gridcommand.cases.Priority;
import org.gridcommand.geo.WebMercator;

/**
 * Draws the static layers (base tiles, grids, outlines, labels, cameras with cones and, when known, their
 * signal status, resources, the cases that do not blink) for one window of the map onto a canvas: a cache
 * tile, or the whole view. Features outside the window (plus a symbol-sized margin) are skipped; the canvas
 * clips the rest.
 */
final class StaticPainter {
    /** Cones are drawn once the camera's range is at least this many pixels (times the scale factor). */
    static final double CONE_MIN_RADIUS_PX = 6;
    private static final double WORLD = Math.PI * WebMercator.EARTH_RADIUS;

    private StaticPainter() {
    }

    /** The window: mercator (left, top) at canvas pixel (0, 0), ppm pixels per metre, w x h pixels. */
    record Window(double left, double top, double ppm, int width, int height) {
        double sx(double mx) {
            return (mx - left) * ppm;
        }

        double sy(double my) {
            return (top - my) * ppm;
        }

        double right() {
            return left + width / ppm;
        }

        double bottom() {
            return top - height / ppm;
        }

        boolean overlaps(double minX, double minY, double maxX, double maxY, double margin) {
            return maxX >= left - margin && minX <= right() + margin && maxY >= bottom() - margin && minY <= top + margin;
        }
    }

    /** Returns false when some base tile was not loaded yet (the caller re-renders once it arrives). */
    static boolean paint(GraphicsContext g, Window win, MapData data, Sprites sprites, List<LabelPlacer.Placed> labels,
                         Set<MapLayerKind> visible, BaseTiles baseTiles) {
        double scale = sprites.scale;
        g.setFill(MapStyle.BACKGROUND);
        g.fillRect(0, 0, win.width(), win.height());
        boolean complete = true;
        boolean tiles = baseTiles != null && visible.contains(MapLayerKind.BASE_TILES);
        if (tiles) {
            complete = paintBaseTiles(g, win, baseTiles);
        }
        if (visible.contains(MapLayerKind.GRIDS)) {
            double opacity = tiles ? 0.3 : MapStyle.GRID_FILL_OPACITY;
            g.setFillRule(FillRule.EVEN_ODD);
            for (MapData.Shape s : data.smallGrids) {
                if (win.overlaps(s.minX, s.minY, s.maxX, s.maxY, 0)) {
                    Color c = data.fillOf(s);
                    g.setFill(Color.color(c.getRed(), c.getGreen(), c.getBlue(), opacity));
                    path(g, win, s);
                    g.fill();
                }
            }
        }
        if (visible.contains(MapLayerKind.GRID_OUTLINES)) {
            g.setLineJoin(StrokeLineJoin.ROUND);
            stroke(g, win, data.smallGrids, MapStyle.SMALL_OUTLINE, 1.0 * scale);
            stroke(g, win, data.bigGrids, MapStyle.BIG_OUTLINE, 2.4 * scale);
            stroke(g, win, data.outline, MapStyle.DISTRICT_OUTLINE, 3.5 * scale);
        }
        double margin = 24 * scale / win.ppm();
        SymbolThinning.Shown shown = data.thinning.at(data, win.ppm(), scale);
        if (visible.contains(MapLayerKind.CAMERAS)) {
            paintCones(g, win, data, scale, shown.cameras());
        }
        // Labels above the translucent cones, below the point symbols.
        if (visible.contains(MapLayerKind.LABELS)) {
            paintLabels(g, win, labels, scale);
        }
        if (visible.contains(MapLayerKind.CAMERAS)) {
            for (int i = 0; i < data.cameras.size(); i++) {
                double x = data.cameraX[i];
                double y = data.cameraY[i];
                if (shown.cameras()[i] && win.overlaps(x, y, x, y, margin)) {
                    Sprites.Sprite symbol = data.cameraState == null ? sprites.camera
                            : sprites.cameraByState[data.cameraState[i].ordinal()];
                    stamp(g, symbol, win.sx(x), win.sy(y));
                }
            }
        }
        if (visible.contains(MapLayerKind.RESOURCES)) {
            for (int i = 0; i < data.resources.size(); i++) {
                double x = data.resourceX[i];
                double y = data.resourceY[i];
                if (shown.resources()[i] && win.overlaps(x, y, x, y, margin)) {
                    stamp(g, sprites.resources.get(data.resources.get(i).kind()), win.sx(x), win.sy(y));
                }
            }
        }
        if (visible.contains(MapLayerKind.CASES)) {
            for (int i = 0; i < data.cases.size(); i++) {
                double x = data.caseX[i];
                double y = data.caseY[i];
                if (!data.caseBlinks[i] && win.overlaps(x, y, x, y, margin)) {
                    Priority p = data.cases.get(i).priority();
                    stamp(g, sprites.cases[p.ordinal()], win.sx(x), win.sy(y));
                }
            }
        }
        return complete;
    }

    static void stamp(GraphicsContext g, Sprites.Sprite sprite, double sx, double sy) {
        // Whole pixels keep drawImage on the software pipeline's fast path.
        g.drawImage(sprite.image(), Math.round(sx) - sprite.anchorX(), Math.round(sy) - sprite.anchorY());
    }

    private static void paintCones(GraphicsContext g, Window win, MapData data, double scale, boolean[] shown) {
        g.setFill(MapStyle.CONE_FILL);
        g.setStroke(MapStyle.CONE_STROKE);
        g.setLineWidth(Math.max(1, scale));
        for (int i = 0; i < data.cameras.size(); i++) {
            double x = data.cameraX[i];
            double y = data.cameraY[i];
            double r = data.cameraRange[i];
            if (shown[i] && r * win.ppm() >= CONE_MIN_RADIUS_PX * scale && win.overlaps(x - r, y - r, x + r, y + r, 0)) {
                MapStyle.drawCone(g, win.sx(x), win.sy(y), r * win.ppm(), data.cameras.get(i).headingDeg(),
                        data.cameras.get(i).fovDeg());
            }
        }
    }

    private static void paintLabels(GraphicsContext g, Window win, List<LabelPlacer.Placed> labels, double scale) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (LabelPlacer.Placed label : labels) {
            double cx = win.sx(label.mercatorX());
            double cy = win.sy(label.mercatorY());
            double w = label.width();
            double h = label.height();
            if (cx + w / 2 < 0 || cx - w / 2 > win.width() || cy + h / 2 < 0 || cy - h / 2 > win.height()) {
                continue;
            }
            g.setFill(MapStyle.LABEL_BOX);
            g.fillRoundRect(cx - w / 2, cy - h / 2, w, h, 6 * scale, 6 * scale);
            g.setFont(MapStyle.labelFont(label.big(), scale));
            g.setFill(label.big() ? MapStyle.BIG_LABEL : MapStyle.SMALL_LABEL);
            g.fillText(label.text(), cx, cy);
        }
    }

    private static void stroke(GraphicsContext g, Window win, List<MapData.Shape> shapes, Color colour, double width) {
        g.setStroke(colour);
        g.setLineWidth(width);
        double margin = width / win.ppm();
        for (MapData.Shape s : shapes) {
            if (win.overlaps(s.minX, s.minY, s.maxX, s.maxY, margin)) {
                path(g, win, s);
                g.stroke();
            }
        }
    }

    private static void path(GraphicsContext g, Window win, MapData.Shape s) {
        g.beginPath();
        for (double[][] ring : s.rings) {
            double[] xs = ring[0];
            double[] ys = ring[1];
            g.moveTo(win.sx(xs[0]), win.sy(ys[0]));
            for (int i = 1; i < xs.length; i++) {
                g.lineTo(win.sx(xs[i]), win.sy(ys[i]));
            }
            g.closePath();
        }
    }

    /** XYZ tiles at the zoom whose pixels are at least as fine as the view's, scaled into place. */
    private static boolean paintBaseTiles(GraphicsContext g, Window win, BaseTiles baseTiles) {
        double wanted = Math.log(win.ppm() * 2 * WORLD / 256) / Math.log(2);
        int z = (int) Math.max(0, Math.min(19, Math.ceil(wanted - 0.25)));
        long n = 1L << z;
        double tileMetres = 2 * WORLD / n;
        long x0 = Math.max(0, (long) Math.floor((win.left() + WORLD) / tileMetres));
        long x1 = Math.min(n - 1, (long) Math.floor((win.right() + WORLD) / tileMetres));
        long y0 = Math.max(0, (long) Math.floor((WORLD - win.top()) / tileMetres));
        long y1 = Math.min(n - 1, (long) Math.floor((WORLD - win.bottom()) / tileMetres));
        boolean complete = true;
        double size = tileMetres * win.ppm();
        for (long ty = y0; ty <= y1; ty++) {
            for (long tx = x0; tx <= x1; tx++) {
                Image image = baseTiles.tile(z, tx, ty);
                if (image == null || image.getProgress() < 1) {
                    complete = false;
                    continue;
                }
                if (image.isError()) {
                    continue;
                }
                double sx = win.sx(tx * tileMetres - WORLD);
                double sy = win.sy(WORLD - ty * tileMetres);
                g.drawImage(image, sx, sy, size, size);
            }
        }
        return complete;
    }
}
