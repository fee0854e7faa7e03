package org.gridcommand.ui.alert;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.gridcommand.app.VideoSettings;
import org.gridcommand.cases.Case;

/**
 * Puts an urgent case's cameras on the wall by itself when the seat is configured so
 * ({@link VideoSettings#autoShowUrgentCases()}): it listens where the urgent banner does (the queue's urgent
 * alerts: a case that arrives open and URGENT after the first load) and hands the new case to {@code show},
 * e.g. the console's "cameras for this case". Several arriving in one load: the most recently reported one
 * with a location, since the wall can show one case's cameras at a time. Off, it does nothing at all. FX thread.
 *
 * @param <T> what the alert list holds (the queue's rows); {@code caseOf} gives each one's case, so this package does
 *            not depend on the queue's
 */
public final class UrgentCameras<T> {
    private final ObservableList<T> alerts;
    private final ListChangeListener<T> listener = this::onAlerts;
    private final Function<? super T, Case> caseOf;
    private final VideoSettings settings;
    private final Consumer<Case> show;

    private UrgentCameras(ObservableList<T> alerts, Function<? super T, Case> caseOf, VideoSettings settings,
                          Consumer<Case> show) {
        this.alerts = alerts;
        this.caseOf = caseOf;
        this.settings = settings;
        this.show = show;
    }

    /**
     * Starts watching the alerts (the queue model's {@code urgentAlerts()}).
     *
     * @param show given each urgent case to put on the wall
     */
    public static <T> UrgentCameras<T> watch(ObservableList<T> urgentAlerts, Function<? super T, Case> caseOf,
                                             VideoSettings settings, Consumer<Case> show) {
        UrgentCameras<T> watcher = new UrgentCameras<>(Objects.requireNonNull(urgentAlerts, "urgentAlerts"),
                Objects.requireNonNull(caseOf, "caseOf"), Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(show, "show"));
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

    private void onAlerts(ListChangeListener.Change<? extends T> change) {
        Optional<Case> newest = Optional.empty();
        while (change.next()) {
            // Replacements are the queue refreshing an alert's row (same case, newer state): not a new arrival.
            if (!change.wasAdded() || change.wasReplaced()) {
                continue;
            }
            for (T row : change.getAddedSubList()) {
                Case c = caseOf.apply(row);
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
