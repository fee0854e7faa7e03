package org.gridcommand.feed.track;

/**
 * A local equirectangular projection around a reference latitude: x = east metres, y = north metres. Good
 * to well under a metre across a district (tens of kilometres) away from the poles; cheap enough for
 * millions of fixes.
 */
final class LocalMetres {
    static final double METRES_PER_DEG_LAT = 110_574;
    static final double METRES_PER_DEG_LON_EQUATOR = 111_320;

    final double lon0;
    final double lat0;
    final double kx;
    final double ky;

    LocalMetres(double lon0, double lat0) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.kx = METRES_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(lat0));
        this.ky = METRES_PER_DEG_LAT;
    }

    double x(double lon) {
        return (lon - lon0) * kx;
    }

    double y(double lat) {
        return (lat - lat0) * ky;
    }

    double lon(double x) {
        return lon0 + x / kx;
    }

    double lat(double y) {
        return lat0 + y / ky;
    }

    /** Squared distance in metres between two lon/lat positions near the reference latitude. */
    double distance2(double lonA, double latA, double lonB, double latB) {
        double dx = (lonA - lonB) * kx;
        double dy = (latA - latB) * ky;
        return dx * dx + dy * dy;
    }
}
