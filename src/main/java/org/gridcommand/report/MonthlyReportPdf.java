package org.gridcommand.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.gridcommand.report.MonthlyReport.Figure;
import org.gridcommand.report.MonthlyReport.GridLine;
import org.gridcommand.report.MonthlyReport.Ranking;
import org.gridcommand.report.MonthlyReport.ResponseLine;
import org.gridcommand.report.MonthlyReport.Share;

/**
 * Writes a {@link MonthlyReport} as an A4 PDF: cover facts, headline figures with the change since the previous
 * month, charts drawn as vector graphics (bars, a pie, the daily cases), ranking tables, response times and the
 * safety index; "第 N 页 / 共 M 页" on every page. The Chinese font is embedded as a subset. Every character is
 * checked against the font before it is written: a glyph the font lacks fails the report rather than printing
 * an empty box.
 */
public final class MonthlyReportPdf {
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color HEADER = new Color(0xE4, 0xEA, 0xF2);
    private static final Color CURRENT = new Color(0x1E, 0x64, 0xC8);
    private static final Color PREVIOUS = new Color(0xA8, 0xB8, 0xCC);
    /** A change for the better and for the worse; the cell also says so in words (a page may be printed grey). */
    private static final Color BETTER = new Color(0x1B, 0x7F, 0x3B);
    private static final Color WORSE = new Color(0xC0, 0x39, 0x2B);
    /** Distinguishable slices; the legend always names each slice and its share, so colour is never alone. */
    private static final Color[] PALETTE = {new Color(0x1E, 0x64, 0xC8), new Color(0xF0, 0x8A, 0x24),
            new Color(0x2E, 0x9E, 0x5B), new Color(0xD0, 0x31, 0x2D), new Color(0x8E, 0x5C, 0xC2),
            new Color(0x6B, 0x6B, 0x6B), new Color(0x1A, 0xA5, 0xA5), new Color(0xC2, 0x8E, 0x0E)};

    private final ReportText text = new ReportText();
    private final BaseFont regular;
    private final BaseFont bold;
    private final TreeSet<Integer> missing = new TreeSet<>();
    private final List<ChartPlacement> placements = new ArrayList<>();

    public MonthlyReportPdf() {
        this.regular = ReportFont.regular();
        this.bold = ReportFont.bold(regular);
    }

    /** Where the last {@link #write} drew its charts, in the order drawn. */
    public List<ChartPlacement> charts() {
        return List.copyOf(placements);
    }

