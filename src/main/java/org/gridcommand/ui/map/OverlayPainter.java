package org.gridcommand.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws the vector overlay (tool and defect shapes) and the hover and selection highlights onto a canvas
 * sized to their bounding box only: a transparent layer costs the software pipeline per pixel it covers,
 * every frame, so an empty overlay is hidden and a small one stays small.
 */
final class OverlayPainter {
    private static final Color CORDON = Color.web("#ffb000");
    private static final Color DEFECT = Color.web("#ff453a");
    private static final Color MEASURE = Color.WHITE;
    private static final Paint DEFECT_HATCH = hatch();

    private final List<Item> items = new ArrayList<>();

    private record Item(double minX, double minY, double maxX, double maxY, Consumer<GraphicsContext> draw) {
    }

    /** A highlight to draw: a grid outline (rings in mercator) or a point ring. */
    record Highlight(List<double[][]> rings, double[] point, boolean selected) {
    }

    void paint(Canvas canvas, MapProjection view, MapData data, Set<MapLayerKind> visible, List<Highlight> highlights,
               double scale, double width, double height) {
        items.clear();
        if (visible.contains(MapLayerKind.OVERLAY)) {
            for (List<MapData.ProjectedOverlay> shapes : data.projectedOverlays.values()) {
                for (MapData.ProjectedOverlay shape : shapes) {
                    collect(shape, view, scale);
                }
            }
        }
        if (visible.contains(MapLayerKind.SELECTION)) {
            for (Highlight h : highlights) {
                collect(h, view, scale);
            }
        }
        double margin = 4 * scale;
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (Item i : items) {
            x0 = Math.min(x0, i.minX());
            y0 = Math.min(y0, i.minY());
            x1 = Math.max(x1, i.maxX());
            y1 = Math.max(y1, i.maxY());
        }
        x0 = Math.max(0, Math.floor(x0 - margin));
        y0 = Math.max(0, Math.floor(y0 - margin));
        x1 = Math.min(width, Math.ceil(x1 + margin));
        y1 = Math.min(height, Math.ceil(y1 + margin));
        if (items.isEmpty() || x1 <= x0 || y1 <= y0) {
            canvas.setVisible(false);
            return;
        }
        canvas.setWidth(x1 - x0);
        canvas.setHeight(y1 - y0);
        canvas.relocate(x0, y0);
        canvas.setVisible(true);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, x1 - x0, y1 - y0);
        g.save();
        g.translate(-x0, -y0);
        for (Item i : items) {
            i.draw().accept(g);
        }
        g.restore();
    }

    private void collect(Highlight h, MapProjection v, double scale) {
        if (h.point() != null) {
            double x = v.screenX(h.point()[0]);
            double y = v.screenY(h.point()[1]);
            double r = (h.selected() ? 15 : 13) * scale;
            items.add(new Item(x - r - 4 * scale, y - r - 4 * scale, x + r + 4 * scale, y + r + 4 * scale, g -> {
                if (h.selected()) {
                    g.setStroke(Color.BLACK);
                    g.setLineWidth(6 * scale);
                    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                    g.setStroke(MapStyle.SELECTED);
                    g.setLineWidth(3.5 * scale);
                } else {
                    g.setStroke(MapStyle.HOVER);
                    g.setLineWidth(2 * scale);
                }
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }));
            return;
        }
        double[] box = box(h.rings(), v);
        items.add(new Item(box[0] - 4 * scale, box[1] - 4 * scale, box[2] + 4 * scale, box[3] + 4 * scale, g -> {
            g.setLineJoin(StrokeLineJoin.ROUND);
            path(g, h.rings(), v);
            if (h.selected()) {
                g.setFill(Color.web("#00e5ff", 0.12));
                g.setFillRule(FillRule.EVEN_ODD);
                g.fill();
                g.setStroke(Color.BLACK);
                g.setLineWidth(7 * scale);
                g.stroke();
                g.setStroke(MapStyle.SELECTED);
                g.setLineWidth(4 * scale);
            } else {
                g.setStroke(MapStyle.HOVER);
                g.setLineWidth(2.5 * scale);
            }
            g.stroke();
        }));
    }

    private void collect(MapData.ProjectedOverlay shape, MapProjection v, double scale) {
        OverlayStyle style = shape.source.style();
        for (List<double[][]> polygon : shape.polygons) {
            double[] box = box(polygon, v);
            items.add(new Item(box[0], box[1], box[2], box[3], g -> {
                path(g, polygon, v);
                g.setFillRule(FillRule.EVEN_ODD);
                g.setLineJoin(StrokeLineJoin.ROUND);
                g.setLineDashes();
                switch (style) {
                    case CORDON -> {
                        g.setFill(Color.web("#ffb000", 0.16));
                        g.fill();
                        g.setStroke(Color.BLACK);
                        g.setLineWidth(6 * scale);
                        g.stroke();
                        g.setStroke(CORDON);
                        g.setLineWidth(3.5 * scale);
                        g.setLineDashes(14 * scale, 6 * scale);
                        g.stroke();
                    }
                    case DEFECT -> {
                        g.setFill(DEFECT_HATCH);
                        g.fill();
                        g.setStroke(DEFECT);
                        g.setLineWidth(2.5 * scale);
                        g.stroke();
                    }
                    case HIGHLIGHT -> {
                        g.setFill(Color.web("#00e5ff", 0.12));
                        g.fill();
                        g.setStroke(MapStyle.SELECTED);
                        g.setLineWidth(4 * scale);
                        g.stroke();
                    }
                    case MEASURE -> {
                        g.setFill(Color.web("#ffffff", 0.1));
                        g.fill();
                        measureStroke(g, scale);
                    }
                }
                g.setLineDashes();
            }));
        }
        for (double[][] line : shape.lines) {
            double[] box = box(List.<double[][]>of(line), v);
            items.add(new Item(box[0], box[1], box[2], box[3], g -> {
                g.setLineCap(StrokeLineCap.ROUND);
                g.setLineJoin(StrokeLineJoin.ROUND);
                g.beginPath();
                for (int i = 0; i < line[0].length; i++) {
                    double x = v.screenX(line[0][i]);
                    double y = v.screenY(line[1][i]);
                    if (i == 0) {
                        g.moveTo(x, y);
                    } else {
                        g.lineTo(x, y);
                    }
                }
                switch (style) {
                    case MEASURE -> measureStroke(g, scale);
                    case CORDON -> {
                        g.setStroke(CORDON);
                        g.setLineWidth(3.5 * scale);
                        g.setLineDashes(14 * scale, 6 * scale);
                        g.stroke();
                    }
                    case DEFECT -> {
                        g.setStroke(DEFECT);
                        g.setLineWidth(3 * scale);
                        g.stroke();
                    }
                    case HIGHLIGHT -> {
                        g.setStroke(MapStyle.SELECTED);
                        g.setLineWidth(4 * scale);
                        g.stroke();
                    }
                }
                g.setLineDashes();
                g.setFill(style == OverlayStyle.DEFECT ? DEFECT : MEASURE);
                double d = 3.5 * scale;
                for (int i = 0; i < line[0].length; i++) {
                    g.fillOval(v.screenX(line[0][i]) - d, v.screenY(line[1][i]) - d, 2 * d, 2 * d);
                }
            }));
        }
        for (double[] p : shape.points) {
            double x = v.screenX(p[0]);
            double y = v.screenY(p[1]);
            double r = 8 * scale;
            items.add(new Item(x - r - 3 * scale, y - r - 3 * scale, x + r + 3 * scale, y + r + 3 * scale, g -> {
                Color c = switch (style) {
                    case CORDON -> CORDON;
                    case DEFECT -> DEFECT;
                    case HIGHLIGHT -> MapStyle.SELECTED;
                    case MEASURE -> MEASURE;
                };
                g.setStroke(Color.BLACK);
                g.setLineWidth(5 * scale);
                cross(g, x, y, r);
                g.setStroke(c);
                g.setLineWidth(2.5 * scale);
                cross(g, x, y, r);
            }));
        }
        if (!shape.source.label().isEmpty()) {
            double[] at = labelAnchor(shape);
            if (at != null) {
                double x = v.screenX(at[0]);
                double y = v.screenY(at[1]);
                Font font = Font.font(MapStyle.labelFont(true, scale).getFamily(), FontWeight.BOLD, 14 * scale);
                Text probe = new Text(shape.source.label());
                probe.setFont(font);
                double w = probe.getLayoutBounds().getWidth() + 10 * scale;
                double h = probe.getLayoutBounds().getHeight() + 4 * scale;
                double ly = y - h - 8 * scale;
                items.add(new Item(x - w / 2, ly, x + w / 2, ly + h, g -> {
                    g.setFill(Color.web("#000000", 0.75));
                    g.fillRoundRect(x - w / 2, ly, w, h, 6 * scale, 6 * scale);
                    g.setFill(Color.WHITE);
                    g.setFont(font);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(shape.source.label(), x, ly + h / 2);
                }));
            }
        }
    }

    /** Measure labels sit at the line's end (where the pointer is); other labels at the shape's inside point. */
    private static double[] labelAnchor(MapData.ProjectedOverlay shape) {
        if (shape.source.style() == OverlayStyle.MEASURE && !shape.lines.isEmpty()) {
            double[][] line = shape.lines.get(shape.lines.size() - 1);
            int last = line[0].length - 1;
            return new double[] {line[0][last], line[1][last]};
        }
        return shape.labelAt;
    }

    private static void measureStroke(GraphicsContext g, double scale) {
        g.setLineDashes();
        g.setStroke(Color.BLACK);
        g.setLineWidth(5 * scale);
        g.stroke();
        g.setStroke(MEASURE);
        g.setLineWidth(2.5 * scale);
        g.setLineDashes(6 * scale, 5 * scale);
        g.stroke();
    }

    private static void cross(GraphicsContext g, double x, double y, double r) {
        g.strokeLine(x - r, y - r, x + r, y + r);
        g.strokeLine(x - r, y + r, x + r, y - r);
    }

    private static void path(GraphicsContext g, List<double[][]> rings, MapProjection v) {
        g.beginPath();
        for (double[][] ring : rings) {
            for (int i = 0; i < ring[0].length; i++) {
                double x = v.screenX(ring[0][i]);
                double y = v.screenY(ring[1][i]);
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.closePath();
        }
    }

    private static double[] box(List<double[][]> rings, MapProjection v) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[][] ring : rings) {
            for (int i = 0; i < ring[0].length; i++) {
                double x = v.screenX(ring[0][i]);
                double y = v.screenY(ring[1][i]);
                b[0] = Math.min(b[0], x);
                b[1] = Math.min(b[1], y);
                b[2] = Math.max(b[2], x);
                b[3] = Math.max(b[3], y);
            }
        }
        return b;
    }

    /** Diagonal red hatching: a defect reads as "wrong area" even without its colour. */
    private static Paint hatch() {
        int size = 10;
        WritableImage image = new WritableImage(size, size);
        PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int d = Math.floorMod(x - y, size);
                w.setColor(x, y, d <= 1 ? Color.web("#ff453a", 0.7) : Color.web("#ff453a", 0.12));
            }
        }
        return new ImagePattern(image, 0, 0, size, size, false);
    }
}
