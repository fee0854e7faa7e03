package org.gridcommand.search;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.UnitGridCode;

/** Builds the side panel's facts for one small grid. */
public final class GridSummaryService {
    private final District district;
    private final List<Camera> cameras;
    private final Supplier<List<Case>> cases;

    public GridSummaryService(District district, List<Camera> cameras, Supplier<List<Case>> cases) {
        this.district = district;
        this.cameras = List.copyOf(cameras);
        this.cases = cases;
    }

    public Optional<GridSummary> summarise(UnitGridCode code) {
        return district.smallGrid(code).map(grid -> {
            var big = district.bigGridsByCode().get(grid.bigGridCode());
            var head = district.gridHeads().stream().filter(h -> h.bigGridCode().equals(grid.bigGridCode()))
                    .findFirst().orElse(null);
            // On-duty workers first: they are the ones the officer can call now.
            List<GridWorker> workers = district.workersOf(code).stream()
                    .sorted(Comparator.comparing((GridWorker w) -> !w.onDuty()).thenComparing(GridWorker::id)).toList();
            List<Case> open = cases.get().stream()
                    .filter(c -> c.state().isOpen() && code.value().equals(c.smallGridCode()))
                    .sorted(Comparator.comparing(Case::priority).thenComparing(Case::reportedAt, Comparator.reverseOrder()))
                    .toList();
            List<Camera> inGrid = cameras.stream().filter(c -> code.value().equals(c.smallGridCode())).toList();
            return new GridSummary(grid, big, head, workers, open, inGrid);
        });
    }
}
