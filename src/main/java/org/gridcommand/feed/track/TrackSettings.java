package org.gridcommand.feed.track;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of track analysis.
 *
 * @param stopRadiusMetres a stop is a stay within this distance of its centre (GPS jitter included)
 * @param minDwell         the shortest stay that counts as a stop
 * @param gapLimit         consecutive fixes further apart than this are a gap (phone off, no signal): no
 *                         stop, no movement and no interpolated position is inferred across it
 */
public record TrackSettings(double stopRadiusMetres, Duration minDwell, Duration gapLimit) {
    /** 30 m, 3 min, 10 min. */
    public static final TrackSettings DEFAULTS = new TrackSettings(30, Duration.ofMinutes(3), Duration.ofMinutes(10));

    public TrackSettings {
        Objects.requireNonNull(minDwell, "minDwell");
        Objects.requireNonNull(gapLimit, "gapLimit");
        if (!(stopRadiusMetres > 0) || Double.isInfinite(stopRadiusMetres)) {
            throw new IllegalArgumentException("stop radius must be positive metres, got " + stopRadiusMetres);
        }
        if (minDwell.isNegative() || minDwell.isZero()) {
            throw new IllegalArgumentException("minimum dwell must be positive, got " + minDwell);
        }
        if (gapLimit.isNegative() || gapLimit.isZero()) {
            throw new IllegalArgumentException("gap limit must be positive, got " + gapLimit);
        }
    }

    public TrackSettings withStopRadiusMetres(double metres) {
        return new TrackSettings(metres, minDwell, gapLimit);
    }

    public TrackSettings withMinDwell(Duration dwell) {
        return new TrackSettings(stopRadiusMetres, dwell, gapLimit);
    }

    public TrackSettings withGapLimit(Duration limit) {
        return new TrackSettings(stopRadiusMetres, minDwell, limit);
    }
}
