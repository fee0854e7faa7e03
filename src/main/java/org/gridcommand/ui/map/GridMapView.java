package org.gridcommand.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.Priority;
import org.gridcommand.geo.WebMercator;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The district as a vector map on one Canvas: small grids filled by big grid, big-grid outlines and names,
 * cameras and cases. One canvas, not a node per feature, so hundreds of grids and thousands of markers
 * stay cheap to redraw. Keys: + / - zoom, arrows pan, 0 fits the district; wheel zooms, drag pans.
 */
public final class GridMapView extends Region {
    private static final Color BACKGROUND = Color.web("#0d1117");
    private static final Color[] BIG_GRID_PALETTE = {
        Color.web("#1f6feb"), Color.web("#2ea043"), Color.web("#a371f7"), Color.web("#d29922"),
        Color.web("#db6d28"), Color.web("#3fb950"), Color.web("#58a6ff"), Color.web("#bc8cff"),
        Color.web("#e3b341"), Color.web("#f778ba"), Color.web("#39c5cf"), Color.web("#8b949e"),
        Color.web("#56d364"), Color.web("#79c0ff"), Color.web("#ffa657"), Color.web("#d2a8ff"),
    };

    private static final double LEGEND_HEIGHT = 40;
    private final Canvas canvas = new Canvas();
    private final MapProjection projection = new MapProjection();
    private final List<ProjectedShape> smallGrids = new ArrayList<>();
    private final List<ProjectedShape> bigGrids = new ArrayList<>();
    private final List<ProjectedShape> outline = new ArrayList<>();
    private double[] cameraX = new double[0];
    private double[] cameraY = new double[0];
    private List<CaseMarker> caseMarkers = List.of();
    private double minX = Double.MAX_VALUE;
    private double minY = Double.MAX_VALUE;
    private double maxX = -Double.MAX_VALUE;
    private double maxY = -Double.MAX_VALUE;
    private boolean fitted;
    private double dragX;
    private double dragY;
    private String legendCameras = "camera";
    private String legendUrgent = "urgent";
    private String legendHigh = "high";
    private String legendNormal = "normal";

