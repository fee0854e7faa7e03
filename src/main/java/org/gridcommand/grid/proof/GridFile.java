package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.List;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.District;

/**
 * A grid file as read: its features in file order, already in WGS-84, and what was wrong with the file itself.
 *
 * @param source      the file name, for messages
 * @param datum       the datum the file was written in (its coordinates have been converted from it)
 * @param fileDefects defects of the whole file (it could not be parsed, holds no grids)
 */
public record GridFile(String source, Datum datum, List<GridFeature> features, List<Defect> fileDefects) {
    public GridFile {
        features = List.copyOf(features);
        fileDefects = List.copyOf(fileDefects);
    }

    /**
     * This file's grids with the district's grids of the other level, for an import of one level: the store's
     * grids follow the file's, marked as kept ({@link GridFeature#kept()}), to be proven and built as one layout.
     *
     * @param kept the level the district keeps: big when the file holds small grids, small when it holds big grids
     */
    public GridFile withStoreGrids(District district, GridLevel kept) {
        List<GridFeature> all = new ArrayList<>(features);
        if (kept == GridLevel.BIG) {
            district.bigGrids().forEach(g -> all.add(GridFeature.kept(GridLevel.BIG, g.code(), g.name().zh(),
                    g.name().en(), null, g.area())));
        } else {
            district.smallGrids().forEach(g -> all.add(GridFeature.kept(GridLevel.SMALL, g.code().value(),
                    g.name().zh(), g.name().en(), g.bigGridCode(), g.area())));
        }
        return new GridFile(source, datum, all, fileDefects);
    }

    /** The file's own defects, then each feature's read defects in file order. */
    public List<Defect> readDefects() {
        List<Defect> all = new ArrayList<>(fileDefects);
        features.forEach(f -> all.addAll(f.readDefects()));
        return all;
    }
}
