package org.gridcommand.stats;

import java.time.Duration;
import java.util.List;

/**
 * Elapsed (natural) time from the report to a life-cycle instant over a period's valid cases that reached it
 * by the moment the figures were taken: count, mean and nearest-rank percentiles (in the order the settings
 * list them; empty when count is 0). measure is "accepted", "dispatched" or "closed".
 */
public record ResponseTime(String measure, long count, Duration mean, List<Double> percentiles,
                           List<Duration> values) {
    public ResponseTime {
        percentiles = List.copyOf(percentiles);
        values = List.copyOf(values);
    }

    /** The value at percentile p (one of the configured ones), or null when none was counted. */
    public Duration at(double p) {
        int i = percentiles.indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException("percentile " + p + " is not reported (reported: " + percentiles + ")");
        }
        return values.isEmpty() ? null : values.get(i);
    }
}
