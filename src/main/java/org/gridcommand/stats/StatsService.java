package org.gridcommand.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.sla.SlaEngine;

/**
 * Statistics over the stored cases: a period is loaded once ({@link #period}) and every table, KPI,
 * response time and the safety index are computed from it; {@link #compare} gives a period with its
 * predecessor (this month vs the previous), and {@link #caseDensity} the map's heat layer. On time means
 * within the SLA limits of {@code assets/sla/limits.json} counted in the working calendar exactly as the case
 * queue's SLA column computes them. Stateless apart from its tables; one instance serves many threads.
 */
public final class StatsService {
    private final StatsRepository repository;
    private final SlaEngine sla;
    private final StageJudge judge;
    private final CategoryDictionary categories;
    private final District district;
    private final StatsSettings settings;
    private final SafetyIndex safetyIndex;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param district the current grid layout, for grid names and the rows of grids without cases (may be null:
     *                 then only the grids that have cases are listed, without names)
     */
    public StatsService(StatsRepository repository, SlaEngine sla, CategoryDictionary categories, District district,
                        StatsSettings settings, SafetyIndexRules safetyRules, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.categories = Objects.requireNonNull(categories, "categories");
        this.district = district;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.safetyIndex = new SafetyIndex(Objects.requireNonNull(safetyRules, "safetyRules"), categories);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.judge = new StageJudge(new StageClock(sla));
        this.zone = sla.calendar().zone();
    }

    /** With the shipped settings and safety-index rules (assets/stats/). */
    public static StatsService withDefaults(StatsRepository repository, SlaEngine sla, CategoryDictionary categories,
                                            District district, Clock clock) {
        return new StatsService(repository, sla, categories, district, StatsSettings.loadDefault(),
                SafetyIndexRules.loadDefault(categories), clock);
    }

    /** The district's zone, in which periods are whole days (the working calendar's). */
    public ZoneId zone() {
        return zone;
    }

    public SafetyIndexRules safetyRules() {
        return safetyIndex.rules();
    }

    public StatsSettings settings() {
        return settings;
    }

    /** Loads the period's cases and sensor alarms (two reads) for every table over them. */
    public PeriodStats period(StatsPeriod period) {
        Objects.requireNonNull(period, "period");
        StatsContext context = new StatsContext(judge, settings, categories, district, clock.instant());
        return new PeriodStats(period, repository.casesReportedBetween(period.start(), period.end()),
                repository.sensorAlarmTimes(period.start(), period.end()), context);
    }

    /** When the oldest stored case was reported, if any: the first month a report can be made for. */
    public Optional<Instant> firstCaseReportedAt() {
        return repository.firstCaseReportedAt();
    }

    /** A period and the one before it ({@link StatsPeriod#previous()}): the monthly report's comparison. */
    public Comparison compare(StatsPeriod period) {
        return new Comparison(period(period), period(period.previous()));
    }

    public record Comparison(PeriodStats current, PeriodStats previous) {
    }

    public SafetyIndex.Report safetyIndex(PeriodStats stats) {
        return safetyIndex.compute(stats);
    }

    /**
     * Valid (not voided) cases per small grid reported in the period, for the map's heat layer: every grid
     * of the district present (0 when none), as {@code GridMapView.setFillByMetric} takes them. Counted by
     * the database (one GROUP BY).
     */
    public Map<String, Double> caseDensity(StatsPeriod period) {
        Map<String, Long> counts = repository.caseCountsBySmallGrid(period.start(), period.end());
        Map<String, Double> out = new LinkedHashMap<>();
        if (district != null) {
            for (SmallGrid g : district.smallGrids()) {
                out.put(g.code().value(), (double) counts.getOrDefault(g.code().value(), 0L));
            }
        } else {
            counts.forEach((code, n) -> out.put(code, (double) n));
        }
        return out;
    }
}
