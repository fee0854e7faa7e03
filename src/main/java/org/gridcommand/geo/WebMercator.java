package org.gridcommand.geo;

/** EPSG:3857 forward and inverse, in metres. */
public final class WebMercator {
    public static final double EARTH_RADIUS = 6_378_137.0;
    public static final double MAX_LATITUDE = 85.05112878;

    private WebMercator() {
    }

    public static double x(double lon) {
        return EARTH_RADIUS * Math.toRadians(lon);
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        return EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2));
    }

    public static double lon(double x) {
        return Math.toDegrees(x / EARTH_RADIUS);
    }

    public static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2);
    }
}
