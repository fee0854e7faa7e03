package org.gridcommand.common;

import java.util.Arrays;

/** Nearest-rank percentiles, as every benchmark here reports them. */
public final class Percentiles {
    private Percentiles() {
    }

    /** The value at percentile {@code p} (0 to 100) of {@code values} (any order; not changed); NaN when empty. */
    public static double of(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
