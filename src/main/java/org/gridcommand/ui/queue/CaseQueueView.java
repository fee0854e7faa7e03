package org.gridcommand.ui.queue;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import java.util.List;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.IntakeResult;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.sla.SlaView;
import org.gridcommand.app.CaseCapExport;
import org.gridcommand.ui.alert.AlertTone;
import org.gridcommand.alarm.Alarm;
import org.gridcommand.ui.alert.AlarmBanner;
import org.gridcommand.ui.intake.IntakeDialog;
import org.gridcommand.ui.shared.CaseTexts;
import org.gridcommand.ui.shared.Choice;
import org.gridcommand.ui.shared.Choices;

/**
 * The case queue region: urgent banner, filters, message strip, the table (fixed row height, one
 * selection, sortable columns) and the selected case's detail with the verbs it allows. Keyboard first:
 * every verb is one key while the focus is in the queue and not in a text field (F1 or ? lists them).
 */
public final class CaseQueueView extends StackPane {
    private java.util.function.Function<Case, String> onShowCameras;

    private final CaseQueueViewModel model;
    private final AppContext context;
    private final CaseTexts texts;
    private final TableView<CaseRow> table = new TableView<>();
    private final TextField textFilter = new TextField();
    private final AlarmBanner banner;
    /** The chime's beat: a repeat is due while an urgent alarm waits unacknowledged. */
    private final javafx.animation.Timeline chimeBeat;
    private final VBox main;
    private QueueHelpOverlay help;
    private final CaseDetailViewModel detailModel;
    private final TriageController triage;
    private final Map<Triage, Button> verbButtons = new EnumMap<>(Triage.class);
    private final ReadOnlyObjectWrapper<IntakeDialog> openIntake = new ReadOnlyObjectWrapper<>(this, "openIntake");
    private Runnable alertSound = new AlertTone()::play;
    private Function<Case, java.nio.file.Path> capTarget = this::chooseCapFile;
    private java.io.File capFolder;
    private final CapExportViewModel capExport;
    private boolean syncing;

