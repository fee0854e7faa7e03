package org.gridcommand.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.sla.SlaStage.ACCEPT;
import static org.gridcommand.sla.SlaStage.CLOSE;
import static org.gridcommand.sla.SlaStage.DISPATCH;
import static org.gridcommand.sla.SlaStage.HANDLE;
import static org.gridcommand.sla.SlaStage.VERIFY;
import static org.gridcommand.stats.StageOutcome.LATE;
import static org.gridcommand.stats.StageOutcome.NOT_ASSESSABLE;
import static org.gridcommand.stats.StageOutcome.NOT_REACHED;
import static org.gridcommand.stats.StageOutcome.ON_TIME;
import static org.gridcommand.stats.StageOutcome.PENDING;
import static org.gridcommand.stats.StatsFixtures.at;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.store.JdbcStatsRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every KPI definition at its edges, on crafted cases in a real H2 store (StatsFixtures says what each case
 * is built for). On time means within the limits of assets/sla/limits.json in the working calendar, exactly as
 * the queue's SLA column computes them.
 */
class KpiDefinitionsTest {
    private static final StatsPeriod OCTOBER = StatsPeriod.month(YearMonth.of(2026, 10), StatsFixtures.ZONE);
    private static final StatsPeriod NOVEMBER = StatsPeriod.month(YearMonth.of(2026, 11), StatsFixtures.ZONE);
    private static final StatsPeriod OCTOBER_2024 = StatsPeriod.month(YearMonth.of(2024, 10), StatsFixtures.ZONE);

    private static StatsFixtures.Store store;
    private static StatsService service;
    private static PeriodStats october;

