package org.gridcommand.wall;

import java.util.List;
import java.util.Objects;

/**
 * Which panel goes where on the wall display: a grid of {@code columns × rows} equal cells, each panel covering
 * a rectangle of cells. A panel that names several kinds rotates through them every {@code rotateSeconds}.
 * Built only through {@link WallDisplayLayoutReader} or {@link #of}, which check that panels stay inside the grid
 * and do not overlap.
 */
public record WallDisplayLayout(int columns, int rows, int rotateSeconds, List<Panel> panels) {
    public static final int MAX_CELLS_PER_SIDE = 12;

    /** One panel: its kinds (rotating when more than one), its cells, and for a video panel its tile grid. */
    public record Panel(List<WallPanelKind> kinds, int column, int row, int columnSpan, int rowSpan, int videoColumns,
                        int videoRows) {
        public Panel {
            kinds = List.copyOf(kinds);
        }

        public boolean rotates() {
            return kinds.size() > 1;
        }

        boolean covers(int c, int r) {
            return c >= column && c < column + columnSpan && r >= row && r < row + rowSpan;
        }
    }

    public WallDisplayLayout {
        panels = List.copyOf(panels);
    }

    /**
     * A checked layout; the message of the exception names the panel (by its position in the list, from 1) and
     * what is wrong.
     *
     * @throws IllegalArgumentException when the grid is empty or too large, a panel leaves the grid, has no kind,
     *                                  or overlaps an earlier panel
     */
    public static WallDisplayLayout of(int columns, int rows, int rotateSeconds, List<Panel> panels) {
        if (columns < 1 || rows < 1 || columns > MAX_CELLS_PER_SIDE || rows > MAX_CELLS_PER_SIDE) {
            throw new IllegalArgumentException("the grid must have 1 to " + MAX_CELLS_PER_SIDE
                    + " columns and rows, got " + columns + " x " + rows);
        }
        if (rotateSeconds < 3) {
            throw new IllegalArgumentException("rotateSeconds must be at least 3 (a panel readable before it turns), got "
                    + rotateSeconds);
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("the layout has no panels");
        }
        for (int i = 0; i < panels.size(); i++) {
            Panel p = Objects.requireNonNull(panels.get(i), "panel");
            String where = "panel " + (i + 1);
            if (p.kinds().isEmpty()) {
                throw new IllegalArgumentException(where + ": shows nothing (give at least one of "
                        + WallPanelKind.choices() + ")");
            }
            if (p.columnSpan() < 1 || p.rowSpan() < 1) {
                throw new IllegalArgumentException(where + ": spans must be 1 or more, got " + p.columnSpan() + " x "
                        + p.rowSpan());
            }
            if (p.column() < 0 || p.row() < 0 || p.column() + p.columnSpan() > columns
                    || p.row() + p.rowSpan() > rows) {
                throw new IllegalArgumentException(where + ": cells from column " + p.column() + ", row " + p.row()
                        + " spanning " + p.columnSpan() + " x " + p.rowSpan() + " leave the " + columns + " x " + rows
                        + " grid (columns and rows count from 0)");
            }
            if (p.kinds().contains(WallPanelKind.VIDEO) && (p.videoColumns() < 1 || p.videoRows() < 1
                    || p.videoColumns() * p.videoRows() > 25)) {
                throw new IllegalArgumentException(where + ": a video panel needs 1 to 25 tiles, got "
                        + p.videoColumns() + " x " + p.videoRows());
            }
            for (int j = 0; j < i; j++) {
                Panel earlier = panels.get(j);
                for (int c = p.column(); c < p.column() + p.columnSpan(); c++) {
                    for (int r = p.row(); r < p.row() + p.rowSpan(); r++) {
                        if (earlier.covers(c, r)) {
                            throw new IllegalArgumentException(where + ": overlaps panel " + (j + 1) + " at column " + c
                                    + ", row " + r);
                        }
                    }
                }
            }
        }
        return new WallDisplayLayout(columns, rows, rotateSeconds, panels);
    }
}
