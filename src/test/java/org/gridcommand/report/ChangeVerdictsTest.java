package org.gridcommand.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridcommand.report.MonthlyReport.Trend;
import org.gridcommand.report.MonthlyReport.Verdict;
import org.gridcommand.stats.Rate;
import org.junit.jupiter.api.Test;

/** A change is judged by what the figure measures, not by the arrow. */
class ChangeVerdictsTest {
    @Test
    void moreOverdueCasesOrMoreReworkIsWorseAndFewerIsBetter() {
        assertThat(ChangeVerdicts.of("overdue", Trend.UP)).isEqualTo(Verdict.WORSE);
        assertThat(ChangeVerdicts.of("overdue", Trend.DOWN)).isEqualTo(Verdict.BETTER);
        assertThat(ChangeVerdicts.of("rework", Trend.UP)).isEqualTo(Verdict.WORSE);
        assertThat(ChangeVerdicts.of("voidRate", Trend.DOWN)).isEqualTo(Verdict.BETTER);
    }

    @Test
    void aHigherOnTimeOrClosureRateIsBetterAndALowerOneWorse() {
        assertThat(ChangeVerdicts.of("endToEnd", Trend.UP)).isEqualTo(Verdict.BETTER);
        assertThat(ChangeVerdicts.of("onTimeHandle", Trend.DOWN)).isEqualTo(Verdict.WORSE);
        assertThat(ChangeVerdicts.of("closure", Trend.UP)).isEqualTo(Verdict.BETTER);
        assertThat(ChangeVerdicts.of("goodOrBetter", Trend.DOWN)).isEqualTo(Verdict.WORSE);
    }

    @Test
    void countsOfVolumeAndUnknownFiguresAreNeitherNoChangeIsSame() {
        assertThat(ChangeVerdicts.of("reported", Trend.UP)).isEqualTo(Verdict.NEUTRAL);
        assertThat(ChangeVerdicts.of("sensorAlarms", Trend.DOWN)).isEqualTo(Verdict.NEUTRAL);
        assertThat(ChangeVerdicts.of("somethingNew", Trend.UP)).isEqualTo(Verdict.NEUTRAL);
        assertThat(ChangeVerdicts.of("rework", Trend.SAME)).isEqualTo(Verdict.SAME);
        assertThat(ChangeVerdicts.of("rework", Trend.NONE)).isEqualTo(Verdict.NEUTRAL);
    }

    @Test
    void theBuildersFiguresCarryTheVerdict() {
        assertThat(MonthlyReportBuilder.count("overdue", 12, 9).verdict()).isEqualTo(Verdict.WORSE);
        assertThat(MonthlyReportBuilder.count("reported", 12, 9).verdict()).isEqualTo(Verdict.NEUTRAL);
        // 90.0% after 80.0%: up, and a higher on-time rate is better; rework up from 10.0% to 20.0% is worse.
        assertThat(MonthlyReportBuilder.rate("endToEnd", new Rate(9, 10), new Rate(8, 10)).verdict())
                .isEqualTo(Verdict.BETTER);
        assertThat(MonthlyReportBuilder.rate("rework", new Rate(2, 10), new Rate(1, 10)).verdict())
                .isEqualTo(Verdict.WORSE);
        // Nothing to rate last month: no verdict.
        assertThat(MonthlyReportBuilder.rate("rework", new Rate(2, 10), new Rate(0, 0)).verdict())
                .isEqualTo(Verdict.NEUTRAL);
    }
}
