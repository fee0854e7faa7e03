package org.gridcommand.feed.track;

import java.util.List;

/** One track's stops and gaps, each in time order. */
public record StopReport(String workerId, List<Stop> stops, List<Gap> gaps) {
    public StopReport {
        stops = List.copyOf(stops);
        gaps = List.copyOf(gaps);
    }
}
