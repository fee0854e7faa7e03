package org.gridcommand.feed.track;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch without fixes longer than the gap limit: {@code from} is the last fix before it, {@code to}
 * the first fix after it. Nothing is inferred inside a gap (no stop, no movement, no position).
 */
public record Gap(String workerId, Instant from, Instant to) {
    public Duration duration() {
        return Duration.between(from, to);
    }

    /** Whether t lies strictly inside the gap. */
    public boolean contains(Instant t) {
        return t.isAfter(from) && t.isBefore(to);
    }
}
