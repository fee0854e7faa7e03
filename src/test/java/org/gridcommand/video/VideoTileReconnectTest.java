package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javax.imageio.ImageIO;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live camera (ffmpeg, MPEG-TS over UDP) that dies and comes back: the tile must say "signal lost since …"
 * on its own (libVLC reports nothing for a silent UDP stream), keep reconnecting, and play again once the
 * camera is back — and its snapshot must be a real picture.
 */
class VideoTileReconnectTest extends LiveVideoTest {
    private static final Duration STALL = Duration.ofSeconds(3);
    private Process ffmpeg;

    @AfterEach
    void stopStream() throws Exception {
        LiveStreams.stop(ffmpeg);
    }

    @Test
    void killedStreamShowsSignalLostThenPlaysAgainWhenRestartedOnTheSameAddress() throws Exception {
        int port = LiveStreams.freeUdpPort();
        ffmpeg = LiveStreams.startUdp(port);
        List<TileHealth> reports = new CopyOnWriteArrayList<>();
        // The tile's clock is the test's, moved a minute on at the kill: "lost since" is checked on it without
        // reading the real time.
        ManualClock clock = ManualClock.dutyAfternoon();
        VideoTile tile = onFx(() -> {
            VideoTile t = new VideoTile(engine, VideoFx.KEYS, clock);
            t.setHealthPolicy(HealthPolicy.DEFAULT.withStallTimeout(STALL));
            t.setOnHealthChange(reports::add);
            return t;
        });
        stage = VideoFx.showStage(new StackPane(tile), 640, 360);
        onFx(() -> tile.show("34020000001320000007", "东门 UDP", "udp://@127.0.0.1:" + port, false));
        awaitPlaying(tile, 10, Duration.ofSeconds(15));
        assertThat(onFx(tile::getLostSince)).isNull();

        // The camera dies without a word.
        LiveStreams.kill(ffmpeg);
        Instant afterKill = clock.advance(Duration.ofMinutes(1));
        long killed = System.nanoTime();

        assertThat(waitUntil(STALL.plusSeconds(2), () -> VideoFx.state(tile) == TileState.SIGNAL_LOST))
                .as("state %.1f s after the kill: %s", (System.nanoTime() - killed) / 1e9, VideoFx.state(tile))
                .isTrue();
        Instant lostSince = onFx(tile::getLostSince);
        // The tile dates the last picture on its clock, back from the moment it noticed the stall by the time
        // since that picture: so on the test's clock, at least the stall limit before the clock's present moment.
        assertThat(lostSince).as("lost since = the last picture, dated on the tile's (the test's) clock")
                .isBetween(afterKill.minus(STALL).minusSeconds(5), afterKill.minus(STALL));
        String shown = onFx(() -> ((Label) tile.lookup(".video-tile-state")).getText());
        assertThat(shown).isEqualTo("Signal lost since "
                + DateTimeFormatter.ofPattern("HH:mm:ss").format(lostSince.atZone(ZoneId.systemDefault())));
        assertThat(reports).as("health reports").anySatisfy(h -> {
            assertThat(h.state()).isEqualTo(TileState.SIGNAL_LOST);
            assertThat(h.lostSince()).isEqualTo(lostSince);
            assertThat(h.cameraId()).isEqualTo("34020000001320000007");
            assertThat(h.online()).isFalse();
        });

        // While the camera is down the tile keeps trying (1 s, then 2 s …) and stays lost.
        assertThat(waitUntil(Duration.ofSeconds(8), () -> reconnectAttempts(tile) >= 2))
                .as("reconnect attempts: %d", reconnectAttempts(tile)).isTrue();
        assertThat(VideoFx.state(tile)).isEqualTo(TileState.SIGNAL_LOST);
        assertThat(onFx(tile::getLostSince)).as("lost since does not move while reconnecting").isEqualTo(lostSince);
        assertThat(reports).as("attempts reported").anySatisfy(h -> assertThat(h.reconnectAttempts()).isEqualTo(1));
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> engine.openPlayers() <= 1))
                .as("one player at most while reconnecting: %d", engine.openPlayers()).isTrue();

        // While lost, no new pictures: libVLC may redisplay its last one, but the picture does not move.
        int[] frozen = VideoFx.sample(tile);
        Wait.holdsThroughout("the picture stays frozen while lost", Duration.ofMillis(300),
                () -> VideoFx.differingFrom(frozen, tile) == 0);

        // The camera comes back on the same address.
        ffmpeg = LiveStreams.startUdp(port);
        long restarted = System.nanoTime();
        // Playing again = the tile says so, libVLC decodes new pictures, and the picture on screen moves.
        assertThat(waitUntil(Duration.ofSeconds(5), () -> VideoFx.state(tile) == TileState.PLAYING
                && tile.framesDecoded() > 10 && pictureMoves(tile)))
                .as("%.1f s after the restart: state %s, decoded %d, attempts %d",
                        (System.nanoTime() - restarted) / 1e9, VideoFx.state(tile),
                        tile.framesDecoded(), reconnectAttempts(tile))
                .isTrue();
        assertThat(onFx(tile::getLostSince)).isNull();
        assertThat(reports.get(reports.size() - 1).online()).isTrue();
        assertThat(VideoFx.brightSamples(VideoFx.sample(tile))).isGreaterThan(100);
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> engine.openPlayers() == 1))
                .as("players open: %d", engine.openPlayers()).isTrue();
    }

    @Test
    void goodStretchOfPicturesResetsTheBackOff() throws Exception {
        int port = LiveStreams.freeUdpPort();
        ffmpeg = LiveStreams.startUdp(port);
        VideoTile tile = onFx(() -> {
            VideoTile t = new VideoTile(engine, VideoFx.KEYS);
            t.setHealthPolicy(new HealthPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30),
                    Duration.ofSeconds(2)));
            return t;
        });
        stage = VideoFx.showStage(new StackPane(tile), 320, 180);
        onFx(() -> tile.show("cam-reset", "reset", "udp://@127.0.0.1:" + port, false));
        awaitPlaying(tile, 10, Duration.ofSeconds(15));

        LiveStreams.kill(ffmpeg);
        assertThat(waitUntil(Duration.ofSeconds(10), () -> reconnectAttempts(tile) >= 1)).isTrue();
        ffmpeg = LiveStreams.startUdp(port);
        awaitPlaying(tile, 10, Duration.ofSeconds(10));
        assertThat(reconnectAttempts(tile)).isPositive();

        assertThat(waitUntil(Duration.ofSeconds(10), () -> reconnectAttempts(tile) == 0))
                .as("attempts after a good stretch: %d", reconnectAttempts(tile)).isTrue();
        assertThat(VideoFx.state(tile)).isEqualTo(TileState.PLAYING);
    }

    @Test
    void snapshotIsAValidPngOfThePictureNamedByCameraAndTime(@TempDir Path dir) throws Exception {
        int port = LiveStreams.freeUdpPort();
        ffmpeg = LiveStreams.startUdp(port);
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 800, 450);
        onFx(() -> tile.show("34020000001320000008", "西门", "udp://@127.0.0.1:" + port, false));
        awaitPlaying(tile, 10, Duration.ofSeconds(15));

        Path png = tile.snapshot(dir.resolve("evidence")).get(30, TimeUnit.SECONDS);

        assertThat(png.getParent()).isEqualTo(dir.resolve("evidence"));
        assertThat(png.getFileName().toString()).matches("34020000001320000008_\\d{8}T\\d{6}\\.\\d{3}[+-]\\d{4}\\.png");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("decodes as an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat((double) image.getHeight()).isEqualTo(onFx(() -> tile.imageView().getImage().getHeight()));
        if (Boolean.getBoolean("gc.test.keepSnapshot")) {
            Files.copy(png, Path.of("/tmp/vw/snapshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Set<Integer> colours = new HashSet<>();
        long bright = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) > 120) {
                    bright++;
                }
            }
        }
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(50);
        assertThat(bright).as("non-dark samples of 14400").isGreaterThan(1000);
        try (var listing = Files.list(dir.resolve("evidence"))) {
            assertThat(listing.toList()).as("no temporary files left").containsExactly(png);
        }
    }

    @Test
    void snapshotFailsClearlyWhenTheTileHasNoPicture(@TempDir Path dir) throws Exception {
        VideoTile tile = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        stage = VideoFx.showStage(new StackPane(tile), 320, 180);

        assertThatThrownBy(() -> tile.snapshot(dir).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no picture");
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).isEmpty();
        }
    }

    /** True once two samples of the picture differ within two seconds (a live picture moves every frame). */
    private static boolean pictureMoves(VideoTile tile) {
        try {
            int[] first = VideoFx.sample(tile);
            return Wait.within(Duration.ofSeconds(2), () -> VideoFx.differingFrom(first, tile) > 0);
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    static int reconnectAttempts(VideoTile tile) {
        try {
            return onFx(tile::getReconnectAttempts);
        } catch (Exception e) {
            return -1;
        }
    }

    static void awaitPlaying(VideoTile tile, long frames, Duration timeout) throws Exception {
        long from = tile.framesRendered();
        assertThat(waitUntil(timeout,
                () -> tile.framesRendered() > from + frames && VideoFx.state(tile) == TileState.PLAYING))
                .as("state %s, frames %d", VideoFx.state(tile), tile.framesRendered() - from).isTrue();
    }
}
