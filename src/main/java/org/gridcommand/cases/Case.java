package org.gridcommand.cases;

import java.time.Instant;
import org.gridcommand.geo.GeoPoint;

/**
 * A case (事件) in the queue. smallGridCode is the grid the point lay in when the case was reported
 * (grids get redrawn; history keeps the grid of its time); null when the point is outside the district.
 * Stage instants are null until the stage is reached.
 */
public record Case(String id, Channel channel, String categoryCode, GeoPoint location, String smallGridCode,
                   String address, String description, Priority priority, CaseState state,
                   Instant reportedAt, Instant acceptedAt, Instant dispatchedAt, Instant closedAt,
                   String reportedBy) {
}
