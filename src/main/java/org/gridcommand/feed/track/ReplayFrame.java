package org.gridcommand.feed.track;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridcommand.geo.GeoPoint;

/** What the replay shows at one play-head time: every worker's position (if known) and trail. */
public record ReplayFrame(Instant at, List<Worker> workers) {
    public ReplayFrame {
        workers = List.copyOf(workers);
    }

    /**
     * One worker at the play-head: the interpolated position (empty before the first fix, after the last,
     * or in a gap) and the trail, oldest point first, ending at the position when there is one.
     */
    public record Worker(String workerId, Optional<GeoPoint> position, List<GeoPoint> trail) {
        public Worker {
            trail = List.copyOf(trail);
        }
    }
}
