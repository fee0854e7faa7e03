package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.stats.StatsFixtures;
import org.gridcommand.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gridcommand stats` in-process on a store holding the crafted October and November 2026 cases of the
 * statistics tests (KpiDefinitionsTest explains each figure), not the demo seed.
 */
class StatsCommandTest {
    @TempDir
    static Path data;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void craftTheStore() {
        List<Case> cases = new ArrayList<>(StatsFixtures.october());
        cases.addAll(StatsFixtures.november());
        // A street-light case of 2024, a year without a working calendar.
        cases.add(Case.builder().id("Y24").channel(Channel.GRID_WORKER).categoryCode("0102")
                .smallGridCode(StatsFixtures.G1).priority(Priority.NORMAL).state(CaseState.CLOSED)
                .reportedAt(StatsFixtures.at("2024-10-15T09:00")).acceptedAt(StatsFixtures.at("2024-10-15T09:10"))
                .dispatchedAt(StatsFixtures.at("2024-10-15T09:20")).fedBackAt(StatsFixtures.at("2024-10-15T15:00"))
                .verifiedAt(StatsFixtures.at("2024-10-16T09:00")).closedAt(StatsFixtures.at("2024-10-16T10:00")).build());
        try (Database db = Database.openH2(data, new ChangeBus())) {
            db.grids().replaceDistrict(StatsFixtures.district());
            db.cases().insertAll(cases);
            db.feed().commit(new FeedBatch(StatsFixtures.alarms(), List.of()));
            // Marked as seeded for today, so the command reads these cases rather than seeding the demo.
            db.putMeta("demo.seeded", "2026-12-01T00:00:00Z");
            db.putMeta("demo.today", LocalDate.now(StatsFixtures.ZONE).toString());
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("stats"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", data.toString()));
        int status = cli.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void kpiPrintsEveryIndicatorWithItsNumeratorAndDenominator() {
        Run r = run("kpi", "--from", "2026-10-01", "--to", "2026-10-31", "--lang", "en");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("kpi · 2026-10 (Asia/Shanghai) · figures as of 2026-11-01 00:00")
                .containsPattern("reported\\s+Cases reported\\s+13\\n")
                .containsPattern("onTimeAccept\\s+On-time acceptance rate\\s+91\\.7%\\s+11\\s+12\\n")
                .containsPattern("onTimeDispatch\\s+On-time dispatch rate\\s+100\\.0%\\s+12\\s+12\\n")
                .containsPattern("onTimeHandle\\s+On-time handling rate\\s+60\\.0%\\s+6\\s+10\\n")
                .containsPattern("endToEnd\\s+All stages on time\\s+50\\.0%\\s+5\\s+10\\n")
                .containsPattern("rework\\s+Rework rate\\s+12\\.5%\\s+1\\s+8\\n")
                .containsPattern("foundActively\\s+Found actively\\s+66\\.7%\\s+8\\s+12\\n")
                .containsPattern("voidRate\\s+Void rate\\s+7\\.7%\\s+1\\s+13\\n")
                .containsPattern("sensorAlarms\\s+Sensor alarms\\s+5\\n")
                .doesNotContain("note:");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void kpiSaysWhichCasesCouldNotBeTimed() {
        Run r = run("kpi", "--from", "2024-10-01", "--to", "2024-10-31", "--lang", "en");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("onTimeAccept\\s+On-time acceptance rate\\s+100\\.0%\\s+1\\s+1\\n")
                .containsPattern("onTimeDispatch\\s+On-time dispatch rate\\s+—\\s+0\\s+0\\n")
                .contains("note: 1 cases have a stage that cannot be timed (the working calendar covers only 2025, 2026, 2027)");
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkAndChineseNames() throws Exception {
        Path csv = data.resolve("grids.csv");
        Run r = run("cases-by-grid", "--from", "2026-10-01", "--to", "2026-10-31", "--csv", csv.toString());
        assertThat(r.status()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("大网格编码,大网格名称,小网格编码,小网格名称,上报数,作废数,结案数,未结数,有效案件占比");
        assertThat(lines).containsExactly(lines.get(0),
                "440402001001,一社区,440402001001001,一社区西片,6,0,4,2,50.0%",
                "440402001001,一社区,440402001001002,一社区东片,6,1,3,2,41.7%",
                "440402001002,二社区,440402001002001,二社区全域,0,0,0,0,0.0%",
                ",,,（无网格：辖区外）,1,0,1,0,8.3%");
        assertThat(r.out()).contains("一社区西片").contains("已写入 4 行到 " + csv);
    }

    @Test
    void byWeekSplitsTheRowsAndQuotesCellsThatNeedIt() throws Exception {
        Path csv = data.resolve("channels.csv");
        Run r = run("cases-by-channel", "--from", "2026-10-01", "--to", "2026-10-31", "--by", "week",
                "--lang", "en", "--csv", csv.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFPeriod,Channel,Channel name,Reported,Voided,Closed,Open,Share of valid\r\n")
                .contains("2026-10-12..2026-10-18,GRID_WORKER,Grid worker,2,0,2,0,66.7%\r\n")
                .contains("2026-10-05..2026-10-11,VIDEO_ANALYTICS,Video,1,0,1,0,25.0%\r\n");
        assertThat(text.split("\r\n")).hasSize(1 + 5 * 5);

        Path index = data.resolve("index.csv");
        assertThat(run("safety-index", "--from", "2026-10-01", "--to", "2026-10-02", "--lang", "en", "--csv",
                index.toString()).status()).isZero();
        assertThat(Files.readString(index, StandardCharsets.UTF_8)).startsWith("\uFEFFDate,Index,Band,Colour,"
                + "\"Fires, leaks and traffic accidents\",Flooding and typhoon damage,");
    }

    @Test
    void responseTimesAreInMinutes() {
        Run r = run("response-times", "--from", "2026-11-01", "--to", "2026-11-30", "--lang", "en");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("accepted\\s+Report to acceptance\\s+21\\s+10\\.5\\s+10\\.0\\s+18\\.0\\s+19\\.0\\n")
                .containsPattern("closed\\s+Report to closing\\s+21\\s+\\d+\\.\\d\\s+660\\.0\\s+1140\\.0\\s+1200\\.0\\n");
    }

    @Test
    void theSafetyIndexListsEveryDayWithItsBandAndTheShareOfGoodDays() {
        Run r = run("safety-index", "--from", "2026-10-01", "--to", "2026-10-31", "--lang", "en");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("2026-10-01\\s+100\\.0\\s+Excellent\\s+blue")
                .contains("good or better: 100.0% of whole days (31/31)");
        Run months = run("safety-index", "--from", "2026-10-01", "--to", "2026-11-30", "--by", "month", "--lang", "en");
        assertThat(months.out()).containsPattern("2026-10\\s+31\\s+\\d+\\.\\d\\s+100\\.0%");
    }

    @Test
    void casesByTimeCountsEachDayAndPatrolCoverageSaysWhenThereIsNoGpsData() {
        Run r = run("cases-by-time", "--from", "2026-10-12", "--to", "2026-10-13", "--lang", "en");
        assertThat(r.status()).as(r.err()).isZero();
        // Each day is taken at its own end: A and B (12 October) were closed on the 13th, so open that night.
        assertThat(r.out()).containsPattern("2026-10-12\\s+2\\s+0\\s+0\\s+2\\n").containsPattern("2026-10-13\\s+1\\s+1\\s+0\\s+0\\n");
        Run p = run("patrol-coverage", "--from", "2026-10-12", "--to", "2026-10-13", "--lang", "en");
        assertThat(p.status()).as(p.err()).isZero();
        assertThat(p.out()).containsPattern("2026-10-12\\s+0\\s+no data").contains("patrol coverage: 0 of 2 days have GPS data");
    }

    @Test
    void badInputIsNamedAndExitsTwoWithoutTouchingTheStore() {
        assertBad(run("cases", "--from", "2026-10-01", "--to", "2026-10-31"),
                "gridcommand stats: unknown subject 'cases' (use one of: cases-by-grid, cases-by-big-grid, "
                        + "cases-by-category, cases-by-major-category, cases-by-channel, cases-by-time, kpi, response-times, "
                        + "safety-index, patrol-coverage)");
        assertBad(run("kpi", "--to", "2026-10-31"), "gridcommand stats: --from is required: the first day of the period (YYYY-MM-DD)");
        assertBad(run("kpi", "--from", "2026-10-01"), "gridcommand stats: --to is required: the last day of the period, included (YYYY-MM-DD)");
        assertBad(run("kpi", "--from", "2026-02-30", "--to", "2026-03-31"),
                "gridcommand stats: --from '2026-02-30' is not a calendar date (Invalid date 'FEBRUARY 30')");
        assertBad(run("kpi", "--from", "2026/10/01", "--to", "2026-10-31"),
                "gridcommand stats: --from '2026/10/01' is not a date in the form YYYY-MM-DD (e.g. 2026-10-01)");
        assertBad(run("kpi", "--from", "2026-10-31", "--to", "2026-10-01"),
                "gridcommand stats: --to 2026-10-01 is before --from 2026-10-31: the period must end on or after its first day");
        assertBad(run("kpi", "--from", "2026-10-01", "--to", "2026-10-31", "--by", "fortnight"),
                "gridcommand stats: unknown time bucket 'fortnight' (use day, week, month)");
        assertBad(run("kpi", "--from", "2026-10-01", "--to", "2026-10-31", "--csv", data.toString()),
                "gridcommand stats: --csv " + data + " is a folder: name a file to write");
        Path nowhere = data.resolve("no-such-folder").resolve("x.csv");
        assertBad(run("kpi", "--from", "2026-10-01", "--to", "2026-10-31", "--csv", nowhere.toString()),
                "gridcommand stats: --csv " + nowhere + ": the folder " + nowhere.getParent() + " does not exist");
        assertBad(run("kpi", "--from", "2000-01-01", "--to", "2026-10-31"),
                "gridcommand stats: the period 2000-01-01 to 2026-10-31 spans 9801 days; at most 3660 (ten years) are allowed");
    }

    private static void assertBad(Run r, String message) {
        assertThat(r.status()).as(r.out()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(message);
        assertThat(r.out()).isEmpty();
    }
}
