package org.gridcommand.feed.track;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;

/**
 * Finds the stops in a worker's track ("stops with arrival and departure times") and the gaps in it.
 *
 * <p><b>How.</b> From each fix in turn a candidate stay grows while the next fix lies within the stop
 * radius of the running mean of the stay's fixes; a single fix outside the radius is skipped as an outlier
 * when the fix after it is back inside (two in a row end the stay); a gap (fixes further apart than the gap
 * limit) always ends it, so a stop never spans a gap. A candidate lasting at least the minimum dwell then
 * gets its edges placed where the worker stopped and left rather than where the radius was crossed: a hinge
 * fit of the distance to the stay's median centre against time (falling linearly while walking in, flat
 * jitter once there; mirrored for the departure), accepted only when it explains clearly more than jitter,
 * so a stay at the start or end of the data or beside a gap keeps its first or last fix. If the stay still
 * lasts the minimum dwell it is a stop, and the search goes on after its departure. The centre is the
 * coordinate-wise median of the stay's fixes within the radius (which are the fixes counted).
 *
 * <p>Stateless and immutable: one detector may serve any number of threads.
 */
public final class StopDetector {
    /** Fixes looked at beyond each edge of a stay (a minute at 5 s), and twice as many inside it. */
    static final int EDGE_FIXES = 12;
    /** Approach and departure fixes are looked at up to this many stop radii from the centre. */
    static final double EDGE_REACH = 3;
    /** How much better than flat jitter a walk-in/walk-out fit must be, per log(fix count) and noise variance. */
    static final double HINGE_PENALTY = 4;

    private final TrackSettings settings;
    private final GridLocator locator;

    /** Without a grid lookup: stops carry no small grid. */
    public StopDetector(TrackSettings settings) {
        this(settings, null);
    }

