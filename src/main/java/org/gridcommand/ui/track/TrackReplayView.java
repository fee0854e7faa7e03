package org.gridcommand.ui.track;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.gridcommand.app.AppContext;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.track.ReplayFrame;
import org.gridcommand.feed.track.ReplaySpeed;
import org.gridcommand.feed.track.Shift;
import org.gridcommand.feed.track.ShiftWindow;
import org.gridcommand.feed.track.Stop;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.map.MapLayerKind;
import org.gridcommand.ui.map.OverlayShape;
import org.gridcommand.ui.map.OverlayStyle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Track replay (F9): pick grid workers and a time window on the left, watch their trails and positions on
 * the map in the centre with play, pause, speed, seek and follow, and read their stops and "who was where"
 * at the play-head on the right. Keys: Space play/pause, 1–4 speed ×1/×10/×60/×600, + and - faster and
 * slower, Home/End start and end of the window, F follow, Ctrl+F worker search, Ctrl+Enter load, Escape closes.
 */
public final class TrackReplayView extends BorderPane {
    static final String STOPS_OVERLAY = "replay.stops";
    /** Ground resolution a picked stop is shown at: a few houses wide. */
    private static final double STOP_METRES_PER_PIXEL = 1.2;
    /** The replay redraws at most ten times a second: the software pipeline pays per frame. */
    private static final long FRAME_NANOS = 100_000_000L;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final TrackReplayModel model;
    private final Messages text;
    private final Locale locale;
    private final GridMapView map = new GridMapView();
    private final ReplayLayer layer = new ReplayLayer(map);
    private final Map<String, BooleanProperty> chosen = new HashMap<>();
    private final List<String> chosenOrder = new ArrayList<>();
    private final TextField search = new TextField();
    private final ListView<GridWorker> workerList = new ListView<>();
    private final Label chosenCount = new Label();
    private final DatePicker date = new DatePicker();
    private final ComboBox<Shift> shift = new ComboBox<>();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final Button load = new Button();
    private final Button play = new Button();
    private final ToggleGroup speeds = new ToggleGroup();
    private final Slider seek = new Slider(0, 1, 0);
    private final Label time = new Label("—");
    private final CheckBox follow = new CheckBox();
    private final TableView<TrackReplayModel.StopRow> stopTable = new TableView<>();
    private final TableView<TrackReplayModel.WhoRow> whoTable = new TableView<>();
    private final Label whoTitle = new Label();
    private final Label message = new Label();
    private final AnimationTimer ticker;

    private boolean autoAdvance = true;
    private boolean updatingSeek;
    private String followed;

    public TrackReplayView(AppContext context, Collection<String> preselected, UiExecutor ui) {
        this(new TrackReplayModel(context, ui), context, preselected);
    }

