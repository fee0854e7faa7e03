package org.gridcommand.ui.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import org.gridcommand.common.Messages;
import org.gridcommand.stats.StatsPeriod;
import org.gridcommand.stats.StatsService;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.ui.map.GridMapView;

/**
 * The map's "case density (this month)" layer: valid cases per small grid this month (StatsService.caseDensity,
 * one GROUP BY, off the FX thread) as the grids' fill, the legend naming the period. Off restores the fill by
 * big grid. The service is made on first use, so a console that never shows the layer never builds it.
 */
public final class CaseDensityLayer {
    private final Supplier<StatsService> stats;
    private final GridMapView map;
    private final Messages text;
    private final java.time.Clock clock;
    private final UiExecutor ui;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private StatsService service;
    private long generation;

    public CaseDensityLayer(Supplier<StatsService> stats, GridMapView map, Messages text, java.time.Clock clock,
                            UiExecutor ui) {
        this.stats = stats;
        this.map = map;
        this.text = text;
        this.clock = clock;
        this.ui = ui;
        shown.addListener((o, was, now) -> {
            generation++;
            if (now) {
                refresh();
            } else {
                map.setFillByBigGrid();
                status.set("");
            }
        });
    }

    /** The layers-menu item bound to the layer. */
    public CheckMenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem(text.get("map.layer.caseDensity"));
        item.setId("map-layer-case-density");
        item.selectedProperty().bindBidirectional(shown);
        return item;
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    /** "" while shown or off; the computing or failure line otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void refresh() {
        long ticket = generation;
        status.set(text.get("map.caseDensity.computing"));
        ui.background(() -> {
            if (service == null) {
                service = stats.get();
            }
            StatsPeriod month = StatsPeriod.month(YearMonth.from(LocalDate.ofInstant(clock.instant(), service.zone())),
                    service.zone());
            return new Result(month, service.caseDensity(month));
        }, result -> {
            if (ticket == generation && shown.get()) {
                map.setFillByMetric(result.counts(), text.format("map.caseDensity.legend", result.period().label()));
                status.set("");
            }
        }, error -> {
            if (ticket == generation) {
                status.set(text.format("map.caseDensity.failed", String.valueOf(error.getMessage())));
            }
        });
    }

    private record Result(StatsPeriod period, Map<String, Double> counts) {
    }
}
