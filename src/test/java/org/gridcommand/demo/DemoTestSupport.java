package org.gridcommand.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Shared fixtures: the district is generated once per test JVM, as the tests only read it. */
final class DemoTestSupport {
    static final DemoDistrict DEMO = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
    static final GeometryFactory FACTORY = new GeometryFactory();

    private DemoTestSupport() {
    }

    /** Area in km² after a local equirectangular projection (metres), good to well under 1 % at this size. */
    static double areaKm2(Geometry lonLat) {
        if (lonLat.isEmpty()) {
            return 0;
        }
        double lat0 = Math.toRadians(lonLat.getEnvelopeInternal().centre().getY());
        Geometry copy = lonLat.copy();
        copy.apply((CoordinateFilter) c -> {
            c.x = c.x * 111_320 * Math.cos(lat0);
            c.y = c.y * 110_574;
        });
        copy.geometryChanged();
        return copy.getArea() / 1e6;
    }

    static org.locationtech.jts.geom.Point point(double lon, double lat) {
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }
}
