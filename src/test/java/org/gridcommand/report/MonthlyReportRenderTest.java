package org.gridcommand.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.report.MonthlyReport.Share;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.stats.StatsFixtures;
import org.gridcommand.store.Database;
import org.gridcommand.store.JdbcStatsRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monthly report as a reader sees it: the PDF of October 2026 over the statistics fixtures (five channels: 5, 3,
 * 2, 1 and 1 valid cases) is rendered to pictures, and every wedge of the channel pie must be there, in one colour
 * of its own, in the sector its share gives it; the words on the pages (and in the HTML twin) carry no colour code
 * and no file path, which mean nothing to the leader who reads the report.
 */
class MonthlyReportRenderTest {
    private static final CategoryDictionary DICT = CategoryDictionary.loadDefault();
    private static final SlaEngine SLA = SlaEngine.loadDefault(DICT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T04:00:00Z"), ZoneOffset.UTC);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final float DPI = 100;
    /** A pixel lighter than this in every channel is the page's white background. */
    private static final int BACKGROUND = 235;
    private static final Pattern COLOUR_CODE = Pattern.compile("#[0-9A-Fa-f]{3,8}\\b");
    /** Relative paths with a folder (docs/statistics.md), absolute paths (/tmp/x), Windows drives (C:\). */
    private static final Pattern FILE_PATH = Pattern.compile(
            "[A-Za-z][\\w.-]*/[\\w.-]+|(?<![\\w/])/[\\w.-]+/|[A-Za-z]:\\\\");

    private static Path storeDir;
    private static Database db;
    private static MonthlyReport report;
    private static List<ChartPlacement> charts;
    private static byte[] pdf;
    private static String html;

    @BeforeAll
    static void writeReport() throws IOException {
        storeDir = Files.createTempDirectory("gc-report-render");
        db = Database.openH2(storeDir, new ChangeBus());
        db.grids().replaceDistrict(StatsFixtures.district());
        List<Case> cases = new ArrayList<>(StatsFixtures.october());
        cases.addAll(StatsFixtures.november());
        db.cases().insertAll(cases);
        MonthlyReportBuilder builder = new MonthlyReportBuilder(JdbcStatsRepository.of(db), SLA, DICT,
                StatsFixtures.district(), CLOCK);
        report = builder.build(OCTOBER, ReportProgress.NONE, 0, 100);
        MonthlyReportPdf writer = new MonthlyReportPdf();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, out);
        pdf = out.toByteArray();
        charts = writer.charts();
        html = new MonthlyReportHtml().render(report);
    }

    @AfterAll
    static void close() throws IOException {
        db.close();
        try (var paths = Files.walk(storeDir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A wedge as the report's figures define it: from 12 o'clock, clockwise, its share of the full turn. */
    private record Wedge(String label, double startDegrees, double extentDegrees) {
    }

    private static List<Wedge> expectedWedges() {
        long total = report.channels().stream().mapToLong(Share::current).sum();
        List<Wedge> out = new ArrayList<>();
        double start = 90;
        for (Share s : report.channels()) {
            if (s.current() > 0) {
                double extent = -360.0 * s.current() / total;
                out.add(new Wedge(s.label(), start, extent));
                start += extent;
            }
        }
        return out;
    }

    @Test
    void everyWedgeOfTheChannelPieIsDrawnInAColourOfItsOwn() throws IOException {
        List<Wedge> wedges = expectedWedges();
        assertThat(wedges).as("the fixtures' October has five channels").hasSize(5);
        ChartPlacement pie = charts.stream().filter(c -> c.chart().equals("channels")).findFirst().orElseThrow();
        BufferedImage page;
        float pageHeight;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pageHeight = doc.getPage(pie.page() - 1).getMediaBox().getHeight();
            page = new PDFRenderer(doc).renderImageWithDPI(pie.page() - 1, DPI);
        }
        double scale = DPI / 72.0;
        double cx = (pie.left() + PieChart.CENTER_X) * scale;
        double cy = (pageHeight - pie.bottom() - PieChart.CENTER_Y) * scale;
        double r = PieChart.RADIUS * scale;

        List<Integer> colours = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Wedge w : wedges) {
            List<Integer> samples = sector(page, cx, cy, r, w);
            long drawn = samples.stream().filter(rgb -> !isBackground(rgb)).count();
            int dominant = dominant(samples);
            long same = samples.stream().filter(rgb -> close(rgb, dominant)).count();
            if (drawn < samples.size() * 0.95 || isBackground(dominant) || same < samples.size() * 0.9) {
                problems.add(String.format("%s (%.0f° from %.0f°): %d of %d points drawn, %d of them in its colour %06x",
                        w.label(), -w.extentDegrees(), w.startDegrees(), drawn, samples.size(), same, dominant));
            }
            colours.add(dominant);
        }
        for (int i = 0; i < colours.size(); i++) {
            int next = colours.get((i + 1) % colours.size());
            if (close(colours.get(i), next)) {
                problems.add(wedges.get(i).label() + " has the colour of the wedge after it");
            }
        }
        assertThat(problems).as("wedges missing or not their own colour").isEmpty();
    }

    @Test
    void thePdfsWordsCarryNoColourCodeAndNoFilePath() throws IOException {
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(matches(COLOUR_CODE, text)).as("colour codes in the PDF's text").isEmpty();
        assertThat(matches(FILE_PATH, text)).as("file paths in the PDF's text").isEmpty();
    }

    @Test
    void theHtmlTwinsWordsCarryNoColourCodeAndNoFilePath() {
        String text = visibleText(html);
        assertThat(text).contains("平安指数");
        assertThat(matches(COLOUR_CODE, text)).as("colour codes in the HTML's text").isEmpty();
        assertThat(matches(FILE_PATH, text)).as("file paths in the HTML's text").isEmpty();
    }

    /** What a browser shows as text: no style sheet, no tags, entities read back. */
    static String visibleText(String page) {
        return page.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /**
     * Points well inside the wedge's sector (clear of its edges, its centre and its rim), as pixels of the page:
     * 7 angles by 6 radii.
     */
    private static List<Integer> sector(BufferedImage page, double cx, double cy, double r, Wedge w) {
        List<Integer> out = new ArrayList<>();
        for (int a = 1; a <= 7; a++) {
            double degrees = w.startDegrees() + w.extentDegrees() * a / 8.0;
            double rad = Math.toRadians(degrees);
            for (int k = 0; k < 6; k++) {
                double radius = r * (0.3 + 0.11 * k);
                int x = (int) Math.round(cx + radius * Math.cos(rad));
                int y = (int) Math.round(cy - radius * Math.sin(rad));
                out.add(page.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }

    private static boolean isBackground(int rgb) {
        return (rgb >> 16 & 0xFF) >= BACKGROUND && (rgb >> 8 & 0xFF) >= BACKGROUND && (rgb & 0xFF) >= BACKGROUND;
    }

    private static int dominant(List<Integer> samples) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int rgb : samples) {
            counts.merge(rgb, 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static boolean close(int a, int b) {
        int dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        int dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return dr * dr + dg * dg + db * db < 30 * 30;
    }
}
