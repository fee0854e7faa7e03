package org.gridcommand.grid;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Answers "which small grid is this point in?" for one district, fast enough to run for every GPS fix,
 * every case and every mouse move.
 *
 * <p><b>How.</b> The district's bounding box is cut into a uniform index of cells (512 × 512 by default).
 * A cell that no grid edge touches lies wholly inside one grid (or wholly outside the district), so its
 * answer is stored and a query costs one array read. A cell that edges cross keeps the short list of grids
 * that can own its points, and the query runs a crossing-number test over those grids' raw coordinates
 * (holes and multi-part grids included: the parity of crossings over all rings of a grid is its inside).
 *
 * <p><b>Who owns a point on an edge.</b> Every point of the district has exactly one owner:
 * <ul>
 * <li>A point on an edge shared by two grids belongs to the grid <em>east</em> of it (right-hand side); on
 * an east–west edge, to the grid <em>north</em> of it; on a vertex, to the grid that holds the points just
 * east and a little north of it. (Half-open crossing rule: the point behaves as if moved an infinitesimal
 * step east, then an even smaller step north.) Both grids evaluate a shared edge with the same arithmetic on
 * the same canonical endpoints, so rounding can never hand the point to both or to neither.</li>
 * <li>The district's outer boundary (and the boundary of any hole no grid fills) counts as inside: a point
 * exactly on it belongs to the one grid it bounds, as JTS {@code covers} would say.</li>
 * <li>Where grids overlap (invalid data that {@code grids validate} rejects), the lowest grid code wins.</li>
 * </ul>
 * Neighbours must share the vertices of their common boundary (as the demo generator and a validated import
 * produce); where one grid has a vertex in the middle of its neighbour's straight edge, a point on that edge
 * may still get one owner per side.
 *
 * <p><b>Threads.</b> Immutable after construction; {@link #locate} and {@link #locateIndex} allocate nothing
 * and may be called from any number of threads.
 */
public final class GridLocator {
    /** Cells per side of the index: a demo cell is ~16 × 14 m, and ~5 % of cells carry an edge. */
    public static final int DEFAULT_RESOLUTION = 512;
    /** {@link #locateIndex} for a point outside every grid. */
    public static final int OUTSIDE = -1;

    private static final double METRES_PER_DEG_LAT = 110_574;
    private static final double METRES_PER_DEG_LON_EQUATOR = 111_320;
    /** Shewchuk's error bound for the floating-point orientation determinant (orient2d, stage A). */
    private static final double CCW_ERR_BOUND = (3.0 + 16.0 * 0x1p-53) * 0x1p-53;

    private final List<SmallGrid> grids;
    private final List<Optional<SmallGrid>> answers;
    private final Map<String, Optional<BigGrid>> bigGridsByCode;

    /** Per non-horizontal edge, canonical (lower end first): x0, y0, yTop, dx/dy. */
    private final double[] edges;
    /** Edges of grid g are [edgeStart[g], edgeStart[g + 1]). */
    private final int[] edgeStart;
    /** Per grid: minX, minY, maxX, maxY. */
    private final double[] gridBox;

    /** Segments that belong to one grid only (outline, unfilled holes): x0, y0, x1, y1. */
    private final double[] outline;
    private final int[] outlineOwner;

    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final double cellsPerX;
    private final double cellsPerY;
    private final int cols;
    private final int rows;
    /** Per cell: grid index (whole cell in that grid), OUTSIDE, or -2 - offset of the cell's list in lists. */
    private final int[] cells;
    /** Per boundary cell: n, n candidate grid indices, m, m outline segment indices. */
    private final int[] lists;

    public GridLocator(District district) {
        this(district, DEFAULT_RESOLUTION);
    }

    /** resolution: cells per side of the index (more cells, fewer edge tests per query, more memory). */
    public GridLocator(District district, int resolution) {
        if (resolution < 1 || resolution > 4096) {
            throw new IllegalArgumentException("resolution must be 1..4096, got " + resolution);
        }
        this.grids = district.smallGrids();
        int n = grids.size();
        List<Optional<SmallGrid>> opt = new ArrayList<>(n);
        for (SmallGrid g : grids) {
            opt.add(Optional.of(g));
        }
        this.answers = List.copyOf(opt);
        Map<String, Optional<BigGrid>> big = new HashMap<>();
        for (BigGrid b : district.bigGrids()) {
            big.put(b.code(), Optional.of(b));
        }
        this.bigGridsByCode = Map.copyOf(big);

        Segments segments = new Segments(n);
        for (int g = 0; g < n; g++) {
            segments.addGrid(g, grids.get(g).area());
        }
        this.edges = segments.edges();
        this.edgeStart = segments.edgeStart;
        this.gridBox = segments.gridBox;
        this.outline = segments.outline();
        this.outlineOwner = segments.outlineOwner();

        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < n; g++) {
            x0 = Math.min(x0, gridBox[4 * g]);
            y0 = Math.min(y0, gridBox[4 * g + 1]);
            x1 = Math.max(x1, gridBox[4 * g + 2]);
            y1 = Math.max(y1, gridBox[4 * g + 3]);
        }
        if (n == 0) {
            x0 = y0 = 0;
            x1 = y1 = 1;
        }
        // Padding keeps points on the outermost edges inside the index, whatever the rounding of the cell maths.
        double pad = Math.max(x1 - x0, y1 - y0) * 1e-6 + 1e-9;
        this.minX = x0 - pad;
        this.minY = y0 - pad;
        this.maxX = x1 + pad;
        this.maxY = y1 + pad;
        this.cols = resolution;
        this.rows = resolution;
        this.cellsPerX = cols / (maxX - minX);
        this.cellsPerY = rows / (maxY - minY);
        this.cells = new int[cols * rows];
        this.lists = buildIndex(segments);
    }

    /** The small grid containing the point (WGS-84 lon/lat), or empty outside the district. */
    public Optional<SmallGrid> locate(double lon, double lat) {
        int g = locateIndex(lon, lat);
        return g < 0 ? Optional.empty() : answers.get(g);
    }

    /** Like {@link #locate}, as an index into {@link #grids()} or {@link #OUTSIDE}. */
    public int locateIndex(double lon, double lat) {
        // Written so NaN falls out here too.
        if (!(lon >= minX && lon <= maxX && lat >= minY && lat <= maxY)) {
            return OUTSIDE;
        }
        int cx = Math.min((int) ((lon - minX) * cellsPerX), cols - 1);
        int cy = Math.min((int) ((lat - minY) * cellsPerY), rows - 1);
        int code = cells[cy * cols + cx];
        if (code >= OUTSIDE) {
            return code;
        }
        int at = -2 - code;
        int candidates = lists[at];
        for (int k = 1; k <= candidates; k++) {
            int g = lists[at + k];
            if (contains(g, lon, lat)) {
                return g;
            }
        }
        at += candidates + 1;
        int onOutline = lists[at];
        for (int k = 1; k <= onOutline; k++) {
            int s = lists[at + k];
            if (onOutline(s, lon, lat)) {
                return outlineOwner[s];
            }
        }
        return OUTSIDE;
    }

    /** The big grid a small grid belongs to, when the district has it. */
    public Optional<BigGrid> bigGridOf(SmallGrid grid) {
        return bigGridsByCode.getOrDefault(grid.bigGridCode(), Optional.empty());
    }

    /** The small grids in index order (by code). */
    public List<SmallGrid> grids() {
        return grids;
    }

    /** The grid at an index returned by {@link #locateIndex}. */
    public SmallGrid grid(int index) {
        return grids.get(index);
    }

    /** A grid of the district's outline nearest to a point, and the distance to that outline in metres. */
    public record Nearest(SmallGrid grid, double metres) {
    }

    /**
     * The grid whose outer boundary (the district's outline, or an unfilled hole) lies nearest to the point,
     * for telling a caller how far outside the district a point is. Empty when the district has no grids.
     * Not on the hot path: it scans every outline segment.
     */
    public Optional<Nearest> nearestOutline(double lon, double lat) {
        if (outlineOwner.length == 0) {
            return Optional.empty();
        }
        // Local equirectangular metres around the query point choose the segment; haversine gives the distance.
        double kx = METRES_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(lat));
        double ky = METRES_PER_DEG_LAT;
        double best = Double.POSITIVE_INFINITY;
        double bestLon = lon;
        double bestLat = lat;
        int owner = -1;
        for (int s = 0; s < outlineOwner.length; s++) {
            double ax = (outline[4 * s] - lon) * kx;
            double ay = (outline[4 * s + 1] - lat) * ky;
            double bx = (outline[4 * s + 2] - lon) * kx;
            double by = (outline[4 * s + 3] - lat) * ky;
            double dx = bx - ax;
            double dy = by - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double px = ax + t * dx;
            double py = ay + t * dy;
            double d2 = px * px + py * py;
            if (d2 < best) {
                best = d2;
                owner = outlineOwner[s];
                bestLon = outline[4 * s] + t * (outline[4 * s + 2] - outline[4 * s]);
                bestLat = outline[4 * s + 1] + t * (outline[4 * s + 3] - outline[4 * s + 1]);
            }
        }
        return Optional.of(new Nearest(grids.get(owner), haversine(lon, lat, bestLon, bestLat)));
    }

    /**
     * Every grid that claims the point when each is asked on its own, without the cell index: the grids whose
     * half-open test holds or, when none does, the lowest-index grid whose outline holds it. Lets tests prove
     * the ownership rule itself (never two owners, never none inside), not just the index built on it.
     */
    int[] owners(double lon, double lat) {
        int[] found = new int[grids.size()];
        int count = 0;
        for (int g = 0; g < grids.size(); g++) {
            if (contains(g, lon, lat)) {
                found[count++] = g;
            }
        }
        if (count == 0) {
            for (int s = 0; s < outlineOwner.length; s++) {
                if (onOutline(s, lon, lat)) {
                    return new int[] {outlineOwner[s]};
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    // ------------------------------------------------------------------------------------------- queries

    /** Half-open crossing number over all rings of grid g (see the class comment for the edge rule). */
    private boolean contains(int g, double x, double y) {
        boolean inside = false;
        double[] e = edges;
        for (int i = edgeStart[g] * 4, end = edgeStart[g + 1] * 4; i < end; i += 4) {
            double y0 = e[i + 1];
            if (y >= y0 && y < e[i + 2] && x < e[i] + (y - y0) * e[i + 3]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /**
     * On outline segment s: exactly on it, or a tie of the crossing test on it. The tie matters because the
     * crossing test rounds: a point it sees exactly on an east-side outline edge must not fall out of the
     * district just because the exact line passes a rounding error away.
     */
    private boolean onOutline(int s, double x, double y) {
        double x0 = outline[4 * s];
        double y0 = outline[4 * s + 1];
        double x1 = outline[4 * s + 2];
        double y1 = outline[4 * s + 3];
        // Same expression as the slope stored for the crossing test, so the tie is detected bit for bit.
        if (y0 != y1 && y >= y0 && y <= y1 && x == x0 + (y - y0) * ((x1 - x0) / (y1 - y0))) {
            return true;
        }
        return onSegment(x, y, x0, y0, x1, y1);
    }

    /** Exactly on the closed segment: filtered floating-point orientation, exact arithmetic when in doubt. */
    static boolean onSegment(double x, double y, double x0, double y0, double x1, double y1) {
        if (x < Math.min(x0, x1) || x > Math.max(x0, x1) || y < Math.min(y0, y1) || y > Math.max(y0, y1)) {
            return false;
        }
        double left = (x0 - x) * (y1 - y);
        double right = (y0 - y) * (x1 - x);
        double det = left - right;
        if (Math.abs(det) > CCW_ERR_BOUND * (Math.abs(left) + Math.abs(right))) {
            return false;
        }
        BigDecimal bx = new BigDecimal(x);
        BigDecimal by = new BigDecimal(y);
        BigDecimal exact = new BigDecimal(x0).subtract(bx).multiply(new BigDecimal(y1).subtract(by))
                .subtract(new BigDecimal(y0).subtract(by).multiply(new BigDecimal(x1).subtract(bx)));
        return exact.signum() == 0;
    }

    private static double haversine(double lon1, double lat1, double lon2, double lat2) {
        double r = 6_371_008.8;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    // ------------------------------------------------------------------------------------------- index

    private int[] buildIndex(Segments segments) {
        int n = grids.size();
        double cellW = 1 / cellsPerX;
        double cellH = 1 / cellsPerY;
        // Any edge within this distance of a cell counts as touching it, so the rounding of the cell maths in
        // locateIndex can never put a point in a cell whose "whole cell in grid k" answer is wrong for it.
        double margin = Math.min(cellW, cellH) * 1e-6 + Math.ulp(Math.max(Math.abs(maxX), Math.abs(maxY))) * 64;

        PairList gridPairs = new PairList();
        PairList outlinePairs = new PairList();
        double[] all = segments.allSegments();
        int[] allOwner = segments.allOwner();
        for (int s = 0; s < allOwner.length; s++) {
            rasterise(all[4 * s], all[4 * s + 1], all[4 * s + 2], all[4 * s + 3], margin, cellW, cellH,
                    allOwner[s], n, gridPairs);
        }
        for (int s = 0; s < outlineOwner.length; s++) {
            rasterise(outline[4 * s], outline[4 * s + 1], outline[4 * s + 2], outline[4 * s + 3], margin, cellW, cellH,
                    s, outlineOwner.length, outlinePairs);
        }
        long[] gp = gridPairs.sortedDistinct();
        long[] op = outlinePairs.sortedDistinct();

        boolean[] touched = new boolean[cells.length];
        for (long p : gp) {
            touched[(int) (p / Math.max(n, 1))] = true;
        }

        // Untouched cells: a 4-connected run of them lies in one grid (no edge passes between them), so one
        // point-in-grid test per run answers the whole run.
        Arrays.fill(cells, Integer.MIN_VALUE);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < cells.length; c++) {
            if (touched[c] || cells[c] != Integer.MIN_VALUE) {
                continue;
            }
            int cx = c % cols;
            int cy = c / cols;
            int answer = firstContaining(minX + (cx + 0.5) * cellW, minY + (cy + 0.5) * cellH);
            cells[c] = answer;
            queue.add(c);
            while (!queue.isEmpty()) {
                int q = queue.poll();
                int qx = q % cols;
                int qy = q / cols;
                if (qx > 0) {
                    visit(q - 1, answer, touched, queue);
                }
                if (qx < cols - 1) {
                    visit(q + 1, answer, touched, queue);
                }
                if (qy > 0) {
                    visit(q - cols, answer, touched, queue);
                }
                if (qy < rows - 1) {
                    visit(q + cols, answer, touched, queue);
                }
            }
        }

        // Touched cells: the grids whose edges cross it, plus any grid that covers the cell's centre (only
        // possible where grids overlap), in index order so the lowest code wins; then its outline segments.
        IntList out = new IntList();
        int gi = 0;
        int oi = 0;
        int[] candidates = new int[n];
        boolean[] seen = new boolean[n];
        for (int c = 0; c < cells.length; c++) {
            if (!touched[c]) {
                continue;
            }
            int count = 0;
            while (gi < gp.length && gp[gi] / n == c) {
                int g = (int) (gp[gi] % n);
                candidates[count++] = g;
                seen[g] = true;
                gi++;
            }
            double px = minX + (c % cols + 0.5) * cellW;
            double py = minY + (c / cols + 0.5) * cellH;
            for (int g = 0; g < n; g++) {
                if (!seen[g] && inBox(g, px, py) && contains(g, px, py)) {
                    candidates[count++] = g;
                }
            }
            Arrays.sort(candidates, 0, count);
            cells[c] = -2 - out.size();
            out.add(count);
            for (int k = 0; k < count; k++) {
                out.add(candidates[k]);
                seen[candidates[k]] = false;
            }
            int mark = out.size();
            out.add(0);
            int segs = 0;
            int m = Math.max(outlineOwner.length, 1);
            while (oi < op.length && op[oi] / m < c) {
                oi++;
            }
            while (oi < op.length && op[oi] / m == c) {
                out.add((int) (op[oi] % m));
                segs++;
                oi++;
            }
            out.set(mark, segs);
        }
        return out.toArray();
    }

    private void visit(int q, int answer, boolean[] touched, ArrayDeque<Integer> queue) {
        if (!touched[q] && cells[q] == Integer.MIN_VALUE) {
            cells[q] = answer;
            queue.add(q);
        }
    }

    private int firstContaining(double x, double y) {
        for (int g = 0; g < grids.size(); g++) {
            if (inBox(g, x, y) && contains(g, x, y)) {
                return g;
            }
        }
        return OUTSIDE;
    }

    private boolean inBox(int g, double x, double y) {
        return x >= gridBox[4 * g] && x <= gridBox[4 * g + 2] && y >= gridBox[4 * g + 1] && y <= gridBox[4 * g + 3];
    }

    /** Records (cell, id) for every cell the segment passes within margin of. */
    private void rasterise(double x0, double y0, double x1, double y1, double margin, double cellW, double cellH,
                          int id, int ids, PairList pairs) {
        int ix0 = clamp((int) Math.floor((Math.min(x0, x1) - margin - minX) * cellsPerX), cols);
        int ix1 = clamp((int) Math.floor((Math.max(x0, x1) + margin - minX) * cellsPerX), cols);
        int iy0 = clamp((int) Math.floor((Math.min(y0, y1) - margin - minY) * cellsPerY), rows);
        int iy1 = clamp((int) Math.floor((Math.max(y0, y1) + margin - minY) * cellsPerY), rows);
        for (int iy = iy0; iy <= iy1; iy++) {
            double cy0 = minY + iy * cellH - margin;
            double cy1 = minY + (iy + 1) * cellH + margin;
            for (int ix = ix0; ix <= ix1; ix++) {
                double cx0 = minX + ix * cellW - margin;
                double cx1 = minX + (ix + 1) * cellW + margin;
                if (segmentHitsBox(x0, y0, x1, y1, cx0, cy0, cx1, cy1)) {
                    pairs.add((long) (iy * cols + ix) * ids + id);
                }
            }
        }
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size - 1, i));
    }

    /** Liang–Barsky clipping: does the segment meet the closed box? */
    static boolean segmentHitsBox(double x0, double y0, double x1, double y1,
                                  double bx0, double by0, double bx1, double by1) {
        double t0 = 0;
        double t1 = 1;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - bx0, bx1 - x0, y0 - by0, by1 - y0};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return false;
                }
            } else {
                double r = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------- building blocks

    /** The rings of every grid as segments: crossing-test edges per grid, and which segments are outline. */
    private static final class Segments {
        final int[] edgeStart;
        final double[] gridBox;
        private final DoubleList edges = new DoubleList();
        private final DoubleList all = new DoubleList();
        private final IntList allOwner = new IntList();
        private int edgeCount;
        private int current = -1;

        Segments(int grids) {
            edgeStart = new int[grids + 1];
            gridBox = new double[4 * grids];
        }

        void addGrid(int g, Geometry area) {
            current = g;
            edgeStart[g] = edgeCount;
            gridBox[4 * g] = Double.POSITIVE_INFINITY;
            gridBox[4 * g + 1] = Double.POSITIVE_INFINITY;
            gridBox[4 * g + 2] = Double.NEGATIVE_INFINITY;
            gridBox[4 * g + 3] = Double.NEGATIVE_INFINITY;
            if (area != null) {
                addAreal(area);
            }
            edgeStart[g + 1] = edgeCount;
        }

        private void addAreal(Geometry area) {
            for (int p = 0; p < area.getNumGeometries(); p++) {
                Geometry part = area.getGeometryN(p);
                if (part instanceof Polygon polygon) {
                    addRing(polygon.getExteriorRing());
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        addRing(polygon.getInteriorRingN(h));
                    }
                } else if (part != area && part instanceof GeometryCollection) {
                    addAreal(part);
                }
            }
        }

        private void addRing(LineString ring) {
            var seq = ring.getCoordinateSequence();
            int size = seq.size();
            for (int i = 0; i < size; i++) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                int g = current;
                gridBox[4 * g] = Math.min(gridBox[4 * g], x);
                gridBox[4 * g + 1] = Math.min(gridBox[4 * g + 1], y);
                gridBox[4 * g + 2] = Math.max(gridBox[4 * g + 2], x);
                gridBox[4 * g + 3] = Math.max(gridBox[4 * g + 3], y);
            }
            // Rings need not be closed in the data: the last vertex joins the first either way.
            for (int i = 0; i < size; i++) {
                int j = (i + 1) % size;
                double xa = seq.getX(i);
                double ya = seq.getY(i);
                double xb = seq.getX(j);
                double yb = seq.getY(j);
                if (xa == xb && ya == yb) {
                    continue;
                }
                // Canonical order (lower end first, then west end) so two grids sharing the edge compute the
                // very same crossing and the same segment key, whichever way their rings run.
                if (ya > yb || (ya == yb && xa > xb)) {
                    double t = xa;
                    xa = xb;
                    xb = t;
                    t = ya;
                    ya = yb;
                    yb = t;
                }
                all.add(xa, ya, xb, yb);
                allOwner.add(current);
                if (ya != yb) {
                    edges.add(xa, ya, yb, (xb - xa) / (yb - ya));
                    edgeCount++;
                }
            }
        }

        double[] edges() {
            return edges.toArray();
        }

        double[] allSegments() {
            return all.toArray();
        }

        int[] allOwner() {
            return allOwner.toArray();
        }

        private List<Integer> outlineIndices;

        /** Segments used by exactly one grid (counted over all grids, so a shared edge is never outline). */
        private List<Integer> outlineIndices() {
            if (outlineIndices == null) {
                double[] a = all.toArray();
                Map<SegmentKey, Integer> uses = new HashMap<>();
                for (int s = 0; s < allOwner.size(); s++) {
                    uses.merge(new SegmentKey(a[4 * s], a[4 * s + 1], a[4 * s + 2], a[4 * s + 3]), 1, Integer::sum);
                }
                List<Integer> out = new ArrayList<>();
                for (int s = 0; s < allOwner.size(); s++) {
                    if (uses.get(new SegmentKey(a[4 * s], a[4 * s + 1], a[4 * s + 2], a[4 * s + 3])) == 1) {
                        out.add(s);
                    }
                }
                outlineIndices = out;
            }
            return outlineIndices;
        }

        double[] outline() {
            double[] a = all.toArray();
            List<Integer> idx = outlineIndices();
            double[] out = new double[4 * idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                System.arraycopy(a, 4 * idx.get(k), out, 4 * k, 4);
            }
            return out;
        }

        int[] outlineOwner() {
            int[] owner = allOwner.toArray();
            return outlineIndices().stream().mapToInt(s -> owner[s]).toArray();
        }
    }

    private record SegmentKey(double x0, double y0, double x1, double y1) {
    }

    private static final class DoubleList {
        private double[] a = new double[256];
        private int size;

        void add(double v0, double v1, double v2, double v3) {
            if (size + 4 > a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v0;
            a[size++] = v1;
            a[size++] = v2;
            a[size++] = v3;
        }

        double[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class IntList {
        private int[] a = new int[256];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        void set(int index, int v) {
            a[index] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class PairList {
        private long[] a = new long[1024];
        private int size;

        void add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        long[] sortedDistinct() {
            long[] s = Arrays.copyOf(a, size);
            Arrays.sort(s);
            int k = 0;
            for (int i = 0; i < s.length; i++) {
                if (i == 0 || s[i] != s[i - 1]) {
                    s[k++] = s[i];
                }
            }
            return Arrays.copyOf(s, k);
        }
    }
}
