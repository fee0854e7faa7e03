package org.gridcommand.search;

import java.util.List;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;

/** What the grid side panel shows: the grid, who answers for it, what is open in it, what sees it. */
public record GridSummary(SmallGrid grid, BigGrid bigGrid, GridHead head, List<GridWorker> workers,
                          List<Case> openCases, List<Camera> cameras) {
    public long workersOnDuty() {
        return workers.stream().filter(GridWorker::onDuty).count();
    }
}
