package org.gridcommand.ui.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.cases.Case;
import org.gridcommand.directory.Resource;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.geo.WebMercator;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Everything the map shows, projected once to Web Mercator metres in the display datum (the base tiles'
 * datum), so drawing only scales and shifts. Keeps the source records to re-project when the datum changes
 * and to answer hit tests with the real feature. FX thread only.
 */
final class MapData {
    private Datum datum = Datum.WGS84;

    District district;
    private Function<BigGrid, String> bigName = b -> b.name().en();
    private Function<SmallGrid, String> smallLabel = s -> s.code().sequence();
    final List<Shape> smallGrids = new ArrayList<>();
    final List<Shape> bigGrids = new ArrayList<>();
    final List<Shape> outline = new ArrayList<>();
    double minX = Double.NaN;
    double minY;
    double maxX;
    double maxY;

    List<Camera> cameras = List.of();
    double[] cameraX = new double[0];
    double[] cameraY = new double[0];
    /** Camera range in mercator metres (ground metres stretched by 1/cos(lat)). */
    double[] cameraRange = new double[0];
    /**
     * Per camera (same order as cameras): its signal state as drawn, or null while no status board feeds the
     * map (then every camera is the plain symbol).
     */
    CameraStatus.State[] cameraState;
    /** The statuses last given, by camera id; cameras absent are never seen. */
    private Map<String, CameraStatus> cameraStatuses = Map.of();

    List<Resource> resources = List.of();
    /** Which camera and resource symbols each scale shows; forgotten when either list changes. */
    final SymbolThinning thinning = new SymbolThinning();
    double[] resourceX = new double[0];
    double[] resourceY = new double[0];

    /** Open cases with a location, urgent last so they are drawn on top. */
    List<Case> cases = List.of();
    double[] caseX = new double[0];
    double[] caseY = new double[0];
    boolean[] caseBlinks = new boolean[0];
    private Set<String> blinkingIds = Set.of();

    List<GridWorker> workers = List.of();
    double[] workerX = new double[0];
    double[] workerY = new double[0];
    boolean[] workerPlaced = new boolean[0];
    private final Map<String, Integer> workerIndex = new HashMap<>();

    final Map<String, List<OverlayShape>> overlays = new LinkedHashMap<>();
    final Map<String, List<ProjectedOverlay>> projectedOverlays = new LinkedHashMap<>();

    /** Per small grid (same order as smallGrids): null fills by big grid. */
    Map<String, Double> metric;
    String metricTitle = "";
    double metricMin;
    double metricMax;

    Datum datum() {
        return datum;
    }

    /** Changes the display datum and re-projects every feature. */
    void setDatum(Datum newDatum) {
        if (newDatum == datum) {
            return;
        }
        datum = newDatum;
        if (district != null) {
            setDistrict(district, bigName, smallLabel);
        }
        setCameras(cameras);
        setResources(resources);
        List<Case> shown = cases;
        cases = List.of();
        caseX = new double[0];
        caseY = new double[0];
        caseBlinks = new boolean[0];
        setCases(shown, blinkingIds);
        setWorkers(workers);
        Map<String, List<OverlayShape>> copy = new LinkedHashMap<>(overlays);
        projectedOverlays.clear();
        copy.forEach(this::setOverlay);
    }

    // ---------------------------------------------------------------- projection

    double mercX(double lon, double lat) {
        if (datum == Datum.WGS84) {
            return WebMercator.x(lon);
        }
        return WebMercator.x(ChinaDatums.fromWgs84(lon, lat, datum)[0]);
    }

    double mercY(double lon, double lat) {
        if (datum == Datum.WGS84) {
            return WebMercator.y(lat);
        }
        return WebMercator.y(ChinaDatums.fromWgs84(lon, lat, datum)[1]);
    }

    double[] toMercator(double lon, double lat) {
        double[] p = datum == Datum.WGS84 ? new double[] {lon, lat} : ChinaDatums.fromWgs84(lon, lat, datum);
        return new double[] {WebMercator.x(p[0]), WebMercator.y(p[1])};
    }

