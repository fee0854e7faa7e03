package org.gridcommand.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.camera.Camera;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.testing.FxWait;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.map.MapFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Point;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The map region as an officer uses it: pan, zoom, click a grid, search, measure. Real window, real store. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class MapWorkspaceTest {
    private static AppContext context;
    private MapWorkspace workspace;

    @BeforeAll
    static void openDemoStore() throws Exception {
        Path dataDir = Files.createTempDirectory("gc-map-test");
        context = AppContext.openDemo(dataDir, Locale.ENGLISH, ManualClock.dutyAfternoon());
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

    private GridMapView map(FxRobot robot) {
        return robot.lookup(".grid-map").queryAs(GridMapView.class);
    }

    @Test
    void dragPansWheelZoomsAndZeroFitsAgain(FxRobot robot) {
        GridMapView map = map(robot);
        GeoPoint centre = new GeoPoint(113.58, 22.36);
        Point2D before = map.screenPosition(centre);
        Point2D start = map.localToScreen(map.getWidth() / 2, map.getHeight() / 2);
        robot.drag(start, MouseButton.PRIMARY).moveBy(120, 60).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D afterPan = map.screenPosition(centre);
        assertThat(afterPan.getX() - before.getX()).isBetween(100.0, 140.0);
        assertThat(afterPan.getY() - before.getY()).isBetween(45.0, 75.0);

        double metresPerPixel = map.metresPerPixel();
        robot.moveTo(start).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.metresPerPixel()).isLessThan(metresPerPixel * 0.8);

        robot.clickOn(map, MouseButton.SECONDARY).type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.metresPerPixel()).isCloseTo(metresPerPixel, org.assertj.core.data.Percentage.withPercentage(15));
    }

    @Test
    void clickingAGridShowsItsWorkersInTheSidePanelAndLocatesTheClick(FxRobot robot) throws Exception {
        GridMapView map = map(robot);
        SmallGrid grid = context.district().smallGrids().get(42);
        robot.interact(() -> map.zoomTo(grid.area().getEnvelopeInternal()));
        FxWait.until("the map has drawn the grid's view", Duration.ofSeconds(20), map::isRenderComplete);
        GeoPoint spot = quietSpotIn(grid);
        Point2D local = map.screenPosition(spot);
        robot.clickOn(map.localToScreen(local));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#grid-side-workers").tryQuery().isPresent());

        assertThat(map.selectedProperty().get()).isInstanceOf(MapFeature.GridFeature.class);
        ListView<?> workers = robot.lookup("#grid-side-workers").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !workers.getItems().isEmpty());
        for (GridWorker w : context.district().workersOf(grid.code())) {
            assertThat(workers.getItems()).anyMatch(line -> line.toString().contains(w.name().en()));
        }
        Label locate = robot.lookup("#map-locate-line").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> locate.getText().contains(grid.code().value()));
    }

    /** A point inside the grid as far as possible from every marker, so the click can only mean the grid. */
    private static GeoPoint quietSpotIn(SmallGrid grid) {
        java.util.List<GeoPoint> markers = new java.util.ArrayList<>();
        context.cameras().forEach(c -> markers.add(c.position()));
        context.resources().forEach(r -> markers.add(r.position()));
        context.district().gridWorkers().stream().filter(w -> w.lastPosition() != null).forEach(w -> markers.add(w.lastPosition()));
        context.todaysQueue().stream().filter(c -> c.location() != null).forEach(c -> markers.add(c.location()));
        org.locationtech.jts.geom.Envelope box = grid.area().getEnvelopeInternal();
        java.util.Random random = new java.util.Random(42);
        GeoPoint best = null;
        double bestDistance = -1;
        for (int i = 0; i < 400; i++) {
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            Point p = grid.area().getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
            if (!grid.area().contains(p) || grid.area().getBoundary().distance(p) < 0.0003) {
                continue;
            }
            GeoPoint candidate = new GeoPoint(lon, lat);
            double nearest = markers.stream().mapToDouble(candidate::distanceMetres).min().orElse(1e9);
            if (nearest > bestDistance) {
                bestDistance = nearest;
                best = candidate;
            }
        }
        return best;
    }

    @Test
    void searchingACameraIdFliesToTheCameraAndSelectsIt(FxRobot robot) throws Exception {
        GridMapView map = map(robot);
        Camera camera = context.cameras().get(200);
        double before = map.metresPerPixel();
        robot.clickOn("#map-search").write(camera.id()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> map.selectedProperty().get() instanceof MapFeature.CameraFeature);
        FxWait.until("the flight to the camera has landed", Duration.ofSeconds(10), () -> !map.isFlying());
        assertThat(((MapFeature.CameraFeature) map.selectedProperty().get()).camera().id()).isEqualTo(camera.id());
        assertThat(map.metresPerPixel()).isLessThan(before / 4);
        Point2D at = map.screenPosition(camera.position());
        assertThat(at.getX()).isCloseTo(map.getWidth() / 2, org.assertj.core.data.Offset.offset(5.0));
        assertThat(at.getY()).isCloseTo(map.getHeight() / 2, org.assertj.core.data.Offset.offset(60.0));
    }
}
