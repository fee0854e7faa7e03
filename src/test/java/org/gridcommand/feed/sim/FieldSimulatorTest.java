package org.gridcommand.feed.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.feed.FeedParser;
import org.gridcommand.feed.FieldReport;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.LastFixes;
import org.gridcommand.feed.ParseOutcome;
import org.gridcommand.feed.QuarantineReason;
import org.gridcommand.feed.SensorAlarm;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.WorkerStatus;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The simulator's field, read back through the console's own parser. */
class FieldSimulatorTest {
    private static final District DISTRICT = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
    private static final SensorRegistry SENSORS = SensorRegistry.loadDemo();
    private static final List<String> MINORS = CategoryDictionary.loadDefault().minors().stream().map(Category::code).toList();
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private static FieldSimulator simulator(FieldSimulator.Settings s) {
        return new FieldSimulator(DISTRICT, SENSORS, MINORS, s, START);
    }

    private static List<FieldSimulator.Message> run(FieldSimulator sim, Duration length, Duration step) {
        List<FieldSimulator.Message> all = new ArrayList<>(sim.shiftStart());
        for (Instant t = START.plus(step); !t.isAfter(START.plus(length)); t = t.plus(step)) {
            all.addAll(sim.advanceTo(t));
        }
        return all;
    }

    @Test
    void theSameSeedGivesTheSameField() {
        FieldSimulator.Settings s = new FieldSimulator.Settings(30, Duration.ofSeconds(20), 1, 5, 0.1, 42);
        List<FieldSimulator.Message> a = run(simulator(s), Duration.ofMinutes(30), Duration.ofSeconds(7));
        List<FieldSimulator.Message> b = run(simulator(s), Duration.ofMinutes(30), Duration.ofSeconds(7));
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).topic()).isEqualTo(b.get(i).topic());
            assertThat(a.get(i).payload()).isEqualTo(b.get(i).payload());
        }
    }

    @Test
    void aNormalShiftIsAllAcceptedAndEveryWorkerWalksInsideTheirOwnGridAtWalkingPace() {
        FieldSimulator.Settings s = new FieldSimulator.Settings(40, Duration.ofSeconds(30), 0.5, 4, 0, 7);
        FieldSimulator sim = simulator(s);
        List<FieldSimulator.Message> messages = run(sim, Duration.ofHours(2), Duration.ofSeconds(10));
        LastFixes last = new LastFixes(id -> java.util.Optional.empty());
        FeedParser parser = FeedParser.forDistrict(DISTRICT, SENSORS, last::get);
        Map<String, SmallGrid> gridOf = new HashMap<>();
        for (GridWorker w : DISTRICT.gridWorkers()) {
            DISTRICT.smallGrids().stream().filter(g -> g.code().equals(w.smallGrid())).findFirst()
                    .ifPresent(g -> gridOf.put(w.id(), g));
        }
        Map<String, GpsFix> previous = new HashMap<>();
        int fixes = 0;
        int reports = 0;
        int alarms = 0;
        int statuses = 0;
        GeometryFactory factory = new GeometryFactory();
        for (FieldSimulator.Message m : messages) {
            ParseOutcome o = parser.parse(m.topic(), m.payload(), m.at());
            assertThat(o).as("%s %s", m.topic(), new String(m.payload(), StandardCharsets.UTF_8))
                    .isInstanceOf(ParseOutcome.Accepted.class);
            Object msg = ((ParseOutcome.Accepted) o).message();
            if (msg instanceof GpsFix fix) {
                fixes++;
                last.accept(fix);
                // Inside the worker's own grid, give or take the fix's scatter (a few metres, 1e-4 degrees is ~10 m).
                assertThat(gridOf.get(fix.workerId()).area().buffer(2e-4)
                        .contains(factory.createPoint(new Coordinate(fix.position().lon(), fix.position().lat()))))
                        .as("fix of %s in its grid", fix.workerId()).isTrue();
                GpsFix before = previous.put(fix.workerId(), fix);
                if (before != null) {
                    double metres = before.position().distanceMetres(fix.position());
                    double seconds = Duration.between(before.at(), fix.at()).toMillis() / 1000.0;
                    assertThat(metres).as("walking pace of %s", fix.workerId()).isLessThan(1.5 * seconds + 40);
                }
            } else if (msg instanceof FieldReport) {
                reports++;
            } else if (msg instanceof SensorAlarm) {
                alarms++;
            } else if (msg instanceof WorkerStatus) {
                statuses++;
            }
        }
        assertThat(sim.walkers()).isEqualTo(40);
        assertThat(statuses).isEqualTo(40);
        assertThat(fixes).isBetween(40 * 239, 40 * 241);
        // 40 workers x 2 h x 0.5 an hour = 40 reports expected; 4 alarms an hour = 8 expected.
        assertThat(reports).isBetween(15, 75);
        assertThat(alarms).isBetween(1, 25);
    }

    @Test
    void brokenMessagesAreQuarantinedForTheRightReasonsAndTheRestStillPasses() {
        FieldSimulator.Settings s = new FieldSimulator.Settings(60, Duration.ofSeconds(15), 1, 10, 0.2, 3);
        List<FieldSimulator.Message> messages = run(simulator(s), Duration.ofMinutes(40), Duration.ofSeconds(5));
        LastFixes last = new LastFixes(id -> java.util.Optional.empty());
        FeedParser parser = FeedParser.forDistrict(DISTRICT, SENSORS, last::get);
        Map<QuarantineReason, Integer> reasons = new EnumMap<>(QuarantineReason.class);
        int accepted = 0;
        for (FieldSimulator.Message m : messages) {
            ParseOutcome o = parser.parse(m.topic(), m.payload(), m.at());
            if (o instanceof ParseOutcome.Rejected r) {
                reasons.merge(r.quarantined().reason(), 1, Integer::sum);
            } else {
                accepted++;
                if (((ParseOutcome.Accepted) o).message() instanceof GpsFix fix) {
                    last.accept(fix);
                }
            }
        }
        int rejected = reasons.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(rejected + accepted).isEqualTo(messages.size());
        assertThat((double) rejected / messages.size()).isBetween(0.15, 0.25);
        assertThat(reasons).containsOnlyKeys(QuarantineReason.MALFORMED_JSON, QuarantineReason.SCHEMA_VIOLATION,
                QuarantineReason.UNKNOWN_WORKER, QuarantineReason.UNKNOWN_SENSOR,
                QuarantineReason.IMPLAUSIBLE_COORDINATES);
    }
}
