package org.gridcommand.feed.track;

import java.util.BitSet;
import java.util.List;
import org.gridcommand.geo.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * A small grid cut into square cells of a fixed size in a local metric (equirectangular) projection centred
 * on the grid: a cell belongs to the grid when its centre lies in the grid's polygon (tested with a JTS
 * {@link PreparedGeometry}; an invalid polygon is repaired with {@link GeometryFixer} first, since JTS
 * predicates throw on invalid input). Cells are numbered row by row from the south-west, {@code row * cols +
 * col}. Immutable.
 */
public final class CellRaster {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final LocalMetres proj;
    private final double cellMetres;
    private final double minX;
    private final double minY;
    private final int cols;
    private final int rows;
    private final BitSet inside;
    private final int insideCount;
    private final boolean repaired;

    /** area: lon/lat polygon(s); cellMetres: cell side. */
    public CellRaster(Geometry area, double cellMetres) {
        if (!(cellMetres > 0)) {
            throw new IllegalArgumentException("cell side must be positive, got " + cellMetres);
        }
        Geometry geometry = area;
        boolean fixed = false;
        if (geometry != null && !geometry.isEmpty() && !geometry.isValid()) {
            geometry = GeometryFixer.fix(geometry);
            fixed = true;
        }
        this.repaired = fixed;
        this.cellMetres = cellMetres;
        if (geometry == null || geometry.isEmpty()) {
            this.proj = new LocalMetres(0, 0);
            this.minX = 0;
            this.minY = 0;
            this.cols = 0;
            this.rows = 0;
            this.inside = new BitSet();
            this.insideCount = 0;
            return;
        }
        Envelope env = geometry.getEnvelopeInternal();
        this.proj = new LocalMetres((env.getMinX() + env.getMaxX()) / 2, (env.getMinY() + env.getMaxY()) / 2);
        this.minX = proj.x(env.getMinX());
        this.minY = proj.y(env.getMinY());
        this.cols = Math.max(1, (int) Math.ceil((proj.x(env.getMaxX()) - minX) / cellMetres));
        this.rows = Math.max(1, (int) Math.ceil((proj.y(env.getMaxY()) - minY) / cellMetres));
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(geometry);
        BitSet in = new BitSet(cols * rows);
        for (int r = 0; r < rows; r++) {
            double lat = proj.lat(minY + (r + 0.5) * cellMetres);
            for (int c = 0; c < cols; c++) {
                double lon = proj.lon(minX + (c + 0.5) * cellMetres);
                if (prepared.intersects(GEOMETRY.createPoint(new Coordinate(lon, lat)))) {
                    in.set(r * cols + c);
                }
            }
        }
        this.inside = in;
        this.insideCount = in.cardinality();
    }

    public double cellMetres() {
        return cellMetres;
    }

    public int cols() {
        return cols;
    }

    public int rows() {
        return rows;
    }

    /** Cells whose centre lies in the grid. */
    public int insideCount() {
        return insideCount;
    }

    public boolean isInside(int cell) {
        return inside.get(cell);
    }

    /** Whether the grid's polygon was invalid and repaired before cutting. */
    public boolean repaired() {
        return repaired;
    }

    /** The cell holding the position, or -1 outside the raster's rectangle. */
    public int cellOf(double lon, double lat) {
        double u = (proj.x(lon) - minX) / cellMetres;
        double v = (proj.y(lat) - minY) / cellMetres;
        if (!(u >= 0 && u < cols && v >= 0 && v < rows)) {
            return -1;
        }
        return (int) v * cols + (int) u;
    }

    public GeoPoint cellCentre(int cell) {
        int r = cell / cols;
        int c = cell % cols;
        return new GeoPoint(proj.lon(minX + (c + 0.5) * cellMetres), proj.lat(minY + (r + 0.5) * cellMetres));
    }

    /** The cell's corners, south-west first, counter-clockwise (for drawing a coverage layer). */
    public List<GeoPoint> cellCorners(int cell) {
        int r = cell / cols;
        int c = cell % cols;
        double w = proj.lon(minX + c * cellMetres);
        double e = proj.lon(minX + (c + 1) * cellMetres);
        double s = proj.lat(minY + r * cellMetres);
        double n = proj.lat(minY + (r + 1) * cellMetres);
        return List.of(new GeoPoint(w, s), new GeoPoint(e, s), new GeoPoint(e, n), new GeoPoint(w, n));
    }

    // ------------------------------------------------------------------------------------------- marking

    /** Raster coordinate u (cells east of the raster's west edge) of a longitude. */
    double u(double lon) {
        return (proj.x(lon) - minX) / cellMetres;
    }

    /** Raster coordinate v (cells north of the raster's south edge) of a latitude. */
    double v(double lat) {
        return (proj.y(lat) - minY) / cellMetres;
    }

    /** Marks the in-grid cell at raster coordinates (u, v) in visited. */
    void markPoint(double u, double v, BitSet visited) {
        if (u >= 0 && u < cols && v >= 0 && v < rows) {
            int cell = (int) v * cols + (int) u;
            if (inside.get(cell)) {
                visited.set(cell);
            }
        }
    }

    /**
     * Marks every in-grid cell the segment (u0, v0)–(u1, v1) passes through (Amanatides–Woo traversal of the
     * part clipped to the raster).
     */
    void markSegment(double u0, double v0, double u1, double v1, BitSet visited) {
        double du = u1 - u0;
        double dv = v1 - v0;
        // Liang–Barsky clip to [0, cols] x [0, rows].
        double t0 = 0;
        double t1 = 1;
        double[] p = {-du, du, -dv, dv};
        double[] q = {u0, cols - u0, v0, rows - v0};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return;
                }
            } else {
                double r = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
                if (t0 > t1) {
                    return;
                }
            }
        }
        double ua = u0 + t0 * du;
        double va = v0 + t0 * dv;
        double ub = u0 + t1 * du;
        double vb = v0 + t1 * dv;
        int cx = clamp((int) Math.floor(ua), cols);
        int cy = clamp((int) Math.floor(va), rows);
        int ex = clamp((int) Math.floor(ub), cols);
        int ey = clamp((int) Math.floor(vb), rows);
        mark(cx, cy, visited);
        double su = ub - ua;
        double sv = vb - va;
        int stepX = su > 0 ? 1 : -1;
        int stepY = sv > 0 ? 1 : -1;
        double tMaxX = su != 0 ? ((stepX > 0 ? cx + 1 : cx) - ua) / su : Double.POSITIVE_INFINITY;
        double tMaxY = sv != 0 ? ((stepY > 0 ? cy + 1 : cy) - va) / sv : Double.POSITIVE_INFINITY;
        double tDeltaX = su != 0 ? Math.abs(1 / su) : Double.POSITIVE_INFINITY;
        double tDeltaY = sv != 0 ? Math.abs(1 / sv) : Double.POSITIVE_INFINITY;
        int steps = Math.abs(ex - cx) + Math.abs(ey - cy);
        for (int s = 0; s < steps && (cx != ex || cy != ey); s++) {
            if (tMaxX < tMaxY) {
                cx += stepX;
                tMaxX += tDeltaX;
            } else {
                cy += stepY;
                tMaxY += tDeltaY;
            }
            if (cx < 0 || cx >= cols || cy < 0 || cy >= rows) {
                return;
            }
            mark(cx, cy, visited);
        }
    }

    private void mark(int cx, int cy, BitSet visited) {
        int cell = cy * cols + cx;
        if (inside.get(cell)) {
            visited.set(cell);
        }
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }
}
