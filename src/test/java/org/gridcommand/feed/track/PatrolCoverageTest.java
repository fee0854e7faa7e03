package org.gridcommand.feed.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

class PatrolCoverageTest {
    private static final System.Logger LOG = System.getLogger(PatrolCoverageTest.class.getName());
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2024, 5, 6);
    private static final Duration STEP = Duration.ofSeconds(5);

    private static District district;
    private static GridLocator locator;
    private static PatrolCoverage coverage;
    private static Shift dayShift;

    @BeforeAll
    static void setUp() {
        district = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
        locator = new GridLocator(district);
        coverage = new PatrolCoverage(district, locator, CoverageSettings.DEFAULTS);
        dayShift = ShiftTable.loadDefault().shift("day").orElseThrow();
    }

    private static SmallGrid grid(int index) {
        return locator.grids().get(index);
    }

    private static List<GridWorker> workersOf(SmallGrid g) {
        return district.workersOf(g.code());
    }

    /** A lawn-mower walk over the grid's bounding box, rows 20 m apart, keeping the fixes inside the grid. */
    private static Track lawnMower(GridWorker worker, SmallGrid g, Instant start) {
        Envelope env = g.area().getEnvelopeInternal();
        GeoPoint sw = new GeoPoint(env.getMinX(), env.getMinY());
        Walker w = new Walker(worker.id(), sw, start, STEP, 3, 11);
        double width = (env.getMaxX() - env.getMinX()) * 111_320 * Math.cos(Math.toRadians(env.getMinY()));
        double height = (env.getMaxY() - env.getMinY()) * 110_574;
        boolean east = true;
        w.jumpTo(0, 5);
        for (double y = 5; y < height; y += 20) {
            w.walkTo(w.x(), y, 1.4);
            w.walkTo(east ? width : 0, y, 1.4);
            east = !east;
        }
        int own = locator.grids().indexOf(g);
        List<GpsFix> inside = w.fixes().stream()
                .filter(f -> locator.locateIndex(f.position().lon(), f.position().lat()) == own).toList();
        return Track.of(worker.id(), inside);
    }

    private static GeoPoint interior(SmallGrid g) {
        Point p = g.area().getInteriorPoint();
        return new GeoPoint(p.getX(), p.getY());
    }

    @Test
    void aLawnMowerWalkCoversTheGridAStandingWorkerOneCell() {
        SmallGrid g = grid(10);
        GridWorker mower = workersOf(g).get(0);
        ShiftWindow shift = dayShift.on(DAY, SHANGHAI);
        Track mowed = lawnMower(mower, g, shift.from().plusSeconds(600));
        assertThat(mowed.end().orElseThrow()).isBefore(shift.to());

        SmallGrid h = grid(20);
        GridWorker stander = workersOf(h).get(0);
        // Standing at a cell's centre all shift, with 3 m jitter: one cell.
        CellRaster raster = coverage.raster(h.code()).orElseThrow();
        GeoPoint spot = raster.cellCentre(raster.cellOf(interior(h).lon(), interior(h).lat()));
        Walker still = new Walker(stander.id(), spot, shift.from(), Duration.ofSeconds(30), 3, 5);
        still.stay(shift.duration());

        CoverageReport report = coverage.forShift(List.of(mowed, still.track()), dayShift, DAY, SHANGHAI);
        GridCoverage gc = report.grid(g.code()).orElseThrow();
        assertThat(gc.cellsInside()).isGreaterThan(300);
        assertThat(gc.coverage()).as("%s", gc).isGreaterThan(0.97);
        assertThat(gc.workerIds()).contains(mower.id());
        assertThat(gc.visitedCells()).hasSize(gc.cellsVisited());
        assertThat(gc.unvisitedCells().length + gc.cellsVisited()).isEqualTo(gc.cellsInside());
        assertThat(gc.visitedCellCentres()).allSatisfy(p ->
                assertThat(locator.locate(p.lon(), p.lat()).map(SmallGrid::code)).contains(g.code()));

        GridCoverage hc = report.grid(h.code()).orElseThrow();
        assertThat(hc.cellsVisited()).isEqualTo(1);
        assertThat(hc.coverage()).isEqualTo(1.0 / hc.cellsInside());

        WorkerPatrol m = report.worker(mower.id()).orElseThrow();
        assertThat(m.fixCount()).isEqualTo(mowed.size());
        assertThat(m.fixesOutside()).isZero();
        assertThat(m.outside()).isFalse();
        WorkerPatrol s = report.worker(stander.id()).orElseThrow();
        assertThat(s.unseen()).isFalse();
        assertThat(s.longestUnseen()).isLessThanOrEqualTo(Duration.ofSeconds(30));
        // A grid nobody walked: nothing covered.
        assertThat(report.grid(grid(30).code()).orElseThrow().cellsVisited()).isZero();
        assertThat(report.districtCoverage()).isBetween(0.0, 0.02);
        assertThat(report.unknownWorkers()).isEmpty();
    }

    @Test
    void aWorkerWalkingInAnotherGridIsOutsideAndCoversNeither() {
        SmallGrid own = grid(40);
        SmallGrid other = grid(41);
        GridWorker stray = workersOf(own).get(0);
        ShiftWindow shift = dayShift.on(DAY, SHANGHAI);
        // Walks rounds of a 60 m square in the middle of the neighbouring grid for two hours.
        Walker w = new Walker(stray.id(), interior(other), shift.from().plusSeconds(60), STEP, 3, 4);
        while (w.now().isBefore(shift.from().plus(Duration.ofHours(2)))) {
            w.walkTo(60, 0, 1.2).walkTo(60, 60, 1.2).walkTo(0, 60, 1.2).walkTo(0, 0, 1.2);
        }
        Track strayed = w.track();
        int otherIndex = locator.grids().indexOf(other);
        for (int i = 0; i < strayed.size(); i++) {
            assertThat(locator.locateIndex(strayed.lon(i), strayed.lat(i))).isEqualTo(otherIndex);
        }
        CoverageReport report = coverage.compute(List.of(strayed), shift.from(), shift.to());
        WorkerPatrol p = report.worker(stray.id()).orElseThrow();
        assertThat(p.fixCount()).isPositive();
        assertThat(p.outsideShare()).isEqualTo(1.0);
        assertThat(p.outside()).isTrue();
        assertThat(report.outsideTheirGrid()).extracting(WorkerPatrol::workerId).containsExactly(stray.id());
        assertThat(report.grid(other.code()).orElseThrow().cellsVisited()).isZero();
        assertThat(report.grid(own.code()).orElseThrow().cellsVisited()).isZero();
    }

    @Test
    void workersWithoutFixesForHoursAreUnseen() {
        SmallGrid g = grid(50);
        List<GridWorker> ws = workersOf(g);
        ShiftWindow shift = dayShift.on(DAY, SHANGHAI);
        // The first works the first hour only; the second all shift; the others send nothing.
        Walker early = new Walker(ws.get(0).id(), interior(g), shift.from(), STEP, 5, 1);
        early.stay(Duration.ofHours(1));
        Walker steady = new Walker(ws.get(1).id(), interior(g), shift.from().plusSeconds(2), Duration.ofMinutes(1), 5, 2);
        steady.stay(shift.duration().minusMinutes(1));
        Track unknown = new Walker("not-a-worker", interior(g), shift.from(), STEP, 0, 3).stay(Duration.ofMinutes(5)).track();

        CoverageReport report = coverage.compute(List.of(early.track(), steady.track(), unknown), shift.from(), shift.to());
        WorkerPatrol e = report.worker(ws.get(0).id()).orElseThrow();
        assertThat(e.unseen()).isTrue();
        assertThat(e.longestUnseen()).isBetween(Duration.ofHours(11), Duration.ofHours(11).plusSeconds(5));
        assertThat(e.lastSeen()).contains(shift.from().plus(Duration.ofHours(1)).minus(STEP));
        assertThat(report.worker(ws.get(1).id()).orElseThrow().unseen()).isFalse();
        // Every worker of the district is in the report; those without a track are unseen all shift.
        assertThat(report.workers()).hasSize(district.gridWorkers().size());
        WorkerPatrol none = report.workers().stream().filter(w -> w.fixCount() == 0).findFirst().orElseThrow();
        assertThat(none.unseen()).isTrue();
        assertThat(none.longestUnseen()).isEqualTo(Duration.ofHours(12));
        assertThat(none.lastSeen()).isEmpty();
        assertThat(report.unseen()).hasSize(district.gridWorkers().size() - 1);
        assertThat(report.unknownWorkers()).containsExactly("not-a-worker");
        // With a 12 h limit nobody who was seen at all is unseen.
        CoverageReport lenient = new PatrolCoverage(district, locator,
                CoverageSettings.DEFAULTS.withUnseenAfter(Duration.ofHours(12).plusSeconds(1)))
                .compute(List.of(early.track(), steady.track()), shift.from(), shift.to());
        assertThat(lenient.unseen()).isEmpty();
    }

    @Test
    void segmentsBetweenCloseFixesMarkTheCellsBetween() {
        SmallGrid g = grid(60);
        GridWorker w = workersOf(g).get(0);
        CellRaster raster = coverage.raster(g.code()).orElseThrow();
        ShiftWindow shift = dayShift.on(DAY, SHANGHAI);
        // Two fixes 100 m apart a minute apart: the segment crosses about 4 cells; 20 min apart: only 2.
        GeoPoint a = interior(g);
        Walker near = new Walker(w.id(), a, shift.from(), Duration.ofMinutes(1), 0, 1);
        near.fix().jumpTo(100, 0).fix();
        Walker far = new Walker(w.id(), a, shift.from(), Duration.ofMinutes(20), 0, 1);
        far.fix().jumpTo(100, 0).fix();
        int joined = coverage.compute(List.of(near.track()), shift.from(), shift.to()).grid(g.code()).orElseThrow().cellsVisited();
        int apart = coverage.compute(List.of(far.track()), shift.from(), shift.to()).grid(g.code()).orElseThrow().cellsVisited();
        assertThat(raster.cellMetres()).isEqualTo(25);
        assertThat(joined).isBetween(4, 6);
        assertThat(apart).isEqualTo(2);
    }

    @Test
    void aDistrictDayOfFixesInOnePass() {
        // 316 workers, one fix every 5 s for 12 hours of a day: 2.7 M fixes, each worker wandering in their grid.
        Instant start = DAY.atStartOfDay(SHANGHAI).toInstant().plus(Duration.ofHours(8));
        int perWorker = 8_640;
        List<Track> tracks = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        for (GridWorker worker : district.gridWorkers()) {
            SmallGrid g = district.smallGrid(worker.smallGrid()).orElseThrow();
            int own = locator.grids().indexOf(g);
            GeoPoint p = interior(g);
            double lon = p.lon();
            double lat = p.lat();
            double heading = random.nextDouble(2 * Math.PI);
            long[] t = new long[perWorker];
            double[] x = new double[perWorker];
            double[] y = new double[perWorker];
            double kx = 1 / (111_320 * Math.cos(Math.toRadians(lat)));
            double ky = 1 / 110_574.0;
            for (int i = 0; i < perWorker; i++) {
                t[i] = start.toEpochMilli() + i * 5_000L;
                x[i] = lon;
                y[i] = lat;
                heading += random.nextDouble(-0.3, 0.3);
                double nx = lon + Math.cos(heading) * 6 * kx;
                double ny = lat + Math.sin(heading) * 6 * ky;
                if (locator.locateIndex(nx, ny) == own) {
                    lon = nx;
                    lat = ny;
                } else {
                    heading += Math.PI / 2 + random.nextDouble(Math.PI);
                }
            }
            tracks.add(Track.ofArrays(worker.id(), t, x, y));
        }
        long built = System.nanoTime();
        PatrolCoverage fresh = new PatrolCoverage(district, locator, CoverageSettings.DEFAULTS);
        long rastered = System.nanoTime();
        CoverageReport report = fresh.forShift(tracks, dayShift, DAY, SHANGHAI);
        long computed = System.nanoTime();
        CoverageReport again = fresh.forShift(tracks, dayShift, DAY, SHANGHAI);
        long warm = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, String.format("coverage: %d fixes; rasters %.0f ms; report %.0f ms, again %.0f ms;"
                        + " district coverage %.1f %%", (long) perWorker * tracks.size(), (rastered - built) / 1e6,
                (computed - rastered) / 1e6, (warm - computed) / 1e6, 100 * report.districtCoverage()));

        assertThat(report.workers().stream().mapToInt(WorkerPatrol::fixCount).sum())
                .isEqualTo(perWorker * district.gridWorkers().size());
        assertThat(report.outsideTheirGrid()).isEmpty();
        assertThat(report.unseen()).isEmpty();
        assertThat(report.districtCoverage()).isBetween(0.05, 1.0);
        assertThat(again.districtCoverage()).isEqualTo(report.districtCoverage());
        assertThat(report.grids()).allSatisfy(gc -> assertThat(gc.cellsVisited()).isPositive());
        // Over the calendar day the same workers were unseen from midnight to 08:00.
        CoverageReport day = fresh.forDay(tracks, DAY, SHANGHAI);
        assertThat(day.unseen()).hasSize(district.gridWorkers().size());
        assertThat(day.workers().get(0).longestUnseen()).isEqualTo(Duration.ofHours(8));
        assertThat(day.districtCoverage()).isEqualTo(report.districtCoverage());
        assertThat(Arrays.stream(report.grids().stream().mapToInt(GridCoverage::cellsInside).toArray()).sum())
                .isGreaterThan(50_000);
    }
}
