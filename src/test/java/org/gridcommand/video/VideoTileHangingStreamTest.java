package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A camera whose HTTP server accepts the connection and then never answers: opening hangs. The tile must
 * give up on its own, keep reconnecting with back-off, and nothing else may freeze — the neighbouring tile
 * keeps playing and the tile can be cleared at any moment.
 */
class VideoTileHangingStreamTest extends LiveVideoTest {
    private ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    @AfterEach
    void closeServer() throws IOException {
        if (server != null) {
            server.close();
        }
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void streamThatHangsWhileOpeningIsDeclaredLostAndRetriedWithoutFreezingTheWall() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    held.add(socket); // read nothing, answer nothing
                } catch (IOException e) {
                    return;
                }
            }
        }, "hanging-camera");
        acceptor.setDaemon(true);
        acceptor.start();

        VideoTile hanging = onFx(() -> {
            VideoTile t = new VideoTile(engine, VideoFx.KEYS);
            t.setHealthPolicy(new HealthPolicy(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(30),
                    Duration.ofSeconds(10)));
            return t;
        });
        VideoTile neighbour = onFx(() -> new VideoTile(engine, VideoFx.KEYS));
        HBox row = onFx(() -> {
            HBox box = new HBox(hanging, neighbour);
            HBox.setHgrow(hanging, Priority.ALWAYS);
            HBox.setHgrow(neighbour, Priority.ALWAYS);
            return box;
        });
        stage = VideoFx.showStage(row, 800, 240);
        onFx(() -> neighbour.show("CAM 1", "asset:demo/clips/clip-1.mp4", true));
        onFx(() -> hanging.show("hang", "hanging camera",
                "http://127.0.0.1:" + server.getLocalPort() + "/live.ts", false));

        assertThat(onFx(hanging::getState)).isEqualTo(TileState.CONNECTING);
        assertThat(waitUntil(Duration.ofSeconds(10), () -> VideoFx.state(hanging) == TileState.SIGNAL_LOST))
                .as("state %s, connections %d", VideoFx.state(hanging), connections.get()).isTrue();
        assertThat(onFx(hanging::getLostSince)).isNotNull();

        long neighbourFrames = neighbour.framesRendered();
        assertThat(waitUntil(VideoFx.FX_TIMEOUT,
                () -> VideoTileReconnectTest.reconnectAttempts(hanging) >= 2 && connections.get() >= 2))
                .as("attempts %d, connections %d", VideoTileReconnectTest.reconnectAttempts(hanging), connections.get())
                .isTrue();
        assertThat(VideoFx.state(hanging)).isEqualTo(TileState.SIGNAL_LOST);
        assertThat(neighbour.framesRendered()).as("the neighbour kept playing through the hangs")
                .isGreaterThan(neighbourFrames + 25);
        assertThat(VideoFx.state(neighbour)).isEqualTo(TileState.PLAYING);

        onFx(hanging::clear);
        assertThat(onFx(hanging::getState)).isEqualTo(TileState.IDLE);
        assertThat(onFx(hanging::getReconnectAttempts)).isZero();
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> engine.openPlayers() == 1))
                .as("only the neighbour's player is left: %d", engine.openPlayers()).isTrue();
        // A released player may still be closing its connection, which the camera cannot tell from a dial: for
        // the first two seconds (four times the back-off's first step) the tile must only stay idle; after that,
        // nobody calls the camera again.
        Wait.holdsThroughout("the cleared tile stays idle while its released player winds down", Duration.ofSeconds(2),
                () -> VideoFx.state(hanging) == TileState.IDLE);
        int connectionsAfterClear = connections.get();
        Wait.holdsThroughout("no reconnects after clear", Duration.ofSeconds(2),
                () -> connections.get() == connectionsAfterClear);
        assertThat(onFx(hanging::getState)).isEqualTo(TileState.IDLE);
        assertThat(onFx(hanging::getReconnectAttempts)).isZero();
    }
}
