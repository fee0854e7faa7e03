package org.gridcommand.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.sla.SlaLimit;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.sla.WorkingCalendar;

/**
 * Due times of SLA stages for bulk statistics: the same limits (from the engine's table), the same rounding
 * and the same working calendar as {@link SlaEngine#due}, answered from a table of the calendar's working
 * periods instead of walking day by day. The engine walks the calendar for every stage (about 40 µs), which
 * for three years of cases (37,000 × 5 stages) is seconds; here a due time is two binary searches.
 *
 * <p>Where the engine would throw {@link org.gridcommand.sla.MissingCalendarYearException} (a working-time
 * limit that starts in, or runs through, a year without a calendar file) {@link #due} returns
 * {@link #NOT_ASSESSABLE}. StageClockTest checks that both give the same answer on the shipped tables.
 */
final class StageClock {
    /** Returned by {@link #due} when the working calendar does not cover the stage. */
    static final long NOT_ASSESSABLE = Long.MIN_VALUE;
    private static final long NANOS = 1_000_000_000L;

    private record Limit(boolean workingTime, long lengthNanos) {
    }

    private final SlaEngine engine;
    private final Map<String, Limit[]> limits = new ConcurrentHashMap<>();
    /** Working periods of the calendar's years in time order, as epoch nanoseconds. */
    private final long[] periodFrom;
    private final long[] periodTo;
    /** Working time before period i starts, counted from the first period. */
    private final long[] workBefore;
    /** Start of each calendar year from the first to one past the last, and whether the calendar has it. */
    private final long[] yearStart;
    private final boolean[] yearKnown;

    StageClock(SlaEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        WorkingCalendar calendar = engine.calendar();
        ZoneId zone = calendar.zone();
        List<WorkingCalendar.CalendarYear> years = calendar.years();
        int firstYear = years.get(0).year();
        int lastYear = years.get(years.size() - 1).year();
        this.yearStart = new long[lastYear - firstYear + 2];
        this.yearKnown = new boolean[lastYear - firstYear + 1];
        for (int y = firstYear; y <= lastYear + 1; y++) {
            yearStart[y - firstYear] = nanos(LocalDate.of(y, 1, 1).atStartOfDay(zone).toInstant());
        }
        List<long[]> periods = new ArrayList<>();
        for (WorkingCalendar.CalendarYear year : years) {
            yearKnown[year.year() - firstYear] = true;
            for (LocalDate d = LocalDate.of(year.year(), 1, 1); d.getYear() == year.year(); d = d.plusDays(1)) {
                if (!calendar.isWorkingDay(d)) {
                    continue;
                }
                for (WorkingCalendar.Period p : calendar.periods()) {
                    periods.add(new long[] {nanos(d.atTime(p.from()).atZone(zone).toInstant()),
                            nanos(d.atTime(p.to()).atZone(zone).toInstant())});
                }
            }
        }
        int n = periods.size();
        periodFrom = new long[n];
        periodTo = new long[n];
        workBefore = new long[n + 1];
        for (int i = 0; i < n; i++) {
            periodFrom[i] = periods.get(i)[0];
            periodTo[i] = periods.get(i)[1];
            workBefore[i + 1] = workBefore[i] + (periodTo[i] - periodFrom[i]);
        }
    }

    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    /** The stage's due time for a stage started at {@code startNanos}, or {@link #NOT_ASSESSABLE}. */
    long due(String categoryCode, SlaStage stage, long startNanos) {
        Limit limit = limit(categoryCode, stage);
        if (!limit.workingTime) {
            return startNanos + limit.lengthNanos;
        }
        if (!yearCovered(startNanos)) {
            return NOT_ASSESSABLE;
        }
        if (limit.lengthNanos == 0) {
            return startNanos;
        }
        // The first period that ends after the start: working time is counted from max(start, its start).
        int i = firstEndingAfter(startNanos);
        if (i >= periodFrom.length) {
            return NOT_ASSESSABLE;
        }
        long target = workBefore[i] + Math.max(0, startNanos - periodFrom[i]) + limit.lengthNanos;
        // The first period whose end reaches the target: a due time landing on a period's end stays there.
        int j = firstReaching(target, i);
        if (j >= periodFrom.length) {
            return NOT_ASSESSABLE;
        }
        long due = periodFrom[j] + (target - workBefore[j]);
        return yearsCovered(startNanos, due) ? due : NOT_ASSESSABLE;
    }

    private Limit limit(String categoryCode, SlaStage stage) {
        Limit[] byStage = limits.computeIfAbsent(categoryCode == null ? "" : categoryCode, code -> {
            Limit[] out = new Limit[SlaStage.values().length];
            for (SlaStage s : SlaStage.values()) {
                SlaLimit l = engine.limit(code.isEmpty() ? null : code, s);
                out[s.ordinal()] = new Limit(l.unit().isWorkingTime(), length(l).toNanos());
            }
            return out;
        });
        return byStage[stage.ordinal()];
    }

    /** The limit in its own clock, rounded to whole seconds half up exactly as the engine does. */
    private Duration length(SlaLimit limit) {
        long unitSeconds = switch (limit.unit()) {
            case NATURAL_MINUTES -> 60;
            case WORKING_HOURS -> 3_600;
            case WORKING_DAYS -> engine.calendar().workingDayLength().getSeconds();
        };
        BigDecimal seconds = limit.amount().multiply(BigDecimal.valueOf(unitSeconds)).setScale(0, RoundingMode.HALF_UP);
        return Duration.ofSeconds(seconds.longValueExact());
    }

    private int firstEndingAfter(long t) {
        int lo = 0;
        int hi = periodTo.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (periodTo[mid] > t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int firstReaching(long target, int from) {
        int lo = from;
        int hi = periodTo.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (workBefore[mid + 1] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int yearIndex(long t) {
        if (t < yearStart[0] || t >= yearStart[yearStart.length - 1]) {
            return -1;
        }
        int i = Arrays.binarySearch(yearStart, t);
        return i >= 0 ? i : -i - 2;
    }

    private boolean yearCovered(long t) {
        int y = yearIndex(t);
        return y >= 0 && yearKnown[y];
    }

    /** The engine walks every day from the start's to the due's: each of their years needs a calendar. */
    private boolean yearsCovered(long from, long to) {
        int a = yearIndex(from);
        int b = yearIndex(to);
        if (a < 0 || b < 0) {
            return false;
        }
        for (int y = a; y <= b; y++) {
            if (!yearKnown[y]) {
                return false;
            }
        }
        return true;
    }
}
