package org.gridcommand.feed.track;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.UnitGridCode;

/**
 * How much of one small grid its own workers covered in a window: cells visited out of the cells inside
 * the grid, with the cells themselves for a map layer. Immutable.
 */
public final class GridCoverage {
    private final UnitGridCode grid;
    private final List<String> workerIds;
    private final CellRaster raster;
    private final BitSet visited;
    private final int visitedCount;

    GridCoverage(UnitGridCode grid, List<String> workerIds, CellRaster raster, BitSet visited) {
        this.grid = grid;
        this.workerIds = List.copyOf(workerIds);
        this.raster = raster;
        this.visited = (BitSet) visited.clone();
        this.visitedCount = visited.cardinality();
    }

    public UnitGridCode grid() {
        return grid;
    }

    /** The grid's own workers (whose fixes count for it). */
    public List<String> workerIds() {
        return workerIds;
    }

    public int cellsInside() {
        return raster.insideCount();
    }

    public int cellsVisited() {
        return visitedCount;
    }

    /** Visited cells / cells inside, 0..1 (0 for a grid with no cells). */
    public double coverage() {
        return raster.insideCount() == 0 ? 0 : visitedCount / (double) raster.insideCount();
    }

    /** The grid's cells (geometry of the layer). */
    public CellRaster raster() {
        return raster;
    }

    public boolean isVisited(int cell) {
        return visited.get(cell);
    }

    /** Indices of the visited cells, ascending. */
    public int[] visitedCells() {
        return visited.stream().toArray();
    }

    /** Indices of the cells inside the grid not visited, ascending (the gaps in the patrol). */
    public int[] unvisitedCells() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < raster.cols() * raster.rows(); c++) {
            if (raster.isInside(c) && !visited.get(c)) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public List<GeoPoint> visitedCellCentres() {
        return visited.stream().mapToObj(raster::cellCentre).toList();
    }

    @Override
    public String toString() {
        return "GridCoverage[" + grid.value() + ": " + visitedCount + "/" + raster.insideCount() + " cells]";
    }
}
