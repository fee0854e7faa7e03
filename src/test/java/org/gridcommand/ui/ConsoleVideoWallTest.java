package org.gridcommand.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.gridcommand.camera.Camera;
import org.gridcommand.duty.Operator;
import org.gridcommand.testing.FxWait;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.map.MapFeature;
import org.gridcommand.video.TileState;
import org.gridcommand.ui.queue.CaseQueueView;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.gridcommand.video.VideoTile;
import org.gridcommand.video.VideoWall;
import org.gridcommand.video.WallLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The video region of the real console: its toolbar, the wall keys, and a camera dragged off the map. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
@Tag("libvlc")
class ConsoleVideoWallTest {
    private static DemoSeat seat;
    private ConsoleWindow window;

    @BeforeAll
    static void openDemoStore() throws Exception {
        seat = DemoSeat.open("gc-console-wall", null);
    }

    @AfterAll
    static void closeStore() {
        seat.close();
    }

    @Start
    void start(Stage stage) {
        window = seat.window(new SimpleObjectProperty<Operator>());
        Scene scene = new Scene(window.root(), 1600, 900);
        scene.getStylesheets().add(ConsoleLauncher.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void altThreeMakesNineTilesAndTheChooserFollows(FxRobot robot) throws Exception {
        VideoWall wall = window.videoWall();
        ComboBox<?> chooser = robot.lookup("#video-wall-layout").queryAs(ComboBox.class);
        assertThat(((WallLayout) chooser.getValue()).name()).isEqualTo("2x2");

        robot.press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wall.size()).isEqualTo(9);
        assertThat(((WallLayout) chooser.getValue()).name()).isEqualTo("3x3");
        assertThat(window.videoWallPanel().model().statusProperty().get()).isEqualTo("Layout 3×3: 9 tile(s)");
    }

    @Test
    void aCameraDraggedOffTheMapPlaysOnTheTileItIsDroppedOn(FxRobot robot) throws Exception {
        GridMapView map = window.mapWorkspace().map();
        VideoWall wall = window.videoWall();
        // The console at rest first: the queue's cases drawn on the map (one may cover a camera's symbol) and the
        // start view's cameras on the wall (it would replace what is dropped before it).
        CaseQueueView queue = QueueTestSupport.queueView(window.root().getScene());
        FxWait.until("the queue has loaded", Duration.ofSeconds(20), () -> queue.model().loadedProperty().get());
        FxWait.until("the start view's cameras are on the wall", Duration.ofSeconds(20),
                () -> wall.tiles().stream().anyMatch(t -> !t.cameraId().isEmpty()));
        FxWait.until("the map is drawn at rest", Duration.ofSeconds(20), map::isRenderComplete);
        // A camera whose symbol is drawn (not thinned out, not under a case or worker) inside the map, and hit a pixel
        // around its centre too: the robot presses on whole pixels.
        Camera camera = null;
        Point2D at = null;
        for (Camera c : seat.context().cameras()) {
            Point2D p = map.screenPosition(c.position());
            if (p.getX() > 40 && p.getY() > 40 && p.getX() < map.getWidth() - 40 && p.getY() < map.getHeight() - 40
                    && hitsAround(map, p, c)) {
                camera = c;
                at = map.localToScreen(p);
                break;
            }
        }
        assertThat(camera).as("a camera symbol on the map").isNotNull();
        VideoTile target = wall.tile(3);

        robot.drag(at, MouseButton.PRIMARY).dropTo(target);

        String id = camera.id();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> id.equals(target.cameraId()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> target.getState() == TileState.PLAYING);
        assertThat(window.videoWallPanel().model().statusProperty().get()).endsWith("on tile 4");
    }

    private static boolean hitsAround(GridMapView map, Point2D p, Camera camera) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                if (!(map.featureAt(p.getX() + dx, p.getY() + dy) instanceof MapFeature.CameraFeature f
                        && f.camera().id().equals(camera.id()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
