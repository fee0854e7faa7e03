package org.gridcommand.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.value.ObservableValue;
import org.gridcommand.app.AppContext;
import java.util.Map;
import java.util.HashMap;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCode;
import org.gridcommand.app.FailureWords;
import org.gridcommand.ui.feed.QuarantineView;
import org.gridcommand.ui.feed.FeedStatusLink;
import org.gridcommand.ui.feed.FeedStatusModel;
import org.gridcommand.ui.feed.FeedTroubleNotice;
import org.gridcommand.feed.FeedAlertSettings;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.GpsTrack;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.app.FieldFeed;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraCoverage;
import org.gridcommand.camera.CameraMatch;
import org.gridcommand.camera.CoverageResult;
import org.gridcommand.cases.Case;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.Operator;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.fx.FxThread;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.ui.workspace.MapWorkspace;
import org.gridcommand.ui.plan.PlanPanel;
import org.gridcommand.ui.queue.CaseQueueView;
import org.gridcommand.ui.queue.CaseQueueViewModel;
import org.gridcommand.ui.queue.CaseRow;
import org.gridcommand.video.VideoEngine;
import java.nio.file.Path;
import org.gridcommand.app.VideoSettings;
import org.gridcommand.ui.alert.UrgentCameras;
import org.gridcommand.ui.map.CameraStatusLayer;
import org.gridcommand.ui.plan.PlanPanelModel;
import org.gridcommand.ui.video.TileSelection;
import org.gridcommand.ui.video.evidence.SnapshotToCase;
import org.gridcommand.video.VideoWall;
import org.gridcommand.video.WallPresetStore;
import org.gridcommand.video.WallSettings;
import org.gridcommand.ui.video.CameraDrag;
import org.gridcommand.ui.video.VideoWallModel;
import org.gridcommand.ui.video.VideoWallPanel;
import org.gridcommand.camera.CameraStatusBoard;

/**
 * The duty officer's console: map (top left), case queue (bottom left), video (top right),
 * emergency plan (bottom right), status bar along the bottom.
 */
public final class ConsoleWindow {
    private final AppContext context;
    private static final System.Logger LOG = System.getLogger(ConsoleWindow.class.getName());
    private final UiExecutor ui;
    private final SplitPane main;
    private final SplitPane left;
    private final SplitPane right;
    private SeatLayout openedLayout;
    private final Messages text;
    private final BorderPane root = new BorderPane();
    private final MapWorkspace mapWorkspace;
    private final CaseQueueViewModel queueModel;
    private final VideoWall videoWall;
    private final VideoWallModel videoWallModel;
    private final VideoWallPanel videoWallPanel;
    // Signal status of every camera the wall has shown; the camera list reads it.
    private final CameraStatusBoard cameraStatus = new CameraStatusBoard();
    private final FeedAlertSettings feedAlerts;
    private final Runnable unsubscribe;
    private final Runnable stopOverdueNotices;
    private final Runnable releaseOverdueWatch;
    private final StatusBar statusBar;
    private final CameraCoverage coverage;
    private Label videoInfo;
    private FieldFeed feed;
    private FeedStatusLink feedStatus;
    private final CaseQueueView queueView;
    private boolean videoShowsTopCase;
    private final CameraStatusLayer cameraStatusLayer;
    private final org.gridcommand.ui.map.MapHoverNames hoverNames;
    private final SnapshotToCase snapshot;
    private final UrgentCameras<CaseRow> urgentCameras;
    private final PlanPanelModel planModel;
    private javafx.stage.Stage wallStage;
    private final org.gridcommand.ui.handover.HandoverLauncher handover;

    /**
     * @param ui where every view of the console loads and hands back: {@link UiExecutor#fx()} on a seat; the views
     *           built here all get this one
     */
    public ConsoleWindow(AppContext context, VideoEngine videoEngine, ObservableValue<Operator> operator,
                         ObservableValue<String> connection, UiExecutor ui) {
        this(context, videoEngine, operator, connection, ui, ConsoleSettings.read(context.dataDir()));
    }

