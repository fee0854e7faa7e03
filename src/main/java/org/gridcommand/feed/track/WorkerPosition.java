package org.gridcommand.feed.track;

import java.time.Duration;
import java.util.Optional;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.UnitGridCode;

/**
 * Where a worker was at a time: the interpolated position, the small grid it lies in (empty outside the
 * district), and how far the nearest real fix is from that time (the answer's confidence).
 */
public record WorkerPosition(String workerId, GeoPoint position, Optional<UnitGridCode> smallGrid,
                             Duration ageOfNearestFix) {
}
