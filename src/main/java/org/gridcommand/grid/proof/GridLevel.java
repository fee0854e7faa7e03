package org.gridcommand.grid.proof;

/** The two levels of the grid: big grids (大网格, communities) and the small grids (小网格) they are cut into. */
public enum GridLevel {
    BIG, SMALL;

    /** "big grid" or "small grid". */
    public String noun() {
        return this == BIG ? "big grid" : "small grid";
    }
}
