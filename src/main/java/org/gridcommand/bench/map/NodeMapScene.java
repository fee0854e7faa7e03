package org.gridcommand.bench.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.Priority;
import org.gridcommand.directory.Resource;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.geo.WebMercator;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.ui.map.MapProjection;
import org.gridcommand.ui.map.MapStyle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The reference the map is measured against: the same scene as one JavaFX node per feature, the way Gluon
 * Maps' {@code MapLayer} works. Each layer is a pane that, when marked dirty, repositions all its children
 * from the projection in layoutChildren (Gluon's markDirty / layoutLayer); a pan or zoom marks every layer
 * dirty, a worker update only the worker layer. Same colours, symbols, label rules and view path as the map.
 */
final class NodeMapScene extends Pane {
    /** The map's label thresholds (LabelPlacer): names from 40 px, small-grid labels from 56 px. */
    private static final double BIG_LABEL_MIN_PX = 40;
    private static final double SMALL_LABEL_MIN_PX = 56;
    private static final double CONE_MIN_RADIUS_PX = 6;

    final MapProjection projection = new MapProjection();
    private final BenchScene scene;
    private final Layer grids = new Layer(this::layoutGrids);
    private final Layer labels = new Layer(this::layoutLabels);
    private final Layer cameras = new Layer(this::layoutCameras);
    private final Layer resources = new Layer(this::layoutResources);
    private final Layer cases = new Layer(this::layoutCases);
    private final Layer workers = new Layer(this::layoutWorkers);

    private final List<double[][]> gridRings = new ArrayList<>();
    private final List<Polygon> gridNodes = new ArrayList<>();
    private final List<double[]> labelAt = new ArrayList<>();
    private final List<Text> labelText = new ArrayList<>();
    private final List<Rectangle> labelBox = new ArrayList<>();
    private final List<double[]> labelGridSize = new ArrayList<>();
    private final List<Boolean> labelBig = new ArrayList<>();
    private double labelsPlacedAt = Double.NaN;
    private final double[][] cameraAt;
    private final List<Arc> cones = new ArrayList<>();
    private final List<Rectangle> cameraDots = new ArrayList<>();
    private final double[][] resourceAt;
    private final List<Node> resourceNodes = new ArrayList<>();
    private final double[][] caseAt;
    private final List<Node> caseNodes = new ArrayList<>();
    private final List<Circle> halos = new ArrayList<>();
    private final List<double[]> haloAt = new ArrayList<>();
    private final Map<String, Integer> workerIndex = new HashMap<>();
    private final double[][] workerAt;
    private final List<Circle> workerNodes = new ArrayList<>();
    private double minX = Double.MAX_VALUE;
    private double minY = Double.MAX_VALUE;
    private double maxX = -Double.MAX_VALUE;
    private double maxY = -Double.MAX_VALUE;

    /** Gluon's MapLayer: a dirty flag and a full reposition of the layer's nodes on the next layout pass. */
    private static final class Layer extends Pane {
        private final Runnable layoutLayer;
        private boolean dirty = true;

        Layer(Runnable layoutLayer) {
            this.layoutLayer = layoutLayer;
            setManaged(false);
            setPickOnBounds(false);
        }

        void markDirty() {
            dirty = true;
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            if (dirty) {
                layoutLayer.run();
            }
            dirty = false;
        }
    }

    NodeMapScene(BenchScene scene) {
        this.scene = scene;
        setBackground(new Background(new BackgroundFill(MapStyle.BACKGROUND, null, null)));
        List<String> bigCodes = scene.district.bigGrids().stream().map(BigGrid::code).sorted().toList();
        for (SmallGrid g : scene.district.smallGrids()) {
            Color c = MapStyle.bigGridColour(Math.max(0, bigCodes.indexOf(g.bigGridCode())));
            addPolygon(g.area(), Color.color(c.getRed(), c.getGreen(), c.getBlue(), MapStyle.GRID_FILL_OPACITY),
                    MapStyle.SMALL_OUTLINE, 1.0);
            addLabel(g.area(), g.code().sequence(), false);
        }
        for (BigGrid b : scene.district.bigGrids()) {
            addPolygon(b.area(), null, MapStyle.BIG_OUTLINE, 2.4);
        }
        for (BigGrid b : scene.district.bigGrids()) {
            addLabel(b.area(), b.name().en(), true);
        }
        addPolygon(scene.district.outline(), null, MapStyle.DISTRICT_OUTLINE, 3.5);
        // Big-grid labels are placed first (priority), as in the map.
        reorderLabels();

        cameraAt = new double[scene.cameras.size()][];
        for (int i = 0; i < scene.cameras.size(); i++) {
            Camera c = scene.cameras.get(i);
            cameraAt[i] = mercator(c.position());
            Arc arc = new Arc();
            arc.setType(ArcType.ROUND);
            arc.setFill(MapStyle.CONE_FILL);
            arc.setStroke(MapStyle.CONE_STROKE);
            arc.setStartAngle(90 - c.headingDeg() - c.fovDeg() / 2);
            arc.setLength(c.fovDeg());
            cones.add(arc);
            Rectangle dot = new Rectangle(-3, -3, 6, 6);
            dot.setFill(MapStyle.CAMERA);
            dot.setStroke(Color.BLACK);
            cameraDots.add(dot);
        }
        cameras.getChildren().addAll(cones);
        cameras.getChildren().addAll(cameraDots);

        resourceAt = new double[scene.resources.size()][];
        for (int i = 0; i < scene.resources.size(); i++) {
            Resource r = scene.resources.get(i);
            resourceAt[i] = mercator(r.position());
            Rectangle box = new Rectangle(-8, -8, 16, 16);
            box.setArcWidth(4);
            box.setArcHeight(4);
            box.setFill(Color.web("#1d4ed8"));
            box.setStroke(Color.WHITE);
            box.setStrokeWidth(1.5);
            Text letter = new Text(MapStyle.resourceLetter(r.kind()));
            letter.setFont(MapStyle.symbolFont(1));
            letter.setFill(Color.WHITE);
            letter.setTextOrigin(VPos.CENTER);
            letter.setTextAlignment(TextAlignment.CENTER);
            letter.setX(-letter.getLayoutBounds().getWidth() / 2);
            Group g = new Group(box, letter);
            resourceNodes.add(g);
        }
        resources.getChildren().addAll(resourceNodes);

        caseAt = new double[scene.cases.size()][];
        List<Case> ordered = new ArrayList<>(scene.cases);
        ordered.sort((a, b) -> b.priority().compareTo(a.priority()));
        java.util.Set<String> blink = new java.util.HashSet<>(scene.blinking);
        for (int i = 0; i < ordered.size(); i++) {
            Case c = ordered.get(i);
            caseAt[i] = mercator(c.location());
            caseNodes.add(caseNode(c.priority()));
            if (blink.contains(c.id())) {
                Circle halo = new Circle(13, Color.TRANSPARENT);
                halo.setStroke(Color.WHITE);
                halo.setStrokeWidth(2.5);
                halos.add(halo);
                haloAt.add(caseAt[i]);
            }
        }
        cases.getChildren().addAll(caseNodes);
        cases.getChildren().addAll(halos);

        workerAt = new double[scene.workers.size()][];
        for (int i = 0; i < scene.workers.size(); i++) {
            GridWorker w = scene.workers.get(i);
            workerIndex.put(w.id(), i);
            workerAt[i] = mercator(w.lastPosition());
            Circle ring = new Circle(4.75, MapStyle.BACKGROUND);
            ring.setStroke(MapStyle.WORKER_ON);
            ring.setStrokeWidth(2.5);
            workerNodes.add(ring);
        }
        workers.getChildren().addAll(workerNodes);
        getChildren().addAll(grids, labels, cameras, resources, cases, workers);
    }

    void fit(double width, double height) {
        projection.fit(minX, minY, maxX, maxY, width, height, 16);
        viewChanged();
    }

    void panBy(double dx, double dy) {
        projection.panBy(dx, dy);
        viewChanged();
    }

    void zoomAt(double factor, double x, double y) {
        projection.zoomAt(factor, x, y);
        viewChanged();
    }

    void moveWorkers(Map<String, GeoPoint> positions) {
        positions.forEach((id, p) -> {
            Integer i = workerIndex.get(id);
            if (i != null) {
                workerAt[i] = mercator(p);
            }
        });
        workers.markDirty();
    }

    void setBlinkOn(boolean on) {
        for (Circle halo : halos) {
            halo.setVisible(on);
        }
    }

    private void viewChanged() {
        grids.markDirty();
        labels.markDirty();
        cameras.markDirty();
        resources.markDirty();
        cases.markDirty();
        workers.markDirty();
    }

    // ---------------------------------------------------------------- layout per layer

    private void layoutGrids() {
        for (int i = 0; i < gridNodes.size(); i++) {
            double[][] ring = gridRings.get(i);
            double[] pts = new double[ring[0].length * 2];
            for (int k = 0; k < ring[0].length; k++) {
                pts[2 * k] = projection.screenX(ring[0][k]);
                pts[2 * k + 1] = projection.screenY(ring[1][k]);
            }
            gridNodes.get(i).getPoints().setAll(box(pts));
        }
    }

    private static Double[] box(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private void layoutLabels() {
        double ppm = projection.pixelsPerMetre();
        if (ppm != labelsPlacedAt) {
            labelsPlacedAt = ppm;
            List<double[]> boxes = new ArrayList<>();
            for (int i = 0; i < labelText.size(); i++) {
                double[] size = labelGridSize.get(i);
                double min = labelBig.get(i) ? BIG_LABEL_MIN_PX : SMALL_LABEL_MIN_PX;
                boolean show = Math.min(size[0], size[1]) * ppm >= min;
                if (show) {
                    double w = labelBox.get(i).getWidth();
                    double h = labelBox.get(i).getHeight();
                    double cx = labelAt.get(i)[0] * ppm;
                    double cy = -labelAt.get(i)[1] * ppm;
                    double[] b = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
                    for (double[] o : boxes) {
                        if (b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]) {
                            show = false;
                            break;
                        }
                    }
                    if (show) {
                        boxes.add(b);
                    }
                }
                labelText.get(i).setVisible(show);
                labelBox.get(i).setVisible(show);
            }
        }
        for (int i = 0; i < labelText.size(); i++) {
            double x = projection.screenX(labelAt.get(i)[0]);
            double y = projection.screenY(labelAt.get(i)[1]);
            Rectangle r = labelBox.get(i);
            r.setTranslateX(x - r.getWidth() / 2);
            r.setTranslateY(y - r.getHeight() / 2);
            Text t = labelText.get(i);
            t.setTranslateX(x - t.getLayoutBounds().getWidth() / 2);
            t.setTranslateY(y);
        }
    }

    private void layoutCameras() {
        double ppm = projection.pixelsPerMetre();
        for (int i = 0; i < cameraAt.length; i++) {
            double x = projection.screenX(cameraAt[i][0]);
            double y = projection.screenY(cameraAt[i][1]);
            Camera c = scene.cameras.get(i);
            double r = c.rangeMetres() / Math.cos(Math.toRadians(c.position().lat())) * ppm;
            Arc arc = cones.get(i);
            arc.setVisible(r >= CONE_MIN_RADIUS_PX);
            arc.setCenterX(x);
            arc.setCenterY(y);
            arc.setRadiusX(r);
            arc.setRadiusY(r);
            cameraDots.get(i).setTranslateX(x);
            cameraDots.get(i).setTranslateY(y);
        }
    }

    private void layoutResources() {
        place(resourceNodes, resourceAt);
    }

    private void layoutCases() {
        place(caseNodes, caseAt);
        for (int i = 0; i < halos.size(); i++) {
            halos.get(i).setTranslateX(projection.screenX(haloAt.get(i)[0]));
            halos.get(i).setTranslateY(projection.screenY(haloAt.get(i)[1]));
        }
    }

    private void layoutWorkers() {
        for (int i = 0; i < workerNodes.size(); i++) {
            workerNodes.get(i).setTranslateX(projection.screenX(workerAt[i][0]));
            workerNodes.get(i).setTranslateY(projection.screenY(workerAt[i][1]));
        }
    }

    private void place(List<Node> nodes, double[][] at) {
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).setTranslateX(projection.screenX(at[i][0]));
            nodes.get(i).setTranslateY(projection.screenY(at[i][1]));
        }
    }

    // ---------------------------------------------------------------- building

    private static Node caseNode(Priority p) {
        double s = MapStyle.caseRadius(p, 1);
        Shape shape = switch (p) {
            case URGENT -> new Polygon(0, -s, s, s * 0.8, -s, s * 0.8);
            case HIGH -> new Polygon(0, -s, s, 0, 0, s, -s, 0);
            default -> new Circle(s);
        };
        shape.setFill(MapStyle.caseColour(p));
        shape.setStroke(Color.WHITE);
        shape.setStrokeWidth(1.5);
        return shape;
    }

    private void addPolygon(Geometry area, Color fill, Color stroke, double width) {
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (area.getGeometryN(i) instanceof org.locationtech.jts.geom.Polygon polygon) {
                Coordinate[] cs = polygon.getExteriorRing().getCoordinates();
                double[] xs = new double[cs.length];
                double[] ys = new double[cs.length];
                for (int k = 0; k < cs.length; k++) {
                    xs[k] = WebMercator.x(cs[k].x);
                    ys[k] = WebMercator.y(cs[k].y);
                    minX = Math.min(minX, xs[k]);
                    minY = Math.min(minY, ys[k]);
                    maxX = Math.max(maxX, xs[k]);
                    maxY = Math.max(maxY, ys[k]);
                }
                gridRings.add(new double[][] {xs, ys});
                javafx.scene.shape.Polygon node = new javafx.scene.shape.Polygon();
                node.setFill(fill);
                node.setStroke(stroke);
                node.setStrokeWidth(width);
                node.setStrokeLineJoin(StrokeLineJoin.ROUND);
                gridNodes.add(node);
                grids.getChildren().add(node);
            }
        }
    }

    private void addLabel(Geometry area, String text, boolean big) {
        Coordinate c = area.getInteriorPoint().getCoordinate();
        labelAt.add(new double[] {WebMercator.x(c.x), WebMercator.y(c.y)});
        org.locationtech.jts.geom.Envelope e = area.getEnvelopeInternal();
        labelGridSize.add(new double[] {WebMercator.x(e.getMaxX()) - WebMercator.x(e.getMinX()),
            WebMercator.y(e.getMaxY()) - WebMercator.y(e.getMinY())});
        Font font = MapStyle.labelFont(big, 1);
        Text t = new Text(text);
        t.setFont(font);
        t.setFill(big ? MapStyle.BIG_LABEL : MapStyle.SMALL_LABEL);
        t.setTextOrigin(VPos.CENTER);
        Rectangle box = new Rectangle(t.getLayoutBounds().getWidth() + 8, t.getLayoutBounds().getHeight() + 2);
        box.setArcWidth(6);
        box.setArcHeight(6);
        box.setFill(MapStyle.LABEL_BOX);
        labelText.add(t);
        labelBox.add(box);
        labelBig.add(big);
    }

    private void reorderLabels() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labelText.size(); i++) {
            if (labelBig.get(i)) {
                order.add(i);
            }
        }
        for (int i = 0; i < labelText.size(); i++) {
            if (!labelBig.get(i)) {
                order.add(i);
            }
        }
        List<double[]> at = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        List<Rectangle> boxes = new ArrayList<>();
        List<double[]> sizes = new ArrayList<>();
        List<Boolean> bigs = new ArrayList<>();
        for (int i : order) {
            at.add(labelAt.get(i));
            texts.add(labelText.get(i));
            boxes.add(labelBox.get(i));
            sizes.add(labelGridSize.get(i));
            bigs.add(labelBig.get(i));
        }
        labelAt.clear();
        labelAt.addAll(at);
        labelText.clear();
        labelText.addAll(texts);
        labelBox.clear();
        labelBox.addAll(boxes);
        labelGridSize.clear();
        labelGridSize.addAll(sizes);
        labelBig.clear();
        labelBig.addAll(bigs);
        for (int i = 0; i < labelText.size(); i++) {
            labels.getChildren().addAll(labelBox.get(i), labelText.get(i));
        }
    }

    private static double[] mercator(GeoPoint p) {
        return new double[] {WebMercator.x(p.lon()), WebMercator.y(p.lat())};
    }
}
