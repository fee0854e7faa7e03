package org.gridcommand.feed.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** Every worker of the demo district on a whole day of patrol, looked at every 10 s. */
class PatrolWalkTest {
    private static final District DISTRICT = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
    private static final long DAY_START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final long STEP = 10_000;

    @Test
    void everyWorkerStaysInsideTheirOwnGridAtWalkingPaceAndStopsNowAndThen() {
        Map<String, SmallGrid> grids = DISTRICT.smallGrids().stream()
                .collect(Collectors.toMap(g -> g.code().value(), Function.identity()));
        GeometryFactory geometry = new GeometryFactory();
        long stepsStill = 0;
        long steps = 0;
        for (GridWorker w : DISTRICT.gridWorkers()) {
            SmallGrid grid = grids.get(w.smallGrid().value());
            // A metre of slack for the rounding of a way that runs along the grid's edge.
            PreparedGeometry inside = PreparedGeometryFactory.prepare(grid.area().buffer(1e-5));
            PatrolWalk walk = new PatrolWalk(SimHash.of(77, SimHash.of(w.id())), grid, geometry);
            GeoPoint before = null;
            for (long t = DAY_START; t < DAY_START + Duration.ofDays(1).toMillis(); t += STEP) {
                GeoPoint p = walk.positionAt(t);
                assertThat(inside.contains(geometry.createPoint(new Coordinate(p.lon(), p.lat()))))
                        .as("%s at %s in grid %s", w.id(), Instant.ofEpochMilli(t), grid.code()).isTrue();
                if (before != null) {
                    double metres = PatrolWalk.distance(before, p);
                    assertThat(metres).as("%s at %s", w.id(), Instant.ofEpochMilli(t))
                            .isLessThanOrEqualTo(PatrolWalk.FASTEST * STEP / 1000 + 0.01);
                    steps++;
                    if (metres == 0) {
                        stepsStill++;
                    }
                }
                before = p;
            }
        }
        // Workers stop one to five minutes (or more, before the end of a leg) and walk in between.
        assertThat((double) stepsStill / steps).isBetween(0.2, 0.8);
    }

    @Test
    void aPositionDoesNotDependOnWhatWasAskedBefore() {
        GridWorker w = DISTRICT.gridWorkers().get(11);
        SmallGrid grid = DISTRICT.smallGrids().stream().filter(g -> g.code().equals(w.smallGrid())).findFirst().orElseThrow();
        PatrolWalk forward = new PatrolWalk(SimHash.of(3, SimHash.of(w.id())), grid, new GeometryFactory());
        PatrolWalk jumping = new PatrolWalk(SimHash.of(3, SimHash.of(w.id())), grid, new GeometryFactory());
        java.util.Random order = new java.util.Random(1);
        for (long t = DAY_START; t < DAY_START + Duration.ofHours(6).toMillis(); t += 7_000) {
            GeoPoint p = forward.positionAt(t);
            jumping.positionAt(DAY_START + order.nextInt(86_400_000));
            assertThat(jumping.positionAt(t)).isEqualTo(p);
        }
    }
}
