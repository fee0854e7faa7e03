package org.gridcommand.ui.wall;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.FailureWords;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraCoverage;
import org.gridcommand.camera.CameraMatch;
import org.gridcommand.cases.Case;
import org.gridcommand.common.Messages;
import org.gridcommand.sla.SlaView;
import org.gridcommand.ui.drill.DrillWatermark;
import org.gridcommand.fx.FxThread;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.map.MapLegendTexts;
import org.gridcommand.ui.queue.CaseQueueViewModel;
import org.gridcommand.ui.queue.CaseRow;
import org.gridcommand.video.VideoEngine;
import org.gridcommand.video.VideoWall;
import org.gridcommand.wall.RecentEvents;
import org.gridcommand.wall.WallFigures;
import org.gridcommand.wall.WallDisplayLayout;
import org.gridcommand.wall.WallPanelKind;

/**
 * The wall display: the panels of a {@link WallDisplayLayout} over a header with the centre's name and the clock.
 * It follows the store live through the same queue model as the console (reloaded on every case change, SLA
 * states refreshed every 30 s) and is read-only: the launcher swallows every key but the exit key.
 */
public final class WallView {
    private static final System.Logger LOG = System.getLogger(WallView.class.getName());
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double REFERENCE_HEIGHT = 1080;
    static final Duration STORE_POLL = Duration.seconds(10);

    private final AppContext context;
    private final Messages text;
    private final WallDisplayLayout layout;
    private final StackPane root = new StackPane();
    private final CaseQueueViewModel queue;
    private final List<Timeline> timers = new ArrayList<>();
    private final List<KpiPanel> kpiPanels = new ArrayList<>();
    private final List<EventsPanel> eventPanels = new ArrayList<>();
    private final List<PlansPanel> planPanels = new ArrayList<>();
    private final List<GridMapView> maps = new ArrayList<>();
    private final List<VideoWall> videoWalls = new ArrayList<>();
    private final Map<WallDisplayLayout.Panel, Rotation> rotations = new HashMap<>();
    private final DrillWatermark watermark = new DrillWatermark();
    private final CameraCoverage coverage;
    private final Label clock = new Label();
    private final VideoEngine videoEngine;

    public WallView(AppContext context, VideoEngine videoEngine, WallDisplayLayout layout, UiExecutor ui) {
        this.context = context;
        this.text = context.messages();
        this.layout = layout;
        this.videoEngine = videoEngine;
        this.coverage = new CameraCoverage(context.cameras());
        root.setId("wall-root");
        root.getStyleClass().add("wall-root");
        queue = CaseQueueViewModel.forContext(context, ui);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("wall-grid");
        grid.setHgap(10);
        grid.setVgap(10);
        for (int c = 0; c < layout.columns(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / layout.columns());
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < layout.rows(); r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / layout.rows());
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (WallDisplayLayout.Panel panel : layout.panels()) {
            grid.add(panel(panel), panel.column(), panel.row(), panel.columnSpan(), panel.rowSpan());
        }
        BorderPane page = new BorderPane(grid);
        page.setTop(header());
        page.getStyleClass().add("wall-page");
        root.getChildren().addAll(page, watermark);

        // Type grows with the screen: 20 px on a 1080-line wall, 40 px on 4K.
        root.styleProperty().bind(root.heightProperty().map(h ->
                "-fx-font-size: " + Math.max(14, Math.round(20 * h.doubleValue() / REFERENCE_HEIGHT)) + "px;"));
        root.heightProperty().addListener((o, was, h) -> {
            double factor = Math.max(1, h.doubleValue() / REFERENCE_HEIGHT) * 1.25;
            maps.forEach(m -> m.setScaleFactor(Math.min(8, factor)));
        });

        // The map redraws when cases change; figures, events, plans and cameras follow the rows, which the queue
        // also rebuilds for its 30 s SLA refresh (and which hold the newest form of every case).
        queue.casesProperty().addListener((o, was, cases) -> maps.forEach(m -> m.setCases(cases)));
        queue.rows().addListener((javafx.collections.ListChangeListener<CaseRow>) change -> refresh());
        queue.listenTo(context.changes());
        queue.startSlaRefresh();
        queue.reload();

        Timeline ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticking.setCycleCount(Timeline.INDEFINITE);
        ticking.play();
        timers.add(ticking);
        // A wall in its own process (another machine, a shared PostgreSQL store) hears no change events: it looks.
        Timeline polling = new Timeline(new KeyFrame(STORE_POLL, e -> queue.reload()));
        polling.setCycleCount(Timeline.INDEFINITE);
        polling.play();
        timers.add(polling);
        tick();
    }

