package org.gridcommand.ui.map.tiles;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.image.Image;

/**
 * Base tiles from an online XYZ server, e.g. {@code https://{s}.tile.example.org/{z}/{x}/{y}.png}
 * ({@code {s}} rotates over the subdomains, {@code {-y}} is the TMS row). Built for a seat whose network may
 * be down at any moment:
 * <ul>
 * <li>{@link #loadTile} never blocks: the request runs on the HTTP client's threads with short timeouts;</li>
 * <li>every failure (refused, timed out, 404, not an image) completes the future with null, which the map
 * draws as no tile, and is counted; nothing is thrown at the UI;</li>
 * <li>after a connection failure the server is left alone for a while (tiles complete with null at once)
 * instead of queueing hundreds of doomed requests on every pan;</li>
 * <li>decoded tiles stay in a small in-memory LRU cache; one request per tile is in flight at a time.</li>
 * </ul>
 */
public final class XyzTileRetriever implements TileRetriever, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(XyzTileRetriever.class.getName());
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_OFFLINE_PAUSE = Duration.ofSeconds(15);
    /** A decoded 256 px tile is 256 KiB: 128 of them fill a 4K wall twice over and cost 32 MiB. */
    public static final int DEFAULT_CACHE_TILES = 128;

    private final String template;
    private final List<String> subdomains;
    private final int minZoom;
    private final int maxZoom;
    private final Duration requestTimeout;
    private final Duration offlinePause;
    private final ExecutorService httpThreads;
    private final HttpClient client;
    private final Map<Long, Image> cache;
    private final Map<Long, CompletableFuture<Image>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    /** System.nanoTime() until which the server is left alone; only meaningful while pausing. */
    private volatile long offlineUntil;
    private volatile boolean pausing;
    private volatile boolean closed;

    /** A template with the defaults: zoom 0..19, subdomains a, b, c, short timeouts, 128 cached tiles. */
    public XyzTileRetriever(String template) {
        this(template, List.of(), 0, 19, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_OFFLINE_PAUSE,
                DEFAULT_CACHE_TILES);
    }

    /**
     * @param subdomains  values for {s}; empty means a, b, c
     * @param offlinePause how long to leave the server alone after a connection failure (zero: never pause)
     */
    public XyzTileRetriever(String template, List<String> subdomains, int minZoom, int maxZoom,
                            Duration connectTimeout, Duration requestTimeout, Duration offlinePause, int cacheTiles) {
        this.template = Objects.requireNonNull(template, "template");
        if (!template.contains("{z}") || !template.contains("{x}") || !(template.contains("{y}") || template.contains("{-y}"))) {
            throw new IllegalArgumentException("tile template needs {z}, {x} and {y} (or {-y}): " + template);
        }
        URI probe = URI.create(expand(template, "a", 0, 0, 0));
        if (!"http".equalsIgnoreCase(probe.getScheme()) && !"https".equalsIgnoreCase(probe.getScheme())) {
            throw new IllegalArgumentException("tile template must be an http or https URL: " + template);
        }
        if (minZoom < 0 || maxZoom > 29 || minZoom > maxZoom) {
            throw new IllegalArgumentException("zoom levels must satisfy 0 <= min <= max <= 29, got " + minZoom + ".." + maxZoom);
        }
        if (cacheTiles < 0) {
            throw new IllegalArgumentException("cache size must be 0 or more, got " + cacheTiles);
        }
        this.subdomains = subdomains == null || subdomains.isEmpty() ? List.of("a", "b", "c") : List.copyOf(subdomains);
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.offlinePause = Objects.requireNonNull(offlinePause, "offlinePause");
        this.httpThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "xyz-tiles");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(httpThreads)
                .build();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
                return size() > cacheTiles;
            }
        };
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        if (closed || zoom < minZoom || zoom > maxZoom || i < 0 || j < 0 || i >= 1L << zoom || j >= 1L << zoom) {
            missing.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        long key = key(zoom, i, j);
        Image cached;
        synchronized (cache) {
            cached = cache.get(key);
        }
        if (cached != null) {
            served.incrementAndGet();
            return CompletableFuture.completedFuture(cached);
        }
        if (pausing && System.nanoTime() - offlineUntil < 0) {
            failures.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Image>> created = new java.util.ArrayList<>(1);
        CompletableFuture<Image> future = inFlight.computeIfAbsent(key, k -> {
            CompletableFuture<Image> f = fetch(zoom, i, j);
            created.add(f);
            return f;
        });
        if (!created.isEmpty()) {
            // Outside computeIfAbsent: a request that fails at once completes here, and the map must not be
            // changed from inside its own compute.
            future.whenComplete((image, error) -> inFlight.remove(key, future));
        }
        return future;
    }

    private CompletableFuture<Image> fetch(int zoom, long i, long j) {
        long key = key(zoom, i, j);
        String subdomain = subdomains.get((int) Math.floorMod(i + j, (long) subdomains.size()));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(expand(template, subdomain, zoom, i, j)))
                    .timeout(requestTimeout)
                    .header("User-Agent", "GridCommand/0.1 (district governance console)")
                    .GET().build();
        } catch (IllegalArgumentException e) {
            failures.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        requests.incrementAndGet();
        try {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .handle((response, error) -> decode(zoom, i, j, key, response, error));
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
    }

    private Image decode(int zoom, long i, long j, long key, HttpResponse<byte[]> response, Throwable error) {
        try {
            if (error != null) {
                failures.incrementAndGet();
                if (!offlinePause.isZero()) {
                    offlineUntil = System.nanoTime() + offlinePause.toNanos();
                    pausing = true;
                }
                LOG.log(System.Logger.Level.DEBUG, () -> "tile " + zoom + "/" + i + "/" + j + " failed: " + error);
                return null;
            }
            if (response.statusCode() == 404 || response.statusCode() == 204) {
                missing.incrementAndGet();
                return null;
            }
            if (response.statusCode() / 100 != 2 || response.body() == null || response.body().length == 0) {
                failures.incrementAndGet();
                return null;
            }
            Image image = new Image(new ByteArrayInputStream(response.body()));
            if (image.isError()) {
                failures.incrementAndGet();
                return null;
            }
            synchronized (cache) {
                cache.put(key, image);
            }
            served.incrementAndGet();
            return image;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, () -> "tile " + zoom + "/" + i + "/" + j + " failed", e);
            return null;
        }
    }

    static String expand(String template, String subdomain, int zoom, long x, long y) {
        long tmsY = (1L << zoom) - 1 - y;
        return template.replace("{s}", subdomain).replace("{z}", Integer.toString(zoom))
                .replace("{x}", Long.toString(x)).replace("{-y}", Long.toString(tmsY)).replace("{y}", Long.toString(y));
    }

    private static long key(int zoom, long x, long y) {
        // 5 bits of zoom, 29 bits each of x and y: enough for zoom 0..29 without collisions.
        return ((long) zoom << 58) | (x << 29) | y;
    }

    public String template() {
        return template;
    }

    public int minZoom() {
        return minZoom;
    }

    public int maxZoom() {
        return maxZoom;
    }

    /** Tiles handed to the map (from the network or the cache). */
    public long tilesServed() {
        return served.get();
    }

    /** Tiles the server does not have (404) or outside the zoom range. */
    public long tilesMissing() {
        return missing.get();
    }

    /** Requests that failed: unreachable, timed out, bad status, not an image, or skipped while offline. */
    public long failures() {
        return failures.get();
    }

    /** HTTP requests actually sent. */
    public long requests() {
        return requests.get();
    }

    public int cachedTiles() {
        synchronized (cache) {
            return cache.size();
        }
    }

    @Override
    public void close() {
        closed = true;
        httpThreads.shutdownNow();
    }
}
