package org.gridcommand.video;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link VideoTile} watches its stream and reconnects.
 *
 * @param stallTimeout no new picture for this long (or, for a new player, no first picture) means the signal
 *                     is lost
 * @param firstRetry   wait before the first reconnect; each further attempt waits twice as long as the last
 * @param maxRetry     the longest wait between attempts
 * @param stableAfter  pictures flowing this long after a reconnect resets the back-off and the attempt count
 */
public record HealthPolicy(Duration stallTimeout, Duration firstRetry, Duration maxRetry, Duration stableAfter) {
    /** 4 s without a picture → lost; reconnect after 1 s, 2, 4, 8, 16, 30, 30 …; reset after 10 s of pictures. */
    public static final HealthPolicy DEFAULT =
            new HealthPolicy(Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10));

    public HealthPolicy {
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(stableAfter, "stableAfter");
        if (stallTimeout.isNegative() || stallTimeout.isZero() || firstRetry.isNegative() || firstRetry.isZero()
                || maxRetry.compareTo(firstRetry) < 0 || stableAfter.isNegative()) {
            throw new IllegalArgumentException("need stallTimeout > 0, 0 < firstRetry <= maxRetry, stableAfter >= 0: "
                    + stallTimeout + ", " + firstRetry + ", " + maxRetry + ", " + stableAfter);
        }
    }

    /** The same policy with another stall timeout (the "N seconds" of the watchdog). */
    public HealthPolicy withStallTimeout(Duration timeout) {
        return new HealthPolicy(timeout, firstRetry, maxRetry, stableAfter);
    }

    /** Wait before the next attempt when {@code attemptsSoFar} attempts have already been made in this outage. */
    public Duration retryDelay(int attemptsSoFar) {
        Duration delay = firstRetry;
        for (int i = 0; i < attemptsSoFar && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }
}
