package org.gridcommand.bench.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.demo.DemoDistrict;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.directory.Resource;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The benchmark's scene, the same for every contender: the demo district (16 big and 136 small grids),
 * its 408 cameras and 61 resources, all 316 grid workers with a position, 5,000 open cases at random points
 * inside the grids (5 % urgent, 15 % high, 50 % normal, 30 % low), and 50 of them blinking. Deterministic.
 */
public final class BenchScene {
    public static final int CASES = 5_000;
    public static final int BLINKING = 50;
    private static final long SEED = 20_240_611L;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    final District district;
    final List<Camera> cameras;
    final List<Resource> resources;
    final List<GridWorker> workers;
    final List<Case> cases;
    final List<String> blinking;
    private SplittableRandom walk = new SplittableRandom(SEED + 1);
    private final Envelope box;
    private final Map<String, double[]> positions = new LinkedHashMap<>();
    private final Map<String, double[]> start = new LinkedHashMap<>();

    private BenchScene() {
        DemoDistrict demo = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
        district = demo.district();
        cameras = demo.cameras();
        resources = demo.resources();
        box = district.outline().getEnvelopeInternal();
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<SmallGrid> grids = district.smallGrids();
        List<PreparedGeometry> prepared = grids.stream().map(g -> PreparedGeometryFactory.prepare(g.area())).toList();
        Map<String, Integer> gridIndex = new LinkedHashMap<>();
        for (int i = 0; i < grids.size(); i++) {
            gridIndex.put(grids.get(i).code().value(), i);
        }
        List<GridWorker> all = new ArrayList<>();
        for (GridWorker w : district.gridWorkers()) {
            GeoPoint p = w.lastPosition() != null ? w.lastPosition()
                    : pointIn(prepared.get(gridIndex.get(w.smallGrid().value())), rnd);
            all.add(new GridWorker(w.id(), w.name(), w.phone(), w.smallGrid(), DutyStatus.ON_DUTY, p));
            positions.put(w.id(), new double[] {p.lon(), p.lat()});
            start.put(w.id(), new double[] {p.lon(), p.lat()});
        }
        workers = List.copyOf(all);
        List<Case> list = new ArrayList<>(CASES);
        Instant t0 = Instant.parse("2024-06-11T00:30:00Z");
        for (int i = 0; i < CASES; i++) {
            int g = rnd.nextInt(grids.size());
            double u = rnd.nextDouble();
            Priority p = u < 0.05 ? Priority.URGENT : u < 0.20 ? Priority.HIGH : u < 0.70 ? Priority.NORMAL : Priority.LOW;
            GeoPoint at = pointIn(prepared.get(g), rnd);
            list.add(new Case(String.format("BENCH%05d", i), Channel.GRID_WORKER, "0201", at,
                    grids.get(g).code().value(), "", "", p, CaseState.DISPATCHED, t0.plusSeconds(i * 60L),
                    null, null, null, "bench"));
        }
        cases = List.copyOf(list);
        List<String> blink = new ArrayList<>();
        for (int i = 0; i < BLINKING; i++) {
            blink.add(cases.get(i * (CASES / BLINKING)).id());
        }
        blinking = List.copyOf(blink);
    }

    public static BenchScene build() {
        return new BenchScene();
    }

    /** Back to the first positions and the same walk, so every contender sees the same moves. */
    void resetWalk() {
        walk = new SplittableRandom(SEED + 1);
        start.forEach((id, p) -> positions.put(id, p.clone()));
    }

    /** Everyone takes a step of 5 to 15 m (walking plus GPS jitter), kept inside the district's box. */
    Map<String, GeoPoint> step() {
        Map<String, GeoPoint> moved = new LinkedHashMap<>();
        double metresPerDegLat = 110_574;
        for (Map.Entry<String, double[]> e : positions.entrySet()) {
            double[] p = e.getValue();
            double metres = 5 + walk.nextDouble() * 10;
            double angle = walk.nextDouble() * 2 * Math.PI;
            double metresPerDegLon = 111_320 * Math.cos(Math.toRadians(p[1]));
            p[0] = Math.max(box.getMinX(), Math.min(box.getMaxX(), p[0] + metres * Math.cos(angle) / metresPerDegLon));
            p[1] = Math.max(box.getMinY(), Math.min(box.getMaxY(), p[1] + metres * Math.sin(angle) / metresPerDegLat));
            moved.put(e.getKey(), new GeoPoint(p[0], p[1]));
        }
        return moved;
    }

    private static GeoPoint pointIn(PreparedGeometry area, SplittableRandom rnd) {
        Envelope env = area.getGeometry().getEnvelopeInternal();
        for (int tries = 0; tries < 10_000; tries++) {
            double lon = env.getMinX() + rnd.nextDouble() * env.getWidth();
            double lat = env.getMinY() + rnd.nextDouble() * env.getHeight();
            if (area.contains(GEOMETRY.createPoint(new Coordinate(lon, lat)))) {
                return new GeoPoint(lon, lat);
            }
        }
        Coordinate c = area.getGeometry().getInteriorPoint().getCoordinate();
        return new GeoPoint(c.x, c.y);
    }
}
