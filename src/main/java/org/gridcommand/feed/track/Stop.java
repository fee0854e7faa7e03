package org.gridcommand.feed.track;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.UnitGridCode;

/**
 * A stay: the worker remained within the stop radius of {@code centre} from {@code arrival} (first fix of
 * the stay) to {@code departure} (last fix of the stay).
 *
 * @param centre    the robust centre (coordinate-wise median of the stay's fixes)
 * @param fixCount  the fixes that make up the stay (outliers rejected inside it not counted)
 * @param smallGrid the small grid the centre lies in; empty outside the district
 */
public record Stop(String workerId, Instant arrival, Instant departure, GeoPoint centre, int fixCount,
                   Optional<UnitGridCode> smallGrid) {
    public Stop {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(departure, "departure");
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(smallGrid, "smallGrid");
    }

    public Duration dwell() {
        return Duration.between(arrival, departure);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(arrival) && !t.isAfter(departure);
    }
}
