package org.gridcommand.ui.map.tiles;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.image.Image;
import org.gridcommand.tiles.MbTilesArchive;

/**
 * Base tiles from an offline MBTiles file: the control room's map needs no network. Reads and decodes on one
 * background thread of its own (SQLite connections are not shared between threads, and one local reader
 * keeps up with a map), never on the FX thread. A missing, unreadable or undecodable tile completes with
 * null, which Gluon Maps draws as no tile: nothing is ever thrown at the UI.
 */
public final class MbTilesTileRetriever implements TileRetriever, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MbTilesTileRetriever.class.getName());

    private final MbTilesArchive archive;
    private final ExecutorService reader;
    private final int minZoom;
    private final int maxZoom;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;

    /** Opens the file (read-only); IOException naming the file when it is not a readable MBTiles file. */
    public MbTilesTileRetriever(Path file) throws IOException {
        this.archive = MbTilesArchive.open(file);
        this.minZoom = archive.metadataInt("minzoom").orElse(0);
        this.maxZoom = archive.metadataInt("maxzoom").orElse(22);
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mbtiles-reader " + file.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        if (closed || zoom < minZoom || zoom > maxZoom || i < 0 || j < 0 || zoom > 30 || i >= 1L << zoom || j >= 1L << zoom) {
            missing.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        try {
            return CompletableFuture.supplyAsync(() -> read(zoom, i, j), reader);
        } catch (RejectedExecutionException e) {
            // Closed while the map was still asking.
            missing.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
    }

    private Image read(int zoom, long i, long j) {
        try {
            Optional<byte[]> bytes = archive.tile(zoom, i, j);
            if (bytes.isEmpty()) {
                missing.incrementAndGet();
                return null;
            }
            Image image = new Image(new ByteArrayInputStream(bytes.get()));
            if (image.isError()) {
                failures.incrementAndGet();
                LOG.log(System.Logger.Level.DEBUG, () -> "tile " + zoom + "/" + i + "/" + j + " of " + archive.file()
                        + " does not decode", image.getException());
                return null;
            }
            served.incrementAndGet();
            return image;
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, () -> "tile " + zoom + "/" + i + "/" + j + " unreadable", e);
            return null;
        }
    }

    /** The file's metadata value for a key (name, attribution, format, bounds, …). */
    public Optional<String> metadata(String key) {
        return archive.metadata(key);
    }

    public int minZoom() {
        return minZoom;
    }

    public int maxZoom() {
        return maxZoom;
    }

    public long tilesServed() {
        return served.get();
    }

    public long tilesMissing() {
        return missing.get();
    }

    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        closed = true;
        reader.shutdown();
        try {
            reader.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The connection belongs to the reader thread; once it has stopped, closing here is safe.
        archive.close();
    }
}
