package org.gridcommand.ui.track;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.gridcommand.app.AppContext;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.track.CoverageReport;
import org.gridcommand.feed.track.CoverageSettings;
import org.gridcommand.feed.track.GridCoverage;
import org.gridcommand.feed.track.PatrolCoverage;
import org.gridcommand.feed.track.ShiftTable;
import org.gridcommand.feed.track.ShiftWindow;
import org.gridcommand.feed.track.Track;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.ui.map.GridMapView;

/**
 * The map's "patrol coverage (this shift)" layer: while shown, small grids are filled by the share of their
 * cells their own workers covered in the current shift so far (every worker's track read from the store off
 * the FX thread); hidden, the map's normal fill returns. The summary names the district's coverage and how
 * many workers were outside their grid or unseen.
 */
public final class CoverageLayer {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final FeedStore store;
    private final District district;
    /** The grid index is built on first use, off the FX thread: the console's start does not wait for it. */
    private final Supplier<GridLocator> locator;
    private final ZoneId zone;
    private final Clock clock;
    private final Messages text;
    private final GridMapView map;
    private final UiExecutor ui;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<CoverageReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private volatile PatrolCoverage coverage;
    private ShiftTable shifts;
    private long generation;

    public CoverageLayer(AppContext context, GridMapView map, UiExecutor ui) {
        this.store = context.feedStore();
        this.district = context.district();
        this.locator = context.locateService()::locator;
        this.zone = context.zone();
        this.clock = context.clock();
        this.text = context.messages();
        this.map = map;
        this.ui = ui;
        shown.addListener((o, was, now) -> {
            if (now) {
                refresh();
            } else {
                generation++;
                map.setFillByBigGrid();
                summary.set("");
                report.set(null);
            }
        });
    }

    /** Turning it on computes and shows the layer; off restores the fill by big grid. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** One line for the status bar: the window, the district's coverage, outside and unseen workers. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last report shown, or null. */
    public ReadOnlyObjectProperty<CoverageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Recomputes for the shift running now (to now), when the layer is shown. */
    public void refresh() {
        if (!shown.get()) {
            return;
        }
        long ticket = ++generation;
        Instant now = clock.instant();
        summary.set(text.get("coverage.computing"));
        ui.background(() -> compute(now), result -> {
            if (ticket == generation && shown.get()) {
                show(result);
            }
        }, error -> {
            if (ticket == generation) {
                summary.set(text.format("coverage.failed", String.valueOf(error.getMessage())));
            }
        });
    }

    private record Result(ShiftWindow shift, CoverageReport report) {
    }

    private Result compute(Instant now) {
        if (shifts == null) {
            shifts = ShiftTable.loadDefault();
        }
        ShiftWindow w = shifts.windowAt(now, zone)
                .orElseGet(() -> shifts.windows(LocalDate.now(clock.withZone(zone)), zone).get(0));
        Instant to = w.to().isAfter(now) ? now : w.to();
        List<Track> tracks = new ArrayList<>();
        for (GridWorker worker : district.gridWorkers()) {
            tracks.add(Track.of(worker.id(), store.track(worker.id(), w.from(), to)));
        }
        return new Result(w, patrolCoverage().compute(tracks, w.from(), to));
    }

    private synchronized PatrolCoverage patrolCoverage() {
        if (coverage == null) {
            coverage = new PatrolCoverage(district, locator.get(), CoverageSettings.DEFAULTS);
        }
        return coverage;
    }

    private void show(Result result) {
        CoverageReport r = result.report();
        Map<String, Double> values = new HashMap<>();
        for (GridCoverage g : r.grids()) {
            values.put(g.grid().value(), Math.round(g.coverage() * 1000) / 10.0);
        }
        String window = HM.format(r.from().atZone(zone)) + "–" + HM.format(r.to().atZone(zone));
        String shiftName = result.shift().shift().name().in(text.locale());
        map.setFillByMetric(values, text.format("coverage.legend", shiftName, window));
        long covered = r.grids().stream().filter(g -> g.cellsVisited() > 0).count();
        summary.set(text.format("coverage.summary", shiftName, window,
                String.format(text.locale(), "%.1f", r.districtCoverage() * 100), covered, r.grids().size(),
                r.outsideTheirGrid().size(), r.unseen().size()));
        report.set(r);
    }
}
