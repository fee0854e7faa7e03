package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import java.time.Duration;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

/** Real libVLC, real clip, real FX scene (under Xvfb): the picture must arrive and move. */
class VideoTilePlaysClipTest extends LiveVideoTest {
    @Test
    void playsDemoClipAndThePictureMoves() throws Exception {
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        // Larger than the clip: the picture keeps the clip's own size.
        stage = VideoFx.showStage(new StackPane(tile), 800, 450);

        onFx(() -> tile.show("CAM 1", "asset:demo/clips/clip-1.mp4", true));

        assertThat(waitUntil(Duration.ofSeconds(10), () -> tile.framesRendered() > 25))
                .as("frames rendered within 10 s: %d (decoded %d)", tile.framesRendered(), tile.framesDelivered())
                .isTrue();
        assertThat(onFx(tile::getState)).isEqualTo(TileState.PLAYING);

        int[] first = VideoFx.sample(tile);
        assertThat(VideoFx.brightSamples(first)).as("non-black samples of 576").isGreaterThan(100);
        assertThat(waitUntil(Duration.ofSeconds(5), () -> VideoFx.differingFrom(first, tile) > 0))
                .as("the picture moves").isTrue();
        assertThat(onFx(() -> tile.imageView().getImage().getWidth())).isEqualTo(640.0);
    }

    @Test
    void demoClipLoopsPastItsEnd() throws Exception {
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 320, 180);

        onFx(() -> tile.show("CAM 4", "asset:demo/clips/clip-4.mp4", true));

        // The clip has 200 frames; more than that decoded means it started over.
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> tile.framesDelivered() > 240))
                .as("decoded %d frames", tile.framesDelivered()).isTrue();
        assertThat(onFx(tile::getState)).isEqualTo(TileState.PLAYING);
        // A tile smaller than the clip gets pictures scaled to it by libVLC, not the clip's 640 x 360.
        assertThat(onFx(() -> tile.imageView().getImage().getWidth())).isLessThanOrEqualTo(320.0).isGreaterThan(200.0);
    }

    @Test
    void missingAssetShowsNoSignalWithoutThrowing() throws Exception {
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 320, 180);

        onFx(() -> tile.show("CAM X", "asset:demo/clips/no-such-clip.mp4", true));

        assertThat(onFx(tile::getState)).isEqualTo(TileState.NO_SIGNAL);
        assertThat(onFx(tile::hasPlayer)).isFalse();
    }

    @Test
    void unreadableFileShowsNoSignal() throws Exception {
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 320, 180);

        // Exists, but is no video: libVLC has to report the failure through its error event.
        onFx(() -> tile.show("CAM README", "asset:demo/clips/README.md", false));

        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> VideoFx.state(tile) == TileState.NO_SIGNAL))
                .as("state %s", VideoFx.state(tile)).isTrue();
    }
}
