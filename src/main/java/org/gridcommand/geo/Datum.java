package org.gridcommand.geo;

import java.util.Locale;

/**
 * The coordinate systems met in China. WGS-84 (GPS) and CGCS2000 (national maps, Tianditu) are equal at
 * console precision; GCJ-02 is the obfuscated datum of AMap/Tencent and most domestic tiles; BD-09 is Baidu's.
 */
public enum Datum {
    WGS84, GCJ02, BD09;

    /** Parses a --datum value: wgs84, cgcs2000, gcj02, bd09 (case and dashes ignored). */
    public static Datum parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (t) {
            case "wgs84", "cgcs2000", "epsg4326", "epsg4490" -> WGS84;
            case "gcj02", "gcj" -> GCJ02;
            case "bd09", "bd09ll", "baidu" -> BD09;
            default -> throw new IllegalArgumentException(
                    "unknown datum '" + text + "' (use wgs84, cgcs2000, gcj02 or bd09)");
        };
    }
}
