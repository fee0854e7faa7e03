package org.gridcommand.address;

/** The named defects of an address register file; a warning does not stop an import, an error does. */
public enum AddressProblemKind {
    UNREADABLE_FILE(false),
    MISSING_COLUMN(false),
    UNKNOWN_COLUMN(true),
    BAD_ROW(false),
    MISSING_FIELD(false),
    FIELD_TOO_LONG(false),
    BAD_CODE(false),
    DUPLICATE_CODE(false),
    BAD_KIND(false),
    /** A kind without the parts that make it: a house with no road or number, a unit with no building. */
    MISSING_PART(false),
    /** A house, building or unit number that is not a number as door plates write them. */
    BAD_NUMBER(false),
    /** Two entries with the same full address: a search could not tell them apart. */
    DUPLICATE_ADDRESS(false),
    NOT_A_NUMBER(false),
    COORDINATE_OUT_OF_RANGE(false),
    LAT_LON_SWAPPED(false),
    BAD_DATUM(false),
    /** The point lies in no small grid of the district: it cannot be an address of this district. */
    OUTSIDE_GRIDS(false),
    /** The file's grid code is not the grid the point lies in; the point's grid is taken. */
    GRID_MISMATCH(true);

    private final boolean warning;

    AddressProblemKind(boolean warning) {
        this.warning = warning;
    }

    public boolean warning() {
        return warning;
    }
}
