package org.gridcommand.grid;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridcommand.common.BilingualName;
import org.locationtech.jts.geom.Geometry;

/** The district and its grid layout: the big grids, the small grids, and who works in them. */
public record District(String adminCode, BilingualName name, Geometry outline,
                       List<BigGrid> bigGrids, List<SmallGrid> smallGrids,
                       List<GridHead> gridHeads, List<GridWorker> gridWorkers) {

    public District {
        bigGrids = List.copyOf(bigGrids);
        smallGrids = smallGrids.stream().sorted(Comparator.comparing(SmallGrid::code)).toList();
        gridHeads = List.copyOf(gridHeads);
        gridWorkers = List.copyOf(gridWorkers);
    }

    public Optional<SmallGrid> smallGrid(UnitGridCode code) {
        return smallGrids.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public Map<String, BigGrid> bigGridsByCode() {
        return bigGrids.stream().collect(Collectors.toMap(BigGrid::code, Function.identity()));
    }

    public List<GridWorker> workersOf(UnitGridCode code) {
        return gridWorkers.stream().filter(w -> w.smallGrid().equals(code)).toList();
    }
}
