package org.gridcommand.camera;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.gridcommand.geo.GeoPoint;

/**
 * Which cameras can see a point (a case's location): those within their range (ground metres) and within
 * ±fov/2 of their heading, seen from the camera (the bearing from camera to point, wrapping round north).
 * Edges count as inside: a point exactly at the range or exactly on a side of the cone is covered, and so
 * is a point at the camera itself. A camera with a field of view of 360° sees all round.
 *
 * <p>Answers are ranked by distance (then id). When no camera covers the point, the answer is the nearest
 * {@code n} cameras, flagged as such ({@link CoverageResult#fallback()}).
 *
 * <p><b>Index.</b> The cameras' range circles are put into a bucket grid in degrees (cell ≈ the typical range):
 * a camera is listed in every cell its range circle's bounding box touches, so a point's own cell holds every
 * camera that can possibly reach it and the exact test runs on a handful. The fallback scans all cameras once
 * (about 0.1 ms per 1,000), which only happens for a point no camera sees.
 *
 * <p><b>Threads.</b> Immutable after construction; any number of threads may query.
 */
public final class CameraCoverage {
    /** Nearest cameras offered when none covers the point: a 2×2 wall. */
    public static final int DEFAULT_FALLBACK = 4;
    /** Tolerance for "on the edge of the range", in metres (round-off of the distance formula). */
    static final double RANGE_TOLERANCE_M = 1e-3;
    /** Tolerance for "on the side of the cone", in degrees. */
    static final double ANGLE_TOLERANCE_DEG = 1e-7;
    /** Closer than this a point is at the camera: covered, whatever the heading. */
    static final double AT_CAMERA_M = 0.01;

    /** Mean Earth radius, as {@link GeoPoint#distanceMetres}. */
    private static final double EARTH_RADIUS = 6_371_008.8;
    private static final double METRES_PER_DEGREE = EARTH_RADIUS * Math.PI / 180;
    private static final double MIN_CELL_M = 50;
    private static final double MAX_CELL_M = 2_000;
    /** Index entries allowed per camera before cells are made coarser (a few 5 km cameras among many). */
    private static final int ENTRIES_PER_CAMERA = 64;

    private final Camera[] cameras;
    private final double originLon;
    private final double originLat;
    private final double cellLon;
    private final double cellLat;
    private final Map<Long, int[]> cells;

