package org.gridcommand.ui.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.gridcommand.common.Messages;
import org.gridcommand.stats.CountRow;
import org.gridcommand.stats.Granularity;
import org.gridcommand.stats.Kpis;
import org.gridcommand.stats.PeriodStats;
import org.gridcommand.stats.ResponseTime;
import org.gridcommand.stats.SafetyIndex;
import org.gridcommand.stats.StatsPeriod;
import org.gridcommand.stats.StatsService;
import org.gridcommand.fx.UiExecutor;

/**
 * The statistics dashboard's state: the chosen period (today, this week, this month or custom dates) and the
 * figures of the last computation, which runs off the FX thread in StatsService. FX thread only.
 */
public final class StatsDashboardViewModel {
    public enum Choice { TODAY, WEEK, MONTH, CUSTOM }

    /** Everything the view shows of one period. */
    public record Figures(PeriodStats stats, Kpis kpis, List<CountRow> byMajorCategory, List<CountRow> byChannel,
                          List<CountRow> byDay, List<ResponseTime> responseTimes, SafetyIndex.Report safety) {
    }

    private final StatsService service;
    private final Messages text;
    private final Clock clock;
    private final ZoneId zone;
    private final UiExecutor ui;
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice", Choice.MONTH);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>(this, "customFrom");
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>(this, "customTo");
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private long generation;

    public StatsDashboardViewModel(StatsService service, Messages text, Clock clock, UiExecutor ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.text = Objects.requireNonNull(text, "text");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.zone = service.zone();
        LocalDate today = today();
        customFrom.set(today.withDayOfMonth(1));
        customTo.set(today);
    }

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StatsService service() {
        return service;
    }

    /** The period the choice stands for now; a bad custom range is an IllegalArgumentException naming it. */
    public StatsPeriod period() {
        LocalDate today = today();
        return switch (choice.get()) {
            case TODAY -> StatsPeriod.day(today, zone);
            case WEEK -> StatsPeriod.weekOf(today, zone);
            case MONTH -> StatsPeriod.month(YearMonth.from(today), zone);
            case CUSTOM -> {
                if (customFrom.get() == null || customTo.get() == null) {
                    throw new IllegalArgumentException("choose both the first and the last day of the period");
                }
                yield StatsPeriod.of(customFrom.get(), customTo.get(), zone);
            }
        };
    }

    /** Computes the chosen period in the background; a newer request wins over an older one still running. */
    public void refresh() {
        StatsPeriod period;
        try {
            period = period();
        } catch (IllegalArgumentException e) {
            status.set(text.format("statsdash.badDates", e.getMessage()));
            return;
        }
        long ticket = ++generation;
        status.set(text.format("statsdash.loading", period.label()));
        ui.background(() -> compute(period), result -> {
            if (ticket == generation) {
                figures.set(result);
                status.set("");
            }
        }, error -> {
            if (ticket == generation) {
                status.set(text.format("statsdash.failed", String.valueOf(error.getMessage())));
            }
        });
    }

    private Figures compute(StatsPeriod period) {
        PeriodStats stats = service.period(period);
        return new Figures(stats, stats.kpis(), stats.countsByMajorCategory(), stats.countsByChannel(),
                stats.countsByTime(Granularity.DAY), stats.responseTimes(), service.safetyIndex(stats));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
