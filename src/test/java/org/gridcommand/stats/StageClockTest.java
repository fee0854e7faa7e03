package org.gridcommand.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Category;
import org.gridcommand.demo.DemoCaseGenerator;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.demo.DemoSeeder;
import org.gridcommand.sla.MissingCalendarYearException;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.sla.SlaLimit;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.sla.SlaStatus;
import org.gridcommand.sla.SlaView;
import org.junit.jupiter.api.Test;

/**
 * The statistics' fast due times and stage verdicts against the SLA engine the queue uses: the same answer
 * for every limit of the shipped table, at period edges, across holidays, make-up days and years without a
 * calendar, and for every case of the demo's three years.
 */
class StageClockTest {
    private static final SlaEngine SLA = StatsFixtures.SLA;
    private static final StageClock CLOCK = new StageClock(SLA);

    /** One category per distinct limit of each stage, plus no category (the default entry). */
    private static Map<String, String> categoriesWithDistinctLimits(SlaStage stage) {
        Map<String, String> byLimit = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        codes.add(null);
        StatsFixtures.DICT.majors().forEach(c -> codes.add(c.code()));
        StatsFixtures.DICT.minors().stream().map(Category::code).forEach(codes::add);
        for (String code : codes) {
            SlaLimit l = SLA.limit(code, stage);
            byLimit.putIfAbsent(l.amount().stripTrailingZeros().toPlainString() + " " + l.unit(), code);
        }
        return byLimit;
    }

    /** The engine's due time, or null where it throws for a year without a calendar. */
    private static Instant engineDue(String code, SlaStage stage, Instant start) {
        try {
            return SLA.due(code, stage, start);
        } catch (MissingCalendarYearException e) {
            return null;
        }
    }

    private static Instant fastDue(String code, SlaStage stage, Instant start) {
        long due = CLOCK.due(code, stage, StageClock.nanos(start));
        return due == StageClock.NOT_ASSESSABLE ? null : StageClock.instant(due);
    }

    @Test
    void dueTimesEqualTheEnginesAtEveryPeriodEdgeFromDecember2024ToJanuary2028() {
        List<Instant> starts = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 12, 20); d.isBefore(LocalDate.of(2028, 1, 10)); d = d.plusDays(1)) {
            for (String t : new String[] {"00:00", "08:29:59.999999999", "08:30", "11:59:59.999999999", "12:00",
                    "13:00", "14:00", "17:29:59", "17:30", "17:30:00.000000001", "23:59:59.999999999"}) {
                starts.add(d.atTime(LocalTime.parse(t)).atZone(StatsFixtures.ZONE).toInstant());
            }
        }
        int compared = 0;
        int notAssessable = 0;
        for (SlaStage stage : SlaStage.values()) {
            for (Map.Entry<String, String> limit : categoriesWithDistinctLimits(stage).entrySet()) {
                for (Instant start : starts) {
                    Instant expected = engineDue(limit.getValue(), stage, start);
                    assertThat(fastDue(limit.getValue(), stage, start))
                            .as("%s %s (%s) from %s", stage, limit.getValue(), limit.getKey(), start).isEqualTo(expected);
                    compared++;
                    notAssessable += expected == null ? 1 : 0;
                }
            }
        }
        assertThat(compared).isGreaterThan(100_000);
        // Starts in December 2024 and runs into 2028 cannot be timed in working time, and are not.
        assertThat(notAssessable).isGreaterThan(1_000);
    }

    @Test
    void dueTimesEqualTheEnginesFromRandomInstants() {
        SplittableRandom random = new SplittableRandom(20261127);
        long from = Instant.parse("2024-12-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2028-01-31T00:00:00Z").getEpochSecond();
        List<String> codes = new ArrayList<>();
        codes.add(null);
        StatsFixtures.DICT.minors().forEach(c -> codes.add(c.code()));
        for (int i = 0; i < 40_000; i++) {
            Instant start = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            String code = codes.get(random.nextInt(codes.size()));
            SlaStage stage = SlaStage.values()[random.nextInt(SlaStage.values().length)];
            assertThat(fastDue(code, stage, start)).as("%s %s from %s", stage, code, start)
                    .isEqualTo(engineDue(code, stage, start));
        }
    }

    @Test
    void verdictsOnEveryDemoCaseEqualTheQueuesSlaColumn() {
        Instant now = Instant.parse("2026-11-27T06:00:00Z");
        List<Case> cases = DemoCaseGenerator.generate(DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED),
                StatsFixtures.DICT, now, DemoSeeder.DEMO_SEED);
        StageJudge judge = new StageJudge(CLOCK);
        long asOf = StageClock.nanos(now);
        int assessed = 0;
        int missingYear = 0;
        int running = 0;
        for (Case c : cases) {
            StageOutcome[] mine = judge.judge(CaseFacts.of(c), asOf);
            if (c.state() == CaseState.VOIDED) {
                assertThat(mine).containsOnly(StageOutcome.NOT_REACHED);
                continue;
            }
            SlaView view;
            try {
                view = SLA.assess(c, now);
            } catch (MissingCalendarYearException e) {
                assertThat(mine).as("case %s reported %s", c.id(), c.reportedAt()).contains(StageOutcome.NOT_ASSESSABLE);
                missingYear++;
                continue;
            }
            Map<SlaStage, StageOutcome> expected = new EnumMap<>(SlaStage.class);
            for (SlaStage s : SlaStage.values()) {
                SlaStatus st = view.stages().get(s);
                expected.put(s, st == null ? StageOutcome.NOT_REACHED : switch (st.state()) {
                    case MET -> StageOutcome.ON_TIME;
                    case MET_LATE, OVERDUE -> StageOutcome.LATE;
                    case ON_TIME, NEAR_DUE -> StageOutcome.PENDING;
                });
            }
            for (SlaStage s : SlaStage.values()) {
                StageOutcome want = expected.get(s);
                if (c.state() == CaseState.SUSPENDED && want == StageOutcome.NOT_REACHED
                        && mine[s.ordinal()] == StageOutcome.PENDING) {
                    continue; // the stage the case was suspended in: the engine shows no clock, statistics "pending"
                }
                assertThat(mine[s.ordinal()]).as("case %s (%s) stage %s", c.id(), c.state(), s).isEqualTo(want);
            }
            running += view.isRunning() ? 1 : 0;
            assessed++;
        }
        assertThat(assessed).isGreaterThan(20_000);
        assertThat(missingYear).isGreaterThan(5_000);
        assertThat(running).isGreaterThan(10);
    }
}