    /** Writes the whole report to {@code out} (the caller closes it). */
    public void write(MonthlyReport report, OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, 48, 48, 56, 56);
        placements.clear();
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new PageNumbers());
            doc.addTitle(text.zh("report.title") + " " + text.monthTitle(report));
            doc.addCreator("GridCommand");
            doc.open();
            cover(doc, report);
            summary(doc, report.summary());
            section(doc, "headline");
            doc.add(figures(report.headline()));
            if (report.partial()) {
                note(doc, text.zh("report.note.partial"));
            }
            // Page one is the leader's brief (summary and headline figures); the full indicators start page two.
            doc.newPage();
            section(doc, "kpis");
            doc.add(figures(report.kpis()));
            note(doc, text.zh("report.note.kpis"));

            section(doc, "categories");
            doc.add(chartBox(writer, "categories", barChart(writer, report.majorCategories())));
            doc.add(shares(report.majorCategories(), "category"));
            section(doc, "channels");
            doc.add(chartBox(writer, "channels", pieChart(writer, report.channels())));
            doc.add(shares(report.channels(), "channel"));
            section(doc, "active");
            doc.add(active(report));

            doc.newPage();
            section(doc, "rankings");
            note(doc, text.zh("report.note.rankings", MonthlyReportBuilder.MIN_DECIDED_SMALL_GRID));
            for (Ranking r : report.rankings()) {
                ranking(doc, r);
            }

            doc.newPage();
            section(doc, "response");
            doc.add(response(report));
            section(doc, "safety");
            doc.add(safety(report));
            section(doc, "daily");
            doc.add(chartBox(writer, "daily", dailyChart(writer, report.dailyValid())));
        } catch (DocumentException e) {
            throw new IOException("the PDF could not be laid out: " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder chars = new StringBuilder();
            for (int cp : missing) {
                chars.appendCodePoint(cp).append(String.format(Locale.ROOT, " (U+%04X) ", cp));
            }
            throw new IOException("the report font has no glyph for: " + chars.toString().trim());
        }
    }

    // ---------------------------------------------------------------- sections

    private void cover(Document doc, MonthlyReport r) throws DocumentException {
        Paragraph title = new Paragraph(checked(text.zh("report.title")), new Font(bold, 22, Font.NORMAL, INK));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(40);
        doc.add(title);
        Paragraph en = new Paragraph(checked(text.en("report.title")), new Font(regular, 11, Font.NORMAL, Color.GRAY));
        en.setAlignment(Element.ALIGN_CENTER);
        doc.add(en);
        Paragraph month = new Paragraph(checked(text.monthTitle(r)), new Font(bold, 16, Font.NORMAL, INK));
        month.setAlignment(Element.ALIGN_CENTER);
        month.setSpacingBefore(12);
        month.setSpacingAfter(18);
        doc.add(month);
        PdfPTable facts = new PdfPTable(new float[] {1, 3});
        facts.setWidthPercentage(80);
        fact(facts, "district", r.districtName());
        fact(facts, "period", text.period(r));
        fact(facts, "asOf", ReportText.when(r.asOf(), r.zone()) + (r.partial() ? "  " + text.zh("report.cover.partial") : ""));
        fact(facts, "generated", ReportText.when(r.generatedAt(), r.zone()));
        doc.add(facts);
    }

    /** The written summary: Chinese in the body's type, English beneath it, smaller and grey. */
    private void summary(Document doc, MonthlyReport.Summary summary) throws DocumentException {
        section(doc, "summary");
        Paragraph zh = new Paragraph(checked(summary.zh()), new Font(regular, 10.5f, Font.NORMAL, INK));
        zh.setLeading(17);
        doc.add(zh);
        Paragraph en = new Paragraph(checked(summary.en()), new Font(regular, 8.5f, Font.NORMAL, Color.DARK_GRAY));
        en.setLeading(12);
        en.setSpacingBefore(4);
        doc.add(en);
    }

    private void fact(PdfPTable t, String key, String value) {
        t.addCell(cell(text.zh("report.cover." + key), true, Element.ALIGN_LEFT));
        t.addCell(cell(value, false, Element.ALIGN_LEFT));
    }

    private void section(Document doc, String key) throws DocumentException {
        Paragraph p = new Paragraph("", new Font(bold, 14, Font.NORMAL, INK));
        p.add(new Phrase(checked(text.zh("report.section." + key)), new Font(bold, 14, Font.NORMAL, INK)));
        p.add(new Phrase("  " + checked(text.en("report.section." + key)), new Font(regular, 9, Font.NORMAL, Color.GRAY)));
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        doc.add(p);
    }

    private void note(Document doc, String note) throws DocumentException {
        Paragraph p = new Paragraph(checked(note), new Font(regular, 8, Font.NORMAL, Color.DARK_GRAY));
        p.setSpacingBefore(4);
        doc.add(p);
    }

    private PdfPTable figures(List<Figure> figures) {
        PdfPTable t = table(new float[] {3, 1.4f, 1.4f, 1.6f, 1.4f}, "indicator", "current", "previous", "change", "fraction");
        for (Figure f : figures) {
            t.addCell(cell(text.figure(f.key()), false, Element.ALIGN_LEFT));
            t.addCell(cell(f.current(), false, Element.ALIGN_RIGHT));
            t.addCell(cell(f.previous(), false, Element.ALIGN_RIGHT));
            t.addCell(changeCell(f.change(), f.verdict()));
            t.addCell(cell(f.fraction(), false, Element.ALIGN_RIGHT));
        }
        return t;
    }

    private PdfPTable shares(List<Share> shares, String what) {
        PdfPTable t = table(new float[] {3, 1.3f, 1.3f, 1.3f, 1.3f}, what, "current", "previous", "change", "share");
        for (Share s : shares) {
            t.addCell(cell(s.label(), false, Element.ALIGN_LEFT));
            t.addCell(cell(Long.toString(s.current()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Long.toString(s.previous()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(s.change(), false, Element.ALIGN_RIGHT));
            t.addCell(cell(s.share(), false, Element.ALIGN_RIGHT));
        }
        return t;
    }

    private PdfPTable active(MonthlyReport r) {
        MonthlyReport.ActiveShare a = r.foundActively();
        PdfPTable t = table(new float[] {3, 1.3f, 1.3f, 1.3f, 1.6f}, "source", "cases", "share", "previous", "change");
        t.addCell(cell(text.zh("report.active.active"), false, Element.ALIGN_LEFT));
        t.addCell(cell(Long.toString(a.active()), false, Element.ALIGN_RIGHT));
        t.addCell(cell(a.activeShare(), false, Element.ALIGN_RIGHT));
        t.addCell(cell(a.previousActiveShare(), false, Element.ALIGN_RIGHT));
        t.addCell(changeCell(a.change(), a.verdict()));
        t.addCell(cell(text.zh("report.active.reported"), false, Element.ALIGN_LEFT));
        t.addCell(cell(Long.toString(a.reported()), false, Element.ALIGN_RIGHT));
        t.addCell(cell(a.reportedShare(), false, Element.ALIGN_RIGHT));
        t.addCell(cell("", false, Element.ALIGN_RIGHT));
        t.addCell(cell("", false, Element.ALIGN_RIGHT));
        return t;
    }

    private void ranking(Document doc, Ranking r) throws DocumentException {
        Paragraph p = new Paragraph(checked(text.zh("report.rank." + r.key())), new Font(bold, 11, Font.NORMAL, INK));
        p.setSpacingBefore(8);
        p.setSpacingAfter(4);
        doc.add(p);
        if (r.top().isEmpty()) {
            note(doc, text.zh("report.rank.empty"));
            return;
        }
        PdfPTable t = table(new float[] {0.7f, 2.2f, 2.6f, 1.1f, 1, 1.3f, 1.3f}, "rank", "grid", "gridName", "cases",
                "closed", "onTime", "fraction");
        rows(t, r.top());
        if (!r.bottom().isEmpty()) {
            PdfPCell gap = cell("⋯", false, Element.ALIGN_CENTER);
            gap.setColspan(7);
            t.addCell(gap);
            rows(t, r.bottom());
        }
        doc.add(t);
    }

    private void rows(PdfPTable t, List<GridLine> lines) {
        for (GridLine g : lines) {
            t.addCell(cell(Integer.toString(g.rank()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(g.code(), false, Element.ALIGN_LEFT));
            t.addCell(cell(g.name(), false, Element.ALIGN_LEFT));
            t.addCell(cell(Long.toString(g.validCases()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Long.toString(g.closed()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(g.onTime(), false, Element.ALIGN_RIGHT));
            t.addCell(cell(g.fraction(), false, Element.ALIGN_RIGHT));
        }
    }

    private PdfPTable response(MonthlyReport r) {
        List<String> headers = new ArrayList<>(List.of("measure", "month", "count", "mean"));
        // Wide enough for the durations in words and the percentile headers on one line each.
        List<Float> widths = new ArrayList<>(List.of(1.6f, 0.8f, 0.9f, 1.3f));
        PdfPTable t = new PdfPTable(4 + r.percentiles().size());
        float[] w = new float[4 + r.percentiles().size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = i < 4 ? widths.get(i) : 1.6f;
        }
        try {
            t.setWidths(w);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : headers) {
            t.addCell(cell(text.zh("report.col." + h), true, Element.ALIGN_CENTER));
        }
        for (double p : r.percentiles()) {
            t.addCell(cell(text.zh("report.col.percentile", plain(p)), true, Element.ALIGN_CENTER));
        }
        for (ResponseLine l : r.responseTimes()) {
            t.addCell(cell(text.measure(l.measure()), false, Element.ALIGN_LEFT));
            t.addCell(cell(text.monthWord(l.month()), false, Element.ALIGN_LEFT));
            t.addCell(cell(Long.toString(l.count()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(l.mean(), false, Element.ALIGN_RIGHT));
            for (String v : l.values()) {
                t.addCell(cell(v, false, Element.ALIGN_RIGHT));
            }
        }
        return t;
    }

    private PdfPTable safety(MonthlyReport r) {
        MonthlyReport.Safety s = r.safety();
        PdfPTable t = table(new float[] {2.4f, 1.2f, 1.2f, 1.4f}, "band", "current", "previous", "colour");
        for (MonthlyReport.Band b : s.bands()) {
            t.addCell(cell(b.name(), false, Element.ALIGN_LEFT));
            t.addCell(cell(Long.toString(b.days()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Long.toString(b.previousDays()), false, Element.ALIGN_RIGHT));
            t.addCell(swatch(b));
        }
        t.addCell(cell(text.zh("report.safety.mean"), false, Element.ALIGN_LEFT));
        t.addCell(cell(s.mean(), false, Element.ALIGN_RIGHT));
        t.addCell(cell(s.previousMean(), false, Element.ALIGN_RIGHT));
        t.addCell(cell("", false, Element.ALIGN_RIGHT));
        t.addCell(cell(text.zh("report.safety.goodOrBetter"), false, Element.ALIGN_LEFT));
        t.addCell(cell(s.goodOrBetter(), false, Element.ALIGN_RIGHT));
        t.addCell(cell(s.previousGoodOrBetter(), false, Element.ALIGN_RIGHT));
        t.addCell(changeCell(s.change(), s.verdict()));
        return t;
    }

    /** The band's colour as the cell's background, named in words in ink that reads on it. */
    private PdfPCell swatch(MonthlyReport.Band b) {
        Color colour = Color.decode(b.hex());
        PdfPCell swatch = new PdfPCell(new Phrase(checked(b.colourName()),
                new Font(regular, 8.5f, Font.NORMAL, b.dark() ? Color.WHITE : INK)));
        swatch.setHorizontalAlignment(Element.ALIGN_CENTER);
        swatch.setPadding(3);
        swatch.setBorderColor(Color.LIGHT_GRAY);
        swatch.setBackgroundColor(colour);
        return swatch;
    }

    // ---------------------------------------------------------------- charts (vector)

    /**
     * A chart in a one-cell table of exactly its size: the cell's layout event draws the chart at the cell's corner
     * and records where that was, so the chart's place on the page is known, not guessed.
     */
    private PdfPTable chartBox(PdfWriter writer, String name, PdfTemplate template) {
        PdfPTable box = new PdfPTable(1);
        box.setTotalWidth(template.getWidth());
        box.setLockedWidth(true);
        box.setHorizontalAlignment(Element.ALIGN_CENTER);
        box.setSpacingBefore(2);
        box.setSpacingAfter(6);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setFixedHeight(template.getHeight());
        cell.setCellEvent((c, position, canvases) -> {
            canvases[PdfPTable.BASECANVAS].addTemplate(template, position.getLeft(), position.getBottom());
            placements.add(new ChartPlacement(name, writer.getPageNumber(), position.getLeft(), position.getBottom(),
                    template.getWidth(), template.getHeight()));
        });
        box.addCell(cell);
        return box;
    }

    /** Horizontal bars: this month (dark) above the previous month (light), the count at each bar's end. */
    private PdfTemplate barChart(PdfWriter writer, List<Share> shares) {
        float rowHeight = 22;
        float labelWidth = 120;
        float width = 480;
        float height = shares.size() * rowHeight + 30;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        long max = 1;
        for (Share s : shares) {
            max = Math.max(max, Math.max(s.current(), s.previous()));
        }
        float barSpace = width - labelWidth - 50;
        float y = height - 10;
        for (Share s : shares) {
            y -= rowHeight;
            label(t, s.label(), 0, y + 6, 8);
            float wNow = barSpace * s.current() / max;
            float wBefore = barSpace * s.previous() / max;
            t.setColorFill(CURRENT);
            t.rectangle(labelWidth, y + 9, Math.max(wNow, 0.5f), 8);
            t.fill();
            t.setColorFill(PREVIOUS);
            t.rectangle(labelWidth, y + 1, Math.max(wBefore, 0.5f), 7);
            t.fill();
            label(t, Long.toString(s.current()), labelWidth + wNow + 3, y + 10, 7);
            label(t, Long.toString(s.previous()), labelWidth + wBefore + 3, y + 1, 6);
        }
        legend(t, 0, 2, CURRENT, text.zh("report.month.current"));
        legend(t, 70, 2, PREVIOUS, text.zh("report.month.previous"));
        return t;
    }

    /** Pie of this month's valid cases by channel, with a legend naming every slice, its count and share. */
    private PdfTemplate pieChart(PdfWriter writer, List<Share> shares) {
        float width = 480;
        float height = 170;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        List<PieChart.Wedge> wedges = PieChart.wedges(shares.stream().map(Share::current).toList());
        PieChart.draw(t, wedges, PALETTE);
        if (wedges.isEmpty()) {
            t.setColorStroke(Color.GRAY);
            t.circle(PieChart.CENTER_X, PieChart.CENTER_Y, PieChart.RADIUS);
            t.stroke();
        }
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            legend(t, 190, height - 22 - i * 20, PALETTE[i % PALETTE.length],
                    s.label() + "  " + s.current() + "（" + s.share() + "）");
        }
        return t;
    }

    /** Valid cases per day: one bar per day, every fifth day numbered. */
    private PdfTemplate dailyChart(PdfWriter writer, List<Long> daily) {
        float width = 480;
        float height = 140;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        long max = 1;
        for (long v : daily) {
            max = Math.max(max, v);
        }
        float left = 30;
        float bottom = 16;
        float slot = (width - left) / Math.max(daily.size(), 1);
        t.setColorStroke(Color.GRAY);
        t.setLineWidth(0.5f);
        t.moveTo(left, bottom);
        t.lineTo(width, bottom);
        t.stroke();
        label(t, Long.toString(max), 0, height - 12, 7);
        label(t, "0", 0, bottom, 7);
        for (int i = 0; i < daily.size(); i++) {
            float h = (height - bottom - 14) * daily.get(i) / max;
            t.setColorFill(CURRENT);
            t.rectangle(left + i * slot + 1, bottom, Math.max(slot - 2, 1), h);
            t.fill();
            if (i == 0 || (i + 1) % 5 == 0) {
                label(t, Integer.toString(i + 1), left + i * slot + 1, 4, 7);
            }
        }
        return t;
    }

    private void legend(PdfTemplate t, float x, float y, Color c, String name) {
        t.setColorFill(c);
        t.rectangle(x, y, 10, 10);
        t.fill();
        label(t, name, x + 14, y + 1, 8);
    }

    private void label(PdfContentByte t, String s, float x, float y, float size) {
        t.beginText();
        t.setColorFill(INK);
        t.setFontAndSize(regular, size);
        t.setTextMatrix(x, y);
        t.showText(checked(s));
        t.endText();
    }

    // ---------------------------------------------------------------- cells, fonts, pages

    private PdfPTable table(float[] widths, String... columns) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(4);
        for (String c : columns) {
            t.addCell(cell(text.zh("report.col." + c), true, Element.ALIGN_CENTER));
        }
        return t;
    }

    private PdfPCell cell(String s, boolean header, int align) {
        PdfPCell c = new PdfPCell(new Phrase(checked(s), new Font(header ? bold : regular, 8.5f, Font.NORMAL, INK)));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        c.setBorderColor(Color.LIGHT_GRAY);
        if (header) {
            c.setBackgroundColor(HEADER);
        }
        return c;
    }

    /** A change in green when it is good news and in red when bad, with the word for it; volume changes stay ink. */
    private PdfPCell changeCell(String change, MonthlyReport.Verdict verdict) {
        String word = text.verdict(verdict);
        Color colour = verdict == MonthlyReport.Verdict.BETTER ? BETTER
                : verdict == MonthlyReport.Verdict.WORSE ? WORSE : INK;
        PdfPCell c = new PdfPCell(new Phrase(checked(word.isEmpty() ? change : change + " " + word),
                new Font(regular, 8.5f, Font.NORMAL, colour)));
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        c.setPadding(3);
        c.setBorderColor(Color.LIGHT_GRAY);
        return c;
    }

    /** Notes every character the font cannot draw (reported once the document is written). */
    private String checked(String s) {
        s.codePoints().filter(cp -> !Character.isWhitespace(cp) && !regular.charExists(cp)).forEach(missing::add);
        return s;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** "第 N 页 / 共 M 页" at the foot of each page; M is filled in when the document closes. */
    private final class PageNumbers extends PdfPageEventHelper {
        private PdfTemplate total;

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            String before = checked(text.zh("report.page", writer.getPageNumber()));
            float size = 8;
            float x = (document.right() + document.left()) / 2 - 40;
            float y = document.bottom() - 24;
            cb.beginText();
            cb.setColorFill(Color.DARK_GRAY);
            cb.setFontAndSize(regular, size);
            cb.setTextMatrix(x, y);
            cb.showText(before + " ");
            cb.endText();
            float w = regular.getWidthPoint(before + " ", size);
            cb.addTemplate(total, x + w, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setColorFill(Color.DARK_GRAY);
            total.setFontAndSize(regular, 8);
            total.setTextMatrix(0, 0);
            // Called once the last page has ended, when the writer already counts the page after it.
            // The words after the count go in with it, so no gap is left for a count of unknown width.
            total.showText(Integer.toString(writer.getPageNumber() - 1) + " " + checked(text.zh("report.pageOf")));
            total.endText();
        }
    }
}
