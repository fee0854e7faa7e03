package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import java.time.Duration;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A live MPEG-TS stream over UDP from ffmpeg, as a stand-in for a Sharp Eyes camera. */
class VideoUdpStreamTest extends LiveVideoTest {
    private Process ffmpeg;

    @AfterEach
    void stopStreamAndStage() throws Exception {
        LiveStreams.stop(ffmpeg);
        VideoFx.hide(stage);
    }

    @Test
    void playsLiveUdpMpegTsStream() throws Exception {
        int port = LiveStreams.freeUdpPort();
        ffmpeg = LiveStreams.startUdp(port);
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 640, 360);

        onFx(() -> tile.show("UDP " + port, "udp://@127.0.0.1:" + port, false));

        assertThat(waitUntil(Duration.ofSeconds(10), () -> tile.framesRendered() > 10))
                .as("frames rendered: %d, decoded: %d, ffmpeg alive: %s",
                        tile.framesRendered(), tile.framesDelivered(), ffmpeg.isAlive())
                .isTrue();
        assertThat(onFx(tile::getState)).isEqualTo(TileState.PLAYING);
        assertThat(VideoFx.brightSamples(VideoFx.sample(tile))).isGreaterThan(100);
    }
}
