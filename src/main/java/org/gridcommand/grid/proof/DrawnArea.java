package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.gridcommand.grid.proof.ProofGeometry.LocalPlane;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The area of a polygon as drawn, in m²: what a map fills when it draws the rings, by the even-odd rule (a point is
 * inside when a ray from it crosses the rings an odd number of times). For a valid polygon that is its area; for a
 * ring that crosses itself it counts every lobe once, where the signed shoelace sum would let a lobe drawn the
 * other way round cancel its neighbour (a bow-tie would measure 0 m²). So "as drawn" beside the area after a repair
 * says whether the repair kept what the file showed.
 */
final class DrawnArea {
    private DrawnArea() {
    }

    /** Each polygon of a polygonal geometry (WGS-84) as drawn, added up. */
    static double m2(Geometry lonLat, LocalPlane plane) {
        double sum = 0;
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            if (lonLat.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                sum += polygonM2((Polygon) plane.toPlane(p));
            }
        }
        return sum;
    }

    private static double polygonM2(Polygon p) {
        if (IsValidOp.isValid(p)) {
            return p.getArea();
        }
        List<LinearRing> rings = new ArrayList<>();
        rings.add(p.getExteriorRing());
        for (int r = 0; r < p.getNumInteriorRing(); r++) {
            rings.add(p.getInteriorRingN(r));
        }
        try {
            // Node the rings where they cross, take every face they enclose, and keep the faces drawn filled.
            Geometry noded = OverlayNGRobust.union(p.getFactory().createMultiLineString(rings.toArray(LineString[]::new)));
            Polygonizer polygonizer = new Polygonizer();
            polygonizer.add(noded);
            @SuppressWarnings("unchecked")
            Collection<Polygon> faces = polygonizer.getPolygons();
            double area = 0;
            for (Polygon face : faces) {
                Coordinate inside = face.getInteriorPoint().getCoordinate();
                int crossings = 0;
                for (LinearRing ring : rings) {
                    if (RayCrossingCounter.locatePointInRing(inside, ring.getCoordinateSequence()) == Location.INTERIOR) {
                        crossings++;
                    }
                }
                if (crossings % 2 == 1) {
                    area += face.getArea();
                }
            }
            return area;
        } catch (RuntimeException e) {
            // Rings too broken to node: the shoelace sum is the best measure left.
            double area = Math.abs(Area.ofRingSigned(p.getExteriorRing().getCoordinateSequence()));
            for (int r = 1; r < rings.size(); r++) {
                area -= Math.abs(Area.ofRingSigned(rings.get(r).getCoordinateSequence()));
            }
            return Math.max(0, area);
        }
    }
}