    public GridMapView() {
        getStyleClass().add("grid-map");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(200, 150);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            projection.panBy(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
            redraw();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public void setLegendTexts(String cameras, String urgent, String high, String normal) {
        legendCameras = cameras;
        legendUrgent = urgent;
        legendHigh = high;
        legendNormal = normal;
        redraw();
    }

    /** Shows the district; names picks the label for a grid in the UI language. */
    public void setDistrict(District district, Function<BigGrid, String> bigName, Function<SmallGrid, String> smallLabel) {
        smallGrids.clear();
        bigGrids.clear();
        outline.clear();
        Map<String, BigGrid> bigByCode = district.bigGridsByCode();
        List<String> bigCodes = district.bigGrids().stream().map(BigGrid::code).sorted().toList();
        for (SmallGrid grid : district.smallGrids()) {
            int colour = Math.max(0, bigCodes.indexOf(grid.bigGridCode()));
            smallGrids.add(ProjectedShape.of(grid.area(), colour, smallLabel.apply(grid)));
        }
        for (String code : bigCodes) {
            BigGrid big = bigByCode.get(code);
            bigGrids.add(ProjectedShape.of(big.area(), bigCodes.indexOf(code), bigName.apply(big)));
        }
        outline.add(ProjectedShape.of(district.outline(), 0, ""));
        for (ProjectedShape shape : outline) {
            minX = Math.min(minX, shape.minX);
            minY = Math.min(minY, shape.minY);
            maxX = Math.max(maxX, shape.maxX);
            maxY = Math.max(maxY, shape.maxY);
        }
        fitted = false;
        redraw();
    }

    public void setCameras(List<Camera> cameras) {
        cameraX = new double[cameras.size()];
        cameraY = new double[cameras.size()];
        for (int i = 0; i < cameras.size(); i++) {
            cameraX[i] = WebMercator.x(cameras.get(i).position().lon());
            cameraY[i] = WebMercator.y(cameras.get(i).position().lat());
        }
        redraw();
    }

    public void setCases(List<Case> cases) {
        List<CaseMarker> markers = new ArrayList<>(cases.size());
        for (Case c : cases) {
            if (c.location() != null && c.state().isOpen()) {
                markers.add(new CaseMarker(WebMercator.x(c.location().lon()), WebMercator.y(c.location().lat()),
                        c.priority()));
            }
        }
        // Urgent cases drawn last so they are never hidden under others.
        markers.sort((a, b) -> b.priority.compareTo(a.priority));
        caseMarkers = markers;
        redraw();
    }

    public void fitDistrict() {
        if (minX > maxX || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        fitToView(getWidth(), getHeight());
        redraw();
    }

    /** Fits the district above the legend strip, so the legend never covers a grid. */
    private void fitToView(double w, double h) {
        projection.fit(minX, minY, maxX, maxY, w, h - LEGEND_HEIGHT, 16);
        fitted = true;
    }

    public int smallGridCount() {
        return smallGrids.size();
    }

    @Override
    protected void layoutChildren() {
        // The canvas follows the region; a new size needs a redraw (and a fit, the first time).
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            projection.zoomAt(e.getDeltaY() > 0 ? 1.2 : 1 / 1.2, e.getX(), e.getY());
            redraw();
        }
        e.consume();
    }

    private void onKey(KeyEvent e) {
        double step = 60;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> projection.zoomAt(1.25, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> projection.zoomAt(1 / 1.25, getWidth() / 2, getHeight() / 2);
            case LEFT -> projection.panBy(step, 0);
            case RIGHT -> projection.panBy(-step, 0);
            case UP -> projection.panBy(0, step);
            case DOWN -> projection.panBy(0, -step);
            case DIGIT0, NUMPAD0, HOME -> {
                fitDistrict();
                e.consume();
                return;
            }
            default -> {
                return;
            }
        }
        e.consume();
        redraw();
    }

    private void redraw() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        if (!fitted && minX <= maxX) {
            fitToView(w, h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);

        for (ProjectedShape shape : smallGrids) {
            Color c = BIG_GRID_PALETTE[shape.colour % BIG_GRID_PALETTE.length];
            g.setFill(c.deriveColor(0, 0.75, 0.55, 0.55));
            fillShape(g, shape);
        }
        g.setStroke(Color.web("#c9d1d9", 0.35));
        g.setLineWidth(0.8);
        for (ProjectedShape shape : smallGrids) {
            strokeShape(g, shape);
        }
        g.setStroke(Color.web("#e6edf3", 0.9));
        g.setLineWidth(2.2);
        for (ProjectedShape shape : bigGrids) {
            strokeShape(g, shape);
        }
        g.setStroke(Color.web("#ffffff"));
        g.setLineWidth(3.2);
        for (ProjectedShape shape : outline) {
            strokeShape(g, shape);
        }
        drawCameras(g);
        drawCases(g);
        drawLabels(g, w, h);
        drawLegend(g, h);
    }

    private void drawCameras(GraphicsContext g) {
        g.setFill(Color.web("#7ee7f7"));
        double r = Math.max(1.5, Math.min(3.5, projection.pixelsPerMetre() * 12));
        for (int i = 0; i < cameraX.length; i++) {
            double sx = projection.screenX(cameraX[i]);
            double sy = projection.screenY(cameraY[i]);
            g.fillRect(sx - r / 2, sy - r / 2, r, r);
        }
    }

    private void drawCases(GraphicsContext g) {
        g.setLineWidth(1.5);
        for (CaseMarker m : caseMarkers) {
            double sx = projection.screenX(m.x);
            double sy = projection.screenY(m.y);
            drawCaseSymbol(g, m.priority, sx, sy);
        }
    }

    /** Shape and colour both carry the priority: colour is never the only signal. */
    static void drawCaseSymbol(GraphicsContext g, Priority priority, double sx, double sy) {
        g.setStroke(Color.WHITE);
        switch (priority) {
            case URGENT -> {
                double s = 9;
                g.setFill(Color.web("#ff3b30"));
                double[] xs = {sx, sx + s, sx - s};
                double[] ys = {sy - s, sy + s * 0.8, sy + s * 0.8};
                g.fillPolygon(xs, ys, 3);
                g.strokePolygon(xs, ys, 3);
            }
            case HIGH -> {
                double s = 7;
                g.setFill(Color.web("#ff9f0a"));
                double[] xs = {sx, sx + s, sx, sx - s};
                double[] ys = {sy - s, sy, sy + s, sy};
                g.fillPolygon(xs, ys, 4);
                g.strokePolygon(xs, ys, 4);
            }
            default -> {
                double s = priority == Priority.NORMAL ? 5.5 : 4;
                g.setFill(priority == Priority.NORMAL ? Color.web("#ffd60a") : Color.web("#a1a1aa"));
                g.fillOval(sx - s, sy - s, 2 * s, 2 * s);
                g.strokeOval(sx - s, sy - s, 2 * s, 2 * s);
            }
        }
    }

    private void drawLabels(GraphicsContext g, double w, double h) {
        List<double[]> placed = new ArrayList<>();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        Font bigFont = Font.font(null, FontWeight.BOLD, 15);
        for (ProjectedShape shape : bigGrids) {
            placeLabel(g, shape, bigFont, placed, w, h, Color.WHITE);
        }
        // Small-grid labels only once grids are large enough on screen to hold them.
        double smallGridPixels = projection.pixelsPerMetre() * 700;
        if (smallGridPixels > 70) {
            Font smallFont = Font.font(null, FontWeight.NORMAL, 12);
            for (ProjectedShape shape : smallGrids) {
                placeLabel(g, shape, smallFont, placed, w, h, Color.web("#e6edf3"));
            }
        }
    }

    /** Draws a label centred on the shape unless it would pile onto one already placed. */
    private void placeLabel(GraphicsContext g, ProjectedShape shape, Font font, List<double[]> placed,
                            double w, double h, Color colour) {
        double sx = projection.screenX(shape.labelX);
        double sy = projection.screenY(shape.labelY);
        if (sx < 0 || sy < 0 || sx > w || sy > h || shape.label.isEmpty()) {
            return;
        }
        Text probe = new Text(shape.label);
        probe.setFont(font);
        double tw = probe.getLayoutBounds().getWidth() + 6;
        double th = probe.getLayoutBounds().getHeight() + 2;
        double[] box = {sx - tw / 2, sy - th / 2, sx + tw / 2, sy + th / 2};
        for (double[] other : placed) {
            if (box[0] < other[2] && box[2] > other[0] && box[1] < other[3] && box[3] > other[1]) {
                return;
            }
        }
        placed.add(box);
        g.setFont(font);
        g.setFill(Color.web("#000000", 0.55));
        g.fillRoundRect(box[0], box[1], tw, th, 6, 6);
        g.setFill(colour);
        g.fillText(shape.label, sx, sy);
    }

    private void drawLegend(GraphicsContext g, double h) {
        double x = 12;
        double y = h - 30;
        g.setFill(Color.web("#000000", 0.6));
        g.fillRoundRect(x - 6, y - 16, 430, 32, 8, 8);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(13));
        g.setFill(Color.web("#7ee7f7"));
        g.fillRect(x + 2, y - 3, 6, 6);
        g.setFill(Color.WHITE);
        g.fillText(legendCameras, x + 14, y);
        double cursor = x + 24 + textWidth(legendCameras) + 14;
        for (Priority p : new Priority[] {Priority.URGENT, Priority.HIGH, Priority.NORMAL}) {
            drawCaseSymbol(g, p, cursor, y);
            String text = p == Priority.URGENT ? legendUrgent : p == Priority.HIGH ? legendHigh : legendNormal;
            g.setFill(Color.WHITE);
            g.fillText(text, cursor + 13, y);
            cursor += 30 + textWidth(text);
        }
    }

    private static double textWidth(String s) {
        Text t = new Text(s);
        t.setFont(Font.font(13));
        return t.getLayoutBounds().getWidth();
    }

    private void fillShape(GraphicsContext g, ProjectedShape shape) {
        for (double[][] ring : shape.rings) {
            g.fillPolygon(toScreenX(ring[0]), toScreenY(ring[1]), ring[0].length);
        }
    }

    private void strokeShape(GraphicsContext g, ProjectedShape shape) {
        for (double[][] ring : shape.rings) {
            g.strokePolygon(toScreenX(ring[0]), toScreenY(ring[1]), ring[0].length);
        }
    }

    private double[] toScreenX(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = projection.screenX(xs[i]);
        }
        return out;
    }

