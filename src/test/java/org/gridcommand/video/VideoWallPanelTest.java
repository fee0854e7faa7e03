package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.Messages;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.ui.video.VideoWallModel;
import org.gridcommand.ui.video.VideoWallPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The console's video region on real libVLC: cameras dragged from the list, tours, presets. */
class VideoWallPanelTest extends LiveVideoTest {
    private static final Messages TEXT = Messages.forLocale(Locale.ENGLISH);

    @TempDir
    Path dataDir;

    /** Six cameras of group "east" and one of "gate", playing the four demo clips. */
    private static List<Camera> cameras() {
        List<Camera> list = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String id = String.format("4404021000132%07d", i);
            String clip = "asset:demo/clips/clip-" + ((i - 1) % 4 + 1) + ".mp4";
            list.add(new Camera(id, new BilingualName("东门 " + i, "East gate " + i), new GeoPoint(113.58, 22.36),
                    0, 60, 100, clip, clip, i <= 6 ? "east" : "gate", "440402001001001"));
        }
        return list;
    }

    private VideoWallPanel showPanel(List<Camera> cameras) throws Exception {
        CameraStatusBoard board = new CameraStatusBoard();
        VideoWallPanel panel = onFx(() -> {
            VideoWall wall = new VideoWall(engine, TEXT::get, WallLayout.grid(2, 2));
            VideoWallModel model = new VideoWallModel(wall, WallSettings.loadDefault(),
                    WallPresetStore.inDataDir(dataDir), cameras, TEXT);
            VideoWallPanel p = new VideoWallPanel(model, ZoneId.of("Asia/Shanghai"), board::status);
            p.reportHealthTo(board);
            p.setCameraListShown(true);
            return p;
        });
        stage = VideoFx.showStage(panel, 1100, 560);
        return panel;
    }

    @Test
    void aCameraDraggedFromTheListOntoATilePlaysThere() throws Exception {
        List<Camera> cameras = cameras();
        VideoWallPanel panel = showPanel(cameras);
        VideoWall wall = panel.wall();
        FxRobot robot = new FxRobot();
        robot.clickOn("#video-camera-search").write("0000003");
        ListView<?> list = robot.lookup("#video-camera-listview").queryAs(ListView.class);
        assertThat(waitUntil(Duration.ofSeconds(5), () -> list.getItems().size() == 1)).isTrue();
        Node cell = robot.lookup("#video-camera-listview .list-cell").nth(0).query();

        robot.drag(cell, MouseButton.PRIMARY).dropTo(wall.tile(2));

        VideoTile tile = wall.tile(2);
        assertThat(waitUntil(VideoFx.FX_TIMEOUT,
                () -> tile.framesRendered() > 10 && VideoFx.state(tile) == TileState.PLAYING))
                .as("tile 3 state %s", VideoFx.state(tile)).isTrue();
        assertThat(onFx(tile::cameraId)).isEqualTo(cameras.get(2).id());
        assertThat(onFx(tile::cameraName)).isEqualTo("East gate 3");
        assertThat(onFx(() -> wall.tile(0).cameraId())).isEmpty();
        assertThat(onFx(() -> panel.model().statusProperty().get())).isEqualTo("East gate 3 on tile 3");
        // The tile's pictures reached the camera list's status.
        assertThat(waitUntil(Duration.ofSeconds(5), () -> {
            try {
                return onFx(() -> robot.lookup("#video-camera-listview .list-cell").queryAll().stream()
                        .anyMatch(n -> n.toString().length() > 0 && labelsOf(n).contains("online")));
            } catch (Exception e) {
                return false;
            }
        })).as("list shows the camera online").isTrue();
    }

    @Test
    void aTourPagesThroughTheGroupAndSaysWhereItIs() throws Exception {
        VideoWallPanel panel = showPanel(cameras());
        VideoWallModel model = panel.model();
        VideoWall wall = panel.wall();

        onFx(() -> model.startTour("east", Duration.ofSeconds(1)));

        assertThat(onFx(() -> model.tourLineProperty().get())).isEqualTo("tour: east 1/2");
        assertThat(onFx(wall::cameraIds)).containsExactly(cameras().get(0).id(), cameras().get(1).id(),
                cameras().get(2).id(), cameras().get(3).id());
        // Line and cameras are read together: on a busy machine the next page may come early or late.
        List<String> pageTwo = List.of(cameras().get(4).id(), cameras().get(5).id(), "", "");
        assertThat(waitUntil(Duration.ofSeconds(5), () -> onFxQuiet(
                () -> model.tourLineProperty().get().equals("tour: east 2/2") && wall.cameraIds().equals(pageTwo))))
                .as("tour line %s", tourLine(model)).isTrue();
        assertThat(waitUntil(Duration.ofSeconds(5), () -> tourLine(model).equals("tour: east 1/2"))).isTrue();
        VideoTile tile = wall.tile(0);
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> VideoFx.state(tile) == TileState.PLAYING)).isTrue();

        // Three tiles: the six cameras of the group recut into two pages of three, still touring.
        String[] lineAndIds = onFx(() -> {
            model.applyLayout(WallLayout.grid(1, 3));
            return new String[] {model.tourLineProperty().get(), String.join(",", wall.cameraIds())};
        });
        List<String> east = cameras().subList(0, 6).stream().map(Camera::id).toList();
        assertThat(lineAndIds[0]).matches("tour: east [12]/2");
        assertThat(lineAndIds[1].split(",")).hasSize(3).allMatch(east::contains);

        // A camera put on by hand ends the tour.
        onFx(() -> model.assign(0, cameras().get(6)));
        assertThat(onFx(() -> model.touringProperty().get())).isFalse();
        assertThat(tourLine(model)).isEmpty();
    }

    @Test
    void aSavedPresetRestoresLayoutAndCameras() throws Exception {
        List<Camera> cameras = cameras();
        VideoWallPanel panel = showPanel(cameras);
        VideoWallModel model = panel.model();
        VideoWall wall = panel.wall();
        onFx(() -> {
            model.applyLayout(WallLayout.onePlusFive());
            model.assign(0, cameras.get(6));
            model.assign(3, cameras.get(1));
        });
        model.savePreset("Gate watch").get();
        onFx(() -> {
            model.applyLayout(WallLayout.grid(1, 1));
            model.assign(0, cameras.get(0));
        });

        model.loadPreset("gate WATCH").get();
        waitUntil(Duration.ofSeconds(5), () -> onFxQuiet(() -> wall.size() == 6));

        assertThat(onFx(wall::getLayout)).isEqualTo(WallLayout.onePlusFive());
        assertThat(onFx(wall::cameraIds)).containsExactly(cameras.get(6).id(), "", "", cameras.get(1).id(), "", "");
        assertThat(onFx(() -> model.presetNames())).containsExactly("Gate watch");
        assertThat(onFx(() -> model.statusProperty().get())).isEqualTo("Preset 'Gate watch': 1+5, 2 camera(s)");
    }

    private static String tourLine(VideoWallModel model) {
        return onFxQuiet(() -> model.tourLineProperty().get());
    }

    private static <T> T onFxQuiet(java.util.concurrent.Callable<T> work) {
        try {
            return onFx(work);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String labelsOf(Node node) {
        StringBuilder out = new StringBuilder();
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                out.append(labelsOf(child));
            }
        }
        return out.toString();
    }
}
