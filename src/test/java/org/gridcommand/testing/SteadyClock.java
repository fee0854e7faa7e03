package org.gridcommand.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at a fixed moment and moves with real elapsed time ({@link System#nanoTime()}), for tests
 * of things that run in real time (a live stream, a watchdog) but must not depend on the date or hour they run
 * at: what they stamp is comparable on this clock, and nothing reads the wall clock.
 */
public final class SteadyClock extends Clock {
    private final Instant origin;
    private final long originNanos;
    private final ZoneId zone;

    private SteadyClock(Instant origin, long originNanos, ZoneId zone) {
        this.origin = origin;
        this.originNanos = originNanos;
        this.zone = zone;
    }

    /** Starts now at {@code origin}. */
    public static SteadyClock startingAt(Instant origin) {
        return new SteadyClock(origin, System.nanoTime(), ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(System.nanoTime() - originNanos);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SteadyClock(origin, originNanos, zone);
    }
}
