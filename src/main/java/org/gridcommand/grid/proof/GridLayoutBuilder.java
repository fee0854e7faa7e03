package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridcommand.common.BilingualName;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.locationtech.jts.geom.Geometry;

/** Turns a file that proved clean for import into the grid part of a District. */
public final class GridLayoutBuilder {
    private GridLayoutBuilder() {
    }

    /**
     * Builds the layout: big and small grids sorted by code, each small grid under its parent (or the big grid
     * its code starts with), and the district outline as the union of the big grids (of the small grids when
     * the file has no big grids).
     *
     * @throws IllegalArgumentException when the file is not clean for import (run {@link GridProof#validate(GridFile, boolean)} first)
     */
    public static GridLayout build(GridFile file) {
        GridLevels levels = new GridLevels(file.features());
        List<BigGrid> bigGrids = new ArrayList<>();
        for (GridFeature f : levels.big) {
            bigGrids.add(new BigGrid(f.code(), name(f), requireShape(f)));
        }
        List<SmallGrid> smallGrids = new ArrayList<>();
        for (GridFeature f : levels.small) {
            String parent = levels.parentCode(f);
            if (parent == null || f.code() == null) {
                throw new IllegalArgumentException(f.ref() + " has no code or no big grid: the file did not prove clean");
            }
            smallGrids.add(new SmallGrid(new UnitGridCode(f.code()), parent, name(f), requireShape(f)));
        }
        bigGrids.sort(Comparator.comparing(BigGrid::code));
        smallGrids.sort(Comparator.comparing(SmallGrid::code));
        List<Geometry> outlineParts = new ArrayList<>();
        if (bigGrids.isEmpty()) {
            smallGrids.forEach(g -> outlineParts.add(g.area()));
        } else {
            bigGrids.forEach(g -> outlineParts.add(g.area()));
        }
        Geometry outline = ProofGeometry.union(outlineParts);
        outline = outline.getNumGeometries() == 1 ? outline.getGeometryN(0) : outline;
        return new GridLayout(outline, bigGrids, smallGrids);
    }

    private static BilingualName name(GridFeature f) {
        if (f.name() == null) {
            throw new IllegalArgumentException(f.ref() + " has no name: the file did not prove clean");
        }
        return new BilingualName(f.name(), f.nameEn() != null ? f.nameEn() : f.name());
    }

    private static Geometry requireShape(GridFeature f) {
        if (f.geometry() == null || !f.geometry().isValid()) {
            throw new IllegalArgumentException(f.ref() + " has no valid shape: the file did not prove clean");
        }
        return f.geometry();
    }
}
