package org.gridcommand.feed.track;

import java.time.Duration;
import java.util.Objects;

/**
 * The parameters of patrol coverage.
 *
 * @param cellMetres        side of the square cells a small grid is cut into
 * @param gapLimit          consecutive fixes at most this far apart are joined by a segment whose cells
 *                          count as visited; further apart, only the fixes' own cells count
 * @param unseenAfter       a worker with no fix for this long in the window is unseen
 * @param outsideShareLimit a worker with a larger share of fixes outside their own grid is reported as outside
 */
public record CoverageSettings(double cellMetres, Duration gapLimit, Duration unseenAfter, double outsideShareLimit) {
    /** 25 m cells, 10 min gap limit, unseen after 2 h, outside above 10 % of fixes. */
    public static final CoverageSettings DEFAULTS =
            new CoverageSettings(25, Duration.ofMinutes(10), Duration.ofHours(2), 0.10);

    public CoverageSettings {
        Objects.requireNonNull(gapLimit, "gapLimit");
        Objects.requireNonNull(unseenAfter, "unseenAfter");
        if (!(cellMetres >= 1) || Double.isInfinite(cellMetres)) {
            throw new IllegalArgumentException("cells must be at least 1 m, got " + cellMetres);
        }
        if (gapLimit.isNegative() || unseenAfter.isNegative() || unseenAfter.isZero()) {
            throw new IllegalArgumentException("gap limit and unseen time must be positive");
        }
        if (!(outsideShareLimit >= 0 && outsideShareLimit <= 1)) {
            throw new IllegalArgumentException("outside share limit must be 0..1, got " + outsideShareLimit);
        }
    }

    public CoverageSettings withCellMetres(double metres) {
        return new CoverageSettings(metres, gapLimit, unseenAfter, outsideShareLimit);
    }

    public CoverageSettings withUnseenAfter(Duration d) {
        return new CoverageSettings(cellMetres, gapLimit, d, outsideShareLimit);
    }

    public CoverageSettings withGapLimit(Duration d) {
        return new CoverageSettings(cellMetres, d, unseenAfter, outsideShareLimit);
    }

    public CoverageSettings withOutsideShareLimit(double share) {
        return new CoverageSettings(cellMetres, gapLimit, unseenAfter, share);
    }
}
