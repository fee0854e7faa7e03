package org.gridcommand.bench.locate;

import java.util.List;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The plain JTS way to find a point's grid, the baseline of {@code bench locate}: candidates from an STRtree
 * of the grids' envelopes, then the first prepared grid that covers the point. The locator's tests use it as
 * their independent answer away from grid edges (on an edge the two ownership rules may differ).
 */
public final class JtsBaselineLocator {
    private final STRtree tree = new STRtree();
    private final PreparedGeometry[] prepared;
    private final GeometryFactory factory = new GeometryFactory();

    /** @param grids the grids in {@link GridLocator#grids()} order, so both answer with the same indexes */
    public JtsBaselineLocator(List<SmallGrid> grids) {
        this.prepared = new PreparedGeometry[grids.size()];
        for (int i = 0; i < grids.size(); i++) {
            prepared[i] = PreparedGeometryFactory.prepare(grids.get(i).area());
            tree.insert(grids.get(i).area().getEnvelopeInternal(), i);
        }
        tree.build();
    }

    /** Index of the first grid that covers the point, or {@link GridLocator#OUTSIDE}. */
    public int locateIndex(double x, double y) {
        List<?> candidates = tree.query(new Envelope(x, x, y, y));
        if (candidates.isEmpty()) {
            return GridLocator.OUTSIDE;
        }
        Point p = factory.createPoint(new Coordinate(x, y));
        for (Object c : candidates) {
            int g = (Integer) c;
            if (prepared[g].covers(p)) {
                return g;
            }
        }
        return GridLocator.OUTSIDE;
    }
}
