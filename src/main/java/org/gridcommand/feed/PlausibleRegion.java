package org.gridcommand.feed;

import java.util.Locale;
import org.gridcommand.geo.GeoPoint;
import org.locationtech.jts.geom.Envelope;

/**
 * Where a field position can plausibly be (WGS-84): a lon/lat box, normally the district's envelope grown
 * by a margin. A fix or a report outside it is a broken device, a wrong datum or swapped lat/lon, not a
 * place a grid worker or a sensor of this district can be.
 */
public record PlausibleRegion(double minLon, double minLat, double maxLon, double maxLat) {
    /** The margin {@link #around} uses by default: 50 km. */
    public static final double DEFAULT_MARGIN_KM = 50;

    public PlausibleRegion {
        if (!(minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon <= maxLon && minLat <= maxLat)) {
            throw new IllegalArgumentException("not a lon/lat box: " + minLon + ", " + minLat + ", " + maxLon + ", " + maxLat);
        }
    }

    /** The envelope (lon/lat) grown by {@code marginKm} on every side, clamped to the globe. */
    public static PlausibleRegion around(Envelope lonLat, double marginKm) {
        if (lonLat.isNull() || !(marginKm >= 0)) {
            throw new IllegalArgumentException("need a non-empty envelope and a margin >= 0 km");
        }
        double dLat = marginKm * 1000 / 110_574;
        double maxAbsLat = Math.min(89, Math.max(Math.abs(lonLat.getMinY()), Math.abs(lonLat.getMaxY())) + dLat);
        double dLon = marginKm * 1000 / (111_320 * Math.cos(Math.toRadians(maxAbsLat)));
        return new PlausibleRegion(Math.max(-180, lonLat.getMinX() - dLon), Math.max(-90, lonLat.getMinY() - dLat),
                Math.min(180, lonLat.getMaxX() + dLon), Math.min(90, lonLat.getMaxY() + dLat));
    }

    public boolean contains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    public boolean contains(GeoPoint p) {
        return contains(p.lon(), p.lat());
    }

    /** Roughly how far (km) a point lies outside the box; 0 inside. */
    public double kmOutside(GeoPoint p) {
        double lon = Math.max(minLon, Math.min(maxLon, p.lon()));
        double lat = Math.max(minLat, Math.min(maxLat, p.lat()));
        return p.distanceMetres(new GeoPoint(lon, lat)) / 1000;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lon %.3f to %.3f, lat %.3f to %.3f", minLon, maxLon, minLat, maxLat);
    }
}
