package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** Geometry helpers of the proof: one factory, robust overlays that keep only area, metres on a local plane. */
final class ProofGeometry {
    /** Lon/lat, SRID 4326, floating precision: coordinates are kept exactly as the file wrote them. */
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private ProofGeometry() {
    }

    /** The area-bearing part of an overlay result: where two grids merely touch, lines and points are dropped. */
    static Geometry polygonal(Geometry g) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        List<Polygon> nonEmpty = polygons.stream().filter(p -> !p.isEmpty()).toList();
        return g.getFactory().buildGeometry(nonEmpty.isEmpty() ? List.of(g.getFactory().createPolygon()) : nonEmpty);
    }

    static List<Polygon> parts(Geometry g) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        return polygons.stream().filter(p -> !p.isEmpty()).toList();
    }

    static Geometry intersection(Geometry a, Geometry b) {
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
    }

    static Geometry difference(Geometry a, Geometry b) {
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE));
    }

    static Geometry union(Collection<Geometry> geometries) {
        if (geometries.isEmpty()) {
            return FACTORY.createPolygon();
        }
        GeometryFactory factory = geometries.iterator().next().getFactory();
        return polygonal(OverlayNGRobust.union(factory.buildGeometry(new ArrayList<>(geometries))));
    }

    /** A point inside the area (not merely its centroid, which can fall outside an L-shaped grid). */
    static Coordinate inside(Geometry g) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        try {
            Coordinate c = g.getInteriorPoint().getCoordinate();
            if (c != null) {
                return c;
            }
        } catch (RuntimeException e) {
            // An invalid shape can defeat the interior-point scan; the middle of its box is still near it.
        }
        return g.getEnvelopeInternal().centre();
    }

    /**
     * WGS-84 lon/lat and metres on a plane around the district: x = N·cos φ·Δλ, y = M·Δφ with the ellipsoid's
     * radii of curvature at the district's middle. The area element is then M·N·cos φ, exact at the middle and
     * within a few parts per million across a district, so areas in m² need no projection library.
     */
    static final class LocalPlane {
        private static final double A = 6_378_137.0;
        private static final double E2 = 0.00669437999014;
        private static final GeometryFactory PLANE = new GeometryFactory(new PrecisionModel());

        private final double lon0;
        private final double lat0;
        private final double m;
        private final double n;

        LocalPlane(double lon0, double lat0) {
            this.lon0 = lon0;
            this.lat0 = lat0;
            double s = Math.sin(Math.toRadians(lat0));
            double w = 1 - E2 * s * s;
            this.m = A * (1 - E2) / (w * Math.sqrt(w));
            this.n = A / Math.sqrt(w);
        }

        static LocalPlane around(Collection<Geometry> geometries) {
            Envelope env = new Envelope();
            geometries.forEach(g -> env.expandToInclude(g.getEnvelopeInternal()));
            return env.isNull() ? new LocalPlane(0, 0) : new LocalPlane(env.centre().x, env.centre().y);
        }

        Geometry toPlane(Geometry lonLat) {
            Geometry g = PLANE.createGeometry(lonLat);
            g.apply(new Filter(true));
            g.geometryChanged();
            return g;
        }

        Geometry toLonLat(Geometry plane) {
            Geometry g = FACTORY.createGeometry(plane);
            g.apply(new Filter(false));
            g.geometryChanged();
            return g;
        }

        Coordinate toLonLat(Coordinate plane) {
            double lat = lat0 + Math.toDegrees(plane.y / m);
            double lon = lon0 + Math.toDegrees(plane.x / (n * Math.cos(Math.toRadians(lat))));
            return new Coordinate(lon, lat);
        }

        double areaM2(Geometry lonLat) {
            return toPlane(lonLat).getArea();
        }

        private final class Filter implements CoordinateSequenceFilter {
            private final boolean forward;

            Filter(boolean forward) {
                this.forward = forward;
            }

            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                if (forward) {
                    seq.setOrdinate(i, 0, n * Math.cos(Math.toRadians(y)) * Math.toRadians(x - lon0));
                    seq.setOrdinate(i, 1, m * Math.toRadians(y - lat0));
                } else {
                    Coordinate c = toLonLat(new Coordinate(x, y));
                    seq.setOrdinate(i, 0, c.x);
                    seq.setOrdinate(i, 1, c.y);
                }
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        }
    }
}
