package org.gridcommand.report;

import java.util.Map;
import org.gridcommand.report.MonthlyReport.Trend;
import org.gridcommand.report.MonthlyReport.Verdict;

/**
 * Whether a figure's change since the previous month is good news or bad, which depends on the figure and not on
 * the arrow: more overdue cases or a higher rework rate is worse, a higher on-time rate is better. Which way is
 * better follows from each figure's definition (docs/statistics.md), not from local policy, so it lives here.
 * Counts of volume (cases reported, valid, closed, sensor alarms) go up and down with the weather and the
 * season: their change is neither good nor bad.
 */
final class ChangeVerdicts {
    /** The direction a figure should move in. */
    enum Better { HIGHER, LOWER, NEITHER }

    private static final Map<String, Better> BETTER = Map.ofEntries(
            Map.entry("onTimeAccept", Better.HIGHER), Map.entry("onTimeDispatch", Better.HIGHER),
            Map.entry("onTimeHandle", Better.HIGHER), Map.entry("onTimeVerify", Better.HIGHER),
            Map.entry("onTimeClose", Better.HIGHER), Map.entry("endToEnd", Better.HIGHER),
            Map.entry("closure", Better.HIGHER), Map.entry("foundActively", Better.HIGHER),
            Map.entry("machineFound", Better.HIGHER), Map.entry("gridSelfHandled", Better.HIGHER),
            Map.entry("goodOrBetter", Better.HIGHER),
            Map.entry("overdue", Better.LOWER), Map.entry("rework", Better.LOWER),
            Map.entry("supervised", Better.LOWER), Map.entry("escalated", Better.LOWER),
            Map.entry("voidRate", Better.LOWER));

    private ChangeVerdicts() {
    }

    /** Which way the figure {@code key} should move; NEITHER for counts of volume and for figures not listed. */
    static Better better(String key) {
        return BETTER.getOrDefault(key, Better.NEITHER);
    }

    /** The verdict on a change of the figure {@code key} in the direction {@code trend}. */
    static Verdict of(String key, Trend trend) {
        if (trend == Trend.NONE) {
            return Verdict.NEUTRAL;
        }
        if (trend == Trend.SAME) {
            return Verdict.SAME;
        }
        return switch (better(key)) {
            case HIGHER -> trend == Trend.UP ? Verdict.BETTER : Verdict.WORSE;
            case LOWER -> trend == Trend.DOWN ? Verdict.BETTER : Verdict.WORSE;
            case NEITHER -> Verdict.NEUTRAL;
        };
    }
}
