package org.gridcommand.grid.proof;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One grid as read from a file.
 *
 * @param index       position in the file, counting from 1 (the data row for a CSV)
 * @param name        the {@code name} property (Chinese as the district writes it); null when missing or blank
 * @param nameEn      the {@code name_en} property, or null
 * @param code        the grid code as written, or null
 * @param parent      the {@code parent} property (a big grid's code), or null
 * @param geometry    WGS-84 polygon or multipolygon as the reader understood it: rings closed and swapped
 *                    positions swapped back (each also a read defect), may still be invalid (self-intersection);
 *                    null when nothing usable could be built (coordinates out of range, too few points, no polygon)
 * @param readDefects what the reader found wrong with this feature
 */
public record GridFeature(int index, String name, String nameEn, String code, String parent,
                          Geometry geometry, List<Defect> readDefects) {
    public GridFeature {
        readDefects = List.copyOf(readDefects);
    }

    /** E.g. {@code feature #12 "唐家社区第3网格" (440402104001003)}. */
    public String ref() {
        return ref(index, name, code);
    }

    static String ref(int index, String name, String code) {
        StringBuilder ref = new StringBuilder("feature #").append(index);
        if (name != null) {
            ref.append(" \"").append(GridFileReader.printable(name)).append('"');
        }
        if (code != null) {
            ref.append(" (").append(GridFileReader.printable(code)).append(')');
        }
        return ref.toString();
    }

    public boolean usable() {
        return geometry != null;
    }

    GridFeature withGeometry(Geometry replacement) {
        return new GridFeature(index, name, nameEn, code, parent, replacement, readDefects);
    }

    GridFeature withReadDefects(List<Defect> remaining) {
        return new GridFeature(index, name, nameEn, code, parent, geometry, remaining);
    }
}
