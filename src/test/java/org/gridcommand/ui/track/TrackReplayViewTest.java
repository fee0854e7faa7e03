package org.gridcommand.ui.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gridcommand.app.AppContext;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.track.ReplaySpeed;
import org.gridcommand.feed.track.Stop;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.testing.FxWait;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.ui.Screenshots;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.map.MapFeature;
import org.gridcommand.ui.workspace.MapWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Track replay and the patrol coverage layer on a real demo store (H2) in real JavaFX windows: one worker's
 * morning is seeded into the field feed store (a walk at 1.2 m/s with three known stops inside the worker's
 * own small grid, a fix every 10 s); the console's clock stands at 11:00 of {@link #DAY} in the district, so the
 * day shift is running, whatever the hour the test runs at.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TrackReplayViewTest {
    private static final ZoneId ZONE = DistrictTime.ZONE;
    /** The day of the seeded morning: the day of the shared test clock ({@link ManualClock#DUTY_AFTERNOON}). */
    private static final LocalDate DAY = LocalDate.ofInstant(ManualClock.DUTY_AFTERNOON, ZONE);
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final double SPEED = 1.2;

    private static AppContext context;
    private static GridWorker worker;
    private static SmallGrid grid;
    private static Instant walkStart;
    /** The seeded stops: first and last fix of each stay. */
    private static final List<Instant[]> truth = new ArrayList<>();

    private MapWorkspace workspace;

    @BeforeAll
    static void seedAMorning() throws Exception {
        Instant now = DAY.atTime(11, 0).atZone(ZONE).toInstant();
        Path dir = Files.createTempDirectory("gc-replay-test");
        context = AppContext.openDemo(dir, Locale.ENGLISH, new ManualClock(now));
        worker = context.district().gridWorkers().get(7);
        grid = context.district().smallGrid(worker.smallGrid()).orElseThrow();
        walkStart = DAY.atTime(8, 30).atZone(ZONE).toInstant();
        context.database().feed().commit(new FeedBatch(walk(), List.of()));
    }

    @AfterAll
    static void closeStore() {
        context.close();
    }

    @Start
    void start(Stage stage) {
        workspace = new MapWorkspace(context, null, UiExecutor.fx());
        Scene scene = new Scene(workspace, 1280, 800);
        scene.getStylesheets().add(ConsoleLauncher.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeReplayWindows(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof TrackReplayView)
                .forEach(Window::hide));
    }

    @Test
    void replayOfAWorkersMorningShowsTheTrackItsStopsAndWhoWasWhere(FxRobot robot) throws Exception {
        robot.interact(() -> workspace.map().selectedProperty().set(new MapFeature.WorkerFeature(worker)));
        robot.clickOn("#map-search");
        robot.type(KeyCode.F9);
        TrackReplayView view = replayWindow(robot);
        TrackReplayModel model = view.model();
        robot.interact(() -> view.setAutoAdvance(false));
        assertThat(view.chosenWorkers()).containsExactly(worker.id());

        robot.clickOn("#replay-load");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.loadsProperty().get() >= 1);
        WaitForAsyncUtils.waitForFxEvents();

        // The stops: the three seeded stays, arrival and departure within a few fixes of the truth.
        TableView<?> stopTable = robot.lookup("#replay-stops").queryAs(TableView.class);
        assertThat(stopTable.getItems()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Stop s = model.stops().get(i).stop();
            assertThat(Duration.between(truth.get(i)[0], s.arrival()).abs()).isLessThanOrEqualTo(Duration.ofSeconds(40));
            assertThat(Duration.between(truth.get(i)[1], s.departure()).abs()).isLessThanOrEqualTo(Duration.ofSeconds(40));
            assertThat(s.smallGrid()).contains(grid.code());
        }
        assertThat(view.map().overlay(TrackReplayView.STOPS_OVERLAY)).hasSize(3);

        // Play at ×60 (key 3), advance deterministically: the play-head, the trail and the position move.
        Instant from = model.playHeadProperty().get();
        assertThat(from).isEqualTo(DAY.atTime(8, 0).atZone(ZONE).toInstant());
        robot.type(KeyCode.DIGIT3).type(KeyCode.SPACE);
        assertThat(model.playingProperty().get()).isTrue();
        assertThat(model.speedProperty().get()).isEqualTo(ReplaySpeed.X60);
        robot.interact(() -> model.advance(Duration.ofSeconds(34)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.playHeadProperty().get()).isEqualTo(from.plus(Duration.ofMinutes(34)));
        assertThat(view.layer().shownTrailPoints().get(worker.id())).isGreaterThanOrEqualTo(2);
        Point2D first = view.layer().shownPositions().get(worker.id());
        assertThat(first).isNotNull();
        robot.interact(() -> model.advance(Duration.ofSeconds(8)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.playHeadProperty().get()).isEqualTo(from.plus(Duration.ofMinutes(42)));
        Point2D second = view.layer().shownPositions().get(worker.id());
        assertThat(second.distance(first)).isGreaterThan(10);
        robot.type(KeyCode.SPACE);
        assertThat(model.playingProperty().get()).isFalse();

        // Selecting the second stop seeks to its arrival and flies the map there.
        Node row = robot.lookup("#replay-stops .table-row-cell").nth(1).query();
        robot.clickOn(row);
        Stop second2 = model.stops().get(1).stop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.playHeadProperty().get()).isEqualTo(second2.arrival());
        GridMapView map = view.map();
        FxWait.until("the flight to the stop has landed", Duration.ofSeconds(10), () -> !map.isFlying());
        Point2D at = map.screenPosition(second2.centre());
        assertThat(at.getX()).isCloseTo(map.getWidth() / 2, org.assertj.core.data.Offset.offset(20.0));
        assertThat(at.getY()).isCloseTo(map.getHeight() / 2, org.assertj.core.data.Offset.offset(60.0));

        // Who was where at that time: the worker, in their own small grid.
        TrackReplayModel.WhoRow who = model.whoWasWhere().get(0);
        assertThat(who.worker().id()).isEqualTo(worker.id());
        assertThat(who.whereProperty().get()).contains(grid.name().en());
        assertThat(who.positionProperty().get().smallGrid()).contains(grid.code());
        assertThat(robot.lookup("#replay-who-title").queryLabeled().getText()).contains(model.time(second2.arrival()));

        // End jumps to the end of the window (the running shift: now).
        robot.type(KeyCode.END);
        assertThat(model.playHeadProperty().get()).isEqualTo(context.clock().instant());
        robot.type(KeyCode.HOME);
        robot.interact(() -> model.seek(second2.arrival().plus(Duration.ofMinutes(3))));
        robot.clickOn("#replay-follow");
        // Following pans the map on the replay's next frames.
        FxWait.frames(view.getScene(), 3);
        writeScreenshot(robot, view);
    }

    @Test
    void aWorkerWithoutFixesIsSaidPlainly(FxRobot robot) throws Exception {
        GridWorker idle = context.district().gridWorkers().get(20);
        robot.clickOn("#map-track-replay");
        TrackReplayView view = replayWindow(robot);
        robot.clickOn("#replay-search").write(idle.id()).type(KeyCode.DOWN).type(KeyCode.ENTER);
        assertThat(view.chosenWorkers()).containsExactly(idle.id());
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().loadsProperty().get() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#replay-message").queryLabeled().getText())
                .contains("No GPS fixes").contains(idle.id());
        assertThat(view.model().stops()).isEmpty();
        assertThat(view.model().whoWasWhere().get(0).whereProperty().get()).isEqualTo("no fixes in the window");
    }

    @Test
    void coverageLayerFillsTheGridTheWorkerWalked(FxRobot robot) throws Exception {
        GridMapView map = workspace.map();
        assertThat(map.fillMetric()).isEmpty();
        robot.clickOn("#map-search");
        robot.press(KeyCode.SHIFT).type(KeyCode.F9).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !map.fillMetric().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Double> metric = map.fillMetric();
        assertThat(metric).hasSize(context.district().smallGrids().size());
        assertThat(metric.get(grid.code().value())).isGreaterThan(0.0);
        metric.forEach((code, value) -> {
            if (!code.equals(grid.code().value())) {
                assertThat(value).as(code).isZero();
            }
        });
        assertThat(map.fillMetricTitle()).contains("Patrol coverage").contains("08:00–11:00");
        MenuButton layers = robot.lookup("#map-layers").queryAs(MenuButton.class);
        CheckMenuItem item = (CheckMenuItem) layers.getItems().stream()
                .filter(i -> "map-layer-coverage".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.isSelected()).isTrue();
        assertThat(robot.lookup("#map-coverage-line").queryLabeled().getText()).contains("1 of 136 grids");
        assertThat(workspace.coverageLayer().reportProperty().get().worker(worker.id()).orElseThrow().fixCount())
                .isPositive();

        robot.interact(() -> item.setSelected(false));
        assertThat(map.fillMetric()).isEmpty();
        assertThat(robot.lookup("#map-coverage-line").queryLabeled().getText()).isEmpty();
    }

    private static TrackReplayView replayWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#track-replay").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#track-replay").queryAs(TrackReplayView.class);
    }

    /** With GC_REPLAY_SCREENSHOT=file.png in the environment, a picture of the replay window for review. */
    private static void writeScreenshot(FxRobot robot, TrackReplayView view) throws Exception {
        String file = System.getenv("GC_REPLAY_SCREENSHOT");
        if (file == null || file.isBlank()) {
            return;
        }
        // The console's theme, as ConsoleLauncher sets it, for the picture only.
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
        // The new theme is applied by the next layout pass; a few frames later the map has redrawn under it.
        FxWait.frames(view.getScene(), 3);
        FxWait.until("the replay's map has redrawn", Duration.ofSeconds(20), view.map()::isRenderComplete);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = Screenshots.capture(view.getScene()));
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(null));
        Screenshots.writePng(image[0], Path.of(file));
    }

    // ------------------------------------------------------------------------------------ the walk

    /** A morning: stay at A, walk to B, stay, walk to C, stay, walk back towards A. */
    private static List<FieldMessage> walk() {
        Geometry area = grid.area();
        Coordinate centre = area.getInteriorPoint().getCoordinate();
        GeoPoint a = new GeoPoint(centre.x, centre.y);
        GeoPoint b = inside(a, 110, 0);
        GeoPoint c = inside(b, 0, 110);
        Random jitter = new Random(5);
        List<FieldMessage> fixes = new ArrayList<>();
        Instant[] t = {walkStart};
        stay(fixes, a, Duration.ofMinutes(8), t, jitter);
        walkTo(fixes, a, b, t, jitter);
        stay(fixes, b, Duration.ofMinutes(6), t, jitter);
        walkTo(fixes, b, c, t, jitter);
        stay(fixes, c, Duration.ofMinutes(7), t, jitter);
        walkTo(fixes, c, a, t, jitter);
        return fixes;
    }

    /** A point about {@code east}/{@code north} metres from p, turned until it lies well inside the grid. */
    private static GeoPoint inside(GeoPoint p, double east, double north) {
        for (int turn = 0; turn < 8; turn++) {
            double angle = Math.toRadians(45 * turn);
            double e = east * Math.cos(angle) - north * Math.sin(angle);
            double n = east * Math.sin(angle) + north * Math.cos(angle);
            GeoPoint q = offset(p, e, n);
            org.locationtech.jts.geom.Point point = grid.area().getFactory().createPoint(new Coordinate(q.lon(), q.lat()));
            if (grid.area().contains(point) && grid.area().getBoundary().distance(point) > 0.0002) {
                return q;
            }
        }
        throw new IllegalStateException("grid " + grid.code() + " is too small for the test walk");
    }

    private static GeoPoint offset(GeoPoint p, double east, double north) {
        double kx = 111_320 * Math.cos(Math.toRadians(p.lat()));
        return new GeoPoint(p.lon() + east / kx, p.lat() + north / 110_574.0);
    }

    private static void stay(List<FieldMessage> out, GeoPoint at, Duration d, Instant[] t, Random jitter) {
        Instant end = t[0].plus(d);
        Instant arrival = t[0];
        Instant last = t[0];
        while (!t[0].isAfter(end)) {
            out.add(fix(out.size(), offset(at, jitter.nextDouble() * 6 - 3, jitter.nextDouble() * 6 - 3), t[0]));
            last = t[0];
            t[0] = t[0].plus(STEP);
        }
        truth.add(new Instant[] {arrival, last});
    }

    private static void walkTo(List<FieldMessage> out, GeoPoint a, GeoPoint b, Instant[] t, Random jitter) {
        double metres = a.distanceMetres(b);
        int steps = (int) Math.ceil(metres / (SPEED * STEP.toSeconds()));
        for (int i = 1; i < steps; i++) {
            double f = i / (double) steps;
            GeoPoint p = new GeoPoint(a.lon() + f * (b.lon() - a.lon()), a.lat() + f * (b.lat() - a.lat()));
            out.add(fix(out.size(), offset(p, jitter.nextDouble() * 6 - 3, jitter.nextDouble() * 6 - 3), t[0]));
            t[0] = t[0].plus(STEP);
        }
    }

    private static GpsFix fix(int seq, GeoPoint p, Instant at) {
        return new GpsFix("replay-test-" + seq, worker.id(), at, p, 5);
    }
}
