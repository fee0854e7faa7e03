package org.gridcommand.feed.track;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One occurrence of a shift: the shift, the day it starts on, and its instants [from, to). */
public record ShiftWindow(Shift shift, LocalDate day, Instant from, Instant to) {
    public Duration duration() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
