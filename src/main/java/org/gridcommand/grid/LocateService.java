package org.gridcommand.grid;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;

/**
 * Locates a point on the district's grid and names the people responsible for it: the answer the CLI's
 * {@code locate}, every incoming case and a click on the map all need. The grid layout is fixed when the
 * service is made (a redrawn grid means a new service); the duty roster is read on every call when a
 * roster supplier is given, so a worker going off duty shows at once.
 *
 * <p>The cell index is built on the first answer (about 0.1 s for the demo district), not when the service
 * is made: a console start does not wait for an index that the first case or click needs later.
 */
public final class LocateService {
    private final District district;
    private volatile GridLocator locator;
    private final Map<String, GridHead> headsByBigGrid = new HashMap<>();
    private final Supplier<? extends Collection<GridWorker>> roster;

    /** Uses the workers and duty states recorded in the district. */
    public LocateService(District district) {
        this(district, district::gridWorkers);
    }

    /** roster: the current grid workers with their duty states (e.g. read from the store's live copy). */
    public LocateService(District district, Supplier<? extends Collection<GridWorker>> roster) {
        this.district = Objects.requireNonNull(district, "district");
        this.roster = Objects.requireNonNull(roster, "roster");
        for (GridHead head : district.gridHeads()) {
            headsByBigGrid.putIfAbsent(head.bigGridCode(), head);
        }
    }

    public LocationAnswer locate(GeoPoint wgs84) {
        Objects.requireNonNull(wgs84, "wgs84");
        GridLocator locator = locator();
        Optional<SmallGrid> found = locator.locate(wgs84.lon(), wgs84.lat());
        if (found.isEmpty()) {
            Optional<GridLocator.Nearest> nearest = locator.nearestOutline(wgs84.lon(), wgs84.lat());
            return LocationAnswer.outside(wgs84, nearest.map(GridLocator.Nearest::grid).orElse(null),
                    nearest.map(GridLocator.Nearest::metres).orElse(Double.NaN));
        }
        SmallGrid grid = found.get();
        BigGrid big = locator.bigGridOf(grid).orElse(null);
        GridHead head = headsByBigGrid.get(grid.bigGridCode());
        List<GridWorker> onDuty = roster.get().stream()
                .filter(w -> w.smallGrid().equals(grid.code()) && w.onDuty())
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
        return LocationAnswer.inside(wgs84, grid, big, head, onDuty);
    }

    /** Converts from the given datum to WGS-84 first (GCJ-02 from AMap/Tencent, BD-09 from Baidu). */
    public LocationAnswer locate(double lon, double lat, Datum datum) {
        return locate(ChinaDatums.toWgs84(lon, lat, Objects.requireNonNull(datum, "datum")));
    }

    public District district() {
        return district;
    }

    public GridLocator locator() {
        GridLocator built = locator;
        if (built == null) {
            synchronized (this) {
                built = locator;
                if (built == null) {
                    built = new GridLocator(district);
                    locator = built;
                }
            }
        }
        return built;
    }
}
