package org.gridcommand.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.gridcommand.common.Messages;

/** The report's words: Chinese throughout, headings also in English (report.* keys of the message bundles). */
final class ReportText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Messages zh = Messages.forLocale(Messages.ZH_CN);
    private final Messages en = Messages.forLocale(Locale.ENGLISH);

    String zh(String key, Object... args) {
        return args.length == 0 ? zh.get(key) : zh.format(key, args);
    }

    String en(String key, Object... args) {
        return args.length == 0 ? en.get(key) : en.format(key, args);
    }

    /** A figure's label: report.kpi.KEY when the report names it, else the statistics' own stats.kpi.KEY. */
    String figure(String key) {
        return zh.has("report.kpi." + key) ? zh.get("report.kpi." + key) : zh.get("stats.kpi." + key);
    }

    /** "2026年11月", or for a month still running "2026年12月（截至12月15日）". */
    String monthTitle(MonthlyReport r) {
        String year = Integer.toString(r.month().getYear());
        String month = Integer.toString(r.month().getMonthValue());
        return r.partial() ? zh("report.monthTitle.toDate", year, month,
                Integer.toString(r.asOf().atZone(r.zone()).getDayOfMonth())) : zh("report.monthTitle", year, month);
    }

    /** The dates and the zone in words ("中国时间"), not its identifier: "Asia/Shanghai" reads like a path. */
    String period(MonthlyReport r) {
        LocalDate to = r.partial() ? r.asOf().atZone(r.zone()).toLocalDate() : r.to();
        return r.from() + " — " + to + "（" + r.zone().getDisplayName(TextStyle.FULL, Messages.ZH_CN) + "）";
    }

    static String when(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }

    /** "向好" / "变差" for a change that is good or bad news, nothing otherwise. */
    String verdict(MonthlyReport.Verdict v) {
        return v == MonthlyReport.Verdict.BETTER || v == MonthlyReport.Verdict.WORSE ? zh.get("report.verdict." + v) : "";
    }

    String measure(String measure) {
        return zh.get("stats.response." + measure);
    }

    String monthWord(String month) {
        return zh.get("report.month." + month);
    }
}
