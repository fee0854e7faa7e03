package org.gridcommand.report;

import java.util.List;
import java.util.Locale;
import org.gridcommand.common.Html;
import org.gridcommand.report.MonthlyReport.Figure;
import org.gridcommand.report.MonthlyReport.GridLine;
import org.gridcommand.report.MonthlyReport.Ranking;
import org.gridcommand.report.MonthlyReport.ResponseLine;
import org.gridcommand.report.MonthlyReport.Share;

/**
 * The monthly report as one self-contained HTML page (no scripts, no external files): the same figures, as the
 * same strings, as the PDF; the bar charts are CSS bars with their numbers beside them.
 */
public final class MonthlyReportHtml {
    private final ReportText text = new ReportText();

    public String render(MonthlyReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = text.zh("report.title") + " " + text.monthTitle(r);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:960px;margin:24px auto;color:#222}\n")
                .append("table{border-collapse:collapse;width:100%;margin:6px 0 14px}th,td{border:1px solid #ccc;padding:3px 6px;font-size:13px}\n")
                .append("th{background:#E4EAF2}td.n{text-align:right}h2 small{color:#777;font-weight:normal;font-size:12px}\n")
                .append(".bar{display:inline-block;height:10px;background:#1E64C8;vertical-align:middle}\n")
                .append(".bar.prev{background:#A8B8CC}.note{color:#555;font-size:12px}\n")
                .append("td.better{color:#1B7F3B}td.worse{color:#C0392B}p.summary{font-size:16px;line-height:1.7}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(text.zh("report.title"))).append("</h1>\n<p class=\"note\">")
                .append(esc(text.en("report.title"))).append("</p>\n<h2>").append(esc(text.monthTitle(r))).append("</h2>\n");
        h.append("<table class=\"cover\">\n");
        fact(h, "district", r.districtName());
        fact(h, "period", text.period(r));
        fact(h, "asOf", ReportText.when(r.asOf(), r.zone()) + (r.partial() ? "  " + text.zh("report.cover.partial") : ""));
        fact(h, "generated", ReportText.when(r.generatedAt(), r.zone()));
        h.append("</table>\n");

        section(h, "summary");
        h.append("<p class=\"summary\">").append(esc(r.summary().zh())).append("</p>\n<p class=\"note\" lang=\"en\">")
                .append(esc(r.summary().en())).append("</p>\n");

        section(h, "headline");
        figures(h, r.headline());
        if (r.partial()) {
            h.append("<p class=\"note\">").append(esc(text.zh("report.note.partial"))).append("</p>\n");
        }
        section(h, "kpis");
        figures(h, r.kpis());
        h.append("<p class=\"note\">").append(esc(text.zh("report.note.kpis"))).append("</p>\n");

        section(h, "categories");
        shares(h, r.majorCategories(), "category");
        section(h, "channels");
        shares(h, r.channels(), "channel");
        section(h, "active");
        MonthlyReport.ActiveShare a = r.foundActively();
        header(h, "source", "cases", "share", "previous", "change");
        h.append("<tr><td>").append(esc(text.zh("report.active.active"))).append("</td>");
        num(h, Long.toString(a.active()));
        num(h, a.activeShare());
        num(h, a.previousActiveShare());
        change(h, a.change(), a.verdict());
        h.append("</tr>\n");
        row(h, text.zh("report.active.reported"), Long.toString(a.reported()), a.reportedShare(), "", "");
        h.append("</table>\n");

        section(h, "rankings");
        h.append("<p class=\"note\">").append(esc(text.zh("report.note.rankings", MonthlyReportBuilder.MIN_DECIDED_SMALL_GRID)))
                .append("</p>\n");
        for (Ranking k : r.rankings()) {
            h.append("<h3>").append(esc(text.zh("report.rank." + k.key()))).append("</h3>\n");
            if (k.top().isEmpty()) {
                h.append("<p class=\"note\">").append(esc(text.zh("report.rank.empty"))).append("</p>\n");
                continue;
            }
            header(h, "rank", "grid", "gridName", "cases", "closed", "onTime", "fraction");
            grids(h, k.top());
            if (!k.bottom().isEmpty()) {
                h.append("<tr><td colspan=\"7\" style=\"text-align:center\">⋯</td></tr>\n");
                grids(h, k.bottom());
            }
            h.append("</table>\n");
        }

        section(h, "response");
        h.append("<table>\n<tr>");
        for (String c : List.of("measure", "month", "count", "mean")) {
            h.append("<th>").append(esc(text.zh("report.col." + c))).append("</th>");
        }
        for (double p : r.percentiles()) {
            h.append("<th>").append(esc(text.zh("report.col.percentile", plain(p)))).append("</th>");
        }
        h.append("</tr>\n");
        for (ResponseLine l : r.responseTimes()) {
            h.append("<tr><td>").append(esc(text.measure(l.measure()))).append("</td><td>").append(esc(text.monthWord(l.month())))
                    .append("</td>");
            num(h, Long.toString(l.count()));
            num(h, l.mean());
            for (String v : l.values()) {
                num(h, v);
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        section(h, "safety");
        MonthlyReport.Safety s = r.safety();
        header(h, "band", "current", "previous", "colour");
        for (MonthlyReport.Band b : s.bands()) {
            h.append("<tr><td>").append(esc(b.name())).append("</td>");
            num(h, Long.toString(b.days()));
            num(h, Long.toString(b.previousDays()));
            h.append(swatch(b)).append("</tr>\n");
        }
        row(h, text.zh("report.safety.mean"), s.mean(), s.previousMean(), "");
        h.append("<tr><td>").append(esc(text.zh("report.safety.goodOrBetter"))).append("</td>");
        num(h, s.goodOrBetter());
        num(h, s.previousGoodOrBetter());
        change(h, s.change(), s.verdict());
        h.append("</tr>\n");
        h.append("</table>\n");

        section(h, "daily");
        long max = Math.max(1, r.dailyValid().stream().mapToLong(Long::longValue).max().orElse(1));
        h.append("<table>\n");
        for (int i = 0; i < r.dailyValid().size(); i++) {
            long v = r.dailyValid().get(i);
            h.append("<tr><td>").append(r.from().plusDays(i)).append("</td><td><span class=\"bar\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 600.0 * v / max)).append("px\"></span> ").append(v)
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The band's colour as the cell's background (a checked colour only: it goes into a style), named in words. */
    private static String swatch(MonthlyReport.Band b) {
        String style = b.hex() != null && b.hex().matches("#[0-9A-Fa-f]{6}")
                ? " style=\"background:" + b.hex() + (b.dark() ? ";color:white" : "") + "\"" : "";
        return "<td class=\"swatch\"" + style + ">" + esc(b.colourName()) + "</td>";
    }

    private void fact(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(text.zh("report.cover." + key))).append("</th><td>").append(esc(value))
                .append("</td></tr>\n");
    }

    private void section(StringBuilder h, String key) {
        h.append("<h2>").append(esc(text.zh("report.section." + key))).append(" <small>")
                .append(esc(text.en("report.section." + key))).append("</small></h2>\n");
    }

    private void header(StringBuilder h, String... columns) {
        h.append("<table>\n<tr>");
        for (String c : columns) {
            h.append("<th>").append(esc(text.zh("report.col." + c))).append("</th>");
        }
        h.append("</tr>\n");
    }

    private void figures(StringBuilder h, List<Figure> figures) {
        header(h, "indicator", "current", "previous", "change", "fraction");
        for (Figure f : figures) {
            h.append("<tr><td>").append(esc(text.figure(f.key()))).append("</td>");
            num(h, f.current());
            num(h, f.previous());
            change(h, f.change(), f.verdict());
            num(h, f.fraction());
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private void shares(StringBuilder h, List<Share> shares, String what) {
        long max = Math.max(1, shares.stream().mapToLong(s -> Math.max(s.current(), s.previous())).max().orElse(1));
        header(h, what, "current", "previous", "change", "share");
        for (Share s : shares) {
            h.append("<tr><td>").append(esc(s.label())).append("</td><td class=\"n\"><span class=\"bar\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 200.0 * s.current() / max)).append("px\"></span> ")
                    .append(s.current()).append("</td><td class=\"n\"><span class=\"bar prev\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 200.0 * s.previous() / max)).append("px\"></span> ")
                    .append(s.previous()).append("</td>");
            num(h, s.change());
            num(h, s.share());
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private void grids(StringBuilder h, List<GridLine> lines) {
        for (GridLine g : lines) {
            row(h, Integer.toString(g.rank()), g.code(), g.name(), Long.toString(g.validCases()), Long.toString(g.closed()),
                    g.onTime(), g.fraction());
        }
    }

    private void row(StringBuilder h, String first, String... rest) {
        h.append("<tr><td>").append(esc(first)).append("</td>");
        for (String v : rest) {
            num(h, v);
        }
        h.append("</tr>\n");
    }

    /** The change, green and named when good news, red and named when bad (the colour is never alone). */
    private void change(StringBuilder h, String change, MonthlyReport.Verdict verdict) {
        String word = text.verdict(verdict);
        String cls = word.isEmpty() ? "n" : "n " + verdict.name().toLowerCase(Locale.ROOT);
        h.append("<td class=\"").append(cls).append("\">").append(esc(word.isEmpty() ? change : change + " " + word))
                .append("</td>");
    }

    private static void num(StringBuilder h, String v) {
        h.append("<td class=\"n\">").append(esc(v)).append("</td>");
    }

    static String esc(String s) {
        return Html.escape(s);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
