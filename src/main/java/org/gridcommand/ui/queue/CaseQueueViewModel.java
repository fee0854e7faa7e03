package org.gridcommand.ui.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.util.Duration;
import org.gridcommand.alarm.Alarm;
import org.gridcommand.alarm.AlarmBoard;
import org.gridcommand.alarm.AlarmChime;
import org.gridcommand.alarm.AlarmKind;
import org.gridcommand.alarm.AlarmService;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.FailureWords;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.sla.SlaView;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.ui.shared.CaseTexts;

/**
 * Today's queue: open cases plus everything reported since midnight, loaded in the background and
 * published on the FX thread as rows, filtered and sorted for the table.
 *
 * <p>Default order: open first, then SLA urgency (overdue, near due, on time), then priority, then
 * newest. A column the officer sorts by goes in front of that order. The selection follows the case id
 * across reloads, SLA refreshes and filter changes.
 *
 * <p>The alarm centre's list ({@link #alarms()}) is made from the loaded cases and their SLA on every load and SLA
 * refresh ({@link AlarmBoard}), less what officers acknowledged (kept in the store through {@link AlarmService}),
 * so it is the same list in the same order after a restart. A case that was not loaded before and arrives open
 * and URGENT is also put on {@link #urgentArrivals()} (the wall may show its cameras by itself); the cases of the
 * first load are the baseline there. All methods run on the FX thread.
 */
public final class CaseQueueViewModel {
    private static final System.Logger LOG = System.getLogger(CaseQueueViewModel.class.getName());

    /** SLA text moves on with the clock; the cases themselves only change through the store. */
    public static final Duration SLA_REFRESH = Duration.seconds(30);

    public static final Comparator<CaseRow> DEFAULT_ORDER = Comparator
            .comparing((CaseRow r) -> !r.source().isOpen())
            .thenComparing(CaseRow::sla, Comparator.nullsLast(SlaView.MOST_URGENT_FIRST))
            .thenComparing(r -> r.source().priority())
            .thenComparing((CaseRow r) -> r.source().reportedAt(), Comparator.reverseOrder())
            .thenComparing(CaseRow::id);

    private final Supplier<List<Case>> loader;
    private final CaseRowFactory rowFactory;
    private final Clock clock;
    private final UiExecutor ui;

    private final ObservableList<CaseRow> rows = FXCollections.observableArrayList();
    // One read-only view for everyone: a fresh wrapper per call would be collected with its listeners.
    private final ObservableList<CaseRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<CaseRow> filtered = new FilteredList<>(rows);
    private final SortedList<CaseRow> sorted = new SortedList<>(filtered, DEFAULT_ORDER);
    /** Arrivals kept for late listeners are few: the wall only ever wants the newest. */
    private static final int ARRIVALS_KEPT = 20;
    private final ObservableList<CaseRow> urgentArrivals = FXCollections.observableArrayList();
    private final ObservableList<CaseRow> readOnlyArrivals = FXCollections.unmodifiableObservableList(urgentArrivals);
    private final ObservableList<Alarm> alarms = FXCollections.observableArrayList();
    private final ObservableList<Alarm> readOnlyAlarms = FXCollections.unmodifiableObservableList(alarms);
    private final AlarmService alarmService;
    private final AlarmChime chime;
    /** Acknowledged as the store last said, plus those this seat wrote since (or is writing). */
    private Set<String> acknowledged = Set.of();
    private final Set<String> acknowledgedHere = new HashSet<>();

    private final ObjectProperty<StateFilter> stateFilter = new SimpleObjectProperty<>(this, "stateFilter",
            StateFilter.ALL_TODAY);
    private final ObjectProperty<Priority> priorityFilter = new SimpleObjectProperty<>(this, "priorityFilter");
    private final ObjectProperty<Channel> channelFilter = new SimpleObjectProperty<>(this, "channelFilter");
    private final ObjectProperty<String> majorFilter = new SimpleObjectProperty<>(this, "majorFilter");
    private final StringProperty gridFilter = new SimpleStringProperty(this, "gridFilter", "");
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ObjectProperty<Comparator<CaseRow>> columnOrder = new SimpleObjectProperty<>(this, "columnOrder");

