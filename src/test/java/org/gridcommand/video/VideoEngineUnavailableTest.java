package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.gridcommand.video.VideoFx.onFx;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.gridcommand.video.VideoEngine.Reason;
import org.gridcommand.video.VideoTile.TileState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A machine without libVLC, simulated: the engine is built as unavailable rather than by hiding the
 * real library, so these tests say nothing about discovery itself — only about what the UI does then.
 */
class VideoEngineUnavailableTest {
    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        VideoFx.startToolkit();
    }

    @AfterEach
    void hideStage() throws Exception {
        VideoFx.hide(stage);
    }

    @Test
    void engineReportsReasonAndInstallHintWithSimulatedMissingLibVlc() {
        VideoEngine engine = VideoEngine.unavailable(Reason.LIBVLC_NOT_FOUND, "simulated");

        assertThat(engine.available()).isFalse();
        assertThat(engine.reason()).isEqualTo(Reason.LIBVLC_NOT_FOUND);
        assertThat(engine.detail()).isEqualTo("simulated");
        assertThat(engine.unavailableReason())
                .contains("libVLC 3 not found")
                .contains("sudo apt-get install libvlc-dev vlc-plugin-base");
        assertThatCode(engine::close).doesNotThrowAnyException();
        assertThatCode(engine::close).doesNotThrowAnyException();
    }

    @Test
    void tileShowsUnavailableTextWithSimulatedMissingLibVlc() throws Exception {
        VideoEngine engine = VideoEngine.unavailable(Reason.LIBVLC_NOT_FOUND, "simulated");
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 480, 270);

        onFx(() -> tile.show("CAM 1", "asset:demo/clips/clip-1.mp4", true));

        assertThat(onFx(tile::getState)).isEqualTo(TileState.UNAVAILABLE);
        assertThat(onFx(tile::hasPlayer)).isFalse();
        String shown = String.join("\n", onFx(() -> labelTexts(tile)));
        assertThat(shown)
                .contains("CAM 1")
                .contains("Video unavailable")
                .contains("libVLC 3 not found")
                .contains("sudo apt-get install libvlc-dev vlc-plugin-base");
        assertThat(tile.framesRendered()).isZero();
    }

    @Test
    void tileTextComesFromTheCallersTranslationsWithSimulatedMissingLibVlc() throws Exception {
        Map<String, String> zh = Map.of(
                "video.unavailable", "视频不可用",
                "video.unavailable.libvlcMissing", "未找到 libVLC 3",
                "video.unavailable.install", "安装命令：");
        Function<String, String> text = key -> {
            String value = zh.get(key);
            if (value == null) {
                throw new java.util.MissingResourceException(key, "zh", key);
            }
            return value;
        };
        VideoEngine engine = VideoEngine.unavailable(Reason.LIBVLC_NOT_FOUND, "simulated");
        VideoTile tile = onFx(() -> new VideoTile(engine, text));
        stage = VideoFx.showStage(new StackPane(tile), 480, 270);

        onFx(() -> tile.show("东门监控", "asset:demo/clips/clip-1.mp4", true));

        String shown = String.join("\n", onFx(() -> labelTexts(tile)));
        assertThat(shown).contains("东门监控").contains("视频不可用").contains("未找到 libVLC 3")
                .contains("安装命令： sudo apt-get install libvlc-dev vlc-plugin-base");
    }

    @Test
    void wallOfTilesStaysUsableWithSimulatedMissingLibVlc() throws Exception {
        VideoEngine engine = VideoEngine.unavailable(Reason.LIBVLC_INIT_FAILED, "simulated: libvlc_new returned null");
        VideoWall wall = onFx(() -> new VideoWall(engine, VideoFx.KEYS, 2, 2));
        stage = VideoFx.showStage(wall, 640, 360);

        onFx(() -> {
            for (int i = 0; i < wall.size(); i++) {
                wall.assign(i, "CAM " + (i + 1), "asset:demo/clips/clip-" + (i + 1) + ".mp4");
            }
        });

        for (VideoTile tile : wall.tiles()) {
            assertThat(onFx(tile::getState)).isEqualTo(TileState.UNAVAILABLE);
        }
        assertThatCode(() -> onFx(wall::clearAll)).doesNotThrowAnyException();
        assertThat(onFx(() -> wall.tile(0).getState())).isEqualTo(TileState.UNAVAILABLE);
    }

    private static List<String> labelTexts(Node root) {
        return root.lookupAll(".label").stream()
                .filter(Node::isVisible)
                .map(node -> ((Label) node).getText())
                .toList();
    }
}
