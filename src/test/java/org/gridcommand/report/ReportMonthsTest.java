package org.gridcommand.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.gridcommand.report.ReportMonths.ReportMonth;
import org.junit.jupiter.api.Test;

/** The months offered for a report: the store's history up to the current month, which is month to date. */
class ReportMonthsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-07T13:30:00Z"); // 21:30 on 7 December in the district

    @Test
    void fromTheFirstCasesMonthToTheCurrentOneNewestFirstTheCurrentToDate() {
        ReportMonths m = ReportMonths.between(Optional.of(Instant.parse("2026-10-05T02:00:00Z")), NOW, SHANGHAI);
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertThat(m.all()).containsExactly(new ReportMonth(YearMonth.of(2026, 12), true, today),
                new ReportMonth(YearMonth.of(2026, 11), false, today), new ReportMonth(YearMonth.of(2026, 10), false, today));
        assertThat(m.usual()).contains(new ReportMonth(YearMonth.of(2026, 11), false, today));
        assertThat(m.first()).contains(YearMonth.of(2026, 10));
        assertThat(m.contains(YearMonth.of(2026, 9))).isFalse();
    }

    @Test
    void monthsAreTheDistrictsNotUtcs() {
        // 30 September 17:00 UTC is 1 October 01:00 in the district: history starts in October.
        ReportMonths m = ReportMonths.between(Optional.of(Instant.parse("2026-09-30T17:00:00Z")), NOW, SHANGHAI);
        assertThat(m.first()).contains(YearMonth.of(2026, 10));
        // 30 November 16:30 UTC is already 1 December there: December is the current month, to date.
        ReportMonths early = ReportMonths.between(Optional.of(Instant.parse("2026-11-02T00:00:00Z")),
                Instant.parse("2026-11-30T16:30:00Z"), SHANGHAI);
        assertThat(early.all().get(0)).isEqualTo(new ReportMonth(YearMonth.of(2026, 12), true, LocalDate.of(2026, 12, 1)));
        assertThat(early.usual().map(ReportMonth::month)).contains(YearMonth.of(2026, 11));
    }

    @Test
    void historyThatStartsThisMonthOffersThisMonthToDateAndAnEmptyStoreNothing() {
        ReportMonths m = ReportMonths.between(Optional.of(Instant.parse("2026-12-02T00:00:00Z")), NOW, SHANGHAI);
        assertThat(m.usual().map(ReportMonth::toDate)).contains(true);
        assertThat(ReportMonths.between(Optional.empty(), NOW, SHANGHAI).isEmpty()).isTrue();
        assertThat(ReportMonths.between(Optional.empty(), NOW, SHANGHAI).usual()).isEmpty();
    }
}
