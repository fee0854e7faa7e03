package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import java.time.Duration;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.gridcommand.video.StreamSizing.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Layout changes keep tiles and players; a maximised tile fills the wall and plays the main stream. */
class VideoWallLayoutTest extends LiveVideoTest {
    private static final String CLIP = "asset:demo/clips/clip-1.mp4";
    private Process mainStream;

    @AfterEach
    void stopStream() throws Exception {
        LiveStreams.stop(mainStream);
    }

    @Test
    void changingTheLayoutKeepsTileZeroPlayingOnItsPlayer() throws Exception {
        VideoWall wall = onFx(() -> new VideoWall(engine, VideoFx.KEYS, WallLayout.grid(2, 2)));
        stage = VideoFx.showStage(wall, 800, 450);
        onFx(() -> {
            for (int i = 0; i < 4; i++) {
                wall.assign(i, "cam-" + i, "CAM " + (i + 1), "asset:demo/clips/clip-" + (i + 1) + ".mp4");
            }
        });
        VideoTile first = wall.tile(0);
        awaitPlaying(first);
        long sessions = first.sessionsStarted();
        long created = engine.playersCreated();

        onFx(() -> wall.setLayout(WallLayout.grid(3, 3)));
        assertThat(onFx(() -> wall.tile(0))).isSameAs(first);
        assertThat(onFx(wall::size)).isEqualTo(9);
        awaitFramesAfter(first);

        onFx(() -> wall.setLayout(WallLayout.grid(1, 1)));
        awaitFramesAfter(first);

        assertThat(onFx(() -> wall.tile(0))).isSameAs(first);
        assertThat(onFx(first::getState)).isEqualTo(TileState.PLAYING);
        assertThat(onFx(first::cameraId)).isEqualTo("cam-0");
        assertThat(first.sessionsStarted()).as("no new player for the kept tile").isEqualTo(sessions);
        // 792 px wide on a 800 px stage: still below the main stream's 960 px.
        assertThat(onFx(() -> first.streamProperty().get())).isEqualTo(Stream.SUB);
        assertThat(onFx(first::getWidth)).isGreaterThan(700);
        // Tiles beyond the one-tile layout were cleared and gave their players back to the pool.
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> engine.openPlayers() == 1))
                .as("players in use: %d", engine.openPlayers()).isTrue();
        assertThat(engine.idlePlayers()).isGreaterThanOrEqualTo(3);

        // Growing again brings tiles back empty; a camera put on one reuses a pooled player.
        onFx(() -> wall.setLayout(WallLayout.onePlusFive()));
        assertThat(onFx(() -> wall.tile(1).cameraId())).isEmpty();
        long reused = engine.playersReused();
        onFx(() -> wall.assign(1, "cam-9", "CAM 9", "asset:demo/clips/clip-2.mp4"));
        awaitPlaying(wall.tile(1));
        assertThat(engine.playersReused()).isEqualTo(reused + 1);
        assertThat(engine.playersCreated()).as("native players created").isEqualTo(created);
        assertThat(first.sessionsStarted()).isEqualTo(sessions);
    }

    @Test
    void doubleClickMaximisesOnTheMainStreamAndEscapeRestoresTheSubStream() throws Exception {
        int port = LiveStreams.freeUdpPort();
        mainStream = startUdp(port, "1024x576");
        String mainUrl = "udp://@127.0.0.1:" + port;
        VideoWall wall = onFx(() -> new VideoWall(engine, VideoFx.KEYS, WallLayout.grid(2, 2)));
        // Tiles at least as large as their streams, so the picture's width says which stream plays (a picture
        // larger than its tile is scaled down to it).
        stage = VideoFx.showStage(wall, 1400, 820);
        onFx(() -> {
            wall.assign(0, "cam-main", "CAM M", mainUrl, CLIP);
            wall.assign(1, "cam-2", "CAM 2", "asset:demo/clips/clip-2.mp4");
        });
        VideoTile tile = wall.tile(0);
        VideoTile other = wall.tile(1);
        awaitPlaying(tile);
        awaitPlaying(other);
        assertThat(onFx(() -> tile.streamProperty().get())).isEqualTo(Stream.SUB);
        assertThat(imageWidth(tile)).isEqualTo(640);

        FxRobot robot = new FxRobot();
        robot.doubleClickOn(tile, MouseButton.PRIMARY);

        assertThat(onFx(wall::isMaximised)).isTrue();
        assertThat(onFx(() -> wall.maximisedIndexProperty().get())).isZero();
        assertThat(onFx(() -> tile.streamProperty().get())).isEqualTo(Stream.MAIN);
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> imageWidth(tile) == 1024
                && VideoFx.state(tile) == TileState.PLAYING))
                .as("main stream picture: width %d, state %s", imageWidth(tile), VideoFx.state(tile)).isTrue();
        assertThat(onFx(tile::getWidth)).isGreaterThan(1200);
        // The hidden tile left the scene: it decodes nothing.
        assertThat(onFx(other::hasPlayer)).isFalse();
        assertThat(onFx(other::getState)).isEqualTo(TileState.IDLE);

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        assertThat(onFx(wall::isMaximised)).isFalse();
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> imageWidth(tile) == 640
                && VideoFx.state(tile) == TileState.PLAYING))
                .as("sub stream picture: width %d", imageWidth(tile)).isTrue();
        assertThat(onFx(() -> tile.streamProperty().get())).isEqualTo(Stream.SUB);
        awaitPlaying(other);
        assertThat(onFx(other::getWidth)).isLessThan(700);
    }

    private static int imageWidth(VideoTile tile) {
        try {
            return onFx(() -> tile.imageView().getImage() == null ? 0 : (int) tile.imageView().getImage().getWidth());
        } catch (Exception e) {
            return -1;
        }
    }

    /** A live MPEG-TS test pattern of the given size over UDP, a key frame every second. */
    private static Process startUdp(int port, String size) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=25",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25",
                "-f", "mpegts", "udp://127.0.0.1:" + port + "?pkt_size=1316");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            // A missing encoder or bad option ends ffmpeg at once; a healthy one never exits.
            assertThat(process.waitFor(300, java.util.concurrent.TimeUnit.MILLISECONDS)).as("ffmpeg exited at once").isFalse();
            return process;
        } catch (java.io.IOException e) {
            throw new AssertionError("ffmpeg not runnable (sudo apt-get install ffmpeg): " + e.getMessage(), e);
        }
    }

    private static void awaitPlaying(VideoTile tile) throws Exception {
        long from = tile.framesRendered();
        assertThat(waitUntil(VideoFx.FX_TIMEOUT,
                () -> tile.framesRendered() > from + 10 && VideoFx.state(tile) == TileState.PLAYING))
                .as("state %s, frames %d", VideoFx.state(tile), tile.framesRendered() - from).isTrue();
    }

    private static void awaitFramesAfter(VideoTile tile) throws Exception {
        long from = tile.framesRendered();
        assertThat(waitUntil(Duration.ofSeconds(10), () -> tile.framesRendered() > from + 10))
                .as("frames after the layout change: %d", tile.framesRendered() - from).isTrue();
    }
}
