package org.gridcommand.geo;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a longitude/latitude pair read from a file can be a place of the district: the checks the grid and the
 * camera files share. A number that is not finite, a latitude beyond ±90° or a longitude beyond ±180° is no place;
 * a pair that lands where it is expected only when read the other way round was written latitude first; and a
 * position far from where it is expected is a typo or a placeholder such as (0, 0).
 *
 * <p>Where positions are expected is the district when one is known, otherwise {@value #SPREAD_DEG}° around the
 * middle of the file: a district spans tens of kilometres, so a position about 500 km away is no corner of it.
 * The middle is the median, which the few swapped or mistyped positions being looked for cannot move.
 */
public final class PlausiblePositions {
    /** Without a district: how far (degrees, either axis) a position may lie from the middle of the file. */
    public static final double SPREAD_DEG = 5.0;

    /** What a pair is. */
    public enum Verdict {
        PLAUSIBLE, SWAPPED, NOT_A_NUMBER, LATITUDE_BEYOND_90, LONGITUDE_BEYOND_180, ELSEWHERE;

        /** True when the pair is no place at all (before asking where it would be). */
        public boolean outOfRange() {
            return this == NOT_A_NUMBER || this == LATITUDE_BEYOND_90 || this == LONGITUDE_BEYOND_180;
        }
    }

    /** The verdict on one pair and, unless plausible or swapped, why it is no place of the district. */
    public record Check(Verdict verdict, String reason) {
    }

    /** A test of a position, in the coordinates the file is written in. */
    @FunctionalInterface
    public interface Region {
        boolean contains(double lon, double lat);
    }

    /** Where the positions of a file are expected, and the sentence for one that is elsewhere. */
    public record Expected(Region region, String elsewhere) {
        /** Anywhere on Earth: a file with no usable position to take a middle from. */
        public static final Expected ANYWHERE = new Expected((lon, lat) -> true, "");

        /** Within {@value #SPREAD_DEG}° of the given middle. */
        public static Expected near(double lon, double lat) {
            return new Expected((x, y) -> Math.abs(x - lon) <= SPREAD_DEG && Math.abs(y - lat) <= SPREAD_DEG,
                    String.format(Locale.ROOT, "more than %.0f° from the rest of the file (around %.4f, %.4f)",
                            SPREAD_DEG, lon, lat));
        }

        /** Near the median of the pairs that are in range at all; anywhere when there is none. */
        public static Expected aroundMedian(double[] lons, double[] lats) {
            double[] xs = new double[lons.length];
            double[] ys = new double[lons.length];
            int n = 0;
            for (int i = 0; i < lons.length; i++) {
                if (inRange(lons[i], lats[i])) {
                    xs[n] = lons[i];
                    ys[n] = lats[i];
                    n++;
                }
            }
            if (n == 0) {
                return ANYWHERE;
            }
            xs = Arrays.copyOf(xs, n);
            ys = Arrays.copyOf(ys, n);
            Arrays.sort(xs);
            Arrays.sort(ys);
            return near(xs[n / 2], ys[n / 2]);
        }
    }

    private static final Check PLAUSIBLE = new Check(Verdict.PLAUSIBLE, null);
    private static final Check SWAPPED = new Check(Verdict.SWAPPED, null);

    private PlausiblePositions() {
    }

    /** The verdict on a pair as written (longitude first), against where the file's positions are expected. */
    public static Check check(double lon, double lat, Expected expected) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            return new Check(Verdict.NOT_A_NUMBER, "not a number");
        }
        boolean swappedInRange = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
        if (inRange(lon, lat)) {
            if (expected.region().contains(lon, lat)) {
                return PLAUSIBLE;
            }
            if (swappedInRange && expected.region().contains(lat, lon)) {
                return SWAPPED;
            }
            return new Check(Verdict.ELSEWHERE, expected.elsewhere());
        }
        // [22.36, 113.58]: the second number cannot be a latitude, but the pair read backwards is a place.
        if (swappedInRange && expected.region().contains(lat, lon)) {
            return SWAPPED;
        }
        return Math.abs(lat) > 90
                ? new Check(Verdict.LATITUDE_BEYOND_90, "latitude beyond ±90°")
                : new Check(Verdict.LONGITUDE_BEYOND_180, "longitude beyond ±180°");
    }

    private static boolean inRange(double lon, double lat) {
        return Double.isFinite(lon) && Double.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
    }
}