    /** locator: names the small grid of each stop (e.g. {@code LocateService.locator()}); may be null. */
    public StopDetector(TrackSettings settings, GridLocator locator) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locator = locator;
    }

    public TrackSettings settings() {
        return settings;
    }

    /** The track's stops and gaps, in time order. */
    public StopReport detect(Track track) {
        return new StopReport(track.workerId(), stops(track), track.gaps(settings.gapLimit()));
    }

    /** The track's stops, in time order. */
    public List<Stop> stops(Track track) {
        int n = track.size();
        if (n < 2) {
            return List.of();
        }
        LocalMetres proj = new LocalMetres(track.lon(0), track.lat(0));
        double r2 = settings.stopRadiusMetres() * settings.stopRadiusMetres();
        long dwell = settings.minDwell().toMillis();
        long gap = settings.gapLimit().toMillis();
        int[] members = new int[16];
        List<Stop> out = new java.util.ArrayList<>();
        int i = 0;
        int floor = 0;
        while (i < n - 1) {
            int count = 0;
            members[count++] = i;
            double sumX = proj.x(track.lon(i));
            double sumY = proj.y(track.lat(i));
            int k = i + 1;
            while (k < n && track.epochMilli(k) - track.epochMilli(k - 1) <= gap) {
                double cx = sumX / count;
                double cy = sumY / count;
                double x = proj.x(track.lon(k));
                double y = proj.y(track.lat(k));
                if (sq(x - cx) + sq(y - cy) <= r2) {
                    if (count == members.length) {
                        members = Arrays.copyOf(members, count * 2);
                    }
                    members[count++] = k;
                    sumX += x;
                    sumY += y;
                    k++;
                    continue;
                }
                // One fix out, the next one back in and no gap: an outlier, skipped.
                if (k + 1 < n && track.epochMilli(k + 1) - track.epochMilli(k) <= gap
                        && sq(proj.x(track.lon(k + 1)) - cx) + sq(proj.y(track.lat(k + 1)) - cy) <= r2) {
                    k++;
                    continue;
                }
                break;
            }
            int last = members[count - 1];
            if (track.epochMilli(last) - track.epochMilli(i) >= dwell) {
                Stop stop = tighten(track, proj, members, count, dwell, floor);
                if (stop != null) {
                    out.add(stop);
                    i = track.firstAtOrAfter(stop.departure().toEpochMilli()) + 1;
                    floor = i;
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    /**
     * The stay with its edges placed where the worker stopped and left, or null when what remains is too
     * short. Each edge is a hinge fit on the distance to the stay's centre: while walking in, the distance
     * falls in a straight line with time, and from the arrival on it is flat (jitter only); the hinge time
     * with the least squared error, over the approach fixes and the stay's first fixes, is the arrival (and
     * the mirror image gives the departure). Fitting a line through a dozen fixes places the edge to a few
     * seconds even when the jitter is larger than one sampling step's walk.
     */
    private Stop tighten(Track track, LocalMetres proj, int[] members, int count, long dwell, int floor) {
        double[] centre = median(track, proj, members, 0, count);
        double cx = centre[0];
        double cy = centre[1];
        long gap = settings.gapLimit().toMillis();
        double far = EDGE_REACH * settings.stopRadiusMetres();
        int n = track.size();

        // Arrival: approach fixes before the stay (no gap, not before the previous stop), then the stay's first fixes.
        int from = members[0];
        while (from - 1 >= floor && members[0] - (from - 1) <= EDGE_FIXES
                && track.epochMilli(from) - track.epochMilli(from - 1) <= gap
                && distance(track, proj, from - 1, cx, cy) <= far) {
            from--;
        }
        int inside = Math.min(count, EDGE_FIXES * 2);
        int[] arrivalSet = new int[(members[0] - from) + inside];
        int k = 0;
        for (int j = from; j < members[0]; j++) {
            arrivalSet[k++] = j;
        }
        for (int j = 0; j < inside; j++) {
            arrivalSet[k++] = members[j];
        }
        int arrival = hinge(track, proj, arrivalSet, cx, cy, true);

        // Departure: the stay's last fixes, then the fixes walking away (no gap).
        int to = members[count - 1];
        while (to + 1 < n && (to + 1) - members[count - 1] <= EDGE_FIXES
                && track.epochMilli(to + 1) - track.epochMilli(to) <= gap
                && distance(track, proj, to + 1, cx, cy) <= far) {
            to++;
        }
        int[] departureSet = new int[inside + (to - members[count - 1])];
        k = 0;
        for (int j = count - inside; j < count; j++) {
            departureSet[k++] = members[j];
        }
        for (int j = members[count - 1] + 1; j <= to; j++) {
            departureSet[k++] = j;
        }
        int departure = hinge(track, proj, departureSet, cx, cy, false);
        if (departure <= arrival || track.epochMilli(departure) - track.epochMilli(arrival) < dwell) {
            return null;
        }
        // The centre and the count from the fixes of the stay within the radius (outliers left out).
        double r = settings.stopRadiusMetres();
        int[] stay = new int[departure - arrival + 1];
        int m = 0;
        for (int j = arrival; j <= departure; j++) {
            if (distance(track, proj, j, cx, cy) <= r) {
                stay[m++] = j;
            }
        }
        double[] c = median(track, proj, stay, 0, m);
        GeoPoint point = new GeoPoint(proj.lon(c[0]), proj.lat(c[1]));
        Optional<UnitGridCode> grid = locator == null ? Optional.empty()
                : locator.locate(point.lon(), point.lat()).map(SmallGrid::code);
        return new Stop(track.workerId(), track.time(arrival), track.time(departure), point, m, grid);
    }

    /**
     * Least-squares hinge fit of distance against time over the fixes (track indices, time order):
     * d = d0 + v * max(0, tau - t) for an arrival, d = d0 + v * max(0, t - tau) for a departure, v >= 0.
     * Returns the index of the arrival (first fix at or after tau) or departure (last fix at or before tau).
     */
    private static int hinge(Track track, LocalMetres proj, int[] fixes, double cx, double cy, boolean arrival) {
        int n = fixes.length;
        if (n < 3) {
            return arrival ? fixes[0] : fixes[n - 1];
        }
        double t0 = track.epochMilli(fixes[0]);
        double[] t = new double[n];
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            t[j] = (track.epochMilli(fixes[j]) - t0) / 1000.0;
            d[j] = distance(track, proj, fixes[j], cx, cy);
        }
        double sum = 0;
        double sumSq = 0;
        for (int j = 0; j < n; j++) {
            sum += d[j];
            sumSq += d[j] * d[j];
        }
        double flatSse = sumSq - sum * sum / n;
        double bestSse = Double.POSITIVE_INFINITY;
        double bestTau = arrival ? t[0] : t[n - 1];
        // Candidates: every fix time and every midpoint between fixes.
        for (int c = 0; c < 2 * n - 1; c++) {
            double tau = c % 2 == 0 ? t[c / 2] : (t[c / 2] + t[c / 2 + 1]) / 2;
            double sh = 0;
            double shh = 0;
            double sd = 0;
            double shd = 0;
            double sdd = 0;
            for (int j = 0; j < n; j++) {
                double h = Math.max(0, arrival ? tau - t[j] : t[j] - tau);
                sh += h;
                shh += h * h;
                sd += d[j];
                shd += h * d[j];
                sdd += d[j] * d[j];
            }
            double det = n * shh - sh * sh;
            double v = det > 1e-12 ? (n * shd - sh * sd) / det : 0;
            if (v < 0) {
                v = 0;
            }
            double d0 = (sd - v * sh) / n;
            // SSE = sum (d - d0 - v h)^2, expanded.
            double sse = sdd + n * d0 * d0 + v * v * shh - 2 * d0 * sd - 2 * v * shd + 2 * d0 * v * sh;
            boolean better = arrival ? sse < bestSse - 1e-9 : sse <= bestSse + 1e-9;
            if (better) {
                bestSse = Math.min(bestSse, sse);
                bestTau = tau;
            }
        }
        // A hinge must explain clearly more than jitter does (a BIC-like penalty for its two extra
        // parameters); otherwise there is no walk in or out in these fixes and the edge is the first/last fix.
        double noise = bestSse / Math.max(1, n - 3);
        if (!(flatSse - bestSse > HINGE_PENALTY * Math.log(n) * noise)) {
            return arrival ? fixes[0] : fixes[n - 1];
        }
        if (arrival) {
            for (int j = 0; j < n; j++) {
                if (t[j] >= bestTau - 1e-9) {
                    return fixes[j];
                }
            }
            return fixes[n - 1];
        }
        for (int j = n - 1; j >= 0; j--) {
            if (t[j] <= bestTau + 1e-9) {
                return fixes[j];
            }
        }
        return fixes[0];
    }

    private static double distance(Track track, LocalMetres proj, int i, double cx, double cy) {
        return Math.sqrt(sq(proj.x(track.lon(i)) - cx) + sq(proj.y(track.lat(i)) - cy));
    }

    /** Coordinate-wise median of members[from, to) in local metres. */
    private static double[] median(Track track, LocalMetres proj, int[] members, int from, int to) {
        int m = to - from;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int j = 0; j < m; j++) {
            xs[j] = proj.x(track.lon(members[from + j]));
            ys[j] = proj.y(track.lat(members[from + j]));
        }
        Arrays.sort(xs);
        Arrays.sort(ys);
        return new double[] {medianOfSorted(xs, 0, m), medianOfSorted(ys, 0, m)};
    }

    private static double medianOfSorted(double[] a, int from, int to) {
        int m = to - from;
        int mid = from + m / 2;
        return m % 2 == 1 ? a[mid] : (a[mid - 1] + a[mid]) / 2;
    }

    private static double sq(double v) {
        return v * v;
    }
}
