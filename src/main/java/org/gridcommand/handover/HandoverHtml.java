package org.gridcommand.handover;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.Messages;
import org.gridcommand.handover.HandoverReport.NotableEvent;
import org.gridcommand.handover.HandoverReport.OfflineCamera;
import org.gridcommand.handover.HandoverReport.OpenCase;
import org.gridcommand.handover.HandoverReport.OpenStep;
import org.gridcommand.handover.HandoverReport.WorkerAway;

/**
 * The handover report as a stand-alone, printable HTML page in the console's language (times in the district's
 * zone), with the acknowledgement when there is one and the report's SHA-256 at the foot.
 */
public final class HandoverHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HandoverHtml() {
    }

    public static String render(HandoverReport report, HandoverAcknowledgement ack, Messages text, ZoneId zone) {
        Locale locale = text.locale();
        StringBuilder b = new StringBuilder(8_192);
        String title = text.format("handover.title.shift", report.shift().shift().name().in(locale),
                time(report.shift().from(), zone), time(report.shift().to(), zone));
        b.append("<!DOCTYPE html>\n<html lang=\"").append(locale.toLanguageTag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}")
                .append("th,td{border:1px solid #999;padding:4px 6px;text-align:left}th{background:#eee}")
                .append(".overdue{font-weight:bold;color:#b00}@media print{h2{page-break-after:avoid}}</style></head><body>\n");
        b.append("<h1>").append(esc(title)).append("</h1>\n<p>")
                .append(esc(text.format("handover.preparedAt", time(report.preparedAt(), zone),
                        report.handedOverBy() == null ? text.get("handover.unknownOfficer") : report.handedOverBy())))
                .append("</p>\n");

        section(b, text.format("handover.section.cases", report.openCases().size(), report.overdueCases()));
        header(b, text, "handover.col.case", "handover.col.category", "handover.col.priority", "handover.col.state",
                "handover.col.sla", "handover.col.due");
        for (OpenCase c : report.openCases()) {
            b.append(c.overdue() ? "<tr class=\"overdue\">" : "<tr>");
            cells(b, c.caseId(), name(c.categoryName(), c.categoryCode(), locale),
                    text.get("priority." + c.priority().name()), text.get("state." + c.state().name()),
                    c.sla() == null ? "—" : text.get("sla.stage." + c.stage().name()) + " · "
                            + text.get("sla.state." + c.sla().name()), time(c.due(), zone));
        }
        b.append("</table>\n");

        section(b, text.format("handover.section.steps", report.openSteps().size()));
        header(b, text, "handover.col.case", "handover.col.plan", "handover.col.step", "handover.col.due");
        for (OpenStep s : report.openSteps()) {
            b.append(s.overdue() ? "<tr class=\"overdue\">" : "<tr>");
            cells(b, s.caseId(), s.planName().in(locale), s.number() + " " + s.title().in(locale), time(s.dueAt(), zone));
        }
        b.append("</table>\n");

        section(b, text.format("handover.section.cameras", report.offlineCameras().size()));
        header(b, text, "handover.col.camera", "handover.col.name", "handover.col.lostSince");
        for (OfflineCamera c : report.offlineCameras()) {
            b.append("<tr>");
            cells(b, c.cameraId(), c.name().in(locale), time(c.lostSince(), zone));
        }
        b.append("</table>\n");

        section(b, text.format("handover.section.workers", report.workers().size()));
        header(b, text, "handover.col.worker", "handover.col.ownGrid", "handover.col.whereabouts", "handover.col.lastSeen");
        for (WorkerAway w : report.workers()) {
            b.append("<tr>");
            String where = text.get("handover.where." + w.whereabouts().name())
                    + (w.seenInGrid() == null ? "" : " " + w.seenInGrid());
            cells(b, w.name().in(locale) + " (" + w.workerId() + ")", w.ownGrid(), where, time(w.lastSeen(), zone));
        }
        b.append("</table>\n");

        section(b, text.format("handover.section.events", report.events().size()));
        header(b, text, "handover.col.time", "handover.col.case", "handover.col.action", "handover.col.by",
                "handover.col.note");
        for (NotableEvent e : report.events()) {
            b.append("<tr>");
            cells(b, time(e.at(), zone), e.caseId(), e.action() == org.gridcommand.cases.CaseAction.REPORT ? text.get("handover.urgentReported")
                    : text.get("caseAction." + e.action().name()), e.operatorName(),
                    e.note() == null ? "" : e.note());
        }
        b.append("</table>\n");

        if (ack != null) {
            b.append("<p id=\"acknowledged\">").append(esc(text.format("handover.acknowledgedBy", ack.takenOverBy(),
                    time(ack.acknowledgedAt(), zone)))).append("</p>\n");
        }
        b.append("<p><small>SHA-256 ").append(report.digest()).append("</small></p>\n</body></html>\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String title) {
        b.append("<h2>").append(esc(title)).append("</h2>\n");
    }

    private static void header(StringBuilder b, Messages text, String... keys) {
        b.append("<table><tr>");
        for (String k : keys) {
            b.append("<th>").append(esc(text.get(k))).append("</th>");
        }
        b.append("</tr>\n");
    }

    private static void cells(StringBuilder b, String... values) {
        for (String v : values) {
            b.append("<td>").append(esc(v == null ? "" : v)).append("</td>");
        }
        b.append("</tr>\n");
    }

    private static String name(BilingualName name, String code, Locale locale) {
        return name == null ? (code == null ? "" : code) : name.in(locale);
    }

    static String time(Instant t, ZoneId zone) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }

    static String esc(String s) {
        return org.gridcommand.common.Html.escape(s);
    }
}
