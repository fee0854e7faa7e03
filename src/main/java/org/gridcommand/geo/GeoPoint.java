package org.gridcommand.geo;

/** A WGS-84 / CGCS2000 position, longitude first (as in GeoJSON). */
public record GeoPoint(double lon, double lat) {
    public GeoPoint {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("not a WGS-84 position: lon=" + lon + ", lat=" + lat);
        }
    }

    /** Great-circle distance in metres (haversine, mean Earth radius). */
    public double distanceMetres(GeoPoint other) {
        double r = 6_371_008.8;
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
