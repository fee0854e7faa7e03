package org.gridcommand.feed.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The simulator's field, read back through the console's own parser. */
class FieldSimulatorTest {
    private static final District DISTRICT = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
    private static final SensorRegistry SENSORS = SensorRegistry.loadDemo();
    private static final List<String> MINORS = CategoryDictionary.loadDefault().minors().stream().map(Category::code).toList();
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private static final Pattern PROTOCOL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FieldSimulator simulator(FieldSimulator.Settings s) {
        return simulator(s, START);
    }

    private static FieldSimulator simulator(FieldSimulator.Settings s, Instant start) {
        return new FieldSimulator(DISTRICT, SENSORS, MINORS, s, start);
    }

    private static List<FieldSimulator.Message> run(FieldSimulator sim, Duration length, Duration step) {
        Instant start = sim.start();
        List<FieldSimulator.Message> all = new ArrayList<>(sim.shiftStart());
        for (Instant t = start.plus(step); !t.isAfter(start.plus(length)); t = t.plus(step)) {
            all.addAll(sim.advanceTo(t));
        }
        return all;
    }

    private static JsonNode json(FieldSimulator.Message m) {
        try {
            return JSON.readTree(m.payload());
        } catch (java.io.IOException e) {
            throw new AssertionError(m.topic() + ": not JSON", e);
        }
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
        // Alarms often enough that a broken sensor id (a fifth of a fifth of them) is no matter of luck.
        FieldSimulator.Settings s = new FieldSimulator.Settings(60, Duration.ofSeconds(15), 1, 300, 0.2, 3);
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

    @ParameterizedTest
    @ValueSource(doubles = {1, 10, 600, 3600})
    void noMessageIsDatedAfterTheRealClockAtAnySpeed(double speed) {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:30:00.123456Z"));
        FieldPace pace = new FieldPace(clock, Duration.ofMinutes(30), speed);
        FieldSimulator sim = simulator(new FieldSimulator.Settings(20, Duration.ofSeconds(30), 6, 60, 0, 9),
                pace.simulatedStart());
        LastFixes last = new LastFixes(id -> java.util.Optional.empty());
        FeedParser parser = FeedParser.forDistrict(DISTRICT, SENSORS, last::get);
        java.util.Random steps = new java.util.Random(17);
        List<FieldSimulator.Message> batch = sim.shiftStart();
        int messages = 0;
        int fixes = 0;
        while (true) {
            Instant real = clock.instant();
            for (FieldSimulator.Message m : batch) {
                messages++;
                Instant dated = OffsetDateTime.parse(json(m).get("at").asText()).toInstant();
                assertThat(dated).as("%s sent at %s", new String(m.payload(), StandardCharsets.UTF_8), real)
                        .isEqualTo(m.at()).isBeforeOrEqualTo(real).isAfterOrEqualTo(pace.simulatedStart().minusMillis(1));
                ParseOutcome o = parser.parse(m.topic(), m.payload(), real);
                assertThat(o).as("%s received at %s", new String(m.payload(), StandardCharsets.UTF_8), real)
                        .isInstanceOf(ParseOutcome.Accepted.class);
                if (((ParseOutcome.Accepted) o).message() instanceof GpsFix fix) {
                    last.accept(fix);
                    fixes++;
                }
            }
            if (pace.finished()) {
                break;
            }
            clock.advance(Duration.ofMillis(1 + steps.nextInt(700)));
            batch = sim.advanceTo(pace.simulatedNow());
        }
        assertThat(clock.instant()).isAfterOrEqualTo(pace.simulatedEnd());
        // 20 workers, a fix every 30 s for 30 minutes, whatever the speed.
        assertThat(fixes).isBetween(20 * 59, 20 * 61);
        assertThat(messages).isGreaterThan(fixes + 20);
    }

    @Test
    void idsAreValidAndUniqueAcrossRunsWithTheSameSeedAndDifferentStarts() {
        FieldSimulator.Settings s = new FieldSimulator.Settings(50, Duration.ofSeconds(20), 4, 60, 0, 42);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (Instant start : List.of(START, START.plusMillis(1), START.plus(Duration.ofMinutes(20)))) {
            for (FieldSimulator.Message m : run(simulator(s, start), Duration.ofHours(1), Duration.ofSeconds(13))) {
                String id = json(m).get("id").asText();
                assertThat(id).matches(PROTOCOL_ID);
                assertThat(seen.add(id)).as("id %s used once", id).isTrue();
                total++;
            }
        }
        assertThat(seen).hasSize(total);
        assertThat(total).isGreaterThan(3 * 50 * 180);
    }

    @Test
    void twoRunsThatOverlapPutEachWorkerInTheSamePlaceSoTheSecondMakesNoOneJump() {
        FieldSimulator.Settings s = new FieldSimulator.Settings(316, Duration.ofSeconds(30), 0.5, 4, 0, 5);
        Instant secondStart = START.plus(Duration.ofMinutes(17)).plusMillis(13_500);
        List<FieldSimulator.Message> first = run(simulator(s, START), Duration.ofHours(1), Duration.ofSeconds(8));
        List<FieldSimulator.Message> second = run(simulator(s, secondStart), Duration.ofHours(1), Duration.ofSeconds(11));
        Map<String, JsonNode> firstFixes = new HashMap<>();
        for (FieldSimulator.Message m : first) {
            if (m.topic().contains("/gps/")) {
                JsonNode fix = json(m);
                firstFixes.put(fix.get("workerId").asText() + "@" + m.at(), fix);
            }
        }
        int same = 0;
        for (FieldSimulator.Message m : second) {
            if (m.topic().contains("/gps/")) {
                JsonNode fix = json(m);
                JsonNode before = firstFixes.get(fix.get("workerId").asText() + "@" + m.at());
                if (before != null) {
                    same++;
                    assertThat(fix.get("id").asText()).isNotEqualTo(before.get("id").asText());
                    for (String field : List.of("at", "lon", "lat", "accuracy")) {
                        assertThat(fix.get(field)).as("%s of %s", field, fix).isEqualTo(before.get(field));
                    }
                }
            }
        }
        // The runs overlap by 42 min 46.5 s: every worker's fixes of that span, a fix every 30 s.
        assertThat(same).isBetween(316 * 85, 316 * 86);

        // A console that heard the first run and then hears the second accepts all of it.
        LastFixes last = new LastFixes(id -> java.util.Optional.empty());
        FeedParser parser = FeedParser.forDistrict(DISTRICT, SENSORS, last::get);
        Instant received = secondStart.plus(Duration.ofHours(1));
        for (List<FieldSimulator.Message> run : List.of(first, second)) {
            for (FieldSimulator.Message m : run) {
                ParseOutcome o = parser.parse(m.topic(), m.payload(), received);
                assertThat(o).as("%s", new String(m.payload(), StandardCharsets.UTF_8))
                        .isInstanceOf(ParseOutcome.Accepted.class);
                if (((ParseOutcome.Accepted) o).message() instanceof GpsFix fix) {
                    last.accept(fix);
                }
            }
        }
    }

    @Test
    void theFieldDoesNotDependOnHowTheRunIsStepped() {
        FieldSimulator.Settings s = new FieldSimulator.Settings(30, Duration.ofSeconds(20), 2, 20, 0.1, 8);
        List<FieldSimulator.Message> fine = run(simulator(s), Duration.ofMinutes(45), Duration.ofMillis(900));
        List<FieldSimulator.Message> coarse = run(simulator(s), Duration.ofMinutes(45), Duration.ofMinutes(9));
        assertThat(described(coarse)).hasSize(fine.size()).isEqualTo(described(fine));
    }

    /** Each message as its time, topic and payload, in that order. */
    private static List<String> described(List<FieldSimulator.Message> messages) {
        return messages.stream()
                .map(m -> m.at() + " " + m.topic() + " " + new String(m.payload(), StandardCharsets.UTF_8))
                .sorted().toList();
    }
}