    public Parent root() {
        return root;
    }

    /** Shown while a drill runs: the "演练 DRILL" mark over the whole wall. */
    public DrillWatermark watermark() {
        return watermark;
    }

    public CaseQueueViewModel queue() {
        return queue;
    }

    /** Stops the timers and the queue's refresh; video players stop when the view leaves the scene. */
    public void dispose() {
        timers.forEach(Timeline::stop);
        queue.dispose();
        maps.forEach(GridMapView::dispose);
    }

    private Node header() {
        Label title = new Label(text.get("wall.title"));
        title.getStyleClass().add("wall-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        clock.getStyleClass().add("wall-clock");
        clock.setId("wall-clock");
        HBox header = new HBox(20, title, spacer, clock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("wall-header");
        return header;
    }

    private Node panel(WallDisplayLayout.Panel panel) {
        List<Node> contents = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (WallPanelKind kind : panel.kinds()) {
            contents.add(content(kind, panel));
            titles.add(text.get("wall.panel." + kind.fileName()));
        }
        Label title = new Label(titles.get(0));
        title.getStyleClass().add("wall-panel-title");
        Label turn = new Label();
        turn.getStyleClass().add("wall-panel-turn");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, title, spacer, turn);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("wall-panel-head");
        StackPane body = new StackPane();
        body.getChildren().add(contents.get(0));
        body.setMinSize(0, 0);
        VBox box = new VBox(head, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        box.getStyleClass().add("wall-panel");
        box.setId("wall-panel-" + String.join("-", panel.kinds().stream().map(WallPanelKind::fileName).toList()));
        box.setMinSize(0, 0);
        if (panel.rotates()) {
            Rotation rotation = new Rotation(body, contents, title, titles, turn);
            rotations.put(panel, rotation);
            rotation.show(0);
            Timeline turning = new Timeline(new KeyFrame(Duration.seconds(layout.rotateSeconds()), e -> rotation.next()));
            turning.setCycleCount(Timeline.INDEFINITE);
            turning.play();
            timers.add(turning);
        }
        return box;
    }

    private Node content(WallPanelKind kind, WallDisplayLayout.Panel panel) {
        return switch (kind) {
            case MAP -> {
                GridMapView map = new GridMapView();
                map.setDistrict(context.district(), big -> big.name().in(text.locale()),
                        small -> text.format("map.smallGridLabel", Integer.parseInt(small.code().sequence())));
                map.setCameras(context.cameras());
                map.setResources(context.resources());
                map.setWorkers(context.district().gridWorkers());
                MapLegendTexts.apply(map, text);
                maps.add(map);
                yield map;
            }
            case VIDEO -> {
                VideoWall wall = new VideoWall(videoEngine, text::get, panel.videoRows(), panel.videoColumns());
                wall.tiles().forEach(t -> t.setClockZone(context.zone()));
                videoWalls.add(wall);
                yield wall;
            }
            case KPI -> {
                KpiPanel kpis = new KpiPanel(text);
                kpiPanels.add(kpis);
                yield kpis;
            }
            case EVENTS -> {
                EventsPanel events = new EventsPanel(text, context.zone());
                eventPanels.add(events);
                yield events;
            }
            case PLANS -> {
                PlansPanel plans = new PlansPanel(text, context.zone());
                planPanels.add(plans);
                yield plans;
            }
        };
    }

    private void tick() {
        clock.setText(CLOCK.format(context.clock().instant().atZone(context.zone())));
    }

    private void refresh() {
        List<Case> cases = new ArrayList<>(queue.rows().size());
        Map<String, SlaView> sla = new HashMap<>();
        Map<String, CaseRow> rows = new HashMap<>();
        for (CaseRow row : queue.rows()) {
            cases.add(row.source());
            rows.put(row.id(), row);
            if (row.sla() != null) {
                sla.put(row.id(), row.sla());
            }
        }
        var now = context.clock().instant();
        WallFigures figures = WallFigures.of(cases, sla, now, context.zone());
        kpiPanels.forEach(k -> k.show(figures));
        List<RecentEvents.Event> events = RecentEvents.latest(cases, now, EventsPanel.LINES);
        eventPanels.forEach(p -> p.show(events, rows));
        if (!planPanels.isEmpty()) {
            List<Case> open = cases.stream().filter(Case::isOpen).toList();
            FxThread.background(() -> PlansPanel.running(context.plans(), open, rows), running ->
                    planPanels.forEach(p -> p.show(running, now)), this::plansUnreadable);
        }
        if (!videoWalls.isEmpty()) {
            fillVideo();
        }
    }

    /** The running plans could not be read: the plans panels say why, and the log keeps the whole failure. */
    void plansUnreadable(Throwable error) {
        String words = FailureWords.of(text, error);
        LOG.log(System.Logger.Level.WARNING, "the wall cannot show the running plans: " + words, error);
        planPanels.forEach(p -> p.showFailure(words));
    }

    private List<String> shownCameras = List.of();

    /**
     * The cameras on the most pressing open cases (queue order: urgency, then SLA), two per case at most so the
     * mosaic covers several cases, topped up with the district's first cameras. Reassigned only when the choice
     * changes, so a queue reload does not restart every stream.
     */
    private void fillVideo() {
        for (VideoWall wall : videoWalls) {
            Set<Camera> chosen = new LinkedHashSet<>();
            for (CaseRow row : queue.rows()) {
                Case c = row.source();
                if (chosen.size() >= wall.size()) {
                    break;
                }
                if (!c.isOpen() || c.location() == null) {
                    continue;
                }
                var result = coverage.at(c.location(), 2);
                if (!result.fallback()) {
                    result.matches().stream().map(CameraMatch::camera).forEach(chosen::add);
                }
            }
            for (Camera camera : context.cameras()) {
                if (chosen.size() >= wall.size()) {
                    break;
                }
                chosen.add(camera);
            }
            List<Camera> cameras = new ArrayList<>(chosen).subList(0, Math.min(wall.size(), chosen.size()));
            List<String> ids = cameras.stream().map(Camera::id).toList();
            if (ids.equals(shownCameras)) {
                continue;
            }
            shownCameras = ids;
            for (int i = 0; i < cameras.size(); i++) {
                Camera cam = cameras.get(i);
                wall.assign(i, cam.id(), cam.name().in(text.locale()), cam.subStreamUrl());
            }
        }
    }

    /** A panel that turns through several contents. */
    private static final class Rotation {
        private final StackPane body;
        private final List<Node> contents;
        private final Label title;
        private final List<String> titles;
        private final Label turn;
        private int index;

        Rotation(StackPane body, List<Node> contents, Label title, List<String> titles, Label turn) {
            this.body = body;
            this.contents = contents;
            this.title = title;
            this.titles = titles;
            this.turn = turn;
        }

        void next() {
            show((index + 1) % contents.size());
        }

        void show(int i) {
            index = i;
            body.getChildren().setAll(contents.get(i));
            title.setText(titles.get(i));
            StringBuilder dots = new StringBuilder();
            for (int k = 0; k < contents.size(); k++) {
                dots.append(k == i ? "●" : "○");
            }
            turn.setText(dots.toString());
        }
    }

    /** Turns every rotating panel once (tests; the wall itself turns on its timer). */
    void turnAll() {
        rotations.values().forEach(Rotation::next);
    }
}
