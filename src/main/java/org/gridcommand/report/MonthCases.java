package org.gridcommand.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.gridcommand.stats.CaseFacts;
import org.gridcommand.stats.StatsRepository;

/**
 * The month's cases, already loaded, seen through a filter (one grid's cases): lets the statistics service judge
 * a grid's KPIs exactly as it judges the district's, without reading the store again. Single-threaded: the
 * report builder sets the filter, asks for the period, then sets the next one.
 */
final class MonthCases implements StatsRepository {
    private final List<CaseFacts> cases;
    private Predicate<CaseFacts> filter = c -> true;

    MonthCases(List<CaseFacts> cases) {
        this.cases = List.copyOf(cases);
    }

    void select(Predicate<CaseFacts> filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    @Override
    public List<CaseFacts> casesReportedBetween(Instant from, Instant to) {
        return cases.stream()
                .filter(c -> !c.reportedAt().isBefore(from) && c.reportedAt().isBefore(to))
                .filter(filter)
                .toList();
    }

    @Override
    public Map<String, Long> caseCountsBySmallGrid(Instant from, Instant to) {
        return casesReportedBetween(from, to).stream().filter(c -> !c.isVoided() && c.smallGridCode() != null)
                .collect(Collectors.groupingBy(CaseFacts::smallGridCode, Collectors.counting()));
    }

    /** Sensor alarms are not per grid: a grid's figures leave them out. */
    @Override
    public List<Instant> sensorAlarmTimes(Instant from, Instant to) {
        return List.of();
    }

    @Override
    public Optional<Instant> firstCaseReportedAt() {
        return cases.stream().filter(filter).map(CaseFacts::reportedAt).min(Instant::compareTo);
    }

    @Override
    public boolean anyGpsFixBetween(Instant from, Instant to) {
        return false;
    }
}
