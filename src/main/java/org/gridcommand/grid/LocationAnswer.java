package org.gridcommand.grid;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.geo.GeoPoint;

/**
 * Where a point lies on the grid and who answers for it: inside the district, its small grid, big grid,
 * grid head and the grid workers on duty there; outside, the nearest grid and how far away its boundary is.
 *
 * @param point          the point located, in WGS-84
 * @param smallGrid      the small grid owning the point, null outside the district
 * @param bigGrid        the small grid's big grid, null outside (or when the district lacks it)
 * @param gridHead       the big grid's head, null when unknown
 * @param onDuty         the small grid's workers on duty, empty outside
 * @param nearestGrid    outside only: the grid whose boundary is nearest (null inside, or for an empty district)
 * @param distanceMetres outside only: the distance to that boundary in metres (0 inside)
 */
public record LocationAnswer(GeoPoint point, SmallGrid smallGrid, BigGrid bigGrid, GridHead gridHead,
                             List<GridWorker> onDuty, SmallGrid nearestGrid, double distanceMetres) {
    public LocationAnswer {
        Objects.requireNonNull(point, "point");
        onDuty = List.copyOf(onDuty);
    }

    static LocationAnswer inside(GeoPoint point, SmallGrid grid, BigGrid bigGrid, GridHead head, List<GridWorker> onDuty) {
        return new LocationAnswer(point, Objects.requireNonNull(grid, "grid"), bigGrid, head, onDuty, null, 0);
    }

    static LocationAnswer outside(GeoPoint point, SmallGrid nearest, double distanceMetres) {
        return new LocationAnswer(point, null, null, null, List.of(), nearest, distanceMetres);
    }

    public boolean isInside() {
        return smallGrid != null;
    }

    public Optional<SmallGrid> small() {
        return Optional.ofNullable(smallGrid);
    }

    public Optional<BigGrid> big() {
        return Optional.ofNullable(bigGrid);
    }

    public Optional<GridHead> head() {
        return Optional.ofNullable(gridHead);
    }

    public Optional<SmallGrid> nearest() {
        return Optional.ofNullable(nearestGrid);
    }
}
