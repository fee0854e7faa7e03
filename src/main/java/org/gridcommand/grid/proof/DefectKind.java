package org.gridcommand.grid.proof;

/** What can be wrong with a grid file, from "cannot be read at all" to "two grids share 3 m²". */
public enum DefectKind {
    /** Self-intersection, nested shells, a hole outside its shell... (JTS IsValidOp), or not a polygon at all. */
    INVALID_GEOMETRY,
    /**
     * A ring with fewer than 3 distinct corners: no area to own. Repairable when the grid keeps another ring: the
     * ring is left out as GeometryFixer leaves it out (a collapsed outer ring with its polygon).
     */
    TOO_FEW_POINTS,
    /** A ring whose last position is not its first. Repairable: the ring is closed. */
    UNCLOSED_RING,
    /** Not a number, beyond ±180/±90, or hundreds of kilometres from the rest of the file. */
    COORDINATE_OUT_OF_RANGE,
    /** Latitude written where the longitude belongs. Repairable: the pair is swapped back. */
    LAT_LON_SWAPPED,
    MISSING_NAME,
    /** A small grid code must have 15 digits and start with its big grid's 12; a big grid code has 12. */
    MALFORMED_CODE,
    DUPLICATE_CODE,
    /** A parent that is no grid in the file (or, for an import, a small grid with no big grid at all). */
    UNKNOWN_PARENT,
    /** Two grids of the same level share area. Repairable: the overlap is cut from one of them. */
    OVERLAP,
    /** Area enclosed by the grids that no grid owns, or part of a big grid that none of its small grids covers. */
    GAP,
    /** Part of a small grid lies outside its big grid. */
    OUTSIDE_PARENT,
    /** The content is not a GeoJSON FeatureCollection or a CSV with a WKT column, or lacks a field it was said to have. */
    UNREADABLE_FILE,
    /** Importing would remove the grid a grid head or grid worker belongs to. */
    ORPHANED_PEOPLE;

    /** True for the kinds {@link GridRepair} can fix without a person deciding anything. */
    public boolean repairable() {
        return this == INVALID_GEOMETRY || this == TOO_FEW_POINTS || this == UNCLOSED_RING || this == LAT_LON_SWAPPED
                || this == OVERLAP;
    }
}
