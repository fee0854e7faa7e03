package org.gridcommand.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.Messages;
import org.gridcommand.report.MonthlyReport.Verdict;
import org.gridcommand.stats.Rate;
import org.junit.jupiter.api.Test;

/** The report's written summary, told from its figures in Chinese and in English. */
class ReportSummaryTest {
    private static final ReportSummary ZH = new ReportSummary(Messages.forLocale(Messages.ZH_CN));
    private static final ReportSummary EN = new ReportSummary(Messages.forLocale(Locale.ENGLISH));
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final SummaryFacts.GridFact WAISHA = new SummaryFacts.GridFact(
            new BilingualName("外沙社区", "Waisha"), 115, new Rate(115, 1019));

    /** The demo's November 2026: fewer cases, on-time rate down, rework up. */
    private static SummaryFacts november() {
        return new SummaryFacts(NOVEMBER, false, LocalDateTime.of(2026, 12, 1, 0, 0), 1019, 1130, 979,
                new Rate(979, 1019), new Rate(663, 996), new Rate(719, 1000), WAISHA,
                new SummaryFacts.Change("rework", new Rate(67, 989), new Rate(65, 1000), Verdict.WORSE));
    }

    @Test
    void aWholeMonthIsToldAgainstThePreviousOneInChinese() {
        assertThat(ZH.write(november())).isEqualTo("2026年11月，全区共受理有效案件 1019 件，比上月（1130 件）减少 111 件（-9.8%）。"
                + "已结案 979 件，结案率 96.1%；全流程按期率 66.6%（上月 71.9%），下降 5.3 个百分点，变差。"
                + "案件最多的大网格是外沙社区，有效案件 115 件，占全区的 11.3%。"
                + "变化最明显的指标是返工率：本月 6.8%，上月 6.5%，上升 0.3 个百分点，变差。");
    }

    @Test
    void andInEnglish() {
        assertThat(EN.write(november())).isEqualTo("In November 2026 the district received 1019 valid cases, 111 fewer "
                + "than the previous month (1130, -9.8%). 979 were closed (closure rate 96.1%); 66.6% went through every "
                + "stage on time (previous month 71.9%): down 5.3 points, worse. The busiest big grid was Waisha with 115 "
                + "valid cases, 11.3% of the district. The largest change: Rework rate at 6.8% against 6.5%: up 0.3 "
                + "points, worse.");
    }

    @Test
    void moreCasesAndABetterRateAreSaidSo() {
        SummaryFacts f = new SummaryFacts(NOVEMBER, false, LocalDateTime.of(2026, 12, 1, 0, 0), 1200, 1000, 1100,
                new Rate(1100, 1200), new Rate(900, 1000), new Rate(850, 1000), null,
                new SummaryFacts.Change("onTimeAccept", new Rate(990, 1000), new Rate(950, 1000), Verdict.BETTER));
        assertThat(ZH.write(f)).contains("比上月（1000 件）增加 200 件（+20.0%）").contains("上升 5.0 个百分点，向好")
                .contains("变化最明显的指标是按时受理率：本月 99.0%，上月 95.0%，上升 4.0 个百分点，向好。")
                .doesNotContain("大网格");
        assertThat(EN.write(f)).contains("200 more than the previous month (1000, +20.0%)").contains("up 5.0 points, better");
    }

    @Test
    void aMonthStillRunningSaysToWhichDayAndSetsNoCountAgainstTheWholePreviousMonth() {
        SummaryFacts f = new SummaryFacts(YearMonth.of(2026, 12), true, LocalDateTime.of(2026, 12, 7, 21, 30), 250,
                1019, 200, new Rate(200, 250), new Rate(180, 230), new Rate(663, 996), WAISHA, null);
        assertThat(ZH.write(f)).startsWith("2026年12月1日至7日，全区共受理有效案件 250 件（上月全月 1019 件；本月尚未结束，不作增减比较）。")
                .doesNotContain("减少").endsWith("其余各项比率与上月基本持平。");
        assertThat(EN.write(f)).startsWith("From 1 to 7 December 2026 the district received 250 valid cases (the whole "
                + "previous month: 1019; the month is still running, so no rise or fall is given).");
    }

    @Test
    void nothingToCompareWithIsSaidInWords() {
        SummaryFacts f = new SummaryFacts(NOVEMBER, false, LocalDateTime.of(2026, 12, 1, 0, 0), 5, 0, 5,
                new Rate(5, 5), new Rate(5, 5), new Rate(0, 0), null, null);
        assertThat(ZH.write(f)).contains("全区共受理有效案件 5 件（上月没有案件）").contains("（上月 —），上月无可比数据。");
        assertThat(EN.write(f)).contains("(none the previous month)").contains("nothing to compare with the previous month");
    }
}
