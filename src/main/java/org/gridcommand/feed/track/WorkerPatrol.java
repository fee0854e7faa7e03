package org.gridcommand.feed.track;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gridcommand.grid.UnitGridCode;

/**
 * One worker's patrol in a window.
 *
 * @param fixCount        fixes in the window
 * @param fixesOutside    of those, fixes not in the worker's own small grid (another grid or outside the district)
 * @param longestUnseen   the longest stretch of the window without a fix (window start to first fix, between
 *                        fixes, last fix to window end); the whole window for a worker with no fix
 * @param lastSeen        the last fix in the window, if any
 * @param outside         the share of fixes outside exceeds {@link CoverageSettings#outsideShareLimit()}
 * @param unseen          {@code longestUnseen} reaches {@link CoverageSettings#unseenAfter()}
 */
public record WorkerPatrol(String workerId, UnitGridCode ownGrid, int fixCount, int fixesOutside,
                           Duration longestUnseen, Optional<Instant> lastSeen, boolean outside, boolean unseen) {
    /** Share of fixes outside the own grid, 0..1 (0 with no fixes). */
    public double outsideShare() {
        return fixCount == 0 ? 0 : fixesOutside / (double) fixCount;
    }
}
