package org.gridcommand.feed.track;

import java.util.ArrayList;
import java.util.List;
import org.gridcommand.geo.GeoPoint;

/** Polyline simplification for trails. */
final class Polylines {
    private Polylines() {
    }

    /**
     * Douglas–Peucker: keeps the first and last point and every point farther than toleranceMetres from the
     * simplified line; distances in a local metric projection.
     */
    static List<GeoPoint> simplify(List<GeoPoint> points, double toleranceMetres) {
        int n = points.size();
        if (n < 3 || !(toleranceMetres > 0)) {
            return List.copyOf(points);
        }
        LocalMetres proj = new LocalMetres(points.get(0).lon(), points.get(0).lat());
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = proj.x(points.get(i).lon());
            y[i] = proj.y(points.get(i).lat());
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        double tol2 = toleranceMetres * toleranceMetres;
        int[] stack = new int[2 * n];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n - 1;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            double best = -1;
            int at = -1;
            for (int i = a + 1; i < b; i++) {
                double d = segmentDistance2(x[i], y[i], x[a], y[a], x[b], y[b]);
                if (d > best) {
                    best = d;
                    at = i;
                }
            }
            if (at >= 0 && best > tol2) {
                keep[at] = true;
                stack[top++] = a;
                stack[top++] = at;
                stack[top++] = at;
                stack[top++] = b;
            }
        }
        List<GeoPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out.add(points.get(i));
            }
        }
        return out;
    }

    static double segmentDistance2(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double qx = ax + t * dx - px;
        double qy = ay + t * dy - py;
        return qx * qx + qy * qy;
    }
}