    GeoPoint toWgs84(double mercatorX, double mercatorY) {
        double lon = Math.max(-180, Math.min(180, WebMercator.lon(mercatorX)));
        double lat = Math.max(-90, Math.min(90, WebMercator.lat(mercatorY)));
        return datum == Datum.WGS84 ? new GeoPoint(lon, lat) : ChinaDatums.toWgs84(lon, lat, datum);
    }

    // ---------------------------------------------------------------- setters

    void setDistrict(District d, Function<BigGrid, String> big, Function<SmallGrid, String> small) {
        district = d;
        bigName = big;
        smallLabel = small;
        smallGrids.clear();
        bigGrids.clear();
        outline.clear();
        List<String> bigCodes = d.bigGrids().stream().map(BigGrid::code).sorted().toList();
        Map<String, BigGrid> bigByCode = d.bigGridsByCode();
        for (SmallGrid grid : d.smallGrids()) {
            Shape s = shape(grid.area(), Math.max(0, bigCodes.indexOf(grid.bigGridCode())), small.apply(grid));
            s.grid = grid;
            smallGrids.add(s);
        }
        for (int i = 0; i < bigCodes.size(); i++) {
            BigGrid b = bigByCode.get(bigCodes.get(i));
            Shape s = shape(b.area(), i, big.apply(b));
            s.big = b;
            bigGrids.add(s);
        }
        Shape o = shape(d.outline(), 0, "");
        outline.add(o);
        minX = o.minX;
        minY = o.minY;
        maxX = o.maxX;
        maxY = o.maxY;
        recomputeMetricRange();
    }

    boolean hasExtent() {
        return !Double.isNaN(minX);
    }

    void setCameras(List<Camera> list) {
        thinning.clear();
        cameras = List.copyOf(list);
        int n = cameras.size();
        cameraX = new double[n];
        cameraY = new double[n];
        cameraRange = new double[n];
        for (int i = 0; i < n; i++) {
            GeoPoint p = cameras.get(i).position();
            double[] m = toMercator(p.lon(), p.lat());
            cameraX[i] = m[0];
            cameraY[i] = m[1];
            cameraRange[i] = cameras.get(i).rangeMetres() / Math.cos(Math.toRadians(p.lat()));
        }
        if (cameraState != null) {
            cameraState = statesOf(cameras, cameraStatuses);
        }
    }

    /**
     * Marks the cameras by signal status from now on. Returns false when no camera's drawn state changed (a
     * new "lost since" or latest frame alone changes no pixel), so the caller redraws only for real changes.
     */
    boolean setCameraStatuses(Map<String, CameraStatus> statuses) {
        cameraStatuses = Map.copyOf(statuses);
        CameraStatus.State[] next = statesOf(cameras, cameraStatuses);
        boolean changed = cameraState == null || !java.util.Arrays.equals(cameraState, next);
        cameraState = next;
        if (changed) {
            // Lost cameras are shown before the others at every scale (see SymbolThinning).
            thinning.clear();
        }
        return changed;
    }

    /** The status last given for a camera: never seen when absent, null while statuses are not shown. */
    CameraStatus cameraStatus(String cameraId) {
        return cameraState == null ? null : cameraStatuses.getOrDefault(cameraId, CameraStatus.NEVER_SEEN);
    }

    private static CameraStatus.State[] statesOf(List<Camera> list, Map<String, CameraStatus> statuses) {
        CameraStatus.State[] states = new CameraStatus.State[list.size()];
        for (int i = 0; i < states.length; i++) {
            CameraStatus status = statuses.get(list.get(i).id());
            states[i] = status == null ? CameraStatus.State.NEVER_SEEN : status.state();
        }
        return states;
    }

    void setResources(List<Resource> list) {
        thinning.clear();
        resources = List.copyOf(list);
        int n = resources.size();
        resourceX = new double[n];
        resourceY = new double[n];
        for (int i = 0; i < n; i++) {
            GeoPoint p = resources.get(i).position();
            double[] m = toMercator(p.lon(), p.lat());
            resourceX[i] = m[0];
            resourceY[i] = m[1];
        }
    }

