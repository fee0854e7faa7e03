package org.gridcommand.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.gridcommand.report.MonthlyReport.GridLine;
import org.gridcommand.report.MonthlyReport.Ranking;
import org.gridcommand.report.MonthlyReport.Safety;
import org.gridcommand.report.MonthlyReport.Share;
import org.junit.jupiter.api.Test;

/** The monthly report's HTML page carries names from data (district, categories, grids) as text, never as markup. */
class MonthlyReportHtmlTest {
    private static final String SCRIPT = "<script>alert('月报')</script>";
    private static final String ATTRIBUTE = "\"><img src=x onerror=alert(1)>";

    @Test
    void namesFromDataAreEscapedWhereverTheyAppear() {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        MonthlyReport report = new MonthlyReport(YearMonth.of(2026, 11), "测试区 " + SCRIPT, ZoneId.of("Asia/Shanghai"),
                at, false, at, new MonthlyReport.Summary("案件最多的大网格是" + SCRIPT + "。", "The busiest big grid was "
                        + ATTRIBUTE + "."), List.of(), List.of(),
                List.of(new Share("01", "城市部件 & " + ATTRIBUTE, 3, 2, "60.0%", "▲ +1")), List.of(),
                new MonthlyReport.ActiveShare(3, 2, "60.0%", "40.0%", "50.0%", "▲ +10.0 pp",
                        MonthlyReport.Verdict.BETTER),
                List.of(new Ranking("smallGridCases", List.of(new GridLine(1, "440402001001001", SCRIPT, 3, 2, "50.0%",
                        "1/2")), List.of())),
                List.of(), List.of(), new Safety(List.of(), "—", "—", "—", "", "—", "", MonthlyReport.Verdict.NEUTRAL, 0), List.of(1L, 2L));

        String html = new MonthlyReportHtml().render(report);

        assertThat(html).doesNotContain(SCRIPT).doesNotContain(ATTRIBUTE)
                .contains("<td>测试区 &lt;script&gt;alert('月报')&lt;/script&gt;</td>")
                .contains("案件最多的大网格是&lt;script&gt;alert('月报')&lt;/script&gt;。")
                .contains("The busiest big grid was &quot;&gt;&lt;img src=x onerror=alert(1)&gt;.")
                .contains("<tr><td>城市部件 &amp; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>")
                .contains("<td class=\"n\">&lt;script&gt;alert('月报')&lt;/script&gt;</td>");
    }
}
