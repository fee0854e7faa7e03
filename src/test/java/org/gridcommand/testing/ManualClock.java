package org.gridcommand.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand: forward, or back as a clock set by NTP may go. Tests never read the wall clock, so
 * nothing they check depends on the hour they run at.
 */
public final class ManualClock extends Clock {
    /**
     * 16:30 on Wednesday 11 March 2026 in the district (08:30 UTC): a working day, inside working hours and the day
     * shift, with most of the day's demo cases already reported. Tests that open the demo district start here, so
     * today's queue, the SLA column and the shift to hand over are the same whenever the test runs.
     */
    public static final Instant DUTY_AFTERNOON = Instant.parse("2026-03-11T08:30:00Z");

    private final ZoneId zone;
    private volatile Instant now;

    public ManualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    /** A clock whose zone is {@code zone} (what a service reads the local date or hour from). */
    public ManualClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** A clock standing at {@link #DUTY_AFTERNOON} (zone UTC) until the test moves it. */
    public static ManualClock dutyAfternoon() {
        return new ManualClock(DUTY_AFTERNOON);
    }

    /** Moves the clock by {@code by} (negative: back); returns the new time. */
    public Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }

    public void set(Instant at) {
        now = at;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