    public CaseQueueView(CaseQueueViewModel model, AppContext context) {
        this.model = model;
        this.context = context;
        this.texts = model.texts();
        this.onShowCameras = c -> texts.get("cameras.noWall");
        setId("case-queue");
        getStyleClass().add("case-queue");

        banner = new AlarmBanner(texts.get("alarm.open"), texts.get("alarm.acknowledge"));
        banner.setOnOpen(this::openTopAlarm);
        banner.setOnAcknowledge(this::acknowledgeTopAlarm);
        model.alarms().addListener((ListChangeListener<Alarm>) c -> {
            showBanner();
            chimeIfDue();
        });
        chimeBeat = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1),
                e -> {
                    // The strip's countdown moves on by the second; the list itself only on loads and refreshes.
                    if (banner.isVisible()) {
                        showBanner();
                    }
                    chimeIfDue();
                }));
        chimeBeat.setCycleCount(javafx.animation.Animation.INDEFINITE);

        Label message = new Label();
        message.setId("queue-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(Bindings.createStringBinding(() -> model.messageProperty().get().isEmpty() ? ""
                        : (model.messageIsErrorProperty().get() ? "✖ " : "✓ ") + model.messageProperty().get(),
                model.messageProperty(), model.messageIsErrorProperty()));
        message.managedProperty().bind(model.messageProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        model.messageIsErrorProperty().addListener((o, a, b) -> styleMessage(message, b));
        styleMessage(message, model.messageIsErrorProperty().get());

        buildTable();
        detailModel = new CaseDetailViewModel(CaseDetailViewModel.sourceFor(context), model.rowFactory(),
                context.clock(), context.departments(), model.executor());
        capExport = new CapExportViewModel(model, context::exportCap);
        CaseDetailView detail = new CaseDetailView(detailModel, texts);
        model.selectedCaseProperty().addListener((o, was, now) -> detailModel.show(now));
        detailModel.show(model.selectedCaseProperty().get());

        triage = new TriageController(model, context.caseService(), context.dispatchAdvisor(), context.duty(), this);
        triage.setAfterAction(table::requestFocus);
        FlowPane verbs = verbBar();
        VBox detailSide = new VBox(verbs, detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        detailSide.setMinWidth(0);

        SplitPane split = new SplitPane(table, detailSide);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.76);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label problem = new Label();
        problem.getStyleClass().add("input-problem");
        problem.textProperty().bind(model.loadProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        main = new VBox(banner, filterBar(), message, problem, split);
        main.setMinSize(0, 0);
        getChildren().add(main);
        setMinSize(0, 0);

        addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        addEventHandler(KeyEvent.KEY_TYPED, this::onKeyTyped);
        ChangeBus changes = context.changes();
        // Timers and subscriptions live while the queue is on screen, so a closed console leaves nothing running.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                model.stopSlaRefresh();
                chimeBeat.stop();
                detailModel.dispose();
            } else if (was == null) {
                model.startSlaRefresh();
                chimeBeat.play();
                detailModel.listenTo(changes);
            }
        });
    }

    // ---------------------------------------------------------------- public API

    public TableView<CaseRow> table() {
        return table;
    }

    public CaseQueueViewModel model() {
        return model;
    }

    public CaseDetailViewModel detailModel() {
        return detailModel;
    }

    /** The alarm centre's strip: the most pressing unacknowledged alarm. */
    public AlarmBanner banner() {
        return banner;
    }

    /**
     * Adds a notice under the alarm strip (the field feed's trouble): the notice shows and hides itself.
     */
    public void addNotice(Region notice) {
        main.getChildren().add(main.getChildren().indexOf(banner) + 1, notice);
    }

    /** The shortcut list, made the first time it is asked for (it is rarely needed, and not at start). */
    public QueueHelpOverlay helpOverlay() {
        if (help == null) {
            help = new QueueHelpOverlay(texts);
            getChildren().add(help);
        }
        return help;
    }

    private boolean helpShowing() {
        return help != null && help.isVisible();
    }

    /** The selected case (the map follows it). */
    public ReadOnlyObjectProperty<Case> selectedCaseProperty() {
        return model.selectedCaseProperty();
    }

    /** What M (open on map) hands the case to. */
    /** W: puts the case's cameras on the wall; the handler answers with the line to show the officer. */
    public void setOnShowCameras(java.util.function.Function<Case, String> handler) {
        onShowCameras = handler == null ? c -> texts.get("cameras.noWall") : handler;
    }

    public void setOnOpenOnMap(Consumer<Case> handler) {
        model.setOnOpenOnMap(handler);
    }

    /** Replaces the urgent-alarm chime (tests count calls; a silent seat passes a no-op). */
    public void setAlertSound(Runnable sound) {
        alertSound = sound == null ? () -> { } : sound;
    }

    /**
     * Replaces the save dialog of the CAP export (P): given the case, the file to write, or null to cancel.
     * Tests pass a path so no native dialog opens.
     */
    public void setCapTargetChooser(Function<Case, java.nio.file.Path> chooser) {
        capTarget = chooser == null ? this::chooseCapFile : chooser;
    }

    /** The hotline form while it is open, else null. */
    public ReadOnlyObjectProperty<IntakeDialog> openIntakeProperty() {
        return openIntake.getReadOnlyProperty();
    }

    /** Opens the hotline intake form (N); the case it makes is selected when it arrives. */
    public void newHotlineCase() {
        newHotlineCase(null);
    }

    /**
     * Opens the hotline form at a point clicked on the map (null: no point yet); the case it makes is selected when
     * it arrives. A form already open takes the point instead of a second form opening.
     */
    public void newHotlineCase(org.gridcommand.geo.GeoPoint at) {
        if (openIntake.get() != null) {
            if (at != null) {
                openIntake.get().startAt(at);
            }
            openIntake.get().getDialogPane().requestFocus();
            return;
        }
        IntakeDialog dialog = new IntakeDialog(context.intake(),
                new org.gridcommand.ui.intake.IntakePlaces(context.addresses(), context.locateService()),
                context.categories(), texts, this);
        if (at != null) {
            dialog.startAt(at);
        }
        openIntake.set(dialog);
        dialog.setOnHidden(e -> {
            openIntake.set(null);
            IntakeResult result = dialog.getResult();
            if (result != null && result.aCase() != null) {
                Case c = result.aCase();
                String key = switch (result.outcome()) {
                    case CREATED -> "intake.created";
                    case MERGED -> "intake.merged";
                    default -> "intake.alreadyReceived";
                };
                model.showMessage(texts.format(key, texts.categoryName(c.categoryCode()), texts.gridName(c), texts.number(c)),
                        false);
                model.selectCase(c.id());
            }
            table.requestFocus();
        });
        dialog.show();
    }

    /** Runs one verb as its key would. */
    public void run(Triage verb) {
        switch (verb) {
            case NEW_HOTLINE_CASE -> newHotlineCase();
            case OPEN_ON_MAP -> {
                Case c = model.selectedCaseProperty().get();
                if (model.openOnMap()) {
                    model.showMessage(texts.format("triage.openedOnMap", texts.categoryName(c.categoryCode()),
                            texts.gridName(c)), false);
                } else {
                    model.showMessage(texts.get("triage.noSelection"), true);
                }
            }
            case EXPORT_CAP -> exportCap();
            case SHOW_CAMERAS -> {
                Case c = model.selectedCaseProperty().get();
                if (c == null || c.location() == null) {
                    model.showMessage(texts.get(c == null ? "triage.noSelection" : "cameras.noLocation"), true);
                } else {
                    model.showMessage(onShowCameras.apply(c), false);
                }
            }
            default -> triage.run(verb);
        }
    }

    /** O: selects the top alarm's case and acknowledges the alarm. */
    public void openTopAlarm() {
        if (model.openTopAlarm()) {
            table.requestFocus();
        } else {
            model.showMessage(texts.get("alarm.none"), false);
        }
    }

    /** Shift+O: acknowledges the top alarm without leaving the selected case. */
    public void acknowledgeTopAlarm() {
        if (!model.acknowledgeTopAlarm()) {
            model.showMessage(texts.get("alarm.none"), false);
        }
    }

    private void chimeIfDue() {
        if (model.chimeDue()) {
            alertSound.run();
        }
    }

    /**
     * P: asks where to save, then writes the selected case, as the store holds it now, as a CAP 1.2 alert
     * (status Actual) off the FX thread; the message strip says where it went or why it did not.
     */
    public void exportCap() {
        Case c = capExport.caseToExport();
        if (c == null) {
            return;
        }
        java.nio.file.Path target = capTarget.apply(c);
        if (target == null) {
            table.requestFocus();
            return;
        }
        capExport.export(c, target, table::requestFocus);
    }

    private java.nio.file.Path chooseCapFile(Case c) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(texts.get("cap.chooser.title"));
        chooser.setInitialFileName(CaseCapExport.fileName(c));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(texts.get("cap.chooser.filter"),
                "*.xml"));
        if (capFolder != null && capFolder.isDirectory()) {
            chooser.setInitialDirectory(capFolder);
        }
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return null;
        }
        capFolder = file.getParentFile();
        return file.toPath();
    }

    /** The alarm in words: what, which case (category, grid), and the time that matters now. */
    private String describeAlarm(Alarm a) {
        Case c = a.aCase();
        java.time.Instant now = context.clock().instant();
        String category = texts.categoryName(c.categoryCode());
        String grid = texts.gridName(c);
        return switch (a.kind()) {
            case URGENT_UNACCEPTED -> {
                String reported = texts.shortTime(c.reportedAt(), now);
                if (a.due() == null) {
                    yield texts.format("alarm.urgent", category, grid, reported);
                }
                yield now.isBefore(a.due())
                        ? texts.format("alarm.urgent.left", category, grid, reported,
                        texts.countdown(java.time.Duration.between(now, a.due())))
                        : texts.format("alarm.urgent.late", category, grid, reported,
                        texts.countdown(java.time.Duration.between(a.due(), now)));
            }
            case OVERDUE -> texts.format("alarm.overdue", texts.get("sla.stage." + a.stage().name()), category, grid,
                    texts.shortTime(a.due(), now), texts.duration(later(a.overrun(),
                            java.time.Duration.between(a.due(), now))));
            case NEAR_DUE -> texts.format("alarm.nearDue", texts.get("sla.stage." + a.stage().name()), category, grid,
                    texts.shortTime(a.due(), now), texts.duration(java.time.Duration.between(now, a.due()).isNegative()
                            ? java.time.Duration.ZERO : java.time.Duration.between(now, a.due())));
        };
    }

    private static java.time.Duration later(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void toggleHelp() {
        QueueHelpOverlay overlay = helpOverlay();
        overlay.setVisible(!overlay.isVisible());
        if (!overlay.isVisible()) {
            table.requestFocus();
        }
    }

    /** Ctrl+F: into the text filter, its text selected so typing replaces it. */
    public void focusTextFilter() {
        textFilter.requestFocus();
        textFilter.selectAll();
    }

    // ---------------------------------------------------------------- keys

    private void onKeyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.F1) {
            toggleHelp();
            e.consume();
            return;
        }
        if (code == KeyCode.ESCAPE) {
            if (helpShowing()) {
                toggleHelp();
            } else if (!model.messageProperty().get().isEmpty()) {
                model.clearMessage();
            } else if (isTyping()) {
                table.requestFocus();
            } else {
                return;
            }
            e.consume();
            return;
        }
        if (code == KeyCode.F && e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
            focusTextFilter();
            e.consume();
            return;
        }
        if (isTyping()) {
            return;
        }
        if (code == KeyCode.O && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShortcutDown()) {
            e.consume();
            if (helpShowing()) {
                help.setVisible(false);
            }
            if (e.isShiftDown()) {
                acknowledgeTopAlarm();
            } else {
                openTopAlarm();
            }
            return;
        }
        Triage verb = Triage.of(e);
        if (verb != null) {
            e.consume();
            if (helpShowing()) {
                help.setVisible(false);
            }
            run(verb);
        }
    }

    private void onKeyTyped(KeyEvent e) {
        if ("?".equals(e.getCharacter()) && !isTyping()) {
            toggleHelp();
            e.consume();
        }
    }

    private boolean isTyping() {
        return getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
    }

    // ---------------------------------------------------------------- pieces

    private void showBanner() {
        banner.show(model.alarms(), this::describeAlarm, n -> texts.format("alarm.more", n));
    }

    private static void styleMessage(Label message, boolean error) {
        message.getStyleClass().removeAll("queue-message-error", "queue-message-info");
        message.getStyleClass().add(error ? "queue-message-error" : "queue-message-info");
    }

    private Node filterBar() {
        ChoiceBox<Choice<StateFilter>> state = new ChoiceBox<>();
        state.setId("queue-filter-state");
        state.getItems().add(new Choice<>(StateFilter.OPEN, texts.get("queue.filter.open")));
        state.getItems().add(new Choice<>(StateFilter.ALL_TODAY, texts.get("queue.filter.allToday")));
        for (CaseState s : CaseState.values()) {
            state.getItems().add(new Choice<>(StateFilter.of(s), texts.get("state." + s.name())));
        }
        Choices.bind(state, model.stateFilterProperty());

        ChoiceBox<Choice<org.gridcommand.cases.Priority>> priority = new ChoiceBox<>();
        priority.setId("queue-filter-priority");
        priority.getItems().add(new Choice<>(null, texts.get("queue.filter.anyPriority")));
        for (org.gridcommand.cases.Priority p : org.gridcommand.cases.Priority.values()) {
            priority.getItems().add(new Choice<>(p, texts.get("priority." + p.name())));
        }
        Choices.bind(priority, model.priorityFilterProperty());

        ChoiceBox<Choice<Channel>> channel = new ChoiceBox<>();
        channel.setId("queue-filter-channel");
        channel.getItems().add(new Choice<>(null, texts.get("queue.filter.anyChannel")));
        for (Channel ch : Channel.values()) {
            channel.getItems().add(new Choice<>(ch, texts.get("channel." + ch.name())));
        }
        Choices.bind(channel, model.channelFilterProperty());

        ChoiceBox<Choice<String>> major = new ChoiceBox<>();
        major.setId("queue-filter-category");
        major.getItems().add(new Choice<>(null, texts.get("queue.filter.anyCategory")));
        for (Category m : context.categories().majors()) {
            major.getItems().add(new Choice<>(m.code(), m.name().in(texts.messages().locale())));
        }
        Choices.bind(major, model.majorFilterProperty());

        textFilter.setId("queue-filter-text");
        textFilter.setPromptText(texts.get("queue.filter.text"));
        textFilter.setPrefColumnCount(12);
        textFilter.setMinWidth(120);
        textFilter.textProperty().bindBidirectional(model.textFilterProperty());
        HBox.setHgrow(textFilter, Priority.ALWAYS);

        Button clear = new Button(texts.get("queue.filter.clear"));
        clear.setId("queue-filter-clear");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> model.clearFilters());

        state.setPrefWidth(120);
        priority.setPrefWidth(120);
        channel.setPrefWidth(120);
        major.setPrefWidth(150);
        // A choice box's computed minimum width styles and measures its whole popup menu (every choice): at
        // start that was a fifth of the console's first CSS pass. Its fixed width is its minimum.
        for (ChoiceBox<?> box : List.of(state, priority, channel, major)) {
            box.setMinWidth(Region.USE_PREF_SIZE);
        }
        // One line: each choice names itself ("any priority"), the grid is found by the text filter (name or code),
        // so the rows keep the room. The words of the old labels stay as what a screen reader says.
        state.setAccessibleText(texts.get("queue.filter.state"));
        priority.setAccessibleText(texts.get("queue.filter.priority"));
        channel.setAccessibleText(texts.get("queue.filter.channel"));
        major.setAccessibleText(texts.get("queue.filter.category"));
        HBox bar = new HBox(6, state, priority, channel, major, textFilter, clear);
        bar.setId("queue-filters");
        bar.getStyleClass().add("queue-filters");
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0);
        return bar;
    }

    private FlowPane verbBar() {
        FlowPane bar = new FlowPane(6, 4);
        bar.setId("triage-actions");
        bar.getStyleClass().add("triage-actions");
        bar.setPadding(new Insets(6, 8, 6, 8));
        for (Triage t : Triage.values()) {
            Button b = new Button(t.keyName() + " · " + texts.get("triage.verb." + t.name()));
            b.setId("verb-" + t.name());
            b.setFocusTraversable(false);
            b.setOnAction(e -> run(t));
            b.managedProperty().bind(b.visibleProperty());
            verbButtons.put(t, b);
            bar.getChildren().add(b);
        }
        Label hint = new Label(texts.get("queue.hint"));
        hint.setId("queue-hint");
        hint.getStyleClass().add("hint");
        bar.getChildren().add(hint);
        Runnable update = () -> {
            Case c = model.selectedCaseProperty().get();
            verbButtons.forEach((t, b) -> b.setVisible(t == Triage.NEW_HOTLINE_CASE || TriageController.allows(c, t)));
        };
        model.selectedCaseProperty().addListener((o, a, b) -> update.run());
        update.run();
        return bar;
    }

    private void buildTable() {
        table.setId("case-queue-table");
        table.setItems(model.visibleRows());
        table.setFixedCellSize(32);
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> texts.get(model.rows().isEmpty()
                ? "queue.empty" : "queue.noMatch"), model.rows()));
        table.setPlaceholder(placeholder);

        // SLA next to priority: the two things a triage glance needs, left where they are never squeezed out.
        table.getColumns().add(column("col-time", "queue.col.time", 104, 98, CaseRow::time, null,
                Comparator.comparing(r -> r.source().reportedAt())));
        table.getColumns().add(column("col-priority", "queue.col.priority", 80, 64, CaseRow::priority,
                r -> state("prio-" + r.source().priority().name()), Comparator.comparing(r -> r.source().priority())));
        table.getColumns().add(column("col-sla", "queue.col.sla", 170, 120, CaseRow::slaCell, r -> state(r.slaStyle()),
                Comparator.comparing(CaseRow::sla, Comparator.nullsLast(SlaView.MOST_URGENT_FIRST))));
        table.getColumns().add(column("col-category", "queue.col.category", 170, 90, CaseRow::category, null,
                Comparator.comparing(r -> r.order().category())));
        table.getColumns().add(column("col-grid", "queue.col.grid", 140, 80, CaseRow::grid, null,
                Comparator.comparing(r -> r.order().grid())));
        table.getColumns().add(column("col-state", "queue.col.state", 95, 70, CaseRow::state, null,
                Comparator.comparing(r -> r.source().state())));
        table.getColumns().add(column("col-channel", "queue.col.channel", 90, 60, CaseRow::channel, null,
                Comparator.comparing(r -> r.order().channel())));
        table.getColumns().add(column("col-flags", "queue.col.flags", 110, 50, CaseRow::flags, null,
                Comparator.comparing(CaseRow::flags).reversed()));

        // The rows are a SortedList whose order the VM owns: the table only reports which column the officer chose.
        table.setSortPolicy(t -> true);
        model.columnOrderProperty().bind(table.comparatorProperty());

        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing) {
                model.select(now);
            }
        });
        model.selectionRevisionProperty().addListener((o, was, now) -> syncTable());
    }

    private void syncTable() {
        CaseRow row = model.selectedRowProperty().get();
        syncing = true;
        try {
            if (row == null) {
                if (table.getSelectionModel().getSelectedItem() != null) {
                    table.getSelectionModel().clearSelection();
                }
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        } finally {
            syncing = false;
        }
        if (row != null && model.takeRevealRequest()) {
            int index = table.getItems().indexOf(row);
            if (index >= 0) {
                table.scrollTo(Math.max(0, index - 2));
            }
        }
    }

    private TableColumn<CaseRow, CaseRow> column(String id, String titleKey, double width, double minWidth,
                                                  Function<CaseRow, String> text, Function<CaseRow, PseudoClass> state,
                                                  Comparator<CaseRow> order) {
        String title = texts.get(titleKey);
        TableColumn<CaseRow, CaseRow> col = new TableColumn<>(title);
        col.setId(id);
        // Never narrower than its own header (bold, plus padding and the sort arrow): a cut header in either
        // language reads as a different word.
        double headerWidth = headerWidth(title);
        col.setMinWidth(Math.max(minWidth, headerWidth));
        col.setPrefWidth(Math.max(width, headerWidth));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(order);
        col.setCellFactory(c -> new RowCell(text, state));
        return col;
    }

    private static double headerWidth(String title) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(title);
        text.setFont(org.gridcommand.fx.Fonts.bold(15));
        return Math.ceil(text.getLayoutBounds().getWidth()) + 30;
    }

    private static final Map<String, PseudoClass> STATES = new java.util.concurrent.ConcurrentHashMap<>();

    /** "prio-URGENT" → the pseudo-class :prio-urgent (console.css colours it). */
    private static PseudoClass state(String name) {
        return STATES.computeIfAbsent(name, n -> PseudoClass.getPseudoClass(n.toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-')));
    }

    /**
     * Paints one cell of a row from its precomputed text. Colour comes from a pseudo-class, not a style
     * class: a cell that changes style class has its whole style looked up again, a pseudo-class only
     * switches among the styles it already has, and a filter or sort moves every visible row.
     */
    private static final class RowCell extends TableCell<CaseRow, CaseRow> {
        private final Function<CaseRow, String> text;
        private final Function<CaseRow, PseudoClass> state;
        private PseudoClass applied;

        RowCell(Function<CaseRow, String> text, Function<CaseRow, PseudoClass> state) {
            this.text = text;
            this.state = state;
        }

        @Override
        protected void updateItem(CaseRow item, boolean empty) {
            super.updateItem(item, empty);
            PseudoClass wanted = empty || item == null || state == null ? null : state.apply(item);
            if (applied != wanted) {
                if (applied != null) {
                    pseudoClassStateChanged(applied, false);
                }
                if (wanted != null) {
                    pseudoClassStateChanged(wanted, true);
                }
                applied = wanted;
            }
            setText(empty || item == null ? null : text.apply(item));
        }
    }
}