    private final ReadOnlyObjectWrapper<CaseRow> selectedRow = new ReadOnlyObjectWrapper<>(this, "selectedRow");
    private final ReadOnlyObjectWrapper<Case> selectedCase = new ReadOnlyObjectWrapper<>(this, "selectedCase");
    private final ReadOnlyLongWrapper selectionRevision = new ReadOnlyLongWrapper(this, "selectionRevision");
    private final ReadOnlyObjectWrapper<List<Case>> loadedCases = new ReadOnlyObjectWrapper<>(this, "cases", List.of());
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper(this, "openCount");
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper(this, "loadProblem", "");
    /** A failed reload in the officer's words (a full disk in the console's language); the last rows stay shown. */
    private java.util.function.Function<Throwable, String> failureWords = error -> String.valueOf(error.getMessage());
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");

    private final Timeline slaTicker;
    private List<Case> cases = List.of();
    private Set<String> knownIds = Set.of();
    private boolean baselineTaken;
    private String selectedId;
    private String wantedId;
    private boolean revealWanted;
    private boolean publishing;
    private boolean batching;
    private boolean loading;
    private boolean reloadAgain;
    private long generation;
    private Consumer<Case> onOpenOnMap = c -> { };
    private Runnable unsubscribe = () -> { };

    public CaseQueueViewModel(Supplier<List<Case>> loader, CaseRowFactory rowFactory, AlarmService alarmService,
                              Clock clock, UiExecutor ui) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.alarmService = Objects.requireNonNull(alarmService, "alarmService");
        this.chime = new AlarmChime(alarmService.settings().repeatChime());
        this.rowFactory = Objects.requireNonNull(rowFactory, "rowFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ui = Objects.requireNonNull(ui, "ui");
        stateFilter.addListener(o -> applyFilter());
        priorityFilter.addListener(o -> applyFilter());
        channelFilter.addListener(o -> applyFilter());
        majorFilter.addListener(o -> applyFilter());
        gridFilter.addListener(o -> applyFilter());
        textFilter.addListener(o -> applyFilter());
        columnOrder.addListener(o -> applyOrder());
        setPredicate();
        slaTicker = new Timeline(new KeyFrame(SLA_REFRESH, e -> refreshSla()));
        slaTicker.setCycleCount(Timeline.INDEFINITE);
    }

    /** Today's queue of the context's store, with its categories, grids, zone and SLA engine. */
    public static CaseQueueViewModel forContext(AppContext context, UiExecutor ui) {
        CaseTexts texts = new CaseTexts(context.messages(), context.categories(), context.district(), context.zone());
        CaseQueueViewModel model = new CaseQueueViewModel(context::queueCases,
                new CaseRowFactory(texts, context.sla()), context.alarms(), context.clock(), ui);
        model.failureWords = error -> FailureWords.of(context.messages(), error);
        return model;
    }

    public CaseTexts texts() {
        return rowFactory.texts();
    }

    public CaseRowFactory rowFactory() {
        return rowFactory;
    }

    /** Where this queue loads and hands back; the queue's view runs its detail and verbs on the same. */
    public UiExecutor executor() {
        return ui;
    }

    // ---------------------------------------------------------------- loading

    /** Reloads from the store in the background; calls while a load runs fold into one more load after it. */
    public void reload() {
        if (loading) {
            reloadAgain = true;
            return;
        }
        startLoad();
    }

    /** Reloads on every "case" change the store publishes, until {@link #dispose()}. */
    public void listenTo(ChangeBus changes) {
        unsubscribe.run();
        unsubscribe = changes.subscribe(event -> {
            // "alarm": another seat of this store acknowledged one.
            if ("case".equals(event.entity()) || "alarm".equals(event.entity())) {
                ui.onUiThread(this::reload);
            }
        });
    }

    /** Starts the 30-second SLA refresh (the view does this while it is on screen). */
    public void startSlaRefresh() {
        slaTicker.play();
    }

    public void stopSlaRefresh() {
        slaTicker.stop();
    }

    public void dispose() {
        slaTicker.stop();
        unsubscribe.run();
        unsubscribe = () -> { };
    }

    private record Loaded(List<Case> cases, List<CaseRow> rows, Set<String> acknowledged) {
    }

