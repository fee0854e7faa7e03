package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.List;
import org.gridcommand.geo.Datum;

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

    /** The file's own defects, then each feature's read defects in file order. */
    public List<Defect> readDefects() {
        List<Defect> all = new ArrayList<>(fileDefects);
        features.forEach(f -> all.addAll(f.readDefects()));
        return all;
    }
}
