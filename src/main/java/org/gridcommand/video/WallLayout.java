package org.gridcommand.video;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a video wall is divided: a rows × cols grid of squares covered by cells, each cell one tile that may span
 * several squares. Plain data, no JavaFX.
 *
 * <p>Rules, checked on construction with a message that names the layout, the cell and the square:
 * <ul>
 *   <li>1 to {@link #MAX_SIDE} rows and columns;</li>
 *   <li>every cell lies inside the grid, spans at least one square each way;</li>
 *   <li>no two cells overlap;</li>
 *   <li><b>no holes</b>: every square is covered by a cell — a wall has no dark gaps, and the tile count is then
 *       simply the cell count.</li>
 * </ul>
 * Cells are numbered in reading order of their top-left squares (row by row, left to right), whatever order
 * they were given in; tile {@code i} of the wall sits in cell {@code i}.
 *
 * @param name  what the chooser and presets call the layout, e.g. {@code 3x3} or {@code 1+5}
 * @param rows  rows of squares
 * @param cols  columns of squares
 * @param cells the tiles' places, in reading order
 */
public record WallLayout(String name, int rows, int cols, List<Cell> cells) {
    /** The largest side: 8 × 8 = 64 tiles is far beyond what one seat decodes. */
    public static final int MAX_SIDE = 8;

    private static final Pattern GRID = Pattern.compile("\\s*(\\d{1,2})\\s*[xX×*]\\s*(\\d{1,2})\\s*");

    /** One tile's place: its top-left square and how many rows and columns it spans. */
    public record Cell(int row, int col, int rowSpan, int colSpan) {
        public Cell {
            if (row < 0 || col < 0) {
                throw new IllegalArgumentException("a cell starts at row " + row + ", col " + col
                        + ": row and col count from 0");
            }
            if (rowSpan < 1 || colSpan < 1) {
                throw new IllegalArgumentException("the cell at row " + row + ", col " + col + " spans "
                        + rowSpan + " row(s) × " + colSpan + " column(s): both must be at least 1");
            }
        }

        public static Cell single(int row, int col) {
            return new Cell(row, col, 1, 1);
        }

        boolean covers(int r, int c) {
            return r >= row && r < row + rowSpan && c >= col && c < col + colSpan;
        }

        @Override
        public String toString() {
            return "row " + row + ", col " + col + (rowSpan == 1 && colSpan == 1 ? "" : ", " + rowSpan + "×" + colSpan);
        }
    }

    public WallLayout {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a wall layout needs a name");
        }
        name = name.strip();
        String where = "layout '" + name + "'";
        if (rows < 1 || rows > MAX_SIDE || cols < 1 || cols > MAX_SIDE) {
            throw new IllegalArgumentException(where + ": " + rows + " rows × " + cols
                    + " columns; each must be 1 to " + MAX_SIDE);
        }
        Objects.requireNonNull(cells, where + ": cells");
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(where + ": no cells");
        }
        List<Cell> ordered = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell == null) {
                throw new IllegalArgumentException(where + ": cell " + (i + 1) + " is missing");
            }
            ordered.add(cell);
        }
        ordered.sort(Comparator.comparingInt(Cell::row).thenComparingInt(Cell::col));
        // Owner of each square, to report overlaps and holes by place.
        int[][] owner = new int[rows][cols];
        for (int i = 0; i < ordered.size(); i++) {
            Cell cell = ordered.get(i);
            if (cell.row() + cell.rowSpan() > rows || cell.col() + cell.colSpan() > cols) {
                throw new IllegalArgumentException(where + ": the cell at " + cell + " runs past the "
                        + (cell.row() + cell.rowSpan() > rows ? "bottom edge (" + rows + " rows)"
                                : "right edge (" + cols + " columns)"));
            }
            for (int r = cell.row(); r < cell.row() + cell.rowSpan(); r++) {
                for (int c = cell.col(); c < cell.col() + cell.colSpan(); c++) {
                    if (owner[r][c] != 0) {
                        throw new IllegalArgumentException(where + ": the cells at " + ordered.get(owner[r][c] - 1)
                                + " and at " + cell + " overlap at row " + r + ", col " + c);
                    }
                    owner[r][c] = i + 1;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (owner[r][c] == 0) {
                    throw new IllegalArgumentException(where + ": no cell covers row " + r + ", col " + c
                            + " (a wall layout may not leave holes)");
                }
            }
        }
        cells = List.copyOf(ordered);
    }

    /** rows × cols equal tiles, named e.g. {@code 3x4}. */
    public static WallLayout grid(int rows, int cols) {
        return withLargeCells(rows + "x" + cols, rows, cols, List.of());
    }

    /**
     * A grid where the given cells span several squares and every square they leave is a 1×1 tile, e.g. "1+5":
     * one 2×2 cell in a 3×3 grid and five single tiles around it.
     */
    public static WallLayout withLargeCells(String name, int rows, int cols, List<Cell> large) {
        Objects.requireNonNull(large, "large");
        List<Cell> cells = new ArrayList<>(large);
        if (rows >= 1 && rows <= MAX_SIDE && cols >= 1 && cols <= MAX_SIDE) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int row = r;
                    int col = c;
                    if (large.stream().noneMatch(cell -> cell != null && cell.covers(row, col))) {
                        cells.add(Cell.single(r, c));
                    }
                }
            }
        }
        return new WallLayout(name, rows, cols, cells);
    }

    /** One 2×2 tile top left and five around it in a 3×3 grid. */
    public static WallLayout onePlusFive() {
        return withLargeCells("1+5", 3, 3, List.of(new Cell(0, 0, 2, 2)));
    }

    /** One 3×3 tile top left and seven around it in a 4×4 grid. */
    public static WallLayout onePlusSeven() {
        return withLargeCells("1+7", 4, 4, List.of(new Cell(0, 0, 3, 3)));
    }

    /**
     * Reads a grid the way an officer types it: {@code 3x4} (also {@code 3×4}, {@code 3*4}) for 3 rows of 4, or
     * a square tile count {@code 1}, {@code 4}, {@code 9}, {@code 16} … for that many equal tiles.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static WallLayout parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no layout given (use rows x cols, e.g. 3x4, or 1, 4, 9, 16)");
        }
        Matcher grid = GRID.matcher(text);
        if (grid.matches()) {
            return checkedGrid(text, Integer.parseInt(grid.group(1)), Integer.parseInt(grid.group(2)));
        }
        String count = text.strip();
        if (count.matches("\\d{1,3}")) {
            int tiles = Integer.parseInt(count);
            int side = (int) Math.round(Math.sqrt(tiles));
            if (tiles < 1 || side * side != tiles) {
                throw new IllegalArgumentException("layout '" + count + "': " + tiles
                        + " tiles is not a square (1, 4, 9, 16 …); give rows x cols instead, e.g. 2x3");
            }
            return checkedGrid(text, side, side);
        }
        throw new IllegalArgumentException("layout '" + text.strip()
                + "' is not a grid (use rows x cols, e.g. 3x4, or 1, 4, 9, 16)");
    }

    private static WallLayout checkedGrid(String text, int rows, int cols) {
        if (rows < 1 || rows > MAX_SIDE || cols < 1 || cols > MAX_SIDE) {
            throw new IllegalArgumentException("layout '" + text.strip() + "': " + rows + " rows × " + cols
                    + " columns; each must be 1 to " + MAX_SIDE);
        }
        return grid(rows, cols);
    }

    /** How many tiles the layout shows. */
    public int size() {
        return cells.size();
    }

    public Cell cell(int index) {
        return cells.get(index);
    }

    /** Whether every cell is a single square. */
    public boolean isUniform() {
        return cells.size() == rows * cols;
    }

    /** e.g. "1+5 (3×3, 6 tiles)" for logs and messages. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (%d×%d, %d tiles)", name, rows, cols, cells.size());
    }
}