    TrackReplayView(TrackReplayModel model, AppContext context, Collection<String> preselected) {
        this.model = model;
        this.text = context.messages();
        this.locale = text.locale();
        setId("track-replay");
        getStyleClass().add("track-replay");

        map.setDistrict(context.district(), big -> big.name().in(locale),
                small -> text.format("map.smallGridLabel", Integer.parseInt(small.code().sequence())));
        map.setWorkers(List.of());
        for (MapLayerKind k : List.of(MapLayerKind.CAMERAS, MapLayerKind.RESOURCES, MapLayerKind.CASES,
                MapLayerKind.WORKERS)) {
            map.layerVisibleProperty(k).set(false);
        }
        StackPane mapStack = new StackPane(map, layer.node());
        mapStack.setMinSize(0, 0);

        for (GridWorker w : model.allWorkers()) {
            SimpleBooleanProperty p = new SimpleBooleanProperty(false);
            p.addListener((o, was, now) -> chosenChanged(w.id(), now));
            chosen.put(w.id(), p);
        }
        for (String id : preselected) {
            Optional.ofNullable(chosen.get(id)).ifPresent(p -> p.set(true));
        }

        setLeft(picker());
        BorderPane centre = new BorderPane(mapStack);
        centre.setBottom(controls());
        Node lists = lists();
        SplitPane split = new SplitPane(centre, lists);
        SplitPane.setResizableWithParent(lists, false);
        split.setDividerPositions(0.62);
        setCenter(split);
        message.setId("replay-message");
        message.getStyleClass().add("replay-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.setPadding(new Insets(4, 10, 4, 10));
        setBottom(message);

        model.loadsProperty().addListener((o, was, now) -> onLoaded());
        model.progressProperty().addListener((o, was, now) -> {
            updatingSeek = true;
            seek.setValue(now.doubleValue());
            updatingSeek = false;
        });
        seek.valueProperty().addListener((o, was, now) -> {
            if (!updatingSeek) {
                model.seekFraction(now.doubleValue());
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        ticker = new AnimationTimer() {
            private long last = -1;

            @Override
            public void handle(long now) {
                if (last < 0 || !model.playingProperty().get()) {
                    last = now;
                } else if (now - last >= FRAME_NANOS) {
                    if (autoAdvance) {
                        model.advance(Duration.ofNanos(now - last));
                    }
                    last = now;
                }
                frame();
            }
        };
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                ticker.stop();
                map.dispose();
            } else {
                ticker.start();
            }
        });
    }

    /** Opens the replay as its own window beside the console. */
    public static TrackReplayView open(AppContext context, Collection<String> preselected, Window owner,
                                       List<String> stylesheets, UiExecutor ui) {
        TrackReplayView view = new TrackReplayView(context, preselected, ui);
        Stage stage = new Stage();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1880, screen.getWidth() - 40), Math.min(1040, screen.getHeight() - 40));
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.setTitle(context.messages().get("replay.title"));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setOnHidden(e -> scene.setRoot(new Region()));
        stage.show();
        view.focusFirst();
        return view;
    }

    public TrackReplayModel model() {
        return model;
    }

    public GridMapView map() {
        return map;
    }

    ReplayLayer layer() {
        return layer;
    }

    /** For tests: the animation pulse stops moving the play-head; {@link TrackReplayModel#advance} does. */
    void setAutoAdvance(boolean on) {
        autoAdvance = on;
    }

    /** The worker the follow keeps centred and the layer rings. */
    String followed() {
        return followed;
    }

    /** The chosen workers, in the order they were ticked. */
    List<String> chosenWorkers() {
        return List.copyOf(chosenOrder);
    }

    void focusFirst() {
        if (chosenOrder.isEmpty()) {
            search.requestFocus();
        } else {
            load.requestFocus();
        }
    }

    // -------------------------------------------------------------------------------------- building

    private Node picker() {
        Label title = new Label(text.get("replay.workers"));
        title.getStyleClass().add("replay-heading");
        search.setId("replay-search");
        search.setPromptText(text.get("replay.search"));
        FilteredList<GridWorker> filtered = new FilteredList<>(
                javafx.collections.FXCollections.observableArrayList(model.allWorkers()));
        search.textProperty().addListener((o, was, now) -> {
            String q = now.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(w -> q.isEmpty() || w.id().toLowerCase(Locale.ROOT).contains(q)
                    || w.name().zh().contains(q) || w.name().en().toLowerCase(Locale.ROOT).contains(q));
            if (!filtered.isEmpty()) {
                workerList.getSelectionModel().select(0);
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                workerList.requestFocus();
                e.consume();
            }
        });
        workerList.setId("replay-workers");
        workerList.setItems(filtered);
        StringConverter<GridWorker> label = new StringConverter<>() {
            @Override
            public String toString(GridWorker w) {
                return w == null ? "" : w.name().in(locale) + "  " + w.id();
            }

            @Override
            public GridWorker fromString(String s) {
                return null;
            }
        };
        workerList.setCellFactory(CheckBoxListCell.forListView(w -> chosen.get(w.id()), label));
        workerList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                GridWorker w = workerList.getSelectionModel().getSelectedItem();
                if (w != null) {
                    BooleanProperty p = chosen.get(w.id());
                    p.set(!p.get());
                }
                e.consume();
            }
        });
        VBox.setVgrow(workerList, Priority.ALWAYS);
        chosenCount.setId("replay-chosen");
        updateChosenCount();
        if (!chosenOrder.isEmpty()) {
            workerList.getItems().stream().filter(w -> w.id().equals(chosenOrder.get(0))).findFirst()
                    .ifPresent(w -> {
                        workerList.getSelectionModel().select(w);
                        workerList.scrollTo(w);
                    });
        }

        date.setId("replay-date");
        date.setValue(model.today());
        date.setMaxWidth(Double.MAX_VALUE);
        shift.setId("replay-shift");
        shift.getItems().setAll(model.shifts());
        shift.setConverter(new StringConverter<>() {
            @Override
            public String toString(Shift s) {
                return s == null ? "" : s.name().in(locale) + "  " + s.start() + "–" + s.end();
            }

            @Override
            public Shift fromString(String s) {
                return null;
            }
        });
        shift.setMaxWidth(Double.MAX_VALUE);
        shift.valueProperty().addListener((o, was, s) -> {
            if (s != null) {
                from.setText(s.start().toString());
                to.setText(s.end().toString());
            }
        });
        shift.setValue(model.morningShift());
        from.setId("replay-from");
        to.setId("replay-to");
        from.setPrefColumnCount(5);
        to.setPrefColumnCount(5);
        HBox times = new HBox(6, new Label(text.get("replay.from")), from, new Label(text.get("replay.to")), to);
        times.setAlignment(Pos.CENTER_LEFT);
        load.setId("replay-load");
        load.setText(text.get("replay.load"));
        load.setTooltip(new Tooltip(text.get("replay.load.hint")));
        load.setDefaultButton(true);
        load.setMaxWidth(Double.MAX_VALUE);
        load.disableProperty().bind(model.loadingProperty());
        load.setOnAction(e -> load());

        VBox box = new VBox(8, title, search, workerList, chosenCount, new Label(text.get("replay.date")), date,
                new Label(text.get("replay.shift")), shift, times, load);
        box.setPadding(new Insets(10));
        box.setPrefWidth(300);
        box.setMinWidth(260);
        box.getStyleClass().add("replay-picker");
        return box;
    }

    private Node controls() {
        Button start = new Button(text.get("replay.start"));
        start.setId("replay-start");
        start.setTooltip(new Tooltip(text.get("replay.start.hint")));
        start.setOnAction(e -> model.toStart());
        start.setMinWidth(Region.USE_PREF_SIZE);
        seek.setMinWidth(160);
        play.setId("replay-play");
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.textProperty().bind(javafx.beans.binding.Bindings.when(model.playingProperty())
                .then(text.get("replay.pause")).otherwise(text.get("replay.play")));
        play.setTooltip(new Tooltip(text.get("replay.play.hint")));
        play.setOnAction(e -> model.togglePlay());
        HBox speedBox = new HBox(2);
        for (ReplaySpeed s : ReplaySpeed.values()) {
            ToggleButton b = new ToggleButton("×" + s.factor());
            b.setId("replay-speed-" + s.name());
            b.setUserData(s);
            b.setToggleGroup(speeds);
            b.setTooltip(new Tooltip(text.format("replay.speed.hint", s.ordinal() + 1)));
            b.setOnAction(e -> {
                model.setSpeed(s);
                b.setSelected(true);
            });
            b.setMinWidth(Region.USE_PREF_SIZE);
            speedBox.getChildren().add(b);
        }
        model.speedProperty().addListener((o, was, now) -> selectSpeed(now));
        selectSpeed(model.speedProperty().get());
        seek.setId("replay-seek");
        seek.disableProperty().bind(model.loadedProperty().not());
        HBox.setHgrow(seek, Priority.ALWAYS);
        seek.setMaxWidth(Double.MAX_VALUE);
        time.setId("replay-time");
        time.getStyleClass().add("replay-time");
        time.textProperty().bind(model.playHeadTextProperty());
        time.setMinWidth(Region.USE_PREF_SIZE);
        follow.setId("replay-follow");
        follow.setText(text.get("replay.follow"));
        follow.setTooltip(new Tooltip(text.get("replay.follow.hint")));
        follow.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, start, play, speedBox, seek, time, follow);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("replay-controls");
        return bar;
    }

    private Node lists() {
        Label stopsTitle = new Label(text.get("replay.stops"));
        stopsTitle.getStyleClass().add("replay-heading");
        stopTable.setId("replay-stops");
        stopTable.setPlaceholder(new Label(text.get("replay.stops.none")));
        stopTable.setItems(model.stops());
        stopTable.getColumns().add(workerColumn(text.get("replay.col.worker"), TrackReplayModel.StopRow::worker));
        stopTable.getColumns().add(column(text.get("replay.col.arrival"), 100, r -> model.time(r.stop().arrival())));
        stopTable.getColumns().add(column(text.get("replay.col.departure"), 100, r -> model.time(r.stop().departure())));
        stopTable.getColumns().add(column(text.get("replay.col.dwell"), 90,
                r -> text.format("replay.dwell", Math.round(r.stop().dwell().toSeconds() / 60.0))));
        stopTable.getColumns().add(column(text.get("replay.col.grid"), 190, TrackReplayModel.StopRow::gridLabel));
        stopTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        stopTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> showStop(row));
        VBox.setVgrow(stopTable, Priority.ALWAYS);

        whoTitle.getStyleClass().add("replay-heading");
        whoTitle.setId("replay-who-title");
        whoTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> text.format("replay.who", model.playHeadTextProperty().get()), model.playHeadTextProperty()));
        whoTable.setId("replay-who");
        whoTable.setPlaceholder(new Label(text.get("replay.who.none")));
        whoTable.setItems(model.whoWasWhere());
        whoTable.getColumns().add(workerColumn(text.get("replay.col.worker"), TrackReplayModel.WhoRow::worker));
        TableColumn<TrackReplayModel.WhoRow, String> where = new TableColumn<>(text.get("replay.col.grid"));
        where.setCellValueFactory(c -> c.getValue().whereProperty());
        where.setPrefWidth(200);
        TableColumn<TrackReplayModel.WhoRow, String> age = new TableColumn<>(text.get("replay.col.age"));
        age.setCellValueFactory(c -> c.getValue().ageProperty());
        age.setPrefWidth(110);
        whoTable.getColumns().add(where);
        whoTable.getColumns().add(age);
        whoTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        whoTable.setPrefHeight(220);
        whoTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null) {
                setFollowed(row.worker().id());
            }
        });
        VBox box = new VBox(8, stopsTitle, stopTable, whoTitle, whoTable);
        box.setPadding(new Insets(10));
        box.setMinWidth(420);
        box.setPrefWidth(600);
        box.getStyleClass().add("replay-lists");
        return box;
    }

    private <R> TableColumn<R, TrackReplayModel.ReplayWorker> workerColumn(
            String title, Function<R, TrackReplayModel.ReplayWorker> worker) {
        TableColumn<R, TrackReplayModel.ReplayWorker> c = new TableColumn<>(title);
        c.setPrefWidth(150);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(worker.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(TrackReplayModel.ReplayWorker w, boolean empty) {
                super.updateItem(w, empty);
                if (empty || w == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(w.name());
                    Rectangle swatch = new Rectangle(12, 12, ReplayLayer.colour(w.colour()));
                    swatch.setStroke(javafx.scene.paint.Color.BLACK);
                    setGraphic(swatch);
                }
            }
        });
        return c;
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    // -------------------------------------------------------------------------------------- behaviour

    private void chosenChanged(String id, boolean now) {
        chosenOrder.remove(id);
        if (now) {
            chosenOrder.add(id);
        }
        updateChosenCount();
    }

    private void updateChosenCount() {
        chosenCount.setText(chosenOrder.isEmpty() ? text.get("replay.chosen.none")
                : text.format("replay.chosen", chosenOrder.size(), chosenOrder.stream()
                        .map(model::workerName).limit(4).reduce((a, b) -> a + ", " + b).orElse("")
                        + (chosenOrder.size() > 4 ? " …" : "")));
    }

    private void selectSpeed(ReplaySpeed s) {
        speeds.getToggles().stream().filter(t -> t.getUserData() == s).findFirst().ifPresent(speeds::selectToggle);
    }

    /** Loads the chosen workers for the window in the fields (a bad time says so in the message line). */
    void load() {
        LocalTime a;
        LocalTime b;
        try {
            a = LocalTime.parse(from.getText().trim());
            b = LocalTime.parse(to.getText().trim());
        } catch (DateTimeParseException e) {
            from.requestFocus();
            model.load(List.of(), java.time.Instant.EPOCH, java.time.Instant.EPOCH);
            return;
        }
        ShiftWindow w = model.window(date.getValue() == null ? model.today() : date.getValue(), a, b);
        model.load(chosenOrder, w.from(), w.to());
    }

    private void onLoaded() {
        layer.setWorkers(model.workers());
        map.clearOverlay(STOPS_OVERLAY);
        followed = model.workers().stream().filter(w -> w.fixCount() > 0).map(TrackReplayModel.ReplayWorker::id)
                .findFirst().orElse(null);
        layer.setSelected(followed);
        showStopsOverlay(null);
        model.extent().ifPresent(map::zoomTo);
    }

    private void showStop(TrackReplayModel.StopRow row) {
        showStopsOverlay(row);
        if (row == null) {
            return;
        }
        Stop s = row.stop();
        setFollowed(s.workerId());
        model.seek(s.arrival());
        map.flyTo(s.centre(), STOP_METRES_PER_PIXEL);
    }

    private void showStopsOverlay(TrackReplayModel.StopRow picked) {
        List<OverlayShape> shapes = new ArrayList<>();
        for (TrackReplayModel.StopRow r : model.stops()) {
            GeoPoint c = r.stop().centre();
            String label = r == picked ? r.worker().name() + " " + model.time(r.stop().arrival()) + "–"
                    + model.time(r.stop().departure()) : "";
            shapes.add(new OverlayShape(GEOMETRY.createPoint(new Coordinate(c.lon(), c.lat())),
                    OverlayStyle.HIGHLIGHT, label));
        }
        map.setOverlay(STOPS_OVERLAY, shapes);
    }

    private void setFollowed(String workerId) {
        followed = workerId;
        layer.setSelected(workerId);
    }

    /** One animation pulse: follow the worker, then redraw the layer when something moved. */
    private void frame() {
        ReplayFrame f = model.frameProperty().get();
        if (follow.isSelected() && followed != null && f != null) {
            f.workers().stream().filter(w -> w.workerId().equals(followed)).findFirst()
                    .flatMap(ReplayFrame.Worker::position).ifPresent(p -> {
                        Point2D at = map.screenPosition(p);
                        double dx = map.getWidth() / 2 - at.getX();
                        double dy = map.getHeight() / 2 - at.getY();
                        if (Math.abs(dx) + Math.abs(dy) > 1) {
                            map.panBy(dx, dy);
                        }
                    });
        }
        layer.update(f);
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
            e.consume();
            return;
        }
        if (e.isShortcutDown()) {
            if (e.getCode() == KeyCode.ENTER) {
                load();
                e.consume();
            } else if (e.getCode() == KeyCode.F) {
                search.requestFocus();
                search.selectAll();
                e.consume();
            }
            return;
        }
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl || e.isAltDown()) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case SPACE -> model.togglePlay();
            case DIGIT1, NUMPAD1 -> model.setSpeed(ReplaySpeed.X1);
            case DIGIT2, NUMPAD2 -> model.setSpeed(ReplaySpeed.X10);
            case DIGIT3, NUMPAD3 -> model.setSpeed(ReplaySpeed.X60);
            case DIGIT4, NUMPAD4 -> model.setSpeed(ReplaySpeed.X600);
            case PLUS, ADD, EQUALS -> model.faster();
            case MINUS, SUBTRACT -> model.slower();
            case HOME -> model.toStart();
            case END -> model.toEnd();
            case F -> follow.setSelected(!follow.isSelected());
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

}
