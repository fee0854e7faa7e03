package org.gridcommand.ui.alert;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.gridcommand.app.VideoSettings;
import org.gridcommand.cases.Case;
import org.gridcommand.ui.queue.CaseRow;

/**
 * Puts an urgent case's cameras on the wall by itself when the seat is configured so
 * ({@link VideoSettings#autoShowUrgentCases()}): it listens where the urgent banner does (the queue's urgent
 * alerts: a case that arrives open and URGENT after the first load) and hands the new case to {@code show},
 * e.g. the console's "cameras for this case". Several arriving in one load: the most recently reported one
 * with a location, since the wall can show one case's cameras at a time. Off, it does nothing at all. FX thread.
 */
public final class UrgentCameras {
    private final ObservableList<CaseRow> alerts;
    private final ListChangeListener<CaseRow> listener = this::onAlerts;
    private final VideoSettings settings;
    private final Consumer<Case> show;

    private UrgentCameras(ObservableList<CaseRow> alerts, VideoSettings settings, Consumer<Case> show) {
        this.alerts = alerts;
        this.settings = settings;
        this.show = show;
    }

    /**
     * Starts watching the alerts (the queue model's {@code urgentAlerts()}).
     *
     * @param show given each urgent case to put on the wall
     */
    public static UrgentCameras watch(ObservableList<CaseRow> urgentAlerts, VideoSettings settings,
                                      Consumer<Case> show) {
        UrgentCameras watcher = new UrgentCameras(Objects.requireNonNull(urgentAlerts, "urgentAlerts"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(show, "show"));
        if (settings.autoShowUrgentCases()) {
            urgentAlerts.addListener(watcher.listener);
        }
        return watcher;
    }

    public boolean enabled() {
        return settings.autoShowUrgentCases();
    }

    public void dispose() {
        alerts.removeListener(listener);
    }

    private void onAlerts(ListChangeListener.Change<? extends CaseRow> change) {
        Optional<Case> newest = Optional.empty();
        while (change.next()) {
            // Replacements are the queue refreshing an alert's row (same case, newer state): not a new arrival.
            if (!change.wasAdded() || change.wasReplaced()) {
                continue;
            }
            for (CaseRow row : change.getAddedSubList()) {
                Case c = row.source();
                if (c.location() != null && c.isOpen()
                        && newest.map(n -> NEWEST_FIRST.compare(c, n) < 0).orElse(true)) {
                    newest = Optional.of(c);
                }
            }
        }
        newest.ifPresent(show);
    }

    private static final Comparator<Case> NEWEST_FIRST = Comparator.comparing(Case::reportedAt).reversed()
            .thenComparing(Case::id);
}