    /** @param settings the settings files, read before (off the FX thread: {@link ConsoleStart}) */
    public ConsoleWindow(AppContext context, VideoEngine videoEngine, ObservableValue<Operator> operator,
                         ObservableValue<String> connection, UiExecutor ui, ConsoleSettings settings) {
        this.context = context;
        this.feedAlerts = settings.feedAlerts();
        this.ui = ui;
        this.text = context.messages();
        Locale locale = text.locale();
        root.setId("console-root");

        mapWorkspace = new MapWorkspace(context, context.dataDir(), ui);
        Label mapInfo = new Label(text.format("map.subtitle", context.district().smallGrids().size(),
                context.district().bigGrids().size(), context.cameras().size()));
        Node mapRegion = region("map-region", text.get("map.title"), mapInfo, mapWorkspace);

        coverage = new CameraCoverage(context.cameras());
        queueModel = CaseQueueViewModel.forContext(context, ui);
        queueView = new CaseQueueView(queueModel, context);
        queueView.setOnShowCameras(this::showCamerasFor);
        mapWorkspace.setOnNewCaseAt(queueView::newHotlineCase);
        Label queueInfo = new Label();
        queueInfo.textProperty().bind(Bindings.createStringBinding(
                () -> text.format("queue.subtitle", queueModel.openCountProperty().get(), queueModel.rows().size()),
                queueModel.openCountProperty(), queueModel.rows()));
        Node queueRegion = region("queue-region", text.get("queue.title"), queueInfo, queueView);
        // casesProperty changes only when cases change; rows() is rebuilt by the 30 s SLA refresh too, and
        // the map must not redraw for that.
        queueModel.casesProperty().addListener((o, was, cases) -> {
            mapWorkspace.setCases(cases);
            if (!videoShowsTopCase && !queueModel.rows().isEmpty()) {
                videoShowsTopCase = true;
                // The queue first: its rows reach the screen before four decoders start competing for the CPU.
                Scene scene = root.getScene();
                if (scene == null) {
                    showCamerasNearTopCase();
                } else {
                    FxThread.afterPulses(scene, 2, this::showCamerasNearTopCase);
                }
            }
        });

        WallSettings wallSettings = settings.wall();
        videoWall = new VideoWall(videoEngine, text::get, wallSettings.startLayout());
        videoWall.setClockZone(context.zone());
        videoWall.setStreamSizing(wallSettings.streamSizing());
        videoWallModel = new VideoWallModel(videoWall, wallSettings,
                context.dataDir() == null ? null : WallPresetStore.inDataDir(context.dataDir()), context.cameras(), text);
        videoWallPanel = new VideoWallPanel(videoWallModel, context.zone(), cameraStatus::status);
        videoWallPanel.reportHealthTo(cameraStatus);
        CameraDrag.installMapSource(mapWorkspace.map());
        videoInfo = new Label(videoEngine.available() ? text.get("video.subtitle")
                : text.get("video.unavailable.short"));
        if (settings.wallProblem() != null) {
            videoInfo.setText(text.format("video.wall.settingsProblem", settings.wallProblem()));
        }
        Node videoRegion = region("video-region", text.get("video.title"), videoInfo, videoWallPanel);

        // Camera signal on the map (online / lost since / never seen), from the same board the wall feeds.
        cameraStatusLayer = new CameraStatusLayer(mapWorkspace.map(), cameraStatus, text, context.zone(), context.clock());
        hoverNames = org.gridcommand.ui.map.MapHoverNames.attach(mapWorkspace.map(), text);
        // A tile's picture attached to the selected case as evidence (Ctrl+Shift+S or the button in the header).
        TileSelection tiles = TileSelection.track(videoWall);
        snapshot = new SnapshotToCase(context.evidence(), text, context.zone(), context.clock(),
                (context.dataDir() != null ? context.dataDir() : Path.of(System.getProperty("java.io.tmpdir")))
                        .resolve("evidence-spool"));
        snapshot.setTileSource(tiles::selected);
        snapshot.setCaseSource(() -> queueModel.selectedCaseProperty().get());
        snapshot.messageProperty().addListener((o, was, now) -> videoInfo.setText(now));
        videoWallPanel.addToolbarItem(snapshot.button());
        VideoSettings.Loaded videoSettings = settings.video();
        videoSettings.problem().ifPresent(videoInfo::setText);
        urgentCameras = UrgentCameras.watch(queueModel.urgentArrivals(), CaseRow::source, videoSettings.settings(),
                this::showCamerasFor);

        planModel = new PlanPanelModel(context.plans(), text, context.clock(), context.zone(), ui);
        planModel.caseProperty().bind(queueModel.selectedCaseProperty());
        planModel.setScreenActions(this::showCamerasFor, c -> {
            mapWorkspace.showCase(c);
            mapWorkspace.startCordon();
            return text.get("plan.cordonOpened");
        });
        planModel.listenTo(context.changes());
        PlanPanel planPanel = new PlanPanel(planModel);
        Node planRegion = region("plan-region", text.get("plan.title"), new Label(""), planPanel);
        // Shift handover (Ctrl+H).
        handover = new org.gridcommand.ui.handover.HandoverLauncher(context, cameraStatus, root::getScene, ui);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F2 && !e.isShortcutDown()) {
                // Back to the queue from the map, the plan or the video: its keys work again at once.
                e.consume();
                queueView.table().requestFocus();
            } else if (e.getCode() == KeyCode.F7 && e.isShiftDown()) {
                e.consume();
                planPanel.activateOfferedPlan();
            } else if (e.getCode() == KeyCode.F7) {
                e.consume();
                planPanel.focusChecklist();
            } else if (e.getCode() == KeyCode.S && e.isShortcutDown() && e.isShiftDown()) {
                e.consume();
                snapshot.run();
            } else if (e.getCode() == KeyCode.H && e.isShortcutDown() && !e.isShiftDown()) {
                e.consume();
                handover.open();
            } else if (e.getCode() == KeyCode.W && e.isShortcutDown() && e.isShiftDown()) {
                e.consume();
                openWall(videoEngine);
            } else if (e.getCode() == KeyCode.D && e.isShortcutDown() && e.isShiftDown()) {
                e.consume();
                org.gridcommand.ui.stats.StatsDashboardView.open(context, root.getScene(), ui);
            }
        });

        SeatLayout layout = settings.layout();
        left = new SplitPane(mapRegion, queueRegion);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(layout.left());
        right = new SplitPane(videoRegion, planRegion);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(layout.right());
        main = new SplitPane(left, right);
        main.setDividerPositions(layout.main());
        main.setId("console-main-split");
        left.setId("console-left-split");
        right.setId("console-right-split");
        openedLayout = layout;
        root.setCenter(main);
        statusBar = new StatusBar(text, context.clock(), context.zone(), context.storeDescription(),
                operator, connection);
        root.setBottom(statusBar);

        unsubscribe = context.changes().subscribe(this::onChange);
        queueModel.reload();
        // When an officer signs on while the previous shift's handover waits, the status bar says so (a link,
        // Ctrl+H): a window of its own would take the keyboard from whatever the officer is doing. Not in a drill.
        javafx.scene.control.Hyperlink handoverWaiting = new javafx.scene.control.Hyperlink(
                text.get("handover.offer.title") + " · Ctrl+H");
        handoverWaiting.setId("handover-waiting");
        handoverWaiting.getStyleClass().add("status-warning");
        handoverWaiting.setMinWidth(Region.USE_PREF_SIZE);
        handoverWaiting.setVisible(false);
        handoverWaiting.managedProperty().bind(handoverWaiting.visibleProperty());
        handoverWaiting.setOnAction(e -> {
            handoverWaiting.setVisible(false);
            handover.open();
        });
        statusBar.addItem(handoverWaiting);
        if (!context.isDrill()) {
            // Once the queue's rows are on screen: the check builds the handover service, which they do not wait for.
            afterRowsShown(() -> handover.offerAtSignOn(operator, handoverWaiting::setVisible));
        }

        // Overdue cases are escalated in their trail by the application while this console is open (scanned off
        // the FX thread, a drill's on its own store). The alarm list follows the SLA itself; an escalation only
        // makes it look again now rather than at its next 30-second refresh.
        stopOverdueNotices = context.overdueWatch().subscribe(notice -> ui.onUiThread(queueModel::refreshSla));
        releaseOverdueWatch = context.overdueWatch().hold();

        // The keyboard starts in the queue, where the officer's keys (A accept, D dispatch, N new case…) work;
        // JavaFX would give it to the first field it finds, the map's search. Not if the officer has already
        // put it elsewhere by the first frame.
        afterFirstFrame(this::focusQueueIfUntouched);
    }

    private void focusQueueIfUntouched() {
        Scene scene = root.getScene();
        Node owner = scene == null ? null : scene.getFocusOwner();
        if (owner == null || owner == mapWorkspace.lookup("#map-search")) {
            queueView.table().requestFocus();
        }
    }

    /**
     * Opens the wall display on this console's store (Ctrl+Shift+W): full screen on the second monitor when
     * there is one, else a window. In a drill it shows the drill's store under the "演练 DRILL" mark.
     */
    public javafx.stage.Stage openWall(VideoEngine videoEngine) {
        if (wallStage != null && wallStage.isShowing()) {
            wallStage.toFront();
            return wallStage;
        }
        var screens = javafx.stage.Screen.getScreens();
        org.gridcommand.ui.wall.WallStage.Placement placement = screens.size() > 1
                ? new org.gridcommand.ui.wall.WallStage.Placement.OnScreen(1)
                : new org.gridcommand.ui.wall.WallStage.Placement.Window(1600, 900);
        org.gridcommand.ui.wall.WallView wall = new org.gridcommand.ui.wall.WallView(context, videoEngine,
                org.gridcommand.wall.WallDisplayLayoutReader.readDefault(), ui);
        wall.watermark().drillProperty().set(context.isDrill());
        wallStage = org.gridcommand.ui.wall.WallStage.open(wall, placement, text.get("wall.title"),
                ConsoleLauncher.stylesheet(), () -> wallStage = null);
        return wallStage;
    }

    /** The wall display this console opened, or null. */
    public javafx.stage.Stage wallStage() {
        return wallStage;
    }

    /** The shift handover (Ctrl+H). */
    public org.gridcommand.ui.handover.HandoverLauncher handover() {
        return handover;
    }

    public Parent root() {
        return root;
    }

    public MapWorkspace mapWorkspace() {
        return mapWorkspace;
    }

    public VideoWall videoWall() {
        return videoWall;
    }

    /** The video region: toolbar (layouts, presets, tours, camera list) over the wall. */
    public VideoWallPanel videoWallPanel() {
        return videoWallPanel;
    }

    /** What the console knows of each camera's signal, from the wall's tiles. */
    public CameraStatusBoard cameraStatus() {
        return cameraStatus;
    }

    /** Puts the cameras nearest the most pressing open case on the wall (the demo's starting view). */
    private void showCamerasNearTopCase() {
        queueModel.rows().stream().map(CaseRow::source)
                .filter(c -> c.state().isOpen() && c.location() != null && c.smallGridCode() != null)
                .findFirst().ifPresentOrElse(c -> putCamerasOnWall(c, false), () -> {
                    List<Camera> cameras = context.cameras();
                    for (int i = 0; i < Math.min(videoWall.size(), cameras.size()); i++) {
                        videoWall.assign(i, cameras.get(i), cameras.get(i).name().in(text.locale()));
                    }
                });
    }

    /**
     * The case's cameras on the wall in one action: those whose field of view covers the case point, nearest
     * first; when none does, the nearest ones, and the wall's header says so. Returns the line for the officer.
     */
    public String showCamerasFor(Case c) {
        return putCamerasOnWall(c, true);
    }

    /** @param officersAction record "checked on video" in the case's trail (not for the start-up view) */
    private String putCamerasOnWall(Case c, boolean officersAction) {
        // The case's cameras replace whatever the wall toured.
        videoWallModel.takeOver();
        videoWall.restore();
        CoverageResult result = coverage.at(c.location(), videoWall.size());
        List<CameraMatch> matches = result.matches();
        int shown = Math.min(videoWall.size(), matches.size());
        // The incident view: the case's cameras alone, each framed, so no unrelated picture passes for the case's.
        for (int i = 0; i < shown; i++) {
            Camera camera = matches.get(i).camera();
            videoWall.assign(i, camera, text.format("cameras.caseTile", camera.name().in(text.locale())));
            videoWall.tile(i).setCaseMark(true);
        }
        for (int i = shown; i < videoWall.size(); i++) {
            videoWall.tile(i).clear();
        }
        String line = result.fallback()
                ? text.format("cameras.nearest", shown, Math.round(matches.isEmpty() ? 0 : matches.get(0).distanceMetres()))
                : text.format("cameras.covering", matches.size(), shown);
        videoInfo.setText(line);
        if (officersAction && shown > 0 && !result.fallback() && c.isOpen()) {
            String cameras = String.join(", ", matches.subList(0, shown).stream().map(m -> m.camera().id()).toList());
            // "Checked on video" belongs in the case's account (and times a drill's camera milestone).
            ui.background(() -> context.caseService().recordCamerasShown(c.id(), cameras), done -> { },
                    error -> System.getLogger(ConsoleWindow.class.getName()).log(System.Logger.Level.WARNING,
                            "could not record the cameras shown for case " + c.id(), error));
        }
        return line;
    }

    /**
     * Shows the field feed in the console: its line in the status bar (F8 or a click opens the quarantine), red
     * with the alert tone when the feed is in trouble, and then a notice in the alarm strip above the queue.
     * Worker moves reach the map through {@link #onFieldMessages}.
     */
    public void attachFeed(FieldFeed fieldFeed) {
        this.feed = fieldFeed;
        FeedStatusModel model = new FeedStatusModel(text, context.zone(), context.clock(), feedAlerts,
                new FeedStatusModel.StoreWords(failure -> FailureWords.of(text, failure),
                        failure -> FailureWords.headline(text, failure)));
        feedStatus = new FeedStatusLink(fieldFeed, model);
        feedStatus.setOnAction(e -> openQuarantine());
        statusBar.addItem(feedStatus);
        queueView.addNotice(new FeedTroubleNotice(feedStatus.lineProperty()));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F8 && feed != null) {
                e.consume();
                openQuarantine();
            }
        });
    }

    /** The field feed's line in the status bar, or null before {@link #attachFeed}. */
    public FeedStatusLink feedStatus() {
        return feedStatus;
    }

    /** Opens the field feed's quarantine view (no-op without a feed). */
    public void openQuarantine() {
        if (feed == null) {
            return;
        }
        Scene scene = root.getScene();
        new QuarantineView(context.feedStore(), text, context.zone(), scene == null ? null : scene.getWindow(),
                scene == null ? List.of() : scene.getStylesheets(), error -> FailureWords.of(text, error), ui).show();
    }

    /**
     * What the field feed stored, from the ingest thread: each worker's newest fix moves them on the map
     * (on the map's next beat, however many arrive).
     */
    public void onFieldMessages(List<FieldMessage> stored) {
        Map<String, GpsFix> newest = new HashMap<>();
        for (FieldMessage m : stored) {
            List<GpsFix> fixes = m instanceof GpsFix fix ? List.of(fix)
                    : m instanceof GpsTrack track ? track.fixes() : List.of();
            for (GpsFix fix : fixes) {
                newest.merge(fix.workerId(), fix, (a, b) -> b.at().isAfter(a.at()) ? b : a);
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        Map<String, GeoPoint> moves = new HashMap<>();
        newest.forEach((id, fix) -> moves.put(id, fix.position()));
        ui.onUiThread(() -> mapWorkspace.map().moveWorkers(moves));
    }

    /** The panes' layout as the officer has it now. FX thread. */
    public SeatLayout currentLayout() {
        return new SeatLayout(main.getDividerPositions()[0], left.getDividerPositions()[0],
                right.getDividerPositions()[0]);
    }

    public void dispose() {
        SeatLayout now = currentLayout();
        Path dataDir = context.dataDir();
        // Kept only when the officer moved a divider: a seat that never did follows the shipped layout.
        if (dataDir != null && !now.closeTo(openedLayout)) {
            ui.background(() -> {
                now.save(dataDir);
                return null;
            }, done -> { }, error -> LOG.log(System.Logger.Level.WARNING, "could not keep the seat's layout", error));
        }
        unsubscribe.run();
        if (wallStage != null) {
            wallStage.close();
        }
        videoWallModel.takeOver();
        stopOverdueNotices.run();
        releaseOverdueWatch.run();
        cameraStatusLayer.dispose();
        hoverNames.dispose();
        urgentCameras.dispose();
        planModel.dispose();
    }

    private void onChange(ChangeEvent event) {
        if ("case".equals(event.entity())) {
            ui.onUiThread(queueModel::reload);
        }
    }

    /** Runs {@code work} on the FX thread once the queue's first rows have been drawn. */
    private void afterRowsShown(Runnable work) {
        if (queueModel.loadedProperty().get()) {
            afterFirstFrame(work);
            return;
        }
        queueModel.loadedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean loaded) {
                if (loaded) {
                    queueModel.loadedProperty().removeListener(this);
                    afterFirstFrame(work);
                }
            }
        });
    }

    /** Runs {@code work} on the FX thread once this console's window has drawn its first frames. */
    private void afterFirstFrame(Runnable work) {
        if (root.getScene() != null) {
            FxThread.afterPulses(root.getScene(), 2, work);
            return;
        }
        root.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene != null) {
                    root.sceneProperty().removeListener(this);
                    FxThread.afterPulses(scene, 2, work);
                }
            }
        });
    }

    private Node region(String id, String title, Label subtitle, Region content) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("region-title");
        subtitle.getStyleClass().add("region-subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, titleLabel, spacer, subtitle);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("region-header");
        header.setStyle("-fx-padding: 0 10 0 0;");
        VBox box = new VBox(header, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setId(id);
        box.getStyleClass().add("region-panel");
        box.setMinSize(0, 0);
        return box;
    }

}
