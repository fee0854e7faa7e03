package org.gridcommand.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridcommand.cases.CategoryDictionary;

/**
 * The daily safety index (平安指数) of a period: per day, each indicator's count scored 0..100 and the
 * weighted mean of the scores, rounded to one decimal and banded (docs/safety-index.md). A day that has not
 * ended yet is computed on what is known and marked partial; the period's mean and its share of days "good
 * or better" count whole days only.
 */
public final class SafetyIndex {
    private final SafetyIndexRules rules;
    private final CategoryDictionary categories;

    public SafetyIndex(SafetyIndexRules rules, CategoryDictionary categories) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.categories = Objects.requireNonNull(categories, "categories");
    }

    public SafetyIndexRules rules() {
        return rules;
    }

    /** One indicator on one day: the count and its score. */
    public record Score(String indicatorId, double value, double score) {
    }

    /** One day: the index (one decimal), its band, the scores behind it; partial while the day runs. */
    public record Day(LocalDate date, double index, SafetyIndexRules.Band band, boolean partial, List<Score> scores) {
        public Day {
            scores = List.copyOf(scores);
        }
    }

    /**
     * The days of a period. mean is the mean index of the whole days (NaN when none); goodOrBetter the share
     * of whole days in the "good" band or above; bandDays the whole days per band id, best band first.
     */
    public record Report(StatsPeriod period, List<Day> days, double mean, Rate goodOrBetter,
                         Map<String, Long> bandDays) {
        public Report {
            days = List.copyOf(days);
            bandDays = Collections.unmodifiableMap(new LinkedHashMap<>(bandDays));
        }
    }

    public Report compute(PeriodStats stats) {
        StatsPeriod period = stats.period();
        Instant now = stats.context().now();
        List<Day> days = new ArrayList<>();
        for (Map.Entry<LocalDate, List<CaseFacts>> e : stats.validCasesByDay().entrySet()) {
            LocalDate date = e.getKey();
            boolean partial = date.plusDays(1).atStartOfDay(period.zone()).toInstant().isAfter(now);
            days.add(day(date, e.getValue(), partial));
        }
        Map<String, Long> bandDays = new LinkedHashMap<>();
        for (SafetyIndexRules.Band b : rules.bands()) {
            bandDays.put(b.id(), 0L);
        }
        long whole = 0;
        long good = 0;
        double sum = 0;
        for (Day d : days) {
            if (d.partial()) {
                continue;
            }
            whole++;
            sum += d.index();
            bandDays.merge(d.band().id(), 1L, Long::sum);
            if (rules.isGoodOrBetter(d.band())) {
                good++;
            }
        }
        return new Report(period, days, whole == 0 ? Double.NaN : sum / whole, new Rate(good, whole), bandDays);
    }

    /** The index of one day from its valid cases. */
    public Day day(LocalDate date, List<CaseFacts> validCases, boolean partial) {
        List<Score> scores = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (SafetyIndexRules.Indicator ind : rules.indicators()) {
            long value = 0;
            for (CaseFacts c : validCases) {
                if (counts(ind, c)) {
                    value++;
                }
            }
            double score = ind.score(value);
            scores.add(new Score(ind.id(), value, score));
            weighted += ind.weight() * score;
            weights += ind.weight();
        }
        double index = BigDecimal.valueOf(weighted / weights).setScale(1, RoundingMode.HALF_UP).doubleValue();
        return new Day(date, index, rules.bandOf(index), partial, scores);
    }

    private boolean counts(SafetyIndexRules.Indicator ind, CaseFacts c) {
        if (c.isVoided()) {
            return false;
        }
        return switch (ind.measure()) {
            case CASES -> c.categoryCode() != null && (ind.categories().contains(c.categoryCode())
                    || categories.find(c.categoryCode()).map(cat -> !cat.isMajor()
                    && ind.categories().contains(cat.majorCode())).orElse(false));
            case CASES_AT_LEVEL -> c.level() != null && c.level().ordinal() <= ind.level().ordinal();
        };
    }
}
