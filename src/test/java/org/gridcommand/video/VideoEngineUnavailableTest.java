package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcommand.video.VideoFx.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.gridcommand.common.Messages;
import org.gridcommand.video.VideoEngine.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine without libVLC, simulated: the engine is built as unavailable rather than by hiding the
 * real library, so these tests say nothing about discovery itself — only about what the UI does then.
 */
@Tag("ui")
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

    @Test
    void tileSaysVideoUnavailableLibVlc3NotFoundWithTheInstallHintInBothLanguages() throws Exception {
        VideoEngine engine = VideoEngine.unavailable(Reason.LIBVLC_NOT_FOUND, "simulated");
        Messages en = Messages.forLocale(Locale.ENGLISH);
        Messages zh = Messages.forLocale(Messages.ZH_CN);
        VideoTile enTile = onFx(() -> new VideoTile(engine, en::get));
        VideoTile zhTile = onFx(() -> new VideoTile(engine, zh::get));
        stage = VideoFx.showStage(new javafx.scene.layout.HBox(enTile, zhTile), 960, 270);
        List<TileHealth> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        onFx(() -> {
            enTile.setOnHealthChange(reports::add);
            enTile.show("44040200001320000001", "CAM 1", "udp://@127.0.0.1:5004", false);
            zhTile.show("东门监控", "udp://@127.0.0.1:5004", false);
        });

        assertThat(onFx(() -> stateText(enTile))).isEqualTo("video unavailable: libVLC 3 not found");
        assertThat(onFx(() -> detailText(enTile))).isEqualTo("Install with: sudo apt-get install libvlc-dev vlc-plugin-base");
        assertThat(onFx(() -> stateText(zhTile))).isEqualTo("视频不可用：未找到 libVLC 3");
        assertThat(onFx(() -> detailText(zhTile))).isEqualTo("安装命令： sudo apt-get install libvlc-dev vlc-plugin-base");
        assertThat(reports).last().satisfies(h -> {
            assertThat(h.state()).isEqualTo(TileState.UNAVAILABLE);
            assertThat(h.cameraId()).isEqualTo("44040200001320000001");
            assertThat(h.online()).isFalse();
        });
    }

    @Test
    void snapshotFailsClearlyWithoutLibVlc(@TempDir Path dir) throws Exception {
        VideoEngine engine = VideoEngine.unavailable(Reason.LIBVLC_NOT_FOUND, "simulated");
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 480, 270);
        onFx(() -> tile.show("CAM 1", "asset:demo/clips/clip-1.mp4", true));

        assertThatThrownBy(() -> tile.snapshot(dir).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no picture")
                .hasMessageContaining("UNAVAILABLE");
    }

    private static String stateText(VideoTile tile) {
        return ((Label) tile.lookup(".video-tile-state")).getText();
    }

    private static String detailText(VideoTile tile) {
        return ((Label) tile.lookup(".video-tile-detail")).getText();
    }

    private static List<String> labelTexts(Node root) {
        return root.lookupAll(".label").stream()
                .filter(Node::isVisible)
                .map(node -> ((Label) node).getText())
                .toList();
    }
}
