package org.gridcommand.camera;

import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.GeoPoint;

/**
 * A Sharp Eyes camera. id is the 20-digit GB/T 28181 code where known. headingDeg is the direction the
 * camera looks (0 = north, clockwise), fovDeg its horizontal field of view, rangeMetres how far it sees.
 * The sub stream is the small, cheap one for wall tiles; the main stream is for a maximised tile.
 */
public record Camera(String id, BilingualName name, GeoPoint position, double headingDeg, double fovDeg,
                     double rangeMetres, String mainStreamUrl, String subStreamUrl, String group,
                     String smallGridCode) {

    public static boolean isGbt28181Id(String id) {
        return id != null && id.matches("\\d{20}");
    }

    /** GB/T 28181 device type from the id (digits 11-13): 131 camera, 132 IP camera; null if not a GB id. */
    public String gbtDeviceType() {
        return isGbt28181Id(id) ? id.substring(10, 13) : null;
    }
}
