package org.gridcommand.ui.map.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.image.Image;
import org.gridcommand.geo.Datum;
import org.gridcommand.fx.FxThread;
import org.gridcommand.ui.map.BaseTiles;

/**
 * Adapts an asynchronous Gluon {@code TileRetriever} to the map's answer-at-once {@link BaseTiles}: a tile
 * not in the cache is requested once and the map is asked to redraw when it arrives. A failed or missing
 * tile is remembered as missing, so an offline server is not asked again on every frame.
 */
public final class RetrieverBaseTiles implements BaseTiles {
    private static final int CACHE_TILES = 512;
    private static final Image MISSING = null;
    private final BaseTileSource source;
    private final Map<Long, Image> cache = new LinkedHashMap<>(CACHE_TILES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > CACHE_TILES;
        }
    };
    private final Set<Long> missing = ConcurrentHashMap.newKeySet();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final List<Runnable> redraws = new CopyOnWriteArrayList<>();

    public RetrieverBaseTiles(BaseTileSource source) {
        this.source = source;
    }

    @Override
    public Image tile(int z, long x, long y) {
        if (!source.hasZoom(z)) {
            return MISSING;
        }
        long key = key(z, x, y);
        Image cached = cache.get(key);
        if (cached != null || missing.contains(key) || !pending.add(key)) {
            return cached;
        }
        source.retriever().loadTile(z, x, y).whenComplete((image, error) -> FxThread.run(() -> {
            pending.remove(key);
            if (image == null || error != null || image.isError()) {
                missing.add(key);
                return;
            }
            cache.put(key, image);
            redraws.forEach(Runnable::run);
        }));
        return MISSING;
    }

    @Override
    public Datum datum() {
        return source.datum();
    }

    @Override
    public void onTileLoaded(Runnable redraw) {
        redraws.add(redraw);
    }

    private static long key(int z, long x, long y) {
        return ((long) z << 58) | (x << 29) | y;
    }
}
