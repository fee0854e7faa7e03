package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import java.time.Duration;
import javafx.scene.layout.StackPane;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.Test;

/** The player lives only while the tile is on screen. */
class VideoTileDetachTest extends LiveVideoTest {
    @Test
    void removingFromSceneReleasesThePlayerAndPuttingBackPlaysAgain() throws Exception {
        StackPane root = onFx(() -> new StackPane());
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        onFx(() -> root.getChildren().add(tile));
        stage = VideoFx.showStage(root, 480, 270);
        onFx(() -> tile.show("CAM 2", "asset:demo/clips/clip-2.mp4", true));
        awaitPlaying(tile, 10);
        assertThat(engine.openPlayers()).isEqualTo(1);

        onFx(() -> root.getChildren().remove(tile));

        assertThat(onFx(tile::getState)).isEqualTo(TileState.IDLE);
        assertThat(onFx(tile::hasPlayer)).isFalse();
        assertThat(onFx(() -> tile.imageView().getImage())).isNull();
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> engine.openPlayers() == 0))
                .as("players still open: %d", engine.openPlayers()).isTrue();
        long detachedAt = tile.framesRendered();
        // Absence has no state to wait for: watch the count through half a second (12 frames of the clip).
        Wait.holdsThroughout("no frames while detached", Duration.ofMillis(500),
                () -> tile.framesRendered() == detachedAt);

        onFx(() -> root.getChildren().add(tile));

        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> tile.framesRendered() > detachedAt + 25))
                .as("frames after re-attach: %d", tile.framesRendered() - detachedAt).isTrue();
        assertThat(onFx(tile::getState)).isEqualTo(TileState.PLAYING);
        assertThat(engine.openPlayers()).isEqualTo(1);
    }

    @Test
    void hidingTheWindowReleasesThePlayerAndShowingPlaysAgain() throws Exception {
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 480, 270);
        onFx(() -> tile.show("CAM 3", "asset:demo/clips/clip-3.mp4", true));
        awaitPlaying(tile, 10);

        onFx(stage::hide);

        assertThat(onFx(tile::getState)).isEqualTo(TileState.IDLE);
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> engine.openPlayers() == 0)).isTrue();

        long hiddenAt = tile.framesRendered();
        onFx(stage::show);

        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> tile.framesRendered() > hiddenAt + 10)).isTrue();
        assertThat(onFx(tile::getState)).isEqualTo(TileState.PLAYING);
    }

    @Test
    void clearStopsThePlayerAndRapidReassignLeavesOnePlayer() throws Exception {
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 480, 270);

        // Reassigning faster than libVLC can open must not leak players or mix up pictures.
        onFx(() -> {
            for (int i = 1; i <= 4; i++) {
                tile.show("CAM " + i, "asset:demo/clips/clip-" + i + ".mp4", true);
            }
        });
        awaitPlaying(tile, 25);
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> engine.openPlayers() == 1))
                .as("players open: %d", engine.openPlayers()).isTrue();

        onFx(tile::clear);

        assertThat(onFx(tile::getState)).isEqualTo(TileState.IDLE);
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> engine.openPlayers() == 0)).isTrue();
    }

    private static void awaitPlaying(VideoTile tile, long frames) throws Exception {
        long from = tile.framesRendered();
        assertThat(waitUntil(VideoFx.FX_TIMEOUT,
                () -> tile.framesRendered() > from + frames && VideoFx.state(tile) == TileState.PLAYING))
                .as("state %s, frames %d", VideoFx.state(tile), tile.framesRendered() - from).isTrue();
    }
}
