package org.gridcommand.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The months a report can be made for: from the month of the oldest stored case to the current month, newest
 * first. The current month is offered as month-to-date (its report says to which day); a month before the store's
 * history or after today is not offered.
 */
public final class ReportMonths {
    /** One month to choose; {@code toDate}: the current month, figures up to {@code today}. */
    public record ReportMonth(YearMonth month, boolean toDate, LocalDate today) {
    }

    private final List<ReportMonth> months;

    private ReportMonths(List<ReportMonth> months) {
        this.months = List.copyOf(months);
    }

    /** The months between the first case ({@code firstCase}, empty when the store holds none) and {@code now}. */
    public static ReportMonths between(Optional<Instant> firstCase, Instant now, ZoneId zone) {
        if (firstCase.isEmpty()) {
            return new ReportMonths(List.of());
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        YearMonth current = YearMonth.from(today);
        YearMonth first = YearMonth.from(LocalDate.ofInstant(firstCase.get(), zone));
        List<ReportMonth> out = new ArrayList<>();
        for (YearMonth m = current; !m.isBefore(first); m = m.minusMonths(1)) {
            out.add(new ReportMonth(m, m.equals(current), today));
        }
        return new ReportMonths(out);
    }

    /** Newest first. */
    public List<ReportMonth> all() {
        return months;
    }

    public boolean isEmpty() {
        return months.isEmpty();
    }

    /** The month usually wanted: the last whole one, or the current one when history starts this month. */
    public Optional<ReportMonth> usual() {
        return months.size() > 1 ? Optional.of(months.get(1)) : months.stream().findFirst();
    }

    /** The oldest month, if any. */
    public Optional<YearMonth> first() {
        return months.isEmpty() ? Optional.empty() : Optional.of(months.get(months.size() - 1).month());
    }

    public boolean contains(YearMonth month) {
        return months.stream().anyMatch(m -> m.month().equals(month));
    }
}
