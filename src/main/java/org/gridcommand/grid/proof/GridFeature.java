package org.gridcommand.grid.proof;

import java.util.List;
import org.gridcommand.common.InputText;
import org.locationtech.jts.geom.Geometry;

/**
 * One grid as read from a file.
 *
 * @param index       position in the file, counting from 1 (the data row for a CSV)
 * @param name        the name property (Chinese as the district writes it); null when missing or blank
 * @param nameEn      the {@code name_en} property, or null
 * @param code        the grid code as written, or null
 * @param parent      the parent property (a big grid's code), or null
 * @param geometry    WGS-84 polygon or multipolygon as the reader understood it: rings closed, swapped positions
 *                    swapped back, and rings that collapse to a line or a point left out as JTS's GeometryFixer
 *                    leaves them out (each of these also a read defect); may still be invalid (self-intersection);
 *                    null when nothing usable could be built (coordinates out of range, no ring with area)
 * @param readDefects what the reader found wrong with this feature
 * @param level       the level the file was declared to hold (--level), or null when it is told from codes and
 *                    parents
 * @param kept        true for a grid of the store that an import of the other level keeps, not one of the file
 */
public record GridFeature(int index, String name, String nameEn, String code, String parent,
                          Geometry geometry, List<Defect> readDefects, GridLevel level, boolean kept) {
    public GridFeature {
        readDefects = List.copyOf(readDefects);
    }

    /** A feature of the file, its level told from codes and parents. */
    public GridFeature(int index, String name, String nameEn, String code, String parent, Geometry geometry,
                       List<Defect> readDefects) {
        this(index, name, nameEn, code, parent, geometry, readDefects, null, false);
    }

    /** A grid of the store kept by an import of the other level: valid, coded and named as the store holds it. */
    public static GridFeature kept(GridLevel level, String code, String name, String nameEn, String parent,
                                   Geometry area) {
        return new GridFeature(0, name, nameEn, code, parent, area, List.of(), level, true);
    }

    /** E.g. {@code feature #12 "唐家社区第3网格" (440402104001003)}, or {@code big grid 440402104001 "唐家社区" (kept)}. */
    public String ref() {
        if (kept) {
            return level.noun() + " " + code + (name != null ? " \"" + InputText.printable(name) + "\"" : "")
                    + " (kept from the store)";
        }
        return ref(index, name, code);
    }

    static String ref(int index, String name, String code) {
        StringBuilder ref = new StringBuilder("feature #").append(index);
        if (name != null) {
            ref.append(" \"").append(InputText.printable(name)).append('"');
        }
        if (code != null) {
            ref.append(" (").append(InputText.printable(code)).append(')');
        }
        return ref.toString();
    }

    public boolean usable() {
        return geometry != null;
    }

    GridFeature withGeometry(Geometry replacement) {
        return new GridFeature(index, name, nameEn, code, parent, replacement, readDefects, level, kept);
    }

    GridFeature withReadDefects(List<Defect> remaining) {
        return new GridFeature(index, name, nameEn, code, parent, geometry, remaining, level, kept);
    }
}
