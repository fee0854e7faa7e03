package org.gridcommand.stats;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A statistics period: whole days {@code from} to {@code to} (both included) in the district's zone, so
 * [from 00:00, the day after to 00:00) as instants. A period that is exactly one calendar month knows the
 * previous month as its predecessor (the monthly report's "this month vs the previous"); any other period's
 * predecessor is the same number of days just before it.
 */
public record StatsPeriod(LocalDate from, LocalDate to, ZoneId zone) {
    /** Longest period accepted: ten years of days keeps every bucketed table printable. */
    public static final long MAX_DAYS = 3_660;

    public StatsPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("the period " + from + " to " + to + " spans " + days
                    + " days; at most " + MAX_DAYS + " (ten years) are allowed");
        }
    }

    public static StatsPeriod of(LocalDate from, LocalDate to, ZoneId zone) {
        return new StatsPeriod(from, to, zone);
    }

    public static StatsPeriod day(LocalDate day, ZoneId zone) {
        return new StatsPeriod(day, day, zone);
    }

    public static StatsPeriod month(YearMonth month, ZoneId zone) {
        return new StatsPeriod(month.atDay(1), month.atEndOfMonth(), zone);
    }

    /** The ISO week (Monday to Sunday) that holds {@code day}. */
    public static StatsPeriod weekOf(LocalDate day, ZoneId zone) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new StatsPeriod(monday, monday.plusDays(6), zone);
    }

    /**
     * Parses a date given as {@code what} (e.g. "--from") in YYYY-MM-DD form, naming the option and the text
     * in the message when it is not a real date.
     */
    public static LocalDate parseDate(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + ": a date is required (YYYY-MM-DD)");
        }
        String t = text.trim();
        if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a date in the form YYYY-MM-DD (e.g. 2026-10-01)");
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a calendar date (" + reason(e) + ")");
        }
    }

    private static String reason(DateTimeParseException e) {
        String m = e.getMessage();
        int colon = m == null ? -1 : m.lastIndexOf(": ");
        return colon < 0 ? "no such day" : m.substring(colon + 2);
    }

    /** First instant of the period. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** First instant after the period (exclusive end). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start()) && t.isBefore(end());
    }

    public boolean isWholeMonth() {
        return from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()));
    }

    /** The period just before: the previous calendar month for a whole month, else as many days just before. */
    public StatsPeriod previous() {
        if (isWholeMonth()) {
            return month(YearMonth.from(from).minusMonths(1), zone);
        }
        long days = days();
        return new StatsPeriod(from.minusDays(days), from.minusDays(1), zone);
    }

    /** The instant the figures are taken at: the period's end, or {@code now} while the period runs. */
    public Instant asOf(Instant now) {
        Instant end = end();
        return now.isBefore(end) ? now : end;
    }

    /** The period cut into days, ISO weeks or calendar months; the first and last bucket are clipped to it. */
    public List<StatsPeriod> buckets(Granularity by) {
        Objects.requireNonNull(by, "by");
        List<StatsPeriod> out = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate natural = switch (by) {
                case DAY -> start;
                case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            };
            LocalDate end = natural.isAfter(to) ? to : natural;
            out.add(new StatsPeriod(start, end, zone));
            start = end.plusDays(1);
        }
        return out;
    }

    /** "2026-10-01" for one day, "2026-10" for a whole month, else "2026-10-05..2026-10-11". */
    public String label() {
        if (from.equals(to)) {
            return from.toString();
        }
        if (isWholeMonth()) {
            return YearMonth.from(from).toString();
        }
        return from + ".." + to;
    }

    @Override
    public String toString() {
        return label();
    }
}
