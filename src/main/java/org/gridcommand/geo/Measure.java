package org.gridcommand.geo;

import java.util.List;

/** Lengths and areas on the ground, for the map's measuring and cordon tools. */
public final class Measure {
    private static final double EARTH_RADIUS = 6_371_008.8;

    private Measure() {
    }

    /** Length of the path through the points, in metres (great-circle legs). */
    public static double pathLengthMetres(List<GeoPoint> points) {
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += points.get(i - 1).distanceMetres(points.get(i));
        }
        return total;
    }

    /**
     * Area of the polygon through the points (closed implicitly), in square metres, on the sphere
     * (the spherical-excess formula used by common GIS tools); fine for district-sized cordons.
     */
    public static double polygonAreaSquareMetres(List<GeoPoint> ring) {
        int n = ring.size();
        if (n < 3) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            GeoPoint p1 = ring.get(i);
            GeoPoint p2 = ring.get((i + 1) % n);
            sum += Math.toRadians(p2.lon() - p1.lon())
                    * (2 + Math.sin(Math.toRadians(p1.lat())) + Math.sin(Math.toRadians(p2.lat())));
        }
        return Math.abs(sum * EARTH_RADIUS * EARTH_RADIUS / 2);
    }

    /** "850 m" or "2.35 km", as a control room reads distances. */
    public static String formatDistance(double metres) {
        return metres < 1000 ? Math.round(metres) + " m" : String.format(java.util.Locale.ROOT, "%.2f km", metres / 1000);
    }

    /** "5,400 m²" or "1.25 km²". */
    public static String formatArea(double squareMetres) {
        return squareMetres < 1_000_000 ? String.format(java.util.Locale.ROOT, "%,d m²", Math.round(squareMetres))
                : String.format(java.util.Locale.ROOT, "%.2f km²", squareMetres / 1_000_000);
    }
}
