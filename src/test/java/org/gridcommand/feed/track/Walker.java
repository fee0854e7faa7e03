package org.gridcommand.feed.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.geo.GeoPoint;

/**
 * Makes synthetic tracks: a worker who walks, stands and switches the phone off, sampled every few seconds,
 * with optional uniform jitter. Positions are kept in local metres around an origin.
 */
final class Walker {
    private static final double M_PER_DEG_LAT = 110_574;

    private final String workerId;
    private final double lon0;
    private final double lat0;
    private final double kx;
    private final Duration step;
    private final SplittableRandom random;
    private final double jitter;
    private final List<GpsFix> fixes = new ArrayList<>();
    private Instant now;
    private double x;
    private double y;
    private int seq;

    Walker(String workerId, GeoPoint origin, Instant start, Duration step, double jitterMetres, long seed) {
        this.workerId = workerId;
        this.lon0 = origin.lon();
        this.lat0 = origin.lat();
        this.kx = 111_320 * Math.cos(Math.toRadians(lat0));
        this.now = start;
        this.step = step;
        this.jitter = jitterMetres;
        this.random = new SplittableRandom(seed);
    }

    Instant now() {
        return now;
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    GeoPoint here() {
        return point(x, y);
    }

    GeoPoint point(double east, double north) {
        return new GeoPoint(lon0 + east / kx, lat0 + north / M_PER_DEG_LAT);
    }

    /** Emits a fix at the current time and place (with jitter), then moves the clock one step on. */
    Walker fix() {
        double jx = jitter == 0 ? 0 : random.nextDouble(-jitter, jitter);
        double jy = jitter == 0 ? 0 : random.nextDouble(-jitter, jitter);
        fixes.add(new GpsFix(workerId + "-" + (seq++), workerId, now, point(x + jx, y + jy), 8));
        now = now.plus(step);
        return this;
    }

    /** Emits one fix far off (a GPS outlier) at the current time. */
    Walker outlier(double eastOffset, double northOffset) {
        fixes.add(new GpsFix(workerId + "-" + (seq++), workerId, now, point(x + eastOffset, y + northOffset), 80));
        now = now.plus(step);
        return this;
    }

    /** Stands still for the duration, fixing every step. */
    Walker stay(Duration d) {
        Instant end = now.plus(d);
        while (now.isBefore(end)) {
            fix();
        }
        return this;
    }

    /** Walks in a straight line to (east, north) metres at the speed, fixing every step; arrives exactly. */
    Walker walkTo(double east, double north, double metresPerSecond) {
        double dx = east - x;
        double dy = north - y;
        double len = Math.hypot(dx, dy);
        double perStep = metresPerSecond * step.toMillis() / 1000.0;
        // Whole steps of (almost) the given speed, so the last fix before arriving is a full step away.
        int steps = Math.max(1, (int) Math.round(len / perStep));
        double sx = x;
        double sy = y;
        for (int k = 1; k <= steps; k++) {
            fix();
            x = sx + dx * k / steps;
            y = sy + dy * k / steps;
        }
        return this;
    }

    /** No fixes for the duration (phone off); the position stays. */
    Walker silent(Duration d) {
        now = now.plus(d);
        return this;
    }

    /** Moves without fixes (the phone off while walking). */
    Walker jumpTo(double east, double north) {
        x = east;
        y = north;
        return this;
    }

    List<GpsFix> fixes() {
        return List.copyOf(fixes);
    }

    Track track() {
        return Track.of(workerId, fixes);
    }
}
