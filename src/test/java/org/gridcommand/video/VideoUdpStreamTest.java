package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.layout.StackPane;
import org.gridcommand.video.VideoTile.TileState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A live MPEG-TS stream over UDP from ffmpeg, as a stand-in for a Sharp Eyes camera. */
class VideoUdpStreamTest extends LiveVideoTest {
    private Process ffmpeg;

    @AfterEach
    void stopStreamAndStage() throws Exception {
        if (ffmpeg != null) {
            ffmpeg.destroy();
            if (!ffmpeg.waitFor(5, TimeUnit.SECONDS)) {
                ffmpeg.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        VideoFx.hide(stage);
    }

    @Test
    void playsLiveUdpMpegTsStream() throws Exception {
        int port = freeUdpPort();
        ffmpeg = startFfmpeg(port);
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

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process startFfmpeg(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25",
                "-f", "mpegts", "udp://127.0.0.1:" + port + "?pkt_size=1316");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            // A missing encoder or bad option shows up at once; fail here rather than as "no frames".
            Thread.sleep(300);
            assertThat(process.isAlive()).as("ffmpeg exited: %s", process.isAlive() ? "" : process.exitValue()).isTrue();
            return process;
        } catch (java.io.IOException e) {
            // A missing ffmpeg is a broken test machine, not a reason to skip: fail with the fix.
            throw new AssertionError("ffmpeg not runnable (sudo apt-get install ffmpeg): " + e.getMessage(), e);
        }
    }
}
