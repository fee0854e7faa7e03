package org.gridcommand.report;

import java.util.Locale;
import org.gridcommand.common.Messages;
import org.gridcommand.report.MonthlyReport.Verdict;
import org.gridcommand.stats.Rate;

/**
 * The report's opening paragraph, written from its figures in the bundle's language: the cases this month against
 * the previous, closure and on-time rate, the busiest big grid, the rate that moved most and whether that was good
 * news. A month still running says to which day its figures go, and does not call its count a fall.
 */
final class ReportSummary {
    private final Messages text;

    ReportSummary(Messages text) {
        this.text = text;
    }

    String write(SummaryFacts f) {
        StringBuilder s = new StringBuilder();
        s.append(cases(f));
        s.append(sep()).append(text.format("report.summary.closure", Long.toString(f.closed()), f.closure().percent(),
                f.onTime().percent(), f.onTimeBefore().percent(), move(f.onTime(), f.onTimeBefore(),
                        ChangeVerdicts.of("endToEnd", MonthlyReportBuilder.rateTrend(f.onTime(), f.onTimeBefore())))));
        if (f.biggestGrid() != null) {
            s.append(sep()).append(text.format("report.summary.grid", f.biggestGrid().name().in(text.locale()),
                    Long.toString(f.biggestGrid().cases()), f.biggestGrid().share().percent()));
        }
        s.append(sep());
        if (f.notable() == null) {
            s.append(text.get("report.summary.steady"));
        } else {
            SummaryFacts.Change c = f.notable();
            s.append(text.format("report.summary.notable", text.get("stats.kpi." + c.key()), c.now().percent(),
                    c.before().percent(), move(c.now(), c.before(), c.verdict())));
        }
        return s.toString();
    }

    /** Between sentences: nothing after a Chinese full stop, a space after an English one. */
    private String sep() {
        return text.locale().getLanguage().equals("zh") ? "" : " ";
    }

    private String cases(SummaryFacts f) {
        String when = f.toDate()
                ? text.format("report.summary.toDate", Integer.toString(f.month().getYear()),
                        Integer.toString(f.month().getMonthValue()), Integer.toString(f.asOf().getDayOfMonth()),
                        f.month().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH))
                : text.format("report.summary.month", Integer.toString(f.month().getYear()),
                        Integer.toString(f.month().getMonthValue()),
                        f.month().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
        String valid = Long.toString(f.valid());
        String before = Long.toString(f.validBefore());
        if (f.toDate()) {
            return text.format("report.summary.casesToDate", when, valid, before);
        }
        long d = f.valid() - f.validBefore();
        if (d == 0) {
            return text.format("report.summary.casesSame", when, valid);
        }
        if (f.validBefore() == 0) {
            return text.format("report.summary.casesNew", when, valid);
        }
        String percent = String.format(Locale.ROOT, "%+.1f%%", 100.0 * d / f.validBefore());
        return text.format(d > 0 ? "report.summary.casesUp" : "report.summary.casesDown", when, valid, before,
                Long.toString(Math.abs(d)), percent);
    }

    /** "上升 2.2 个百分点，向好" / "up 2.2 points, better"; "与上月持平"; nothing to compare: "上月无可比数据". */
    private String move(Rate now, Rate before, Verdict verdict) {
        if (now.denominator() == 0 || before.denominator() == 0) {
            return text.get("report.summary.noComparison");
        }
        double pp = Math.round(1000.0 * now.numerator() / now.denominator()) / 10.0
                - Math.round(1000.0 * before.numerator() / before.denominator()) / 10.0;
        if (Math.round(pp * 10) == 0) {
            return text.get("report.summary.level");
        }
        String points = String.format(Locale.ROOT, "%.1f", Math.abs(pp));
        String way = text.format(pp > 0 ? "report.summary.up" : "report.summary.down", points);
        return verdict == Verdict.BETTER || verdict == Verdict.WORSE
                ? text.format("report.summary.judged", way, text.get("report.verdict." + verdict)) : way;
    }
}
