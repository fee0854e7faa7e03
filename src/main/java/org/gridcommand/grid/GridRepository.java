package org.gridcommand.grid;

import java.util.List;
import java.util.Optional;

/** Stores the district layout and its people. */
public interface GridRepository {
    /** Replaces the whole layout (district, big and small grids, heads, workers) in one transaction. */
    void replaceDistrict(District district);

    Optional<District> loadDistrict();

    /** Updates duty status and last known position of one worker. */
    void updateWorker(GridWorker worker);

    List<GridWorker> findWorkers();
}
