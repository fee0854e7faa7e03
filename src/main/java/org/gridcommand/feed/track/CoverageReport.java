package org.gridcommand.feed.track;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridcommand.grid.UnitGridCode;

/**
 * Patrol coverage of a window (a shift or a day): per small grid (by code) and per grid worker (by id).
 * {@code unknownWorkers}: ids of tracks given that name no worker of the district (ignored otherwise).
 */
public record CoverageReport(Instant from, Instant to, List<GridCoverage> grids, List<WorkerPatrol> workers,
                             List<String> unknownWorkers) {
    public CoverageReport {
        grids = List.copyOf(grids);
        workers = List.copyOf(workers);
        unknownWorkers = List.copyOf(unknownWorkers);
    }

    public Optional<GridCoverage> grid(UnitGridCode code) {
        return grids.stream().filter(g -> g.grid().equals(code)).findFirst();
    }

    public Optional<WorkerPatrol> worker(String workerId) {
        return workers.stream().filter(w -> w.workerId().equals(workerId)).findFirst();
    }

    /** Workers whose share of fixes outside their own grid exceeds the limit. */
    public List<WorkerPatrol> outsideTheirGrid() {
        return workers.stream().filter(WorkerPatrol::outside).toList();
    }

    /** Workers with no fix for the unseen time somewhere in the window (or none at all). */
    public List<WorkerPatrol> unseen() {
        return workers.stream().filter(WorkerPatrol::unseen).toList();
    }

    /** Cells visited / cells inside over all grids. */
    public double districtCoverage() {
        long inside = 0;
        long visited = 0;
        for (GridCoverage g : grids) {
            inside += g.cellsInside();
            visited += g.cellsVisited();
        }
        return inside == 0 ? 0 : visited / (double) inside;
    }
}
