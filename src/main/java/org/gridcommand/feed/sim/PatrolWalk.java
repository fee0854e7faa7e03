package org.gridcommand.feed.sim;

import java.time.Instant;
import java.util.Random;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * One grid worker's patrol as a pure function of (worker key, absolute time): two simulator runs that
 * overlap in time agree on where the worker was, so a second run never makes a worker "jump" away from the
 * fixes of the first (the console quarantines a fix faster than 50 km/h from the worker's last one).
 *
 * <p>Time is cut into legs of a fixed length per worker, counted from a fixed epoch. Leg n runs from the
 * waypoint P(n) to P(n+1), each drawn from (key, n) alone. On the way the worker stays one to five minutes at
 * P(n), then walks at 1.0-1.5 m/s to places drawn from the leg's own seed, staying one to five minutes at
 * each, while there is still time to reach P(n+1) within the leg, and waits at P(n+1) for the rest of it. A
 * leg is long enough to stay and then walk between any two points of the grid. Grids are not all convex: a
 * straight way that would leave the grid goes by the grid's interior point instead.
 *
 * <p>Keeps the last leg it planned, so walking forward in time plans each leg once. Not thread-safe.
 */
final class PatrolWalk {
    /** Legs and fix schedules are counted from here; any fixed instant would do. */
    static final long EPOCH_MILLIS = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    static final double SLOWEST = 1.0;
    static final double FASTEST = 1.5;
    private static final long SHORTEST_STAY = 60_000;
    private static final long LONGEST_STAY = 300_000;
    /** Places the worker may still visit in a leg, given up after this many that do not fit. */
    private static final int PLACES_THAT_DO_NOT_FIT = 3;
    private static final double METRES_PER_DEGREE = 111_320;
    private static final long WAYPOINT = 1;
    private static final long LEG = 2;
    private static final long ORIGIN = 3;

    private final long key;
    private final PreparedGeometry area;
    private final Envelope envelope;
    private final GeoPoint hub;
    private final GeometryFactory geometry;
    private final long legMillis;
    private final long originMillis;
    private long plannedIndex = Long.MIN_VALUE;
    private Leg planned;

    PatrolWalk(long key, SmallGrid grid, GeometryFactory geometry) {
        this.key = key;
        this.geometry = geometry;
        this.area = PreparedGeometryFactory.prepare(grid.area());
        this.envelope = grid.area().getEnvelopeInternal();
        org.locationtech.jts.geom.Point inside = grid.area().getInteriorPoint();
        this.hub = new GeoPoint(inside.getX(), inside.getY());
        double diagonal = distance(new GeoPoint(envelope.getMinX(), envelope.getMinY()),
                new GeoPoint(envelope.getMaxX(), envelope.getMaxY()));
        // The longest way between two points of the grid goes by the hub: at most two diagonals, at the
        // slowest pace, after the longest stay; a minute to spare for the millisecond rounding.
        long needed = LONGEST_STAY + (long) Math.ceil(2 * diagonal / SLOWEST * 1000) + 60_000;
        this.legMillis = (needed + 59_999) / 60_000 * 60_000;
        this.originMillis = EPOCH_MILLIS + Math.floorMod(SimHash.of(key, ORIGIN), legMillis);
    }

    long legMillis() {
        return legMillis;
    }

    /** Where the worker is at this moment (epoch milliseconds). */
    GeoPoint positionAt(long millis) {
        long index = Math.floorDiv(millis - originMillis, legMillis);
        if (index != plannedIndex) {
            planned = plan(index);
            plannedIndex = index;
        }
        return planned.positionAt(millis);
    }

    // ---------------------------------------------------------------- planning a leg

    private Leg plan(long index) {
        long start = originMillis + index * legMillis;
        long end = start + legMillis;
        Random rnd = SimHash.random(key, LEG, index);
        double speed = SLOWEST + rnd.nextDouble() * (FASTEST - SLOWEST);
        GeoPoint goal = waypoint(index + 1);
        Leg leg = new Leg();
        GeoPoint here = waypoint(index);
        long time = start + stay(rnd);
        leg.add(here, start, time);
        int misses = 0;
        while (misses < PLACES_THAT_DO_NOT_FIT) {
            GeoPoint place = pointIn(rnd);
            long stay = stay(rnd);
            GeoPoint[] way = way(here, place);
            long leave = time + walkMillis(way, speed) + stay;
            if (leave + walkMillis(way(place, goal), speed) > end) {
                misses++;
                continue;
            }
            time = walk(leg, way, time, speed);
            leg.add(place, time, time + stay);
            here = place;
            time += stay;
        }
        // Fits by the leg's length (see the constructor): the worker arrives at P(n+1) before the leg ends.
        time = walk(leg, way(here, goal), time, speed);
        leg.add(goal, time, end);
        return leg;
    }

    /** Adds the way's inner points (passed without stopping); returns the arrival time at its end. */
    private static long walk(Leg leg, GeoPoint[] way, long departure, double speed) {
        long time = departure;
        for (int i = 1; i < way.length; i++) {
            time += segmentMillis(way[i - 1], way[i], speed);
            if (i < way.length - 1) {
                leg.add(way[i], time, time);
            }
        }
        return time;
    }

    private static long walkMillis(GeoPoint[] way, double speed) {
        long millis = 0;
        for (int i = 1; i < way.length; i++) {
            millis += segmentMillis(way[i - 1], way[i], speed);
        }
        return millis;
    }

    private static long segmentMillis(GeoPoint from, GeoPoint to, double speed) {
        return (long) Math.ceil(distance(from, to) / speed * 1000);
    }

    /** Straight if that stays inside the grid, else by the hub. */
    private GeoPoint[] way(GeoPoint from, GeoPoint to) {
        boolean inside = area.contains(geometry.createLineString(new Coordinate[] {
            new Coordinate(from.lon(), from.lat()), new Coordinate(to.lon(), to.lat())}));
        return inside ? new GeoPoint[] {from, to} : new GeoPoint[] {from, hub, to};
    }

    private static long stay(Random rnd) {
        return SHORTEST_STAY + (long) (rnd.nextDouble() * (LONGEST_STAY - SHORTEST_STAY));
    }

    private GeoPoint waypoint(long index) {
        return pointIn(SimHash.random(key, WAYPOINT, index));
    }

    private GeoPoint pointIn(Random rnd) {
        for (int i = 0; i < 1000; i++) {
            GeoPoint p = new GeoPoint(envelope.getMinX() + rnd.nextDouble() * envelope.getWidth(),
                    envelope.getMinY() + rnd.nextDouble() * envelope.getHeight());
            if (area.contains(geometry.createPoint(new Coordinate(p.lon(), p.lat())))) {
                return p;
            }
        }
        return hub;
    }

    /** Metres on a local flat approximation, fine within a grid. */
    static double distance(GeoPoint a, GeoPoint b) {
        double cos = Math.cos(Math.toRadians(a.lat()));
        return Math.hypot((b.lon() - a.lon()) * METRES_PER_DEGREE * cos, (b.lat() - a.lat()) * METRES_PER_DEGREE);
    }

    /** Moves a point by east and north metres (the same flat approximation). */
    static GeoPoint offset(GeoPoint p, double east, double north) {
        double cos = Math.cos(Math.toRadians(p.lat()));
        return new GeoPoint(p.lon() + east / (METRES_PER_DEGREE * cos), p.lat() + north / METRES_PER_DEGREE);
    }

    /**
     * A leg as stops in time order: the worker is at {@code points[i]} from {@code arrive[i]} to
     * {@code leave[i]} and walks straight from there to {@code points[i + 1]}.
     */
    private static final class Leg {
        private GeoPoint[] points = new GeoPoint[8];
        private long[] arrive = new long[8];
        private long[] leave = new long[8];
        private int size;

        void add(GeoPoint point, long arriving, long leaving) {
            if (size == points.length) {
                points = java.util.Arrays.copyOf(points, size * 2);
                arrive = java.util.Arrays.copyOf(arrive, size * 2);
                leave = java.util.Arrays.copyOf(leave, size * 2);
            }
            points[size] = point;
            arrive[size] = arriving;
            leave[size] = leaving;
            size++;
        }

        GeoPoint positionAt(long millis) {
            int i = size - 1;
            while (i > 0 && arrive[i] > millis) {
                i--;
            }
            if (millis <= leave[i] || i == size - 1) {
                return points[i];
            }
            double f = (double) (millis - leave[i]) / (arrive[i + 1] - leave[i]);
            GeoPoint a = points[i];
            GeoPoint b = points[i + 1];
            return new GeoPoint(a.lon() + (b.lon() - a.lon()) * f, a.lat() + (b.lat() - a.lat()) * f);
        }
    }
}