    /** Returns false when nothing drawn changed (same cases, places, priorities and blinking). */
    boolean setCases(List<Case> list, Collection<String> blinking) {
        blinkingIds = Set.copyOf(blinking);
        List<Case> open = new ArrayList<>();
        for (Case c : list) {
            if (c.location() != null && c.state().isOpen()) {
                open.add(c);
            }
        }
        // Lower priorities first, so urgent symbols end up on top wherever they overlap.
        open.sort((a, b) -> b.priority().compareTo(a.priority()));
        int n = open.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        boolean[] blinks = new boolean[n];
        boolean same = n == cases.size();
        for (int i = 0; i < n; i++) {
            Case c = open.get(i);
            double[] m = toMercator(c.location().lon(), c.location().lat());
            xs[i] = m[0];
            ys[i] = m[1];
            blinks[i] = blinkingIds.contains(c.id());
            same = same && xs[i] == caseX[i] && ys[i] == caseY[i] && blinks[i] == caseBlinks[i]
                    && c.priority() == cases.get(i).priority() && c.id().equals(cases.get(i).id());
        }
        cases = List.copyOf(open);
        caseX = xs;
        caseY = ys;
        caseBlinks = blinks;
        return !same;
    }

    /** Returns false when the blinking set of the shown cases did not change. */
    boolean setBlinking(Collection<String> ids) {
        blinkingIds = Set.copyOf(ids);
        boolean[] blinks = new boolean[cases.size()];
        boolean same = true;
        for (int i = 0; i < cases.size(); i++) {
            blinks[i] = blinkingIds.contains(cases.get(i).id());
            same &= blinks[i] == caseBlinks[i];
        }
        caseBlinks = blinks;
        return !same;
    }

    Set<String> blinkingIds() {
        return blinkingIds;
    }

