package org.gridcommand.ui.map;

import org.gridcommand.geo.WebMercator;

/**
 * Web Mercator metres to screen pixels: screen = (mercator - origin) * pixelsPerMetre, y flipped.
 * Mutable view state of one map; only the FX thread touches it. Public so the benchmark's node-per-feature
 * scene follows exactly the same view path as the map.
 */
public final class MapProjection {
    /** About 2,000 km per pixel at the equator: the whole world fits in a small window. */
    public static final double MIN_PIXELS_PER_METRE = 1e-5;
    /** About 2 cm per pixel: closer than any grid map needs. */
    public static final double MAX_PIXELS_PER_METRE = 50;

    private double originX;   // mercator x at screen x = 0
    private double originY;   // mercator y at screen y = 0 (top)
    private double pixelsPerMetre = 1;

    public MapProjection() {
    }

    public MapProjection(double originX, double originY, double pixelsPerMetre) {
        set(originX, originY, pixelsPerMetre);
    }

    public MapProjection copy() {
        return new MapProjection(originX, originY, pixelsPerMetre);
    }

    public void set(double originX, double originY, double pixelsPerMetre) {
        this.originX = originX;
        this.originY = originY;
        this.pixelsPerMetre = clamp(pixelsPerMetre);
    }

    public void setFrom(MapProjection other) {
        set(other.originX, other.originY, other.pixelsPerMetre);
    }

    /** Fits the mercator box into width x height with a margin, centred. */
    public void fit(double minX, double minY, double maxX, double maxY, double width, double height, double marginPx) {
        double w = Math.max(1, width - 2 * marginPx);
        double h = Math.max(1, height - 2 * marginPx);
        double spanX = Math.max(maxX - minX, 1e-6);
        double spanY = Math.max(maxY - minY, 1e-6);
        pixelsPerMetre = clamp(Math.min(w / spanX, h / spanY));
        centreOn((minX + maxX) / 2, (minY + maxY) / 2, width, height);
    }

    /**
     * Fits the mercator box into a part of the view (left, top, width, height in view pixels) with a margin,
     * centred in that part: the district beside or above the legend.
     */
    public void fitIn(double minX, double minY, double maxX, double maxY, double left, double top, double width,
                      double height, double marginPx) {
        double w = Math.max(1, width - 2 * marginPx);
        double h = Math.max(1, height - 2 * marginPx);
        double spanX = Math.max(maxX - minX, 1e-6);
        double spanY = Math.max(maxY - minY, 1e-6);
        pixelsPerMetre = clamp(Math.min(w / spanX, h / spanY));
        originX = (minX + maxX) / 2 - (left + width / 2) / pixelsPerMetre;
        originY = (minY + maxY) / 2 + (top + height / 2) / pixelsPerMetre;
    }

    /** Puts the mercator point at the centre of a width x height view, keeping the scale. */
    public void centreOn(double mercatorX, double mercatorY, double width, double height) {
        originX = mercatorX - width / 2 / pixelsPerMetre;
        originY = mercatorY + height / 2 / pixelsPerMetre;
    }

    public double screenX(double mercatorX) {
        return (mercatorX - originX) * pixelsPerMetre;
    }

    public double screenY(double mercatorY) {
        return (originY - mercatorY) * pixelsPerMetre;
    }

    public double mercatorX(double screenX) {
        return originX + screenX / pixelsPerMetre;
    }

    public double mercatorY(double screenY) {
        return originY - screenY / pixelsPerMetre;
    }

    public double screenXOfLon(double lon) {
        return screenX(WebMercator.x(lon));
    }

    public double screenYOfLat(double lat) {
        return screenY(WebMercator.y(lat));
    }

    public double lonAt(double sx) {
        return WebMercator.lon(mercatorX(sx));
    }

    public double latAt(double sy) {
        return WebMercator.lat(mercatorY(sy));
    }

    public void panBy(double dxPixels, double dyPixels) {
        originX -= dxPixels / pixelsPerMetre;
        originY += dyPixels / pixelsPerMetre;
    }

    /** Zooms by factor keeping the mercator point under (sx, sy) fixed on screen. */
    public void zoomAt(double factor, double sx, double sy) {
        double mx = mercatorX(sx);
        double my = mercatorY(sy);
        pixelsPerMetre = clamp(pixelsPerMetre * factor);
        originX = mx - sx / pixelsPerMetre;
        originY = my + sy / pixelsPerMetre;
    }

    public double pixelsPerMetre() {
        return pixelsPerMetre;
    }

    public double originX() {
        return originX;
    }

    public double originY() {
        return originY;
    }

    /**
     * Ground metres per screen pixel at a latitude: Web Mercator stretches distances by 1/cos(lat),
     * so a mercator metre is only cos(lat) ground metres.
     */
    public double groundMetresPerPixel(double lat) {
        return Math.cos(Math.toRadians(lat)) / pixelsPerMetre;
    }

    public boolean sameView(MapProjection other) {
        return other != null && other.originX == originX && other.originY == originY
                && other.pixelsPerMetre == pixelsPerMetre;
    }

    private static double clamp(double ppm) {
        if (!Double.isFinite(ppm) || ppm <= 0) {
            return MIN_PIXELS_PER_METRE;
        }
        return Math.max(MIN_PIXELS_PER_METRE, Math.min(MAX_PIXELS_PER_METRE, ppm));
    }
}