    private void startLoad() {
        loading = true;
        long mine = ++generation;
        ui.background(() -> {
            List<Case> fresh = loader.get();
            return new Loaded(fresh, rowFactory.rows(fresh, clock.instant()), alarmService.acknowledged());
        }, result -> {
            loading = false;
            if (mine == generation) {
                acknowledged = result.acknowledged();
                publish(result.cases(), result.rows(), true);
                loadProblem.set("");
            } else {
                // A change was applied meanwhile: this read may predate it, so read once more.
                reloadAgain = true;
            }
            followUp();
        }, error -> {
            loading = false;
            LOG.log(System.Logger.Level.WARNING, "could not load the case queue", error);
            loadProblem.set(texts().format("queue.loadProblem", failureWords.apply(error)));
            followUp();
        });
    }

    private void followUp() {
        if (reloadAgain) {
            reloadAgain = false;
            startLoad();
        }
    }

    /** Recomputes the SLA cells of the loaded cases at the current time, without touching the store. */
    public void refreshSla() {
        if (loading || cases.isEmpty()) {
            return;
        }
        long mine = generation;
        List<Case> snapshot = cases;
        Instant now = clock.instant();
        ui.background(() -> rowFactory.rows(snapshot, now), fresh -> {
            if (mine == generation && !loading) {
                publish(snapshot, fresh, false);
            }
        }, error -> LOG.log(System.Logger.Level.WARNING, "could not refresh the SLA column", error));
    }

    /**
     * Shows a case as a service call just returned it, without waiting for the reload, so the next key
     * the officer presses is judged against the new state.
     */
    public void applyChange(Case after) {
        generation++;
        List<Case> next = new ArrayList<>(cases);
        int at = indexOf(next, after.id());
        if (at >= 0) {
            next.set(at, after);
        } else {
            next.add(after);
        }
        CaseRow row = rowFactory.row(after, clock.instant());
        List<CaseRow> nextRows = new ArrayList<>(rows);
        int rowAt = -1;
        for (int i = 0; i < nextRows.size(); i++) {
            if (nextRows.get(i).id().equals(after.id())) {
                rowAt = i;
                break;
            }
        }
        publishing = true;
        try {
            if (rowAt >= 0) {
                rows.set(rowAt, row);
            } else {
                rows.add(row);
            }
        } finally {
            publishing = false;
        }
        cases = List.copyOf(next);
        loadedCases.set(cases);
        openCount.set((int) cases.stream().filter(Case::isOpen).count());
        recomputeAlarms();
        reselect();
    }

