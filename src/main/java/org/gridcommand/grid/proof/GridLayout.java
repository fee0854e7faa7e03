package org.gridcommand.grid.proof;

import java.util.List;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Geometry;

/** The grid part of a District built from a proven file: what {@code GridRepository.replaceGrids} takes. */
public record GridLayout(Geometry outline, List<BigGrid> bigGrids, List<SmallGrid> smallGrids) {
    public GridLayout {
        bigGrids = List.copyOf(bigGrids);
        smallGrids = List.copyOf(smallGrids);
    }
}
