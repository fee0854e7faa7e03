package org.gridcommand.geo;

/**
 * Conversions between WGS-84, GCJ-02 and BD-09, from the public closed-form GCJ-02 transform
 * (Krasovsky ellipsoid). WGS→GCJ is exact to the published formula; GCJ→WGS is iterative (< 0.01 m
 * after a few rounds); GCJ-02 → BD-09 is the public closed form, its inverse refined iteratively. Outside China the GCJ-02 offset is not
 * applied (as the published transform does). Arrays are {lon, lat}.
 */
public final class ChinaDatums {
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private ChinaDatums() {
    }

    public static GeoPoint toWgs84(double lon, double lat, Datum from) {
        double[] p = switch (from) {
            case WGS84 -> new double[] {lon, lat};
            case GCJ02 -> gcj02ToWgs84(lon, lat);
            case BD09 -> {
                double[] gcj = bd09ToGcj02(lon, lat);
                yield gcj02ToWgs84(gcj[0], gcj[1]);
            }
        };
        return new GeoPoint(p[0], p[1]);
    }

    public static double[] fromWgs84(double lon, double lat, Datum to) {
        return switch (to) {
            case WGS84 -> new double[] {lon, lat};
            case GCJ02 -> wgs84ToGcj02(lon, lat);
            case BD09 -> {
                double[] gcj = wgs84ToGcj02(lon, lat);
                yield gcj02ToBd09(gcj[0], gcj[1]);
            }
        };
    }

    /** The rough bounding box the published transform uses for "in China". */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static double[] wgs84ToGcj02(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    /** Inverse by fixed-point iteration: the forward offset varies slowly, so a few rounds converge. */
    public static double[] gcj02ToWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < 10; i++) {
            double[] g = wgs84ToGcj02(wLon, wLat);
            double eLon = g[0] - lon;
            double eLat = g[1] - lat;
            wLon -= eLon;
            wLat -= eLat;
            if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) {
                break;
            }
        }
        return new double[] {wLon, wLat};
    }

    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /** The published one-step inverse is off by up to decimetres; a few fixed-point rounds remove that. */
    public static double[] bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        double gLon = z * Math.cos(theta);
        double gLat = z * Math.sin(theta);
        for (int i = 0; i < 5; i++) {
            double[] b = gcj02ToBd09(gLon, gLat);
            gLon -= b[0] - lon;
            gLat -= b[1] - lat;
        }
        return new double[] {gLon, gLat};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
