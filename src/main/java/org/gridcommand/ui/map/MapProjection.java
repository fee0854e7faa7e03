package org.gridcommand.ui.map;

import org.gridcommand.geo.WebMercator;

/**
 * Web Mercator metres → screen pixels: screen = (mercator - origin) * scale, y flipped.
 * Mutable view state of one map; only the FX thread touches it.
 */
final class MapProjection {
    private double originX;   // mercator x at screen x = 0
    private double originY;   // mercator y at screen y = 0 (top)
    private double pixelsPerMetre = 1;

    void fit(double minX, double minY, double maxX, double maxY, double width, double height, double marginPx) {
        double w = Math.max(1, width - 2 * marginPx);
        double h = Math.max(1, height - 2 * marginPx);
        pixelsPerMetre = Math.min(w / (maxX - minX), h / (maxY - minY));
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        originX = cx - width / 2 / pixelsPerMetre;
        originY = cy + height / 2 / pixelsPerMetre;
    }

    double screenX(double mercatorX) {
        return (mercatorX - originX) * pixelsPerMetre;
    }

    double screenY(double mercatorY) {
        return (originY - mercatorY) * pixelsPerMetre;
    }

    double screenXOfLon(double lon) {
        return screenX(WebMercator.x(lon));
    }

    double screenYOfLat(double lat) {
        return screenY(WebMercator.y(lat));
    }

    double lonAt(double sx) {
        return WebMercator.lon(originX + sx / pixelsPerMetre);
    }

    double latAt(double sy) {
        return WebMercator.lat(originY - sy / pixelsPerMetre);
    }

    void panBy(double dxPixels, double dyPixels) {
        originX -= dxPixels / pixelsPerMetre;
        originY += dyPixels / pixelsPerMetre;
    }

    /** Zooms by factor keeping the mercator point under (sx, sy) fixed on screen. */
    void zoomAt(double factor, double sx, double sy) {
        double mx = originX + sx / pixelsPerMetre;
        double my = originY - sy / pixelsPerMetre;
        pixelsPerMetre = Math.max(1e-4, Math.min(50, pixelsPerMetre * factor));
        originX = mx - sx / pixelsPerMetre;
        originY = my + sy / pixelsPerMetre;
    }

    double pixelsPerMetre() {
        return pixelsPerMetre;
    }
}
