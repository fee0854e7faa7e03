package org.gridcommand.grid;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/** Stores the district layout and its people. */
public interface GridRepository {
    /** Replaces the whole layout (district, big and small grids, heads, workers) in one transaction. */
    void replaceDistrict(District district);

    Optional<District> loadDistrict();

    /**
     * Replaces the district's outline, big grids and small grids in one transaction, keeping the district's name
     * and administrative code and every grid head and grid worker. Refuses (and changes nothing) when a head's
     * big grid or a worker's small grid is not among the new grids, or when no district is stored yet.
     */
    void replaceGrids(Geometry outline, List<BigGrid> bigGrids, List<SmallGrid> smallGrids);

    /** Updates duty status and last known position of one worker. */
    void updateWorker(GridWorker worker);

    List<GridWorker> findWorkers();
}