    private double[] toScreenY(double[] ys) {
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            out[i] = projection.screenY(ys[i]);
        }
        return out;
    }

    private record CaseMarker(double x, double y, Priority priority) {
    }

    /** A geometry's exterior rings pre-projected to Web Mercator once, so redraws only scale and shift. */
    private static final class ProjectedShape {
        final List<double[][]> rings = new ArrayList<>();
        final int colour;
        final String label;
        double labelX;
        double labelY;
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;

        private ProjectedShape(int colour, String label) {
            this.colour = colour;
            this.label = label;
        }

        static ProjectedShape of(Geometry geometry, int colour, String label) {
            ProjectedShape shape = new ProjectedShape(colour, label);
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Geometry part = geometry.getGeometryN(i);
                if (part instanceof Polygon polygon) {
                    shape.addRing(polygon.getExteriorRing().getCoordinates());
                }
            }
            Point inside = geometry.getInteriorPoint();
            shape.labelX = WebMercator.x(inside.getX());
            shape.labelY = WebMercator.y(inside.getY());
            return shape;
        }

        private void addRing(Coordinate[] coordinates) {
            double[] xs = new double[coordinates.length];
            double[] ys = new double[coordinates.length];
            for (int i = 0; i < coordinates.length; i++) {
                xs[i] = WebMercator.x(coordinates[i].x);
                ys[i] = WebMercator.y(coordinates[i].y);
                minX = Math.min(minX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxX = Math.max(maxX, xs[i]);
                maxY = Math.max(maxY, ys[i]);
            }
            rings.add(new double[][] {xs, ys});
        }
    }
}