    public CameraCoverage(Collection<Camera> cameras) {
        Objects.requireNonNull(cameras, "cameras");
        this.cameras = cameras.stream().filter(c -> c != null && c.position() != null).toArray(Camera[]::new);
        int n = this.cameras.length;
        if (n == 0) {
            originLon = originLat = 0;
            cellLon = cellLat = 1;
            cells = Map.of();
            return;
        }
        double[] lats = new double[n];
        double[] ranges = new double[n];
        double minLon = Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            GeoPoint p = this.cameras[i].position();
            lats[i] = p.lat();
            ranges[i] = usableRange(this.cameras[i]);
            minLon = Math.min(minLon, p.lon());
            minLat = Math.min(minLat, p.lat());
        }
        originLon = minLon;
        originLat = minLat;
        double[] sortedLats = lats.clone();
        Arrays.sort(sortedLats);
        double referenceLat = sortedLats[n / 2];
        double[] sortedRanges = ranges.clone();
        Arrays.sort(sortedRanges);
        double cellMetres = Math.max(MIN_CELL_M, Math.min(MAX_CELL_M, sortedRanges[n / 2]));
        double cos = Math.max(0.01, Math.cos(Math.toRadians(referenceLat)));
        // Coarser cells until the index stays a few dozen entries per camera.
        while (true) {
            double cLat = cellMetres / METRES_PER_DEGREE;
            double cLon = cLat / cos;
            long entries = 0;
            for (int i = 0; i < n; i++) {
                double[] box = rangeBox(this.cameras[i], ranges[i]);
                entries += (long) (Math.floor((box[2] - originLon) / cLon) - Math.floor((box[0] - originLon) / cLon) + 1)
                        * (long) (Math.floor((box[3] - originLat) / cLat) - Math.floor((box[1] - originLat) / cLat) + 1);
            }
            if (entries <= (long) ENTRIES_PER_CAMERA * n + 1024 || cellMetres > 1e6) {
                cellLat = cLat;
                cellLon = cLon;
                break;
            }
            cellMetres *= 2;
        }
        Map<Long, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double[] box = rangeBox(this.cameras[i], ranges[i]);
            long x0 = (long) Math.floor((box[0] - originLon) / cellLon);
            long x1 = (long) Math.floor((box[2] - originLon) / cellLon);
            long y0 = (long) Math.floor((box[1] - originLat) / cellLat);
            long y1 = (long) Math.floor((box[3] - originLat) / cellLat);
            for (long x = x0; x <= x1; x++) {
                for (long y = y0; y <= y1; y++) {
                    lists.computeIfAbsent(key(x, y), k -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<Long, int[]> built = new HashMap<>(lists.size() * 4 / 3 + 1);
        lists.forEach((k, v) -> built.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        cells = built;
    }

    /** How many cameras the index holds. */
    public int size() {
        return cameras.length;
    }

    /** The covering cameras, or the {@value #DEFAULT_FALLBACK} nearest flagged as not covering. */
    public CoverageResult at(GeoPoint point) {
        return at(point, DEFAULT_FALLBACK);
    }

    /**
     * The cameras whose field of view covers the point, nearest first; when none does, the {@code nearestIfNone}
     * nearest cameras with {@code covers == false} and {@link CoverageResult#fallback()} set.
     */
    public CoverageResult at(GeoPoint point, int nearestIfNone) {
        Objects.requireNonNull(point, "point");
        if (nearestIfNone < 0) {
            throw new IllegalArgumentException("nearestIfNone must be >= 0, got " + nearestIfNone);
        }
        List<CameraMatch> covering = new ArrayList<>();
        int[] candidates = cameras.length == 0 ? null : cells.get(key(
                (long) Math.floor((point.lon() - originLon) / cellLon),
                (long) Math.floor((point.lat() - originLat) / cellLat)));
        if (candidates != null) {
            for (int i : candidates) {
                CameraMatch match = match(cameras[i], point);
                if (match.covers()) {
                    covering.add(match);
                }
            }
        }
        if (!covering.isEmpty()) {
            covering.sort(RANK);
            return new CoverageResult(point, covering, false);
        }
        return new CoverageResult(point, nearest(point, nearestIfNone), true);
    }

    /** Whether the camera's field of view covers the point (edges included). */
    public static boolean covers(Camera camera, GeoPoint point) {
        return match(camera, point).covers();
    }

    /** Distance, bearing and the covering test for one camera and one point. */
    public static CameraMatch match(Camera camera, GeoPoint point) {
        GeoPoint from = camera.position();
        double distance = from.distanceMetres(point);
        if (distance < AT_CAMERA_M) {
            return new CameraMatch(camera, distance, Double.NaN, true);
        }
        double bearing = bearingDeg(from, point);
        double range = usableRange(camera);
        boolean covers = range > 0 && distance <= range + RANGE_TOLERANCE_M
                && angleOffHeading(camera.headingDeg(), bearing) <= halfFov(camera) + ANGLE_TOLERANCE_DEG;
        return new CameraMatch(camera, distance, bearing, covers);
    }

    /** Initial great-circle bearing from {@code from} to {@code to}, degrees in [0, 360), 0 = north, clockwise. */
    public static double bearingDeg(GeoPoint from, GeoPoint to) {
        double phi1 = Math.toRadians(from.lat());
        double phi2 = Math.toRadians(to.lat());
        double dLambda = Math.toRadians(to.lon() - from.lon());
        double y = Math.sin(dLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        double deg = Math.toDegrees(Math.atan2(y, x));
        deg = deg < 0 ? deg + 360 : deg;
        return deg >= 360 ? deg - 360 : deg;
    }

    /** The unsigned angle between a heading and a bearing, in [0, 180], across the 0/360 wrap. */
    public static double angleOffHeading(double headingDeg, double bearingDeg) {
        double d = Math.abs(bearingDeg - headingDeg) % 360;
        return d > 180 ? 360 - d : d;
    }

    private static final Comparator<CameraMatch> RANK = Comparator.comparingDouble(CameraMatch::distanceMetres)
            .thenComparing(m -> m.camera().id(), Comparator.nullsLast(Comparator.naturalOrder()));

    private List<CameraMatch> nearest(GeoPoint point, int n) {
        if (n == 0 || cameras.length == 0) {
            return List.of();
        }
        // Worst of the kept n at the head, so each camera costs one comparison once the heap is full.
        PriorityQueue<CameraMatch> kept = new PriorityQueue<>(n + 1, RANK.reversed());
        for (Camera camera : cameras) {
            CameraMatch m = match(camera, point);
            if (kept.size() < n) {
                kept.add(m);
            } else if (RANK.compare(m, kept.peek()) < 0) {
                kept.poll();
                kept.add(m);
            }
        }
        List<CameraMatch> result = new ArrayList<>(kept.size());
        for (CameraMatch m : kept) {
            // None covers (else this is no fallback); said explicitly so the flag never depends on the caller.
            result.add(new CameraMatch(m.camera(), m.distanceMetres(), m.bearingDeg(), false));
        }
        result.sort(RANK);
        return result;
    }

    private static double usableRange(Camera camera) {
        double r = camera.rangeMetres();
        return Double.isFinite(r) && r > 0 ? r : 0;
    }

    private static double halfFov(Camera camera) {
        double fov = camera.fovDeg();
        if (!Double.isFinite(fov) || fov <= 0) {
            return -1; // sees nothing but the point it stands on
        }
        return Math.min(fov, 360) / 2;
    }

    /**
     * West, south, east, north of the camera's range circle in degrees, with a margin for the spherical
     * round-off. A camera without a usable range still gets the tiny box around itself (a point at the camera
     * is covered).
     */
    private static double[] rangeBox(Camera camera, double range) {
        GeoPoint p = camera.position();
        double r = Math.max(range, AT_CAMERA_M) + RANGE_TOLERANCE_M;
        double dLat = r / METRES_PER_DEGREE * 1.01 + 1e-9;
        double maxLat = Math.min(89.9, Math.abs(p.lat()) + dLat);
        double dLon = dLat / Math.cos(Math.toRadians(maxLat));
        return new double[] {p.lon() - dLon, p.lat() - dLat, p.lon() + dLon, p.lat() + dLat};
    }

    private static long key(long x, long y) {
        return (x << 32) ^ (y & 0xFFFF_FFFFL);
    }
}