    boolean anyBlinking() {
        for (boolean b : caseBlinks) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    void setWorkers(List<GridWorker> list) {
        workers = new ArrayList<>(list);
        int n = workers.size();
        workerX = new double[n];
        workerY = new double[n];
        workerPlaced = new boolean[n];
        workerIndex.clear();
        for (int i = 0; i < n; i++) {
            GridWorker w = workers.get(i);
            workerIndex.put(w.id(), i);
            place(i, w.lastPosition());
        }
    }

    /** Returns true when some known worker moved. */
    boolean moveWorkers(Map<String, GeoPoint> positions) {
        boolean any = false;
        for (Map.Entry<String, GeoPoint> e : positions.entrySet()) {
            Integer i = workerIndex.get(e.getKey());
            if (i == null) {
                continue;
            }
            GridWorker w = workers.get(i);
            workers.set(i, new GridWorker(w.id(), w.name(), w.phone(), w.smallGrid(), w.dutyStatus(), e.getValue()));
            place(i, e.getValue());
            any = true;
        }
        return any;
    }

    private void place(int i, GeoPoint p) {
        workerPlaced[i] = p != null;
        if (p != null) {
            double[] m = toMercator(p.lon(), p.lat());
            workerX[i] = m[0];
            workerY[i] = m[1];
        }
    }

    void setOverlay(String key, List<OverlayShape> shapes) {
        if (shapes == null || shapes.isEmpty()) {
            overlays.remove(key);
            projectedOverlays.remove(key);
            return;
        }
        overlays.put(key, List.copyOf(shapes));
        List<ProjectedOverlay> projected = new ArrayList<>();
        for (OverlayShape s : shapes) {
            projected.add(project(s));
        }
        projectedOverlays.put(key, projected);
    }

    void setMetric(Map<String, Double> values, String title) {
        metric = values == null ? null : Map.copyOf(values);
        metricTitle = title == null ? "" : title;
        recomputeMetricRange();
    }

    private void recomputeMetricRange() {
        if (metric == null) {
            return;
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (Shape s : smallGrids) {
            Double v = metric.get(s.grid.code().value());
            if (v != null && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        metricMin = lo == Double.MAX_VALUE ? 0 : lo;
        metricMax = hi == -Double.MAX_VALUE ? 1 : hi;
    }

    /** The fill of a small grid under the current fill mode, before opacity. */
    javafx.scene.paint.Color fillOf(Shape s) {
        if (metric == null) {
            return MapStyle.bigGridColour(s.colour);
        }
        Double v = metric.get(s.grid.code().value());
        if (v == null || !Double.isFinite(v)) {
            return MapStyle.NO_VALUE;
        }
        double span = metricMax - metricMin;
        return MapStyle.metricColour(span <= 0 ? 1 : (v - metricMin) / span);
    }

    // ---------------------------------------------------------------- hit tests (mercator)

    /** The small grid containing the mercator point, or null. */
    Shape smallGridAt(double mx, double my) {
        for (Shape s : smallGrids) {
            if (mx >= s.minX && mx <= s.maxX && my >= s.minY && my <= s.maxY && s.contains(mx, my)) {
                return s;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- shapes

    private Shape shape(Geometry geometry, int colour, String label) {
        Shape shape = new Shape(colour, label == null ? "" : label);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                shape.addRing(polygon.getExteriorRing().getCoordinates(), this);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    shape.addRing(polygon.getInteriorRingN(h).getCoordinates(), this);
                }
            }
        }
        Point inside = geometry.getInteriorPoint();
        double[] m = toMercator(inside.getX(), inside.getY());
        shape.labelX = m[0];
        shape.labelY = m[1];
        return shape;
    }

    private ProjectedOverlay project(OverlayShape s) {
        ProjectedOverlay p = new ProjectedOverlay(s);
        addParts(s.wgs84(), p);
        return p;
    }

    private void addParts(Geometry g, ProjectedOverlay p) {
        if (g instanceof Polygon polygon) {
            List<double[][]> rings = new ArrayList<>();
            rings.add(ring(polygon.getExteriorRing().getCoordinates()));
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                rings.add(ring(polygon.getInteriorRingN(h).getCoordinates()));
            }
            p.polygons.add(rings);
        } else if (g instanceof LineString line) {
            p.lines.add(ring(line.getCoordinates()));
        } else if (g instanceof Point point) {
            p.points.add(toMercator(point.getX(), point.getY()));
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part != g) {
                    addParts(part, p);
                }
            }
        }
        Coordinate c = g.isEmpty() ? null : g.getInteriorPoint().getCoordinate();
        if (c != null && p.labelAt == null) {
            p.labelAt = toMercator(c.x, c.y);
        }
    }

    private double[][] ring(Coordinate[] coordinates) {
        double[] xs = new double[coordinates.length];
        double[] ys = new double[coordinates.length];
        for (int i = 0; i < coordinates.length; i++) {
            double[] m = toMercator(coordinates[i].x, coordinates[i].y);
            xs[i] = m[0];
            ys[i] = m[1];
        }
        return new double[][] {xs, ys};
    }

    /** Ids of every case currently shown, to keep a selection across updates. */
    Set<String> caseIds() {
        Set<String> ids = new HashSet<>();
        for (Case c : cases) {
            ids.add(c.id());
        }
        return ids;
    }

    /** A grid polygon (or the outline) in mercator metres: rings with their box. */
    static final class Shape {
        final List<double[][]> rings = new ArrayList<>();
        final int colour;
        final String label;
        SmallGrid grid;
        BigGrid big;
        double labelX;
        double labelY;
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;

        Shape(int colour, String label) {
            this.colour = colour;
            this.label = label;
        }

        void addRing(Coordinate[] coordinates, MapData data) {
            double[] xs = new double[coordinates.length];
            double[] ys = new double[coordinates.length];
            for (int i = 0; i < coordinates.length; i++) {
                double[] m = data.toMercator(coordinates[i].x, coordinates[i].y);
                xs[i] = m[0];
                ys[i] = m[1];
                minX = Math.min(minX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxX = Math.max(maxX, xs[i]);
                maxY = Math.max(maxY, ys[i]);
            }
            rings.add(new double[][] {xs, ys});
        }

        /** Even-odd rule over all rings, so holes are outside. */
        boolean contains(double x, double y) {
            boolean inside = false;
            for (double[][] ring : rings) {
                double[] xs = ring[0];
                double[] ys = ring[1];
                for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                    if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }
    }

    /** An overlay shape's parts in mercator metres. */
    static final class ProjectedOverlay {
        final OverlayShape source;
        final List<List<double[][]>> polygons = new ArrayList<>();
        final List<double[][]> lines = new ArrayList<>();
        final List<double[]> points = new ArrayList<>();
        double[] labelAt;

        ProjectedOverlay(OverlayShape source) {
            this.source = source;
        }
    }
}
