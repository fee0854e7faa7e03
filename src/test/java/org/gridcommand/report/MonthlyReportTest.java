package org.gridcommand.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.DurationWords;
import org.gridcommand.common.Messages;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.stats.StatsFixtures;
import org.gridcommand.stats.StatsSettings;
import org.gridcommand.store.Database;
import org.gridcommand.store.JdbcStatsRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly report of November 2026 over the statistics tests' crafted cases in a real H2 store: its PDF's
 * text and its HTML carry the figures this test counts itself from the cases read back from the store.
 */
class MonthlyReportTest {
    private static final CategoryDictionary DICT = CategoryDictionary.loadDefault();
    private static final SlaEngine SLA = SlaEngine.loadDefault(DICT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T04:00:00Z"), ZoneOffset.UTC);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static Path storeDir;
    private static Database db;
    private static Path outDir;
    private static Path pdf;
    private static Path html;
    private static String pdfText;
    private static String htmlText;
    private static List<String> stages = new ArrayList<>();
    private static List<Integer> percents = new ArrayList<>();

    @BeforeAll
    static void writeReport() throws IOException {
        storeDir = Files.createTempDirectory("gc-report-test");
        db = Database.openH2(storeDir, new ChangeBus());
        db.grids().replaceDistrict(StatsFixtures.district());
        List<Case> cases = new ArrayList<>(StatsFixtures.october());
        cases.addAll(StatsFixtures.november());
        db.cases().insertAll(cases);
        outDir = Files.createTempDirectory("gc-report-out");
        pdf = outDir.resolve("月报-2026-11.pdf");
        html = outDir.resolve("report.html");
        writer().write(NOVEMBER, pdf, html, (percent, stage) -> {
            percents.add(percent);
            stages.add(stage);
        });
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            pdfText = stripper.getText(doc);
        }
        htmlText = Files.readString(html, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() throws IOException {
        db.close();
        for (Path dir : List.of(storeDir, outDir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static MonthlyReportWriter writer() {
        return new MonthlyReportWriter(new MonthlyReportBuilder(JdbcStatsRepository.of(db), SLA, DICT,
                StatsFixtures.district(), CLOCK));
    }

    /** The month's cases read back from the store; the figures are taken at the month's end. */
    private static List<Case> stored(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(StatsFixtures.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(StatsFixtures.ZONE).toInstant();
        return db.cases().findReportedBetween(from, to);
    }

    private static Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(StatsFixtures.ZONE).toInstant();
    }

    private static String pct(long n, long d) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * n / d);
    }

    /** The PDF lines of table rows whose first cell is {@code label} (a chart's legend may start alike). */
    private static String pdfRow(String label) {
        String rows = String.join("\n", pdfText.lines().filter(l -> l.startsWith(label + " ")).toList());
        if (rows.isEmpty()) {
            throw new AssertionError("no row '" + label + "' in the PDF text:\n" + pdfText);
        }
        return rows;
    }

    private static String htmlRow(String label, String... cells) {
        StringBuilder b = new StringBuilder("<tr><td>").append(label).append("</td>");
        for (String c : cells) {
            b.append("<td class=\"n\">").append(c).append("</td>");
        }
        return b.toString();
    }

    @Test
    void countsAndRatesMatchTheStoredCasesInThePdfAndTheHtml() {
        List<Case> now = stored(NOVEMBER);
        List<Case> before = stored(NOVEMBER.minusMonths(1));
        long reported = now.size();
        long voided = now.stream().filter(c -> c.state() == CaseState.VOIDED).count();
        long closed = now.stream().filter(c -> c.state() == CaseState.CLOSED && !c.closedAt().isAfter(end(NOVEMBER))).count();
        long closedBefore = before.stream().filter(c -> c.state() == CaseState.CLOSED && !c.closedAt().isAfter(end(NOVEMBER.minusMonths(1)))).count();
        long validBefore = before.stream().filter(c -> c.state() != CaseState.VOIDED).count();
        assertThat(reported).isEqualTo(22);

        assertThat(pdfRow("上报案件数")).contains(" " + reported + " " + before.size() + " ");
        assertThat(pdfRow("有效案件数")).contains(" " + (reported - voided) + " " + validBefore + " ");
        assertThat(pdfRow("已结案件数")).contains(" " + closed + " " + closedBefore + " ");
        String closure = pct(closed, reported - voided);
        String closureBefore = pct(closedBefore, validBefore);
        assertThat(pdfRow("结案率")).contains(closure + " " + closureBefore).contains(closed + "/" + (reported - voided));
        assertThat(htmlText).contains(htmlRow("结案率", closure, closureBefore));

        var active = StatsSettings.loadDefault().activeChannels();
        long activeNow = now.stream().filter(c -> c.state() != CaseState.VOIDED && active.contains(c.channel())).count();
        String activeShare = pct(activeNow, reported - voided);
        assertThat(pdfRow("主动发现率")).contains(activeShare);
        assertThat(pdfRow("主动发现（网格巡查、视频、传感器）")).contains(" " + activeNow + " " + activeShare);
        assertThat(htmlText).contains(htmlRow("主动发现（网格巡查、视频、传感器）", Long.toString(activeNow), activeShare));
    }

    @Test
    void channelsAndCategoriesAreCountedAsTheStoreHoldsThem() {
        List<Case> now = stored(NOVEMBER);
        List<Case> before = stored(NOVEMBER.minusMonths(1));
        long gridWorker = now.stream().filter(c -> c.state() != CaseState.VOIDED && c.channel() == Channel.GRID_WORKER).count();
        long gridWorkerBefore = before.stream().filter(c -> c.state() != CaseState.VOIDED && c.channel() == Channel.GRID_WORKER).count();
        assertThat(pdfRow("网格员")).contains(" " + gridWorker + " " + gridWorkerBefore + " ");
        assertThat(pdfText).contains("网格员  " + gridWorker + "（");
        // Major class 01 (城市部件) holds the street lights (0102).
        long major01 = now.stream().filter(c -> c.state() != CaseState.VOIDED && c.categoryCode().startsWith("01")).count();
        String major01Name = DICT.find("01").orElseThrow().name().zh();
        assertThat(pdfRow(major01Name)).contains(" " + major01 + " ");
        assertThat(htmlText).contains("<tr><td>" + major01Name + "</td>");
        // No alarm is stored in this store (as in the demo's history): October's sensor cases D and K count as theirs.
        assertThat(pdfRow("物联感知告警数")).contains(" 0 2 ");
    }

    @Test
    void responseTimePercentilesAreNearestRankOfTheStoredTimesInWords() {
        List<Duration> times = stored(NOVEMBER).stream().filter(c -> c.state() != CaseState.VOIDED && c.acceptedAt() != null)
                .map(c -> Duration.between(c.reportedAt(), c.acceptedAt())).sorted().toList();
        Messages zh = Messages.forLocale(Messages.ZH_CN);
        String p50 = DurationWords.of(times.get((int) Math.ceil(0.5 * times.size()) - 1), zh);
        String p90 = DurationWords.of(times.get((int) Math.ceil(0.9 * times.size()) - 1), zh);
        String mean = DurationWords.of(Duration.ofMillis(Math.round(times.stream().mapToLong(Duration::toMillis)
                .average().orElseThrow())), zh);
        // Accepted 1..20 minutes after the report, and the case of the old grid 10 minutes after its report.
        assertThat(p90).isEqualTo("18 分钟");
        assertThat(pdfRow("上报至受理 本月")).contains(" " + times.size() + " " + mean + " " + p50 + " " + p90 + " ");
        assertThat(htmlText).contains("<td>上报至受理</td><td>本月</td><td class=\"n\">" + times.size()
                + "</td><td class=\"n\">" + mean + "</td><td class=\"n\">" + p50 + "</td><td class=\"n\">" + p90 + "</td>");
        assertThat(pdfText).doesNotContainPattern("\\d\\.\\d 分钟").contains("50% 的案件不超过");
    }

    @Test
    void gridRankingListsTheBusiestGridFirst() {
        long g3 = stored(NOVEMBER).stream().filter(c -> c.state() != CaseState.VOIDED
                && StatsFixtures.G3.equals(c.smallGridCode())).count();
        assertThat(pdfText).contains("1 " + StatsFixtures.G3 + " ");
        assertThat(pdfText.lines().filter(l -> l.startsWith("1 " + StatsFixtures.G3 + " ")).findFirst().orElseThrow())
                .contains(" " + g3 + " ");
        assertThat(htmlText).contains(htmlRow("1", StatsFixtures.G3));
    }

    @Test
    void theChineseFontIsAnEmbeddedSubsetAndEveryPageIsNumbered() throws IOException {
        assertThat(pdfText).contains("「智慧高新」网格化服务管理月报").contains("2026年11月").contains("平安指数");
        assertThat(Files.size(pdf)).isLessThan(2_000_000);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            boolean cjk = false;
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    if (font instanceof PDType0Font type0 && font.getName().contains("CJK")) {
                        PDFontDescriptor d = type0.getDescendantFont().getFontDescriptor();
                        assertThat(d.getFontFile3()).as("CFF font program of %s", font.getName()).isNotNull();
                        assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
                        cjk = true;
                    }
                }
            }
            assertThat(cjk).as("an embedded CJK font").isTrue();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= pages; i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                assertThat(stripper.getText(doc).replaceAll("\\s+", "")).contains("第" + i + "页/共" + pages + "页");
            }
        }
    }

    @Test
    void theSummaryAtTheTopTellsTheMonthFromItsFigures() {
        // October: 12 valid cases; November: 21, twenty of them in 二社区 (G3) and one on a grid of an older layout.
        String zh = "2026年11月，全区共受理有效案件 21 件，比上月（12 件）增加 9 件（+75.0%）。";
        assertThat(pdfText.replaceAll("\\s*\\n", "")).contains(zh).contains("案件最多的大网格是二社区，有效案件 20 件");
        assertThat(htmlText).contains(zh).contains("In November 2026 the district received 21 valid cases, 9 more than");
        String flat = pdfText.replaceAll("\\s*\\n", "");
        assertThat(flat.indexOf(zh)).as("the summary before the headline figures").isLessThan(flat.indexOf("上报案件数"));
    }

    @Test
    void progressRunsForwardToAHundred() {
        assertThat(percents).isSorted().startsWith(0).endsWith(100);
        assertThat(stages).contains("load", "pdf", "html", "done");
    }

    @Test
    void aMonthNotBegunOrWithoutCasesFailsAndWritesNothing(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("r.pdf");
        assertThatThrownBy(() -> writer().write(YearMonth.of(2027, 1), target, null, ReportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027-01 has not begun yet")
                .hasMessageContaining("the current month 2026-12 can be reported up to today");
        assertThatThrownBy(() -> writer().write(YearMonth.of(2025, 3), target, dir.resolve("r.html"), ReportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--month 2025-03 is before the first stored case: the store's cases run from 2026-10 to "
                        + "2026-12, so choose a month in that range");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void theMonthsOfferedRunFromTheFirstCaseToTheCurrentMonthToDate() {
        ReportMonths months = writer().months();
        assertThat(months.all()).extracting(ReportMonths.ReportMonth::month)
                .containsExactly(YearMonth.of(2026, 12), YearMonth.of(2026, 11), YearMonth.of(2026, 10));
        assertThat(months.all().get(0).toDate()).isTrue();
        assertThat(months.usual().map(ReportMonths.ReportMonth::month)).contains(NOVEMBER);
    }

    @Test
    void theCurrentMonthIsReportedToDateAndSaysSo(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("to-date.pdf");
        Path page = dir.resolve("to-date.html");
        // 12:00 on 20 November in the district: November is the current month, its cases so far are reported.
        Clock midNovember = Clock.fixed(Instant.parse("2026-11-20T04:00:00Z"), ZoneOffset.UTC);
        MonthlyReportWriter writer = new MonthlyReportWriter(new MonthlyReportBuilder(JdbcStatsRepository.of(db), SLA,
                DICT, StatsFixtures.district(), midNovember));
        MonthlyReport r = writer.write(NOVEMBER, target, page, ReportProgress.NONE);
        assertThat(r.partial()).isTrue();
        assertThat(Files.readString(page)).contains("2026年11月（截至11月20日）").contains("2026-11-20 12:00")
                .contains("2026年11月1日至20日，全区共受理有效案件").contains("本月尚未结束，不作增减比较")
                .contains("2026-11-01 — 2026-11-20（中国时间）").contains("本月尚未结束：件数只统计到今天");
        // Part of a month is not set against the whole previous month: no rise, no fall, no verdict for counts.
        MonthlyReport.Figure reported = r.headline().get(0);
        assertThat(reported.key()).isEqualTo("reported");
        assertThat(reported.change()).isEqualTo("—");
        assertThat(reported.verdict()).isEqualTo(MonthlyReport.Verdict.NEUTRAL);
        assertThat(r.channels()).allMatch(c -> c.change().equals("—"));
    }

    @Test
    void badMonthsAndTargetsAreNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> MonthlyReportWriter.parseMonth("2026-13")).hasMessageContaining("'2026-13' is not a calendar month");
        assertThatThrownBy(() -> MonthlyReportWriter.parseMonth("Oct 2026")).hasMessageContaining("form YYYY-MM");
        assertThatThrownBy(() -> MonthlyReportWriter.checkTarget("--out", dir)).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> MonthlyReportWriter.checkTarget("--out", dir.resolve("no/such/r.pdf")))
                .hasMessageContaining("does not exist");
    }
}
