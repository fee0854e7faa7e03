package org.gridcommand.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store side of statistics (implemented in {@code store}): narrow reads and SQL aggregates. */
public interface StatsRepository {
    /** Facts of the cases reported in [from, to), oldest first. */
    List<CaseFacts> casesReportedBetween(Instant from, Instant to);

    /**
     * Cases reported in [from, to) per small-grid code, voided cases left out, counted by the database
     * (GROUP BY): the map's density layer asks this often. Cases without a grid are not in the map.
     */
    Map<String, Long> caseCountsBySmallGrid(Instant from, Instant to);

    /**
     * Instants of the sensor alarms that reached the centre with {@code from <= at < to}, in time order: the alarms the
     * field feed stored, and the cases of the sensor channel that did not come from one of those (the demo's seeded
     * history, a sensor platform's call the officer typed in), so the count is never below the sensor channel's
     * cases. A case opened from a stored alarm counts once.
     */
    List<Instant> sensorAlarmTimes(Instant from, Instant to);

    /** When the oldest stored case was reported (empty when the store holds none): where history begins. */
    Optional<Instant> firstCaseReportedAt();

    /** Whether any grid worker has a stored GPS fix with {@code from <= at < to} (one key probe per worker). */
    boolean anyGpsFixBetween(Instant from, Instant to);
}
