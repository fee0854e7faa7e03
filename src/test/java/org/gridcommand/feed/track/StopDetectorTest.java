package org.gridcommand.feed.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.SmallGrid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StopDetectorTest {
    private static final Instant T0 = Instant.parse("2024-05-06T00:30:00Z");
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final GeoPoint ORIGIN = new GeoPoint(113.575, 22.355);
    private static final double WALK = 1.3;
    /**
     * Arrival and departure are fix times: with 5 s sampling and ±10 m jitter (more than a step's 6.5 m walk)
     * an edge is found within three fixes at worst and one on average.
     */
    private static final Duration TOLERANCE = Duration.ofSeconds(15);

    private static GridLocator locator;

    @BeforeAll
    static void district() {
        locator = new GridLocator(DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district());
    }

    /** A stop the test made: where and when the worker really stood. */
    private record Expected(GeoPoint at, Instant arrival, Instant departure) {
    }

    /** Walks, stops (one with an outlier), dawdles too briefly, and stands either side of a gap. */
    private static List<Expected> patrol(Walker w) {
        List<Expected> stops = new ArrayList<>();
        w.walkTo(300, 0, WALK);
        Instant a = w.now();
        w.stay(Duration.ofMinutes(5)).outlier(150, 80).stay(Duration.ofMinutes(5));
        stops.add(new Expected(w.here(), a, w.now()));
        w.walkTo(300, 400, WALK);
        a = w.now();
        w.stay(Duration.ofMinutes(4));
        stops.add(new Expected(w.here(), a, w.now()));
        w.walkTo(0, 400, WALK);
        w.stay(Duration.ofMinutes(2)); // below the 3 min dwell: not a stop
        w.walkTo(0, 700, WALK);
        a = w.now();
        w.stay(Duration.ofMinutes(5));
        // The last fix before the phone goes off is the departure of this stop.
        stops.add(new Expected(w.here(), a, w.now().minus(STEP)));
        w.silent(Duration.ofMinutes(20));
        a = w.now();
        w.stay(Duration.ofMinutes(6));
        stops.add(new Expected(w.here(), a, w.now()));
        w.walkTo(500, 700, WALK);
        return stops;
    }

    @Test
    void jitteredTrackWithAnOutlierGivesExactlyTheStopsMade() {
        StopDetector detector = new StopDetector(TrackSettings.DEFAULTS, locator);
        Duration worstArrival = Duration.ZERO;
        Duration worstDeparture = Duration.ZERO;
        Duration totalError = Duration.ZERO;
        int edges = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Walker w = new Walker("w1", ORIGIN, T0, STEP, 10, seed);
            List<Expected> expected = patrol(w);
            StopReport report = detector.detect(w.track());

            assertThat(report.stops()).as("seed %d: %s", seed, report.stops()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Expected e = expected.get(i);
                Stop s = report.stops().get(i);
                Duration da = Duration.between(e.arrival(), s.arrival()).abs();
                Duration dd = Duration.between(e.departure(), s.departure()).abs();
                assertThat(da).as("seed %d stop %d arrival %s vs %s", seed, i, s.arrival(), e.arrival())
                        .isLessThanOrEqualTo(TOLERANCE);
                assertThat(dd).as("seed %d stop %d departure %s vs %s", seed, i, s.departure(), e.departure())
                        .isLessThanOrEqualTo(TOLERANCE);
                totalError = totalError.plus(da).plus(dd);
                edges += 2;
                worstArrival = max(worstArrival, da);
                worstDeparture = max(worstDeparture, dd);
                assertThat(s.centre().distanceMetres(e.at())).as("seed %d stop %d centre", seed, i).isLessThan(6);
                assertThat(s.workerId()).isEqualTo("w1");
                assertThat(s.smallGrid()).isEqualTo(locator.locate(s.centre().lon(), s.centre().lat()).map(SmallGrid::code));
                assertThat(s.smallGrid()).isPresent();
            }
            // The first stop lasts 10 min and keeps its fixes but not the outlier.
            Stop first = report.stops().get(0);
            assertThat(first.dwell()).isBetween(Duration.ofSeconds(605).minus(TOLERANCE.multipliedBy(2)),
                    Duration.ofSeconds(605).plus(TOLERANCE.multipliedBy(2)));
            assertThat(first.fixCount()).isBetween(110, 130);
            assertThat(report.gaps()).hasSize(1);
            assertThat(report.gaps().get(0).from()).isEqualTo(expected.get(2).departure());
            assertThat(report.gaps().get(0).to()).isEqualTo(expected.get(3).arrival());
            // No stop reaches into the gap.
            for (Stop s : report.stops()) {
                assertThat(report.gaps().get(0).contains(s.arrival()) || report.gaps().get(0).contains(s.departure()))
                        .isFalse();
            }
        }
        // Typically within one fix (5 s): the mean error over 40 seeds x 4 stops x 2 edges.
        assertThat(totalError.dividedBy(edges)).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(worstArrival).isLessThanOrEqualTo(TOLERANCE);
        assertThat(worstDeparture).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void perfectFixesGiveStopsToTheFix() {
        Walker w = new Walker("w1", ORIGIN, T0, STEP, 0, 1);
        List<Expected> expected = patrol(w);
        List<Stop> stops = new StopDetector(TrackSettings.DEFAULTS).stops(w.track());
        assertThat(stops).hasSize(expected.size());
        for (int i = 0; i < stops.size(); i++) {
            assertThat(stops.get(i).arrival()).isEqualTo(expected.get(i).arrival());
            assertThat(stops.get(i).departure()).isEqualTo(expected.get(i).departure());
            assertThat(stops.get(i).smallGrid()).isEmpty();
        }
    }

    @Test
    void walkingWithJitterIsNoStop() {
        Walker w = new Walker("w1", ORIGIN, T0, STEP, 10, 7);
        w.walkTo(600, 0, WALK).walkTo(600, 600, 0.9).walkTo(0, 600, 1.6).walkTo(0, 0, WALK);
        assertThat(new StopDetector(TrackSettings.DEFAULTS).stops(w.track())).isEmpty();
    }

    @Test
    void staysOnBothSidesOfAGapTooShortEachAreNoStop() {
        Walker w = new Walker("w1", ORIGIN, T0, STEP, 10, 3);
        w.stay(Duration.ofMinutes(2)).silent(Duration.ofMinutes(15)).stay(Duration.ofMinutes(2));
        StopReport report = new StopDetector(TrackSettings.DEFAULTS).detect(w.track());
        assertThat(report.stops()).isEmpty();
        assertThat(report.gaps()).hasSize(1);
    }

    @Test
    void aStopAtEitherEndOfTheTrackCounts() {
        Walker w = new Walker("w1", ORIGIN, T0, STEP, 10, 5);
        w.stay(Duration.ofMinutes(4)).walkTo(400, 0, WALK);
        Instant arrival = w.now();
        w.stay(Duration.ofMinutes(4));
        List<Stop> stops = new StopDetector(TrackSettings.DEFAULTS).stops(w.track());
        assertThat(stops).hasSize(2);
        assertThat(stops.get(0).arrival()).isEqualTo(T0);
        assertThat(Duration.between(arrival, stops.get(1).arrival()).abs()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(Duration.between(w.now().minus(STEP), stops.get(1).departure()).abs()).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void twoOutliersInARowEndTheStay() {
        Walker w = new Walker("w1", ORIGIN, T0, STEP, 0, 5);
        w.stay(Duration.ofMinutes(4)).outlier(200, 0).outlier(210, 0).stay(Duration.ofMinutes(4));
        List<Stop> stops = new StopDetector(TrackSettings.DEFAULTS).stops(w.track());
        assertThat(stops).hasSize(2);
    }

    @Test
    void settingsAreConfigurable() {
        Walker w = new Walker("w1", ORIGIN, T0, STEP, 10, 9);
        w.stay(Duration.ofMinutes(2)).walkTo(300, 0, WALK);
        TrackSettings quick = TrackSettings.DEFAULTS.withMinDwell(Duration.ofMinutes(1)).withStopRadiusMetres(25);
        assertThat(new StopDetector(quick).stops(w.track())).hasSize(1);
        assertThat(new StopDetector(TrackSettings.DEFAULTS).stops(w.track())).isEmpty();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
