package org.gridcommand.ui.queue;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gridcommand.cases.Case;
import org.gridcommand.ui.fx.FxThread;

/**
 * Today's queue: loads cases in the background and publishes rows on the FX thread.
 * Open cases first, urgent first, newest first, so what needs the officer is on top.
 */
public final class CaseQueueViewModel {
    private final Supplier<List<Case>> loader;
    private final Function<Case, CaseRow> toRow;
    private final ObservableList<CaseRow> rows = FXCollections.observableArrayList();
    // One read-only view for everyone: a fresh wrapper per call would be collected with its listeners.
    private final ObservableList<CaseRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper("");

    public CaseQueueViewModel(Supplier<List<Case>> loader, Function<Case, CaseRow> toRow) {
        this.loader = loader;
        this.toRow = toRow;
    }

    static final Comparator<Case> QUEUE_ORDER = Comparator
            .comparing((Case c) -> !c.state().isOpen())
            .thenComparing(Case::priority)
            .thenComparing(Case::reportedAt, Comparator.reverseOrder());

    public void reload() {
        FxThread.background(() -> {
            List<Case> cases = loader.get().stream().sorted(QUEUE_ORDER).toList();
            return cases.stream().map(toRow).toList();
        }, loaded -> {
            rows.setAll(loaded);
            openCount.set((int) loaded.stream().filter(r -> r.source().state().isOpen()).count());
            loadProblem.set("");
        }, error -> loadProblem.set(String.valueOf(error.getMessage())));
    }

    public ObservableList<CaseRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }
}