    private static int indexOf(List<Case> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void publish(List<Case> fresh, List<CaseRow> freshRows, boolean fromStore) {
        publishing = true;
        try {
            rows.setAll(freshRows);
        } finally {
            publishing = false;
        }
        if (fromStore) {
            cases = List.copyOf(fresh);
            loadedCases.set(cases);
        }
        openCount.set((int) fresh.stream().filter(Case::isOpen).count());
        if (fromStore) {
            Set<String> ids = new HashSet<>(freshRows.size() * 2);
            for (CaseRow row : freshRows) {
                ids.add(row.id());
                if (baselineTaken && !knownIds.contains(row.id()) && row.source().priority() == Priority.URGENT
                        && row.source().isOpen()) {
                    urgentArrivals.add(row);
                }
            }
            if (urgentArrivals.size() > ARRIVALS_KEPT) {
                urgentArrivals.remove(0, urgentArrivals.size() - ARRIVALS_KEPT);
            }
            knownIds = ids;
            baselineTaken = true;
        }
        recomputeAlarms();
        if (fromStore) {
            loaded.set(true);
        }
        reselect();
    }

    // ---------------------------------------------------------------- alarm centre

    /** The list again from the rows as they stand (each row carries its SLA as of its load or refresh). */
    private void recomputeAlarms() {
        List<Case> open = new ArrayList<>(rows.size());
        java.util.Map<String, SlaView> slaById = new java.util.HashMap<>(rows.size() * 2);
        for (CaseRow row : rows) {
            if (row.source().isOpen()) {
                open.add(row.source());
                slaById.put(row.id(), row.sla());
            }
        }
        List<Alarm> all = AlarmBoard.alarms(open, c -> slaById.get(c.id()));
        Set<String> done = new HashSet<>(acknowledged);
        done.addAll(acknowledgedHere);
        List<Alarm> pending = new ArrayList<>(AlarmBoard.pending(all, done));
        if (!alarmService.settings().listNearDue()) {
            pending.removeIf(a -> a.kind() == AlarmKind.NEAR_DUE);
        }
        if (!pending.equals(alarms)) {
            alarms.setAll(pending);
        }
    }

    /**
     * Whether the seat should chime now: a new urgent alarm at once, then every repeat interval while any urgent
     * alarm stays unacknowledged (the view asks on each alarm change and on its one-second beat).
     */
    public boolean chimeDue() {
        Set<String> urgent = new HashSet<>();
        for (Alarm a : alarms) {
            if (a.kind() == AlarmKind.URGENT_UNACCEPTED) {
                urgent.add(a.key());
            }
        }
        return chime.shouldChime(urgent, clock.instant());
    }

    /**
     * Acknowledges the alarm: off the list at once, written to the store (with its trail line) in the background;
     * if the store refuses, the alarm comes back and the officer is told why.
     */
    public void acknowledge(Alarm alarm) {
        if (alarm == null || !acknowledgedHere.add(alarm.key())) {
            return;
        }
        recomputeAlarms();
        ui.background(() -> alarmService.acknowledge(alarm), done -> { }, error -> {
            acknowledgedHere.remove(alarm.key());
            recomputeAlarms();
            LOG.log(System.Logger.Level.WARNING, "could not acknowledge alarm " + alarm.key(), error);
            showMessage(texts().format("alarm.ackFailed", failureWords.apply(error)), true);
        });
    }

    /** The top alarm (what the banner shows), or null. */
    public Alarm topAlarm() {
        return alarms.isEmpty() ? null : alarms.get(0);
    }

    /** Shift+O: acknowledges the top alarm; false when there is none. */
    public boolean acknowledgeTopAlarm() {
        Alarm top = topAlarm();
        acknowledge(top);
        return top != null;
    }

    /** O: selects the top alarm's case and acknowledges the alarm (the officer has it in hand); false when none. */
    public boolean openTopAlarm() {
        Alarm top = topAlarm();
        if (top == null) {
            return false;
        }
        selectCase(top.caseId());
        acknowledge(top);
        return true;
    }

    // ---------------------------------------------------------------- filters and order

    private void applyFilter() {
        if (batching) {
            return;
        }
        setPredicate();
        reselect();
    }

    private void setPredicate() {
        publishing = true;
        try {
            filtered.setPredicate(predicate());
        } finally {
            publishing = false;
        }
    }

    private Predicate<CaseRow> predicate() {
        StateFilter state = stateFilter.get() == null ? StateFilter.ALL_TODAY : stateFilter.get();
        Priority priority = priorityFilter.get();
        Channel channel = channelFilter.get();
        String major = majorFilter.get();
        String grid = lower(gridFilter.get());
        String[] words = lower(textFilter.get()).split("\\s+");
        return row -> {
            Case c = row.source();
            if (!state.test(c.state()) || (priority != null && c.priority() != priority)
                    || (channel != null && c.channel() != channel) || (major != null && !major.equals(row.majorCode()))
                    || (!grid.isEmpty() && !row.gridKey().contains(grid))) {
                return false;
            }
            for (String w : words) {
                if (!w.isEmpty() && !row.searchKey().contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private void applyOrder() {
        Comparator<CaseRow> byColumn = columnOrder.get();
        publishing = true;
        try {
            sorted.setComparator(byColumn == null ? DEFAULT_ORDER : byColumn.thenComparing(DEFAULT_ORDER));
        } finally {
            publishing = false;
        }
        reselect();
    }

    /** Back to the defaults: all of today, no priority, channel, category, grid or text filter. */
    public void clearFilters() {
        resetFilterValues();
        reselect();
    }

    /** Resets every filter as one change: six separate ones would reselect halfway through. */
    private void resetFilterValues() {
        batching = true;
        try {
            stateFilter.set(StateFilter.ALL_TODAY);
            priorityFilter.set(null);
            channelFilter.set(null);
            majorFilter.set(null);
            gridFilter.set("");
            textFilter.set("");
        } finally {
            batching = false;
        }
        setPredicate();
    }

    // ---------------------------------------------------------------- selection

    /** The officer moved the table's selection (ignored while the VM itself is changing the rows). */
    public void select(CaseRow row) {
        if (publishing) {
            return;
        }
        selectedId = row == null ? null : row.id();
        wantedId = null;
        setSelection(row);
    }

    /**
     * Selects the case as soon as it is loaded (a case just created may still be on its way from the
     * store); clears the filters if they hide it, and asks the table to scroll to it.
     */
    public void selectCase(String id) {
        wantedId = id;
        revealWanted = true;
        if (!reselect()) {
            reload();
        }
    }

    /** Whether the table should scroll to the selection it is about to show (asked once per request). */
    public boolean takeRevealRequest() {
        boolean wanted = revealWanted && wantedId == null;
        if (wanted) {
            revealWanted = false;
        }
        return wanted;
    }

    /** Finds the wanted or selected case among the rows again; false when it is not loaded (yet). */
    private boolean reselect() {
        String id = wantedId != null ? wantedId : selectedId;
        CaseRow row = id == null ? null : visible(id);
        if (row == null && wantedId != null && loaded(wantedId)) {
            resetFilterValues();
            row = visible(wantedId);
        }
        if (row != null) {
            selectedId = row.id();
            if (row.id().equals(wantedId)) {
                wantedId = null;
            }
        }
        setSelection(row);
        return row != null;
    }

    private CaseRow visible(String id) {
        for (CaseRow row : sorted) {
            if (row.id().equals(id)) {
                return row;
            }
        }
        return null;
    }

    private boolean loaded(String id) {
        for (CaseRow row : rows) {
            if (row.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private void setSelection(CaseRow row) {
        selectedRow.set(row);
        selectedCase.set(row == null ? null : row.source());
        selectionRevision.set(selectionRevision.get() + 1);
    }

    // ---------------------------------------------------------------- urgent alerts, map, messages

    public void setOnOpenOnMap(Consumer<Case> handler) {
        onOpenOnMap = handler == null ? c -> { } : handler;
    }

    /** Hands the selected case to whoever shows it on the map; false when nothing is selected. */
    public boolean openOnMap() {
        Case c = selectedCase.get();
        if (c == null) {
            return false;
        }
        onOpenOnMap.accept(c);
        return true;
    }

    public void showMessage(String text, boolean error) {
        messageIsError.set(error);
        message.set(text == null ? "" : text);
    }

    public void clearMessage() {
        message.set("");
    }

    // ---------------------------------------------------------------- properties

    /** Every loaded row (today's queue), unfiltered, in load order: what the map shows. */
    public ObservableList<CaseRow> rows() {
        return readOnlyRows;
    }

    /** The filtered, sorted rows the table shows. */
    public ObservableList<CaseRow> visibleRows() {
        return sorted;
    }

    /** Open URGENT cases that arrived after the first load, newest last (a few are kept). */
    public ObservableList<CaseRow> urgentArrivals() {
        return readOnlyArrivals;
    }

    /** What needs the officer, most pressing first, without what was acknowledged: the alarm centre's list. */
    public ObservableList<Alarm> alarms() {
        return readOnlyAlarms;
    }

    public ObjectProperty<StateFilter> stateFilterProperty() {
        return stateFilter;
    }

    public ObjectProperty<Priority> priorityFilterProperty() {
        return priorityFilter;
    }

    public ObjectProperty<Channel> channelFilterProperty() {
        return channelFilter;
    }

    /** A major category code, or null for every category. */
    public ObjectProperty<String> majorFilterProperty() {
        return majorFilter;
    }

    public StringProperty gridFilterProperty() {
        return gridFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** The table's column comparator (null: the default order alone); the view binds it. */
    public ObjectProperty<Comparator<CaseRow>> columnOrderProperty() {
        return columnOrder;
    }

    public ReadOnlyObjectProperty<CaseRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    /** The selected case in its latest loaded form (null when none): what the map and detail pane follow. */
    public ReadOnlyObjectProperty<Case> selectedCaseProperty() {
        return selectedCase.getReadOnlyProperty();
    }

    /** Moves on every time the VM settles the selection, so the table can follow even an equal row. */
    public ReadOnlyLongProperty selectionRevisionProperty() {
        return selectionRevision.getReadOnlyProperty();
    }

    /**
     * The loaded cases (today's queue), replaced only when the cases themselves change: unlike {@link #rows()},
     * the 30-second SLA refresh leaves it alone, so the map need not redraw for it.
     */
    public ReadOnlyObjectProperty<List<Case>> casesProperty() {
        return loadedCases.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    /** True once the first load has been published. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }
}
