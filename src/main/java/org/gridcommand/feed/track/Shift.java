package org.gridcommand.feed.track;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.gridcommand.common.BilingualName;

/**
 * A duty shift by wall-clock time in the district's zone, e.g. day 08:00–20:00 or night 20:00–08:00 (an end
 * at or before the start runs into the next day).
 */
public record Shift(String code, BilingualName name, LocalTime start, LocalTime end) {
    public Shift {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (code.isBlank()) {
            throw new IllegalArgumentException("a shift needs a code");
        }
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** The shift that starts on {@code day} in the zone. */
    public ShiftWindow on(LocalDate day, ZoneId zone) {
        Instant from = day.atTime(start).atZone(zone).toInstant();
        Instant to = (crossesMidnight() ? day.plusDays(1) : day).atTime(end).atZone(zone).toInstant();
        return new ShiftWindow(this, day, from, to);
    }

    /** Whether the wall-clock time falls in this shift (start inclusive, end exclusive). */
    public boolean covers(LocalTime t) {
        return crossesMidnight() ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
    }
}
