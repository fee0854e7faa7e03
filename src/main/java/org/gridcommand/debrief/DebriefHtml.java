package org.gridcommand.debrief;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.gridcommand.common.Messages;

/**
 * A self-contained HTML page (UTF-8, no scripts, prints on A4): a case's after-action timeline, and for a drill
 * the score of every milestone against its target and the "演练 DRILL" banner. Written to a temporary file and
 * moved into place, so a half-written report never replaces a good one.
 */
public final class DebriefHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** The score part of a drill's debrief: label, target, time taken, met. */
    public record ScoreLine(String label, Duration target, Duration took, boolean met) {
    }

    private DebriefHtml() {
    }

    public static String render(String title, String subtitle, boolean drill, java.util.List<ScoreLine> scores,
                                CaseTimeline timeline, ZoneId zone, Messages text) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(text.locale().toLanguageTag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#111}\n")
                .append("h1{font-size:1.6em;margin:0 0 .2em}\n.sub{color:#444;margin-bottom:1.2em}\n")
                .append("table{border-collapse:collapse;width:100%;margin:.6em 0 1.6em}\n")
                .append("th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}\n")
                .append("th{background:#e8ecf2}\n.met{color:#0a6b1f;font-weight:bold}\n.missed{color:#b00000;font-weight:bold}\n")
                .append(".drill{border:4px solid #d00;color:#d00;font-weight:bold;font-size:1.4em;padding:.2em .6em;")
                .append("display:inline-block;margin-bottom:.6em}\n</style>\n</head>\n<body>\n");
        if (drill) {
            h.append("<div class=\"drill\">演练 DRILL</div>\n");
        }
        h.append("<h1>").append(esc(title)).append("</h1>\n<div class=\"sub\">").append(esc(subtitle)).append("</div>\n");
        if (!scores.isEmpty()) {
            h.append("<h2>").append(esc(text.get("debrief.scores"))).append("</h2>\n<table>\n<tr><th>")
                    .append(esc(text.get("debrief.milestone"))).append("</th><th>").append(esc(text.get("debrief.target")))
                    .append("</th><th>").append(esc(text.get("debrief.took"))).append("</th><th>")
                    .append(esc(text.get("debrief.result"))).append("</th></tr>\n");
            for (ScoreLine s : scores) {
                h.append("<tr><td>").append(esc(s.label())).append("</td><td>").append(minutes(s.target()))
                        .append("</td><td>").append(s.took() == null ? esc(text.get("debrief.notReached")) : minutes(s.took()))
                        .append("</td><td class=\"").append(s.met() ? "met" : "missed").append("\">")
                        .append(s.met() ? "✔ " + esc(text.get("debrief.met")) : "✖ " + esc(text.get("debrief.missed")))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>").append(esc(text.get("debrief.timeline"))).append("</h2>\n<table>\n<tr><th>")
                .append(esc(text.get("debrief.time"))).append("</th><th>").append(esc(text.get("debrief.who")))
                .append("</th><th>").append(esc(text.get("debrief.what"))).append("</th></tr>\n");
        String day = null;
        for (CaseTimeline.Line line : timeline.lines()) {
            var local = line.at().atZone(zone);
            String thisDay = DAY.format(local);
            if (!thisDay.equals(day)) {
                day = thisDay;
                h.append("<tr><th colspan=\"3\">").append(thisDay).append("</th></tr>\n");
            }
            h.append("<tr><td>").append(TIME.format(local)).append("</td><td>").append(esc(line.who()))
                    .append("</td><td>").append(esc(line.what())).append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    public static void write(String html, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".debrief", ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String minutes(Duration d) {
        if (d == null) {
            return "–";
        }
        long s = d.getSeconds();
        return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String esc(String s) {
        return org.gridcommand.common.Html.escape(s);
    }
}
