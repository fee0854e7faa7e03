package org.gridcommand.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcommand.sla.SlaTestTables.CATEGORIES;
import static org.gridcommand.sla.SlaTestTables.at;
import static org.gridcommand.sla.SlaTestTables.write;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaEngineTest {
    private static final String RUBBISH = "0201";        // own HANDLE 4 WORKING_HOURS
    private static final String POSTERS = "0203";        // nothing of its own: major 02, then default
    private static final String NEIGHBOURS = "0301";     // major 03 has no entry: default
    private static final String FIRE = "0601";           // ACCEPT 3 NATURAL_MINUTES

    @TempDir
    Path dir;
    SlaEngine engine;

    @BeforeEach
    void setUp() {
        engine = SlaTestTables.engine(dir);
    }

    @Test
    void limitsFallBackFromMinorToMajorToDefault() {
        assertThat(engine.limit(RUBBISH, SlaStage.HANDLE)).satisfies(l -> {
            assertThat(l.toString()).isEqualTo("4 WORKING_HOURS");
            assertThat(l.definedBy()).isEqualTo("0201");
        });
        assertThat(engine.limit(RUBBISH, SlaStage.DISPATCH).definedBy()).isEqualTo("02");
        assertThat(engine.limit(POSTERS, SlaStage.HANDLE)).hasToString("1 WORKING_DAYS")
                .extracting(SlaLimit::definedBy).isEqualTo("02");
        assertThat(engine.limit(RUBBISH, SlaStage.ACCEPT).definedBy()).isEqualTo("default");
        assertThat(engine.limit(NEIGHBOURS, SlaStage.HANDLE)).hasToString("3 WORKING_DAYS")
                .extracting(SlaLimit::definedBy).isEqualTo("default");
        assertThat(engine.limit("9999", SlaStage.VERIFY).definedBy()).isEqualTo("default");
    }

    @Test
    void workingHoursAcrossAWeekend() {
        // Fri 15:00: 2.5 h on Friday, 1.5 h on Monday morning.
        assertThat(engine.due(RUBBISH, SlaStage.HANDLE, at("2026-11-27T15:00"))).isEqualTo(at("2026-11-30T10:00"));
    }

    @Test
    void workingHoursAcrossAPublicHoliday() {
        // Wed 30 Sep 16:00: 1.5 h, National Day 1-7 Oct, 2.5 h on Thu 8 Oct.
        assertThat(engine.due(RUBBISH, SlaStage.HANDLE, at("2026-09-30T16:00"))).isEqualTo(at("2026-10-08T11:00"));
        // Reported on the holiday itself: the clock starts on the first working morning.
        assertThat(engine.due(RUBBISH, SlaStage.HANDLE, at("2026-10-03T10:00"))).isEqualTo(at("2026-10-08T14:30"));
    }

    @Test
    void workingHoursAcrossAMakeUpWorkingDay() {
        // Fri 9 Oct 16:00: 1.5 h, then Saturday 10 Oct is a make-up working day.
        assertThat(engine.due(RUBBISH, SlaStage.HANDLE, at("2026-10-09T16:00"))).isEqualTo(at("2026-10-10T11:00"));
        // The same on an ordinary Friday waits for Monday.
        assertThat(engine.due(RUBBISH, SlaStage.HANDLE, at("2026-10-16T16:00"))).isEqualTo(at("2026-10-19T11:00"));
    }

    @Test
    void naturalMinutesRunThroughNightsAndHolidays() {
        assertThat(engine.due(FIRE, SlaStage.ACCEPT, at("2026-10-01T03:00"))).isEqualTo(at("2026-10-01T03:03"));
        assertThat(engine.due(NEIGHBOURS, SlaStage.ACCEPT, at("2026-11-28T23:50"))).isEqualTo(at("2026-11-29T00:20"));
    }

    @Test
    void workingDays() {
        assertThat(engine.due(NEIGHBOURS, SlaStage.HANDLE, at("2026-11-23T10:00"))).isEqualTo(at("2026-11-26T10:00"));
        // From Thu 24 Sep 2026 the Mid-Autumn break (Fri 25 - Sun 27 Sep) is skipped: 28, 29, 30 Sep.
        assertThat(engine.due(NEIGHBOURS, SlaStage.HANDLE, at("2026-09-24T10:00"))).isEqualTo(at("2026-09-30T10:00"));
        // From Fri 18 Sep the make-up Sunday 20 Sep counts as a day: Sun 20, Mon 21, Tue 22.
        assertThat(engine.due(NEIGHBOURS, SlaStage.HANDLE, at("2026-09-18T10:00"))).isEqualTo(at("2026-09-22T10:00"));
    }

    @Test
    void nearDueAtEightyPercentThenOverdueJustAfterDue() {
        Instant start = at("2026-11-23T08:30");   // Monday; 4 working hours due 14:30
        // 80 % of 4 h = 3 h 12 min (11:42) comes before "30 min left" (3 h 30 min = 12:00).
        assertThat(engine.status(RUBBISH, SlaStage.HANDLE, start, null, at("2026-11-23T11:41:59")).state())
                .isEqualTo(SlaState.ON_TIME);
        SlaStatus near = engine.status(RUBBISH, SlaStage.HANDLE, start, null, at("2026-11-23T11:42"));
        assertThat(near.state()).isEqualTo(SlaState.NEAR_DUE);
        assertThat(near.nearDueAt()).isEqualTo(at("2026-11-23T11:42"));
        assertThat(near.due()).isEqualTo(at("2026-11-23T14:30"));
        assertThat(near.remaining()).isEqualTo(Duration.ofMinutes(168));

        SlaStatus atDue = engine.status(RUBBISH, SlaStage.HANDLE, start, null, at("2026-11-23T14:30"));
        assertThat(atDue.state()).isEqualTo(SlaState.NEAR_DUE);
        assertThat(atDue.remaining()).isZero();

        SlaStatus late = engine.status(RUBBISH, SlaStage.HANDLE, start, null, at("2026-11-23T14:30:01"));
        assertThat(late.state()).isEqualTo(SlaState.OVERDUE);
        assertThat(late.overrun()).isEqualTo(Duration.ofSeconds(1));
        assertThat(late.remaining()).isZero();
    }

    @Test
    void nearDueWhenThirtyMinutesAreLeftIfThatComesFirst() {
        // 2 working hours: 80 % = 96 min, 30 min left = 90 min: the latter wins.
        SlaStatus s = engine.status(RUBBISH, SlaStage.DISPATCH, at("2026-11-23T08:30"), null, at("2026-11-23T10:00"));
        assertThat(s.nearDueAt()).isEqualTo(at("2026-11-23T10:00"));
        assertThat(s.state()).isEqualTo(SlaState.NEAR_DUE);
        // A limit shorter than 30 minutes is near due from its start.
        SlaStatus fire = engine.status(FIRE, SlaStage.ACCEPT, at("2026-11-23T08:45"), null, at("2026-11-23T08:45"));
        assertThat(fire.state()).isEqualTo(SlaState.NEAR_DUE);
        assertThat(fire.remaining()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void finishedStagesAreMetOrMetLate() {
        Instant start = at("2026-11-23T08:30");
        SlaStatus onTheDot = engine.status(RUBBISH, SlaStage.HANDLE, start, at("2026-11-23T14:30"), at("2026-12-01T00:00"));
        assertThat(onTheDot.state()).isEqualTo(SlaState.MET);
        assertThat(onTheDot.overrun()).isZero();
        SlaStatus early = engine.status(RUBBISH, SlaStage.HANDLE, start, at("2026-11-23T11:30"), null);
        assertThat(early.state()).isEqualTo(SlaState.MET);
        assertThat(early.remaining()).isEqualTo(Duration.ofHours(3));
        SlaStatus late = engine.status(RUBBISH, SlaStage.HANDLE, start, at("2026-11-23T16:00"), null);
        assertThat(late.state()).isEqualTo(SlaState.MET_LATE);
        assertThat(late.overrun()).isEqualTo(Duration.ofMinutes(90));
        assertThat(late.isLate()).isTrue();
    }

    @Test
    void assessTimesTheRunningStageAndTheFinishedOnes() {
        SlaView view = engine.assess(RUBBISH, CaseState.IN_HANDLING, at("2026-11-23T08:00"), at("2026-11-23T08:10"),
                at("2026-11-23T08:30"), null, null, null, at("2026-11-23T15:00"));
        assertThat(view.stage()).isEqualTo(SlaStage.HANDLE);
        assertThat(view.state()).contains(SlaState.OVERDUE);
        assertThat(view.current().overrun()).isEqualTo(Duration.ofMinutes(30));
        assertThat(view.stages()).containsOnlyKeys(SlaStage.ACCEPT, SlaStage.DISPATCH, SlaStage.HANDLE);
        assertThat(view.stages().get(SlaStage.ACCEPT).state()).isEqualTo(SlaState.MET);
        assertThat(view.stages().get(SlaStage.DISPATCH).state()).isEqualTo(SlaState.MET);
    }

    @Test
    void reworkRestartsHandlingWhenVerificationFailed() {
        // Verification failed at 09:30: back in handling, a fresh 4 working hours from 09:30.
        SlaView view = engine.assess(RUBBISH, CaseState.IN_HANDLING, at("2026-11-23T08:00"), at("2026-11-23T08:10"),
                at("2026-11-23T08:30"), null, null, null, at("2026-11-23T09:30"), at("2026-11-23T15:00"));
        assertThat(view.current().start()).isEqualTo(at("2026-11-23T09:30"));
        assertThat(view.due()).contains(at("2026-11-23T15:30"));
        assertThat(view.state()).contains(SlaState.NEAR_DUE);

        // The same through the Case record: the state machine stamps handlingStartedAt on rework.
        Case reworked = Case.builder().id("C2").channel(Channel.GRID_WORKER).categoryCode(RUBBISH)
                .priority(Priority.NORMAL).state(CaseState.IN_HANDLING).reportedAt(at("2026-11-23T08:00"))
                .acceptedAt(at("2026-11-23T08:10")).dispatchedAt(at("2026-11-23T08:30"))
                .handlingStartedAt(at("2026-11-23T09:30")).reworkCount(1).build();
        assertThat(engine.assess(reworked, at("2026-11-23T15:00")).due()).contains(at("2026-11-23T15:30"));
        // Without rework, starting the work later does not move the clock: it runs from dispatch.
        Case firstRound = reworked.toBuilder().reworkCount(0).build();
        assertThat(engine.assess(firstRound, at("2026-11-23T15:00")).due()).contains(at("2026-11-23T14:30"));
    }

    @Test
    void closedVoidedAndSuspendedCasesRunNoClock() {
        SlaView closed = engine.assess(RUBBISH, CaseState.CLOSED, at("2026-11-23T08:00"), at("2026-11-23T08:10"),
                at("2026-11-23T08:30"), at("2026-11-23T11:00"), at("2026-11-23T15:00"), at("2026-11-24T09:00"),
                at("2026-11-30T00:00"));
        assertThat(closed.isRunning()).isFalse();
        assertThat(closed.state()).isEmpty();
        assertThat(closed.stages()).containsOnlyKeys(SlaStage.values());
        assertThat(closed.stages().values()).allMatch(s -> s.state() == SlaState.MET);

        assertThat(engine.assess(RUBBISH, CaseState.SUSPENDED, at("2026-11-23T08:00"), at("2026-11-23T08:10"),
                null, null, null, null, at("2026-11-30T00:00")).isRunning()).isFalse();
    }

    @Test
    void aMissingStageStartIsNamed() {
        assertThatThrownBy(() -> engine.assess(RUBBISH, CaseState.ACCEPTED, at("2026-11-23T08:00"), null,
                null, null, null, null, at("2026-11-23T09:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a case in state ACCEPTED needs acceptedAt to time its DISPATCH stage");
    }

    @Test
    void assessTakesTheCaseRecord() {
        Case c = Case.builder().id("C1").channel(Channel.GRID_WORKER).categoryCode(FIRE).priority(Priority.URGENT)
                .state(CaseState.REPORTED).reportedAt(at("2026-11-27T08:45")).build();
        SlaView view = engine.assess(c, at("2026-11-27T08:49"));
        assertThat(view.stage()).isEqualTo(SlaStage.ACCEPT);
        assertThat(view.state()).contains(SlaState.OVERDUE);
        assertThat(view.current().overrun()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void mostUrgentFirstSortsOverdueThenNearDueThenOnTimeThenIdle() {
        Instant now = at("2026-11-23T11:50");
        SlaView onTime = engine.assess(NEIGHBOURS, CaseState.DISPATCHED, at("2026-11-23T08:00"), at("2026-11-23T08:05"),
                at("2026-11-23T08:30"), null, null, null, now);
        SlaView near = engine.assess(RUBBISH, CaseState.DISPATCHED, at("2026-11-23T08:00"), at("2026-11-23T08:05"),
                at("2026-11-23T08:30"), null, null, null, now);
        SlaView overdueLess = engine.assess(FIRE, CaseState.REPORTED, at("2026-11-23T11:40"), null, null, null, null, null, now);
        SlaView overdueMore = engine.assess(FIRE, CaseState.REPORTED, at("2026-11-23T11:00"), null, null, null, null, null, now);
        SlaView idle = engine.assess(RUBBISH, CaseState.SUSPENDED, at("2026-11-23T08:00"), null, null, null, null, null, now);
        List<SlaView> rows = new ArrayList<>(List.of(idle, onTime, overdueLess, near, overdueMore));
        rows.sort(SlaView.MOST_URGENT_FIRST);
        assertThat(rows).containsExactly(overdueMore, overdueLess, near, onTime, idle);
    }

    @Test
    void aDueTimeInAYearWithoutCalendarIsAClearError() {
        assertThatThrownBy(() -> engine.due(RUBBISH, SlaStage.HANDLE, at("2027-12-31T16:00")))
                .isInstanceOf(MissingCalendarYearException.class)
                .hasMessage("no working calendar for 2028: add assets/calendar/cn-2028.json");
    }

    @Test
    void shippedLimitsCarryTheDomainExamples() {
        SlaEngine shipped = SlaEngine.loadDefault(CATEGORIES);
        assertThat(shipped.limit("0201", SlaStage.HANDLE)).hasToString("4 WORKING_HOURS");   // exposed rubbish
        assertThat(shipped.limit("0202", SlaStage.HANDLE)).hasToString("2 WORKING_HOURS");   // road cleaning
        assertThat(shipped.limit("0205", SlaStage.HANDLE)).hasToString("4 WORKING_HOURS");   // stop illegal works
        assertThat(shipped.limit("0205", SlaStage.CLOSE)).hasToString("20 WORKING_DAYS");    // remove them
        assertThat(shipped.limit("0105", SlaStage.HANDLE)).hasToString("5 WORKING_DAYS");    // greenery upkeep
        assertThat(shipped.limit("0601", SlaStage.ACCEPT)).hasToString("3 NATURAL_MINUTES"); // residential fire
        assertThat(shipped.limits().nearDue().elapsedPercent()).isEqualTo(80);
        // Every category of the dictionary gets a limit for every stage.
        CATEGORIES.minors().forEach(c -> {
            for (SlaStage s : SlaStage.values()) {
                assertThat(shipped.limit(c.code(), s)).isNotNull();
            }
        });
    }

    @Test
    void brokenLimitFilesNameTheFileAndTheEntry() {
        String unknownCategory = SlaTestTables.LIMITS.replace("\"category\": \"0201\"", "\"category\": \"0299\"");
        assertThatThrownBy(() -> SlaLimits.load(write(dir, "limits.json", unknownCategory), CATEGORIES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limits.json: entry 3 (0299): unknown category 0299 (not in the category dictionary)");

        String badUnit = SlaTestTables.LIMITS.replace("\"limit\": 4, \"unit\": \"WORKING_HOURS\"",
                "\"limit\": 4, \"unit\": \"WORKING_HOUR\"");
        assertThatThrownBy(() -> SlaLimits.load(write(dir, "limits.json", badUnit), CATEGORIES))
                .hasMessage("limits.json: entry 3 (0201): stage HANDLE: unknown unit \"WORKING_HOUR\" "
                        + "(expected one of [NATURAL_MINUTES, WORKING_HOURS, WORKING_DAYS])");

        String defaultWithoutClose = SlaTestTables.LIMITS.replace(
                ",\n        \"CLOSE\":    { \"limit\": 1,  \"unit\": \"WORKING_DAYS\" }", "");
        assertThat(defaultWithoutClose).isNotEqualTo(SlaTestTables.LIMITS);
        assertThatThrownBy(() -> SlaLimits.load(write(dir, "limits.json", defaultWithoutClose), CATEGORIES))
                .hasMessage("limits.json: entry 1 (default): missing stage CLOSE (the default must define every stage)");

        String badStage = SlaTestTables.LIMITS.replace("\"ACCEPT\": { \"limit\": 3", "\"ACK\": { \"limit\": 3");
        assertThatThrownBy(() -> SlaLimits.load(write(dir, "limits.json", badStage), CATEGORIES))
                .hasMessageStartingWith("limits.json: entry 4 (0601): unknown stage \"ACK\"");

        String zeroLimit = SlaTestTables.LIMITS.replace("\"limit\": 4,", "\"limit\": 0,");
        assertThatThrownBy(() -> SlaLimits.load(write(dir, "limits.json", zeroLimit), CATEGORIES))
                .hasMessage("limits.json: entry 3 (0201): stage HANDLE: \"limit\" must be a positive number");
    }
}