    @BeforeAll
    static void seed() {
        List<Case> cases = new ArrayList<>(StatsFixtures.october());
        cases.addAll(StatsFixtures.november());
        cases.addAll(year2024());
        store = StatsFixtures.Store.h2().seed(cases);
        service = store.service();
        october = service.period(OCTOBER);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** 2024 has no calendar file: working-time stages cannot be timed, natural-minute ones can. */
    static List<Case> year2024() {
        return List.of(
                StatsFixtures.closed(StatsFixtures.reported("Y24", Channel.GRID_WORKER, "0102", StatsFixtures.G1,
                        "2024-10-15T09:00"), "2024-10-15T09:10", "2024-10-15T09:20", StatsFixtures.WORKER,
                        "2024-10-15T15:00", "2024-10-16T09:00", "2024-10-16T10:00"),
                StatsFixtures.closed(StatsFixtures.reported("Y24F", Channel.SENSOR, "0601", StatsFixtures.G1,
                        "2024-10-15T22:00"), "2024-10-15T22:02", "2024-10-15T22:05", StatsFixtures.DEPARTMENT,
                        "2024-10-15T23:30", "2024-10-16T09:00", "2024-10-16T10:00"));
    }

    private static StageOutcome verdict(PeriodStats stats, String caseId, SlaStage stage) {
        List<CaseFacts> cases = stats.cases();
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i).id().equals(caseId)) {
                return stats.outcomes()[i][stage.ordinal()];
            }
        }
        throw new AssertionError("no case " + caseId + " in " + stats.period());
    }

    private static void assertVerdicts(PeriodStats stats, String id, StageOutcome... byStage) {
        for (SlaStage s : SlaStage.values()) {
            assertThat(verdict(stats, id, s)).as("case %s, stage %s", id, s).isEqualTo(byStage[s.ordinal()]);
        }
    }

    /**
     * The sensor alarm count sat at 0 beside 85 sensor-channel cases on the demo: it counted only the alarm table,
     * which only the field feed fills, while the seeded history (and a sensor case an officer types in) has no row
     * there. Now a sensor case no stored alarm opened counts as its alarm, and one that a stored alarm opened counts
     * once.
     */
    @Test
    void sensorAlarmsAreNeverFewerThanTheSensorChannelsCasesAndEachAlarmCountsOnce() {
        long sensorCases = october.countsByChannel().stream().filter(r -> "SENSOR".equals(r.code()))
                .mapToLong(CountRow::reported).sum();
        assertThat(sensorCases).as("D, and K which alarm AL5 opened").isEqualTo(2);
        // AL1, AL2, AL3, AL5 stored in October; D has no stored alarm; K is AL5's case, not a second alarm.
        assertThat(october.kpis().sensorAlarms()).isEqualTo(5).isGreaterThanOrEqualTo(sensorCases);
        // October 2024 is the demo's case: one sensor case, no alarm stored at all.
        assertThat(service.period(OCTOBER_2024).kpis().sensorAlarms()).isEqualTo(1);
    }

    @Test
    void acceptedExactlyAtTheLimitIsOnTimeAndOneMinuteOverIsLate() {
        assertVerdicts(october, "A", ON_TIME, ON_TIME, ON_TIME, ON_TIME, ON_TIME);
        assertVerdicts(october, "B", LATE, ON_TIME, ON_TIME, ON_TIME, ON_TIME);
    }

    @Test
    void workingHoursSkipTheNationalDayHolidayAndEndExactlyAtTheDueTime() {
        // Dispatched on 5 October (holiday): 4 working hours end 8 October 14:30, not 5 October 14:20.
        assertVerdicts(october, "C", ON_TIME, ON_TIME, ON_TIME, ON_TIME, ON_TIME);
        assertVerdicts(october, "D", ON_TIME, ON_TIME, LATE, ON_TIME, ON_TIME);
    }

    @Test
    void theMakeUpSaturdayIsAWorkingDay() {
        assertVerdicts(october, "E", ON_TIME, ON_TIME, LATE, ON_TIME, ON_TIME);
        assertVerdicts(october, "E2", ON_TIME, ON_TIME, ON_TIME, ON_TIME, ON_TIME);
    }

    @Test
    void runningStagesAreLateOnlyOncePastDueAndSuspensionStopsTheClock() {
        assertVerdicts(october, "I", ON_TIME, ON_TIME, LATE, NOT_REACHED, NOT_REACHED);
        assertVerdicts(october, "L", ON_TIME, ON_TIME, PENDING, NOT_REACHED, NOT_REACHED);
    }

    @Test
    void whatHappensAfterThePeriodEndIsNotSeen() {
        // J was fed back on 2 November in time: at 1 November 00:00 its handling ran and was not yet due.
        assertVerdicts(october, "J", ON_TIME, ON_TIME, PENDING, NOT_REACHED, NOT_REACHED);
        // K's handling was due 31 October 23:05 and still running at midnight: late.
        assertVerdicts(october, "K", ON_TIME, ON_TIME, LATE, NOT_REACHED, NOT_REACHED);
        // The same October cases computed again a month later give the same figures.
        PeriodStats later = new StatsService(JdbcStatsRepository.of(store.db), StatsFixtures.SLA, StatsFixtures.DICT,
                StatsFixtures.district(), StatsSettings.loadDefault(), SafetyIndexRules.loadDefault(StatsFixtures.DICT),
                Clock.fixed(at("2027-03-01T00:00"), ZoneOffset.UTC)).period(OCTOBER);
        assertThat(later.kpis()).isEqualTo(october.kpis());
    }

    @Test
    void aVoidedCaseIsReportedButCountsInNoIndicator() {
        assertVerdicts(october, "F", NOT_REACHED, NOT_REACHED, NOT_REACHED, NOT_REACHED, NOT_REACHED);
        Kpis k = october.kpis();
        assertThat(k.reported()).isEqualTo(13);
        assertThat(k.voided()).isEqualTo(1);
        assertThat(k.valid()).isEqualTo(12);
        assertThat(k.voidRate()).isEqualTo(new Rate(1, 13));
        assertThat(k.stages().get(ACCEPT).onTime() + k.stages().get(ACCEPT).late()
                + k.stages().get(ACCEPT).pending() + k.stages().get(ACCEPT).notReached()).isEqualTo(12);
    }

    @Test
    void reworkIsReadFromTheLifeCycleAndTheReworkedHandlingIsTimedFromDispatchToTheLastFeedback() {
        assertVerdicts(october, "G", ON_TIME, ON_TIME, ON_TIME, ON_TIME, ON_TIME);
        Kpis k = october.kpis();
        // Numerator: G. Denominator: the valid cases fed back by 1 November (A B C D E E2 G N).
        assertThat(k.rework()).isEqualTo(new Rate(1, 8));
    }

    @Test
    void octoberRatesCountOnlyDecidedStages() {
        Kpis k = october.kpis();
        assertThat(k.asOf()).isEqualTo(at("2026-11-01T00:00"));
        assertThat(k.stages().get(ACCEPT)).isEqualTo(new StageTally(11, 1, 0, 0, 0));
        assertThat(k.stages().get(DISPATCH)).isEqualTo(new StageTally(12, 0, 0, 0, 0));
        assertThat(k.stages().get(HANDLE)).isEqualTo(new StageTally(6, 4, 2, 0, 0));
        assertThat(k.stages().get(VERIFY)).isEqualTo(new StageTally(8, 0, 0, 4, 0));
        assertThat(k.stages().get(CLOSE)).isEqualTo(new StageTally(8, 0, 0, 4, 0));
        assertThat(k.onTime(ACCEPT).percent()).isEqualTo("91.7%");
        assertThat(k.onTime(HANDLE)).isEqualTo(new Rate(6, 10));
        // End to end: A C E2 G N closed with every stage on time; B D E I K late somewhere; J L undecided.
        assertThat(k.endToEnd()).isEqualTo(new StageTally(5, 5, 2, 0, 0));
        assertThat(k.closed()).isEqualTo(8);
        assertThat(k.closure()).isEqualTo(new Rate(8, 12));
        // Active: grid workers A E2 G I J, video C, sensors D K; the rest came by hotline or the duty officer.
        assertThat(k.foundActively()).isEqualTo(new Rate(8, 12));
        assertThat(k.machineFound()).isEqualTo(new Rate(3, 12));
        assertThat(k.gridSelfHandled()).isEqualTo(new Rate(5, 12));
        assertThat(k.supervised()).isEqualTo(new Rate(1, 12));
        assertThat(k.escalated()).isEqualTo(new Rate(1, 12));
        // Stored alarms at 02:00 on 3 October, 12:00 on 15 October, 21:00 (AL5, which opened K) and 23:59 on 31
        // October, and the sensor case D that no stored alarm opened; 1 November 00:00 is November's.
        assertThat(k.sensorAlarms()).isEqualTo(5);
        assertThat(service.period(NOVEMBER).kpis().sensorAlarms()).isEqualTo(1);
    }

    @Test
    void stagesInAYearWithoutAWorkingCalendarAreNotAssessableAndLeftOutOfTheRates() {
        PeriodStats y2024 = service.period(OCTOBER_2024);
        assertVerdicts(y2024, "Y24", ON_TIME, NOT_ASSESSABLE, NOT_ASSESSABLE, NOT_ASSESSABLE, NOT_ASSESSABLE);
        assertVerdicts(y2024, "Y24F", ON_TIME, ON_TIME, ON_TIME, NOT_ASSESSABLE, NOT_ASSESSABLE);
        Kpis k = y2024.kpis();
        assertThat(k.onTime(ACCEPT)).isEqualTo(new Rate(2, 2));
        assertThat(k.onTime(DISPATCH)).isEqualTo(new Rate(1, 1));
        assertThat(k.onTime(VERIFY)).isEqualTo(new Rate(0, 0));
        assertThat(k.onTime(VERIFY).percent()).isEqualTo("—");
        assertThat(k.notAssessable()).isEqualTo(2);
    }

    @Test
    void responseTimesAreNearestRankPercentilesOfTheValidCases() {
        List<ResponseTime> times = service.period(NOVEMBER).responseTimes();
        ResponseTime accepted = times.get(0);
        assertThat(accepted.measure()).isEqualTo("accepted");
        // 20 valid cases plus OLD (10 min); the voided NOVX never counts.
        assertThat(accepted.count()).isEqualTo(21);
        // Minutes 1..20 and 10: sorted ranks 11, 19, 20 of 21 (ceil(p × n)).
        assertThat(accepted.at(50)).isEqualTo(Duration.ofMinutes(10));
        assertThat(accepted.at(90)).isEqualTo(Duration.ofMinutes(18));
        assertThat(accepted.at(95)).isEqualTo(Duration.ofMinutes(19));
        assertThat(accepted.mean()).isEqualTo(Duration.ofMinutes(220).dividedBy(21));
        ResponseTime dispatched = times.get(1);
        assertThat(dispatched.at(50)).isEqualTo(Duration.ofMinutes(20));
        assertThat(dispatched.at(95)).isEqualTo(Duration.ofMinutes(29));
        ResponseTime closed = times.get(2);
        assertThat(closed.count()).isEqualTo(21);
        // Hours 1..20 and OLD's 25 h: rank 11 is 11 h, rank 19 is 19 h, rank 20 is 20 h.
        assertThat(closed.at(50)).isEqualTo(Duration.ofHours(11));
        assertThat(closed.at(90)).isEqualTo(Duration.ofHours(19));
        assertThat(closed.at(95)).isEqualTo(Duration.ofHours(20));
    }

    @Test
    void whileThePeriodRunsFiguresAreTakenNow() {
        StatsService midNovember = new StatsService(JdbcStatsRepository.of(store.db), StatsFixtures.SLA,
                StatsFixtures.DICT, StatsFixtures.district(), StatsSettings.loadDefault(),
                SafetyIndexRules.loadDefault(StatsFixtures.DICT), Clock.fixed(at("2026-11-11T12:00"), ZoneOffset.UTC));
        PeriodStats running = midNovember.period(NOVEMBER);
        assertThat(running.asOf()).isEqualTo(at("2026-11-11T12:00"));
        // NOV10 (reported 11 November 09:00) closes at 19:00: not yet; NOV01..NOV09 and OLD are closed.
        assertThat(running.kpis().closed()).isEqualTo(10);
        assertThat(running.responseTimes().get(2).count()).isEqualTo(10);
    }

    @Test
    void countTablesListEveryGridCategoryAndChannelWithZerosAndTheCasesWithoutAGrid() {
        List<CountRow> grids = october.countsBySmallGrid();
        assertThat(grids).extracting(CountRow::code).containsExactly(StatsFixtures.G1, StatsFixtures.G2,
                StatsFixtures.G3, null);
        CountRow g1 = grids.get(0);
        // G1: A B E E2 I J; J was closed after the period, I is open: closed A B E E2.
        assertThat(g1.reported()).isEqualTo(6);
        assertThat(g1.voided()).isZero();
        assertThat(g1.closed()).isEqualTo(4);
        assertThat(g1.open()).isEqualTo(2);
        assertThat(g1.parentCode()).isEqualTo(StatsFixtures.BIG_1);
        assertThat(g1.name().zh()).isEqualTo("一社区西片");
        // G2: C D F G K L; F voided, K closed after the period, L suspended.
        assertThat(grids.get(1)).extracting(CountRow::reported, CountRow::voided, CountRow::closed)
                .containsExactly(6L, 1L, 3L);
        assertThat(grids.get(2).reported()).isZero();
        assertThat(grids.get(3)).extracting(CountRow::reported, CountRow::valid).containsExactly(1L, 1L);

        assertThat(october.countsByBigGrid()).extracting(CountRow::code, CountRow::reported)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StatsFixtures.BIG_1, 12L),
                        org.assertj.core.groups.Tuple.tuple(StatsFixtures.BIG_2, 0L),
                        org.assertj.core.groups.Tuple.tuple(null, 1L));

        Map<String, Long> byChannel = new java.util.LinkedHashMap<>();
        october.countsByChannel().forEach(r -> byChannel.put(r.code(), r.reported()));
        assertThat(byChannel).containsExactly(Map.entry("GRID_WORKER", 5L), Map.entry("HOTLINE", 4L),
                Map.entry("SENSOR", 2L), Map.entry("VIDEO_ANALYTICS", 1L), Map.entry("DUTY_OFFICER", 1L));

        List<CountRow> categories = october.countsByCategory();
        assertThat(categories).hasSize(StatsFixtures.DICT.minors().size());
        assertThat(categories.stream().filter(r -> "0102".equals(r.code())).findFirst().orElseThrow())
                .extracting(CountRow::reported, CountRow::voided, CountRow::parentCode).containsExactly(8L, 1L, "01");
        assertThat(october.countsByMajorCategory()).extracting(CountRow::code, CountRow::reported).contains(
                org.assertj.core.groups.Tuple.tuple("01", 8L), org.assertj.core.groups.Tuple.tuple("02", 4L),
                org.assertj.core.groups.Tuple.tuple("06", 1L), org.assertj.core.groups.Tuple.tuple("03", 0L));
    }

    @Test
    void aGridOfAnEarlierLayoutKeepsItsRowUnderItsCommunity() {
        List<CountRow> grids = service.period(NOVEMBER).countsBySmallGrid();
        CountRow old = grids.stream().filter(r -> StatsFixtures.OLD_GRID.equals(r.code())).findFirst().orElseThrow();
        assertThat(old.reported()).isEqualTo(1);
        assertThat(old.name()).isNull();
        assertThat(old.parentCode()).isEqualTo("440402001003");
    }

    @Test
    void bucketsAreClippedToThePeriodAndAddUpToIt() {
        List<PeriodStats> weeks = october.split(Granularity.WEEK);
        assertThat(weeks).extracting(w -> w.period().label()).containsExactly("2026-10-01..2026-10-04",
                "2026-10-05..2026-10-11", "2026-10-12..2026-10-18", "2026-10-19..2026-10-25", "2026-10-26..2026-10-31");
        assertThat(weeks.stream().mapToLong(w -> w.kpis().reported()).sum()).isEqualTo(13);
        // Each week is its own period: A and B (12 October) are judged at 19 October 00:00.
        assertThat(weeks.get(2).asOf()).isEqualTo(at("2026-10-19T00:00"));
        List<CountRow> days = october.countsByTime(Granularity.DAY);
        assertThat(days).hasSize(31);
        assertThat(days.get(11)).extracting(CountRow::code, CountRow::reported).containsExactly("2026-10-12", 2L);
        assertThat(october.countsByTime(Granularity.MONTH)).singleElement()
                .extracting(CountRow::code, CountRow::reported).containsExactly("2026-10", 13L);
    }

    @Test
    void caseDensityGivesEveryGridOfTheDistrictItsValidCasesCountedByTheDatabase() {
        assertThat(service.caseDensity(OCTOBER)).containsExactly(Map.entry(StatsFixtures.G1, 6.0),
                Map.entry(StatsFixtures.G2, 5.0), Map.entry(StatsFixtures.G3, 0.0));
        assertThat(service.caseDensity(StatsPeriod.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 12),
                StatsFixtures.ZONE))).containsEntry(StatsFixtures.G1, 2.0).containsEntry(StatsFixtures.G2, 0.0);
    }

    @Test
    void thisMonthComesWithThePreviousOne() {
        StatsService.Comparison c = service.compare(NOVEMBER);
        assertThat(c.current().period()).isEqualTo(NOVEMBER);
        assertThat(c.previous().period()).isEqualTo(OCTOBER);
        assertThat(c.previous().kpis()).isEqualTo(october.kpis());
        assertThat(c.current().kpis().reported()).isEqualTo(22);
        assertThat(c.current().cases()).noneMatch(f -> f.state() == CaseState.VOIDED && !f.id().equals("NOVX"));
    }
}
