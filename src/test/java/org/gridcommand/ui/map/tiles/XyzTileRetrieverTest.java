package org.gridcommand.ui.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.image.Image;
import org.gridcommand.geo.Datum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An XYZ server on loopback serving one green tile; 404s and a dead server complete with null, quickly. */
@Tag("ui")
class XyzTileRetrieverTest {
    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private String template;

    @TempDir
    Path temp;

    @BeforeAll
    static void toolkit() throws Exception {
        TileTestSupport.startToolkit();
    }

    @BeforeEach
    void startServer() throws Exception {
        byte[] green = TileTestSupport.png(Color.GREEN);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tiles/", exchange -> {
            hits.incrementAndGet();
            boolean known = exchange.getRequestURI().getPath().equals("/tiles/3/4/5.png");
            byte[] body = known ? green : "no such tile".getBytes();
            exchange.getResponseHeaders().add("Content-Type", known ? "image/png" : "text/plain");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        template = "http://127.0.0.1:" + server.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void loadsATileAndThenServesItFromTheCache() throws Exception {
        try (XyzTileRetriever tiles = new XyzTileRetriever(template)) {
            Image image = tiles.loadTile(3, 4, 5).get(10, TimeUnit.SECONDS);
            assertThat(image).isNotNull();
            assertThat(TileTestSupport.rgb(image, 100, 100)).isEqualTo(0x00FF00);
            assertThat(hits.get()).isEqualTo(1);
            CompletableFuture<Image> again = tiles.loadTile(3, 4, 5);
            assertThat(again).isDone();
            assertThat(again.get()).isSameAs(image);
            assertThat(hits.get()).as("second load from the cache").isEqualTo(1);
            assertThat(tiles.tilesServed()).isEqualTo(2);
            assertThat(tiles.cachedTiles()).isEqualTo(1);
        }
    }

    @Test
    void aMissingTileCompletesWithNullAndIsCounted() throws Exception {
        try (XyzTileRetriever tiles = new XyzTileRetriever(template)) {
            long start = System.nanoTime();
            assertThat(tiles.loadTile(3, 0, 0).get(10, TimeUnit.SECONDS)).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(tiles.tilesMissing()).isEqualTo(1);
            assertThat(tiles.failures()).isZero();
            assertThat(tiles.loadTile(30, 0, 0).get(1, TimeUnit.SECONDS)).as("beyond the zoom range").isNull();
            assertThat(tiles.loadTile(3, 8, 0).get(1, TimeUnit.SECONDS)).as("beyond the world").isNull();
        }
    }

    @Test
    void anUnreachableServerCompletesWithNullQuicklyAndIsThenLeftAlone() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closedPort + "/{z}/{x}/{y}.png";
        try (XyzTileRetriever tiles = new XyzTileRetriever(dead, List.of(), 0, 19, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(30), 16)) {
            long start = System.nanoTime();
            CompletableFuture<Image> future = tiles.loadTile(3, 4, 5);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("loadTile never blocks").isLessThan(Duration.ofMillis(500));
            assertThat(future.get(5, TimeUnit.SECONDS)).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(tiles.failures()).isEqualTo(1);
            // Offline now: the next tiles complete at once without another attempt.
            CompletableFuture<Image> next = tiles.loadTile(3, 4, 6);
            assertThat(next).isDone();
            assertThat(next.get()).isNull();
            assertThat(tiles.requests()).isEqualTo(1);
            assertThat(tiles.failures()).isEqualTo(2);
        }
    }

    @Test
    void templatesExpandSubdomainsAndTmsRows() {
        assertThat(XyzTileRetriever.expand("https://{s}.t.example/{z}/{x}/{y}.png", "b", 3, 4, 5))
                .isEqualTo("https://b.t.example/3/4/5.png");
        assertThat(XyzTileRetriever.expand("https://t.example/{z}/{x}/{-y}.png", "a", 3, 4, 5))
                .isEqualTo("https://t.example/3/4/2.png");
        assertThatThrownBy(() -> new XyzTileRetriever("https://t.example/{z}/{x}.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{y}");
        assertThatThrownBy(() -> new XyzTileRetriever("file:///tmp/{z}/{x}/{y}.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    }

    @Test
    void tilesJsonConfiguresAnOnlineBaseMap() throws Exception {
        Files.writeString(temp.resolve(BaseTileConfig.FILE_NAME), "{\"type\": \"xyz\", \"template\": \"" + template
                + "\", \"datum\": \"gcj02\", \"maxZoom\": 18, \"attribution\": \"test server\"}");
        try (BaseTileSource source = BaseTileConfig.load(temp).orElseThrow()) {
            assertThat(source.name()).isEqualTo("127.0.0.1:" + server.getAddress().getPort());
            assertThat(source.datum()).isEqualTo(Datum.GCJ02);
            assertThat(source.maxZoom()).isEqualTo(18);
            assertThat(source.attribution()).isEqualTo("test server");
            Image image = source.retriever().loadTile(3, 4, 5).get(10, TimeUnit.SECONDS);
            assertThat(TileTestSupport.rgb(image, 0, 0)).isEqualTo(0x00FF00);
        }
    }
}
