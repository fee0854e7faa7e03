package org.gridcommand.report;

import java.time.LocalDateTime;
import java.time.YearMonth;
import org.gridcommand.common.BilingualName;
import org.gridcommand.report.MonthlyReport.Verdict;
import org.gridcommand.stats.Rate;

/**
 * The few figures the written summary tells, taken from the month's statistics by the builder.
 *
 * @param toDate       the month is still running; its figures are taken at {@code asOf} and its counts cannot be
 *                     set against the whole previous month's
 * @param biggestGrid  the big grid with the most valid cases (null when no case had a grid)
 * @param notable      the judged rate that moved most since the previous month (null when none moved)
 */
record SummaryFacts(YearMonth month, boolean toDate, LocalDateTime asOf, long valid, long validBefore, long closed,
                    Rate closure, Rate onTime, Rate onTimeBefore, GridFact biggestGrid, Change notable) {

    /** A big grid's name, its valid cases and their share of the district's. */
    record GridFact(BilingualName name, long cases, Rate share) {
    }

    /** A rate's key (stats.kpi.KEY), this month and the previous, and whether its move is good news. */
    record Change(String key, Rate now, Rate before, Verdict verdict) {
    }
}
