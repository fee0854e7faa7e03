package org.gridcommand.feed.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Simulated time for a run of {@code length} simulated time at {@code speed} times real time, placed so that
 * the simulated span ends when the run ends: it starts {@code length × (1 − 1/speed)} before the run's real
 * start and catches up with the real clock at the end. Every message is then dated in the past, as a phone's
 * buffered upload is, and never ahead of the clock of the console that receives it (which quarantines that as
 * {@code FUTURE_TIMESTAMP}); the oldest is {@link #oldestAge()} old when sent. At speed 1 the two clocks are
 * the same.
 *
 * <p>Reads the real time from the clock it is given, so a test can drive it. Not thread-safe.
 */
public final class FieldPace {
    private final Clock clock;
    private final double speed;
    private final Instant realStart;
    private final Instant simulatedStart;
    private final Instant simulatedEnd;
    private Instant reached;

    public FieldPace(Clock clock, Duration length, double speed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the simulated length must be positive, got " + length);
        }
        if (!(speed >= 1)) {
            throw new IllegalArgumentException("the speed must be 1 or more, got " + speed);
        }
        this.speed = speed;
        this.realStart = clock.instant();
        this.simulatedStart = realStart.minus(oldestAge(length, speed));
        this.simulatedEnd = simulatedStart.plus(length);
        this.reached = simulatedStart;
    }

    /** How old the first message of such a run is when it is sent: {@code length × (1 − 1/speed)}. */
    public static Duration oldestAge(Duration length, double speed) {
        return Duration.ofMillis((long) Math.ceil(length.toMillis() * (1 - 1 / speed)));
    }

    /**
     * The longest run at this speed (above 1: at speed 1 no run dates anything in the past) whose first
     * message is at most {@code oldest} old when sent.
     */
    public static Duration longestLength(Duration oldest, double speed) {
        if (!(speed > 1)) {
            throw new IllegalArgumentException("at speed " + speed + " no message is dated in the past");
        }
        return Duration.ofMillis((long) Math.floor(oldest.toMillis() / (1 - 1 / speed)));
    }

    public Instant simulatedStart() {
        return simulatedStart;
    }

    public Instant simulatedEnd() {
        return simulatedEnd;
    }

    public Duration oldestAge() {
        return Duration.between(simulatedStart, realStart);
    }

    /**
     * The simulated moment now: {@code speed} times the real time since the start, never after the real
     * clock (whatever the rounding), never after the end, never back (should the real clock be set back).
     */
    public Instant simulatedNow() {
        Instant real = clock.instant();
        double elapsedNanos = Duration.between(realStart, real).toNanos() * speed;
        Instant paced = simulatedStart.plusNanos((long) Math.min(elapsedNanos, Long.MAX_VALUE));
        Instant capped = min(min(paced, real), simulatedEnd);
        if (capped.isAfter(reached)) {
            reached = capped;
        }
        return reached;
    }

    /** Whether the simulated time has reached the end (as of the last {@link #simulatedNow}). */
    public boolean finished() {
        return !reached.isBefore(simulatedEnd);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
