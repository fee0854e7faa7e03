package org.gridcommand.ui.map;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The map's frame: a software compositor in front of JavaFX's software pipeline.
 *
 * <p>Why: on Prism's software pipeline (what a control-room PC without a usable GPU and this machine use),
 * an anti-aliased shape costs microseconds, a 512 px tile of dense map content 5 to 15 ms, scaling a texture
 * about 15 ns per pixel, and every pulse pays a fixed read-back and upload of the whole window. So the
 * static layers are rasterised once per scale into 512 px tiles (a Canvas and a snapshot per tile) and each
 * frame is composed in plain Java into a PixelBuffer shown by one ImageView: panning copies tile rows
 * (System.arraycopy), zooming samples the nearest tile pixel, and the live symbols (workers, blinking cases)
 * are blended on top from pre-rendered sprites. At rest a live update only restores and re-blends the
 * 32 px cells it touched.
 *
 * <p>No tile is rendered while the view moves: the current scale's tiles are stretched, and where they do
 * not reach, an overview level (the whole district at the fitted scale, kept for good) fills in. When the
 * view has been still for a moment, tiles at the exact scale are rendered within a time budget per pulse,
 * nearest the centre first, then the overview is brought up to date.
 *
 * <p>Two frame buffers alternate: the renderer may still be uploading the previous frame from one while the
 * next is composed into the other. FX thread only.
 */
final class MapRenderer {
    static final int TILE = 512;
    private static final int CELL = 32;
    private static final int MAX_LEVELS = 2;

    private final ImageView view = new ImageView();
    private final Canvas tileCanvas = new Canvas(TILE, TILE);
    private final SnapshotParameters snapshot = new SnapshotParameters();
    private final LabelPlacer labelPlacer = new LabelPlacer();
    private WritableImage tileImage;

    private final List<Level> levels = new ArrayList<>();
    /** The whole district at the fitted scale: the fallback wherever the current scale has no tile yet. */
    private Level overview;
    private long tilesVersion;

    private int width;
    private int height;
    private final int[][] pixels = new int[2][];
    private final WritableImage[] images = new WritableImage[2];
    @SuppressWarnings("unchecked")
    private final PixelBuffer<IntBuffer>[] buffers = new PixelBuffer[2];
    private int front = -1;
    private MapProjection frontView;
    private long frontTilesVersion = -1;
    private Stamps frontStamps = Stamps.EMPTY;
    private long frontComposedAt;
    /** The front frame without live symbols, made on the first patch after a full composition. */
    private int[] staticFrame;
    private boolean staticFrameValid;

    /** Per-frame statistics, for the benchmark's notes and tuning. */
    long tilesRendered;
    long tileNanos;
    long composeNanos;
    long fullFrames;
    long partialFrames;

    MapRenderer() {
        snapshot.setFill(MapStyle.BACKGROUND);
        view.setManaged(false);
        view.setSmooth(false);
        view.setCache(false);
    }

    ImageView node() {
        return view;
    }

    /** One scale's cache: tiles keyed by (column, row) of 512 px in level pixels (mercator x ppm, -y ppm). */
    static final class Level {
        final double ppm;
        final List<LabelPlacer.Placed> labels;
        final Map<Long, int[]> tiles = new HashMap<>();
        final java.util.Set<Long> incomplete = new java.util.HashSet<>();
        boolean stale;

        Level(double ppm, List<LabelPlacer.Placed> labels) {
            this.ppm = ppm;
            this.labels = labels;
        }

        int[] tile(long tx, long ty) {
            return tiles.get(key(tx, ty));
        }

        static long key(long tx, long ty) {
            return (tx << 32) ^ (ty & 0xffffffffL);
        }
    }

    /** Drops every cached tile's content as out of date; old tiles stay visible until replaced. */
    void invalidateStatic() {
        for (Level l : levels) {
            l.stale = true;
        }
        if (overview != null) {
            overview.stale = true;
        }
    }

    /** Base tiles arrived: tiles drawn without them are rendered again. */
    void baseTilesLoaded() {
        for (Level l : allLevels()) {
            for (Long k : l.incomplete) {
                l.tiles.remove(k);
            }
            l.incomplete.clear();
        }
        tilesVersion++;
    }

    void clearCache() {
        levels.clear();
        overview = null;
        tilesVersion++;
    }

    private List<Level> allLevels() {
        List<Level> all = new ArrayList<>(levels);
        if (overview != null && !all.contains(overview)) {
            all.add(overview);
        }
        return all;
    }

    // ---------------------------------------------------------------- frame

    /** What one frame needs from the map. */
    record Context(MapProjection view, MapData data, Sprites sprites, Set<MapLayerKind> visible, BaseTiles baseTiles,
                   Stamps stamps, double overviewPpm) {
    }

    /** The result of a frame: whether more work is pending (tiles to render). */
    record FrameResult(boolean complete, boolean composed) {
    }

    /**
     * Renders tiles within the budget, then composes: fully when the view or the tiles changed, else only
     * the cells the live symbols touched (liveChanged).
     */
    FrameResult frame(Context ctx, int w, int h, boolean inMotion, long budgetNanos, boolean liveChanged) {
        long t0 = System.nanoTime();
        try {
            return frameImpl(ctx, w, h, inMotion, budgetNanos, liveChanged);
        } finally {
            composeNanos += System.nanoTime() - t0;
        }
    }

    private FrameResult frameImpl(Context ctx, int w, int h, boolean inMotion, long budgetNanos, boolean liveChanged) {
        boolean resized = ensureSize(w, h);
        Level target = target(ctx, inMotion);
        boolean complete = true;
        // Moving renders nothing, unless there is nothing at all to show yet (first frame, new data source).
        boolean empty = allLevels().stream().allMatch(l -> l.tiles.isEmpty());
        if (!inMotion || empty) {
            long start = System.nanoTime();
            renderMissing(target, visibleTiles(target, ctx.view(), width, height), ctx, budgetNanos);
            complete = visibleComplete(target, ctx.view());
            if (complete) {
                dropAllBut(target);
                Level o = overview(ctx);
                if (o != null) {
                    long left = budgetNanos - (System.nanoTime() - start);
                    long[] range = districtTiles(o, ctx.data());
                    if (left > 0) {
                        renderMissing(o, range, ctx, left);
                    }
                    complete = missing(o, range).isEmpty();
                }
            }
        }
        boolean stale = resized || front < 0 || frontView == null || !frontView.sameView(ctx.view())
                || frontTilesVersion != tilesVersion;
        if (stale) {
            composeFull(ctx);
            return new FrameResult(complete, true);
        }
        if (!liveChanged) {
            return new FrameResult(complete, false);
        }
        // The front buffer may still be read by the renderer right after a swap: then compose into the back one.
        if (System.nanoTime() - frontComposedAt > 100_000_000L) {
            patch(ctx);
        } else {
            composeFull(ctx);
        }
        return new FrameResult(complete, true);
    }

    private boolean ensureSize(int w, int h) {
        if (w == width && h == height && front >= 0) {
            return false;
        }
        width = w;
        height = h;
        staticFrame = null;
        staticFrameValid = false;
        for (int i = 0; i < 2; i++) {
            IntBuffer buffer = IntBuffer.allocate(w * h);
            pixels[i] = buffer.array();
            buffers[i] = new PixelBuffer<>(w, h, buffer, PixelFormat.getIntArgbPreInstance());
            images[i] = new WritableImage(buffers[i]);
        }
        front = -1;
        frontView = null;
        return true;
    }

    private void composeFull(Context ctx) {
        int back = front < 0 ? 0 : 1 - front;
        int[] dst = pixels[back];
        LevelView[] views = levelViews(ctx.view());
        buffers[back].updateBuffer(pb -> {
            composeStatic(views, dst);
            Stamps s = ctx.stamps();
            for (int i = 0; i < s.size(); i++) {
                s.sprites()[i].blendInto(dst, width, s.x()[i], s.y()[i], 0, 0, width, height);
            }
            return null;
        });
        view.setImage(images[back]);
        front = back;
        staticFrameValid = false;
        frontView = ctx.view().copy();
        frontTilesVersion = tilesVersion;
        frontStamps = ctx.stamps();
        frontComposedAt = System.nanoTime();
        fullFrames++;
    }

    /** Restores and re-blends only the 32 px cells where a live symbol appeared, moved or went away. */
    private void patch(Context ctx) {
        Stamps now = ctx.stamps();
        Stamps before = frontStamps;
        int cols = (width + CELL - 1) / CELL;
        int rows = (height + CELL - 1) / CELL;
        boolean[] damaged = new boolean[cols * rows];
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        int i = 0;
        int j = 0;
        while (i < before.size() || j < now.size()) {
            long ki = i < before.size() ? before.keys()[i] : Long.MAX_VALUE;
            long kj = j < now.size() ? now.keys()[j] : Long.MAX_VALUE;
            if (ki == kj) {
                if (before.sprites()[i] != now.sprites()[j] || before.x()[i] != now.x()[j] || before.y()[i] != now.y()[j]) {
                    mark(damaged, cols, rows, before, i, box);
                    mark(damaged, cols, rows, now, j, box);
                }
                i++;
                j++;
            } else if (ki < kj) {
                mark(damaged, cols, rows, before, i++, box);
            } else {
                mark(damaged, cols, rows, now, j++, box);
            }
        }
        frontStamps = now;
        if (box[2] < 0) {
            return;
        }
        int[] dst = pixels[front];
        if (!staticFrameValid) {
            if (staticFrame == null || staticFrame.length != width * height) {
                staticFrame = new int[width * height];
            }
            composeStatic(levelViews(ctx.view()), staticFrame);
            staticFrameValid = true;
        }
        int[] clean = staticFrame;
        int x0 = box[0] * CELL;
        int y0 = box[1] * CELL;
        int x1 = Math.min(width, (box[2] + 1) * CELL);
        int y1 = Math.min(height, (box[3] + 1) * CELL);
        buffers[front].updateBuffer(pb -> {
            for (int cy = box[1]; cy <= box[3]; cy++) {
                for (int cx = box[0]; cx <= box[2]; cx++) {
                    if (damaged[cy * cols + cx]) {
                        int ya = cy * CELL;
                        int yb = Math.min(height, ya + CELL);
                        int xa = cx * CELL;
                        int xb = Math.min(width, xa + CELL);
                        for (int y = ya; y < yb; y++) {
                            System.arraycopy(clean, y * width + xa, dst, y * width + xa, xb - xa);
                        }
                    }
                }
            }
            for (int k = 0; k < now.size(); k++) {
                Sprites.Sprite sp = now.sprites()[k];
                int left = now.x()[k] - sp.anchorX();
                int top = now.y()[k] - sp.anchorY();
                int ca = Math.max(0, Math.floorDiv(left, CELL));
                int cb = Math.min(cols - 1, Math.floorDiv(left + sp.width() - 1, CELL));
                int ra = Math.max(0, Math.floorDiv(top, CELL));
                int rb = Math.min(rows - 1, Math.floorDiv(top + sp.height() - 1, CELL));
                for (int cy = ra; cy <= rb; cy++) {
                    for (int cx = ca; cx <= cb; cx++) {
                        if (damaged[cy * cols + cx]) {
                            sp.blendInto(dst, width, now.x()[k], now.y()[k], cx * CELL, cy * CELL,
                                    Math.min(width, cx * CELL + CELL), Math.min(height, cy * CELL + CELL));
                        }
                    }
                }
            }
            return new Rectangle2D(x0, y0, x1 - x0, y1 - y0);
        });
        partialFrames++;
    }

    /** For tests: whether the shown frame equals a full composition of the same state, pixel for pixel. */
    boolean frontEqualsFullCompose(Context ctx) {
        if (front < 0) {
            return false;
        }
        int[] scratch = new int[width * height];
        LevelView[] views = levelViews(ctx.view());
        for (int y = 0; y < height; y++) {
            fillRun(views, 0, scratch, y, 0, width);
        }
        // Sampled row by row on purpose, so the row-copy shortcut is checked as well.
        Stamps s = ctx.stamps();
        for (int i = 0; i < s.size(); i++) {
            s.sprites()[i].blendInto(scratch, width, s.x()[i], s.y()[i], 0, 0, width, height);
        }
        return Arrays.equals(scratch, pixels[front]);
    }

    private void mark(boolean[] damaged, int cols, int rows, Stamps s, int k, int[] box) {
        Sprites.Sprite sp = s.sprites()[k];
        int left = s.x()[k] - sp.anchorX();
        int top = s.y()[k] - sp.anchorY();
        int ca = Math.max(0, Math.floorDiv(left, CELL));
        int cb = Math.min(cols - 1, Math.floorDiv(left + sp.width() - 1, CELL));
        int ra = Math.max(0, Math.floorDiv(top, CELL));
        int rb = Math.min(rows - 1, Math.floorDiv(top + sp.height() - 1, CELL));
        for (int cy = ra; cy <= rb; cy++) {
            for (int cx = ca; cx <= cb; cx++) {
                damaged[cy * cols + cx] = true;
            }
        }
        if (ca <= cb && ra <= rb) {
            box[0] = Math.min(box[0], ca);
            box[1] = Math.min(box[1], ra);
            box[2] = Math.max(box[2], cb);
            box[3] = Math.max(box[3], rb);
        }
    }

    // ---------------------------------------------------------------- levels and tiles

    /**
     * The level to draw from: one at the view's exact scale if cached; while moving, the current one
     * stretched; at rest (or with nothing cached) a new one at the exact scale.
     */
    private Level target(Context ctx, boolean inMotion) {
        double ppm = ctx.view().pixelsPerMetre();
        for (Iterator<Level> it = levels.iterator(); it.hasNext(); ) {
            Level l = it.next();
            if (!l.stale && l.ppm == ppm) {
                if (levels.get(0) != l) {
                    it.remove();
                    levels.add(0, l);
                    tilesVersion++;
                }
                return l;
            }
        }
        if (overview != null && !overview.stale && overview.ppm == ppm) {
            levels.add(0, overview);
            tilesVersion++;
            return overview;
        }
        if (inMotion && !levels.isEmpty()) {
            return levels.get(0);
        }
        Level fresh = newLevel(ctx, ppm);
        levels.add(0, fresh);
        while (levels.size() > MAX_LEVELS) {
            levels.remove(levels.size() - 1);
        }
        tilesVersion++;
        return fresh;
    }

    private Level newLevel(Context ctx, double ppm) {
        return new Level(ppm, ctx.visible().contains(MapLayerKind.LABELS)
                ? labelPlacer.place(ctx.data(), ppm, ctx.sprites().scale) : List.of());
    }

    /** The overview level for the current fitted scale, replaced when that scale or the data change. */
    private Level overview(Context ctx) {
        double ppm = ctx.overviewPpm();
        if (!(ppm > 0) || !ctx.data().hasExtent()) {
            return null;
        }
        if (overview == null || overview.stale || overview.ppm != ppm) {
            Level same = null;
            for (Level l : levels) {
                if (!l.stale && l.ppm == ppm) {
                    same = l;
                }
            }
            overview = same != null ? same : newLevel(ctx, ppm);
            tilesVersion++;
        }
        return overview;
    }

    private void dropAllBut(Level keep) {
        if (levels.size() > 1 || (levels.size() == 1 && levels.get(0) != keep)) {
            levels.removeIf(l -> l != keep);
            tilesVersion++;
        }
    }

    private static long[] districtTiles(Level level, MapData data) {
        return new long[] {
            Math.floorDiv((long) Math.floor(data.minX * level.ppm), TILE),
            Math.floorDiv((long) Math.floor(-data.maxY * level.ppm), TILE),
            Math.floorDiv((long) Math.floor(data.maxX * level.ppm), TILE),
            Math.floorDiv((long) Math.floor(-data.minY * level.ppm), TILE),
        };
    }

    /** Level pixel range [x0, x1) x [y0, y1) that the view shows at the level's scale. */
    private static long[] visibleTiles(Level level, MapProjection v, int w, int h) {
        double s = level.ppm / v.pixelsPerMetre();
        double lx0 = v.originX() * level.ppm;
        double ly0 = -v.originY() * level.ppm;
        long tx0 = Math.floorDiv((long) Math.floor(lx0), TILE);
        long tx1 = Math.floorDiv((long) Math.floor(lx0 + w * s), TILE);
        long ty0 = Math.floorDiv((long) Math.floor(ly0), TILE);
        long ty1 = Math.floorDiv((long) Math.floor(ly0 + h * s), TILE);
        return new long[] {tx0, ty0, tx1, ty1};
    }

    private boolean visibleComplete(Level level, MapProjection v) {
        return missing(level, visibleTiles(level, v, width, height)).isEmpty();
    }

    private static List<long[]> missing(Level level, long[] r) {
        List<long[]> missing = new ArrayList<>();
        for (long ty = r[1]; ty <= r[3]; ty++) {
            for (long tx = r[0]; tx <= r[2]; tx++) {
                if (level.tile(tx, ty) == null) {
                    missing.add(new long[] {tx, ty});
                }
            }
        }
        return missing;
    }

    /** Renders missing tiles of the range, nearest its centre first, until the budget is used (at least one). */
    private boolean renderMissing(Level level, long[] r, Context ctx, long budgetNanos) {
        List<long[]> missing = missing(level, r);
        if (missing.isEmpty()) {
            return false;
        }
        double cx = (r[0] + r[2]) / 2.0;
        double cy = (r[1] + r[3]) / 2.0;
        missing.sort((a, b) -> Double.compare(Math.hypot(a[0] - cx, a[1] - cy), Math.hypot(b[0] - cx, b[1] - cy)));
        long start = System.nanoTime();
        for (long[] t : missing) {
            renderTile(level, t[0], t[1], ctx);
            if (System.nanoTime() - start >= budgetNanos) {
                break;
            }
        }
        if (level != overview) {
            evict(level, r);
        }
        tilesVersion++;
        return true;
    }

    private void renderTile(Level level, long tx, long ty, Context ctx) {
        long t0 = System.nanoTime();
        StaticPainter.Window win = new StaticPainter.Window(tx * TILE / level.ppm, -(ty * TILE) / level.ppm,
                level.ppm, TILE, TILE);
        boolean complete = StaticPainter.paint(tileCanvas.getGraphicsContext2D(), win, ctx.data(), ctx.sprites(),
                level.labels, ctx.visible(), ctx.baseTiles());
        tileImage = tileCanvas.snapshot(snapshot, tileImage);
        int[] px = new int[TILE * TILE];
        tileImage.getPixelReader().getPixels(0, 0, TILE, TILE, PixelFormat.getIntArgbPreInstance(), px, 0, TILE);
        long key = Level.key(tx, ty);
        level.tiles.put(key, px);
        if (!complete) {
            level.incomplete.add(key);
        }
        tilesRendered++;
        tileNanos += System.nanoTime() - t0;
    }

    /** Keeps a level's memory bounded: beyond two screens of tiles, the farthest go. */
    private void evict(Level level, long[] visible) {
        long visibleCount = (visible[2] - visible[0] + 1) * (visible[3] - visible[1] + 1);
        long limit = visibleCount * 2 + 8;
        if (level.tiles.size() <= limit) {
            return;
        }
        double cx = (visible[0] + visible[2]) / 2.0;
        double cy = (visible[1] + visible[3]) / 2.0;
        List<Long> keys = new ArrayList<>(level.tiles.keySet());
        keys.sort((a, b) -> Double.compare(distance(b, cx, cy), distance(a, cx, cy)));
        for (int i = 0; i < keys.size() && level.tiles.size() > limit; i++) {
            level.tiles.remove(keys.get(i));
            level.incomplete.remove(keys.get(i));
        }
    }

    private static double distance(long key, double cx, double cy) {
        long tx = key >> 32;
        long ty = (int) key;
        return Math.hypot(tx - cx, ty - cy);
    }

    // ---------------------------------------------------------------- composition

    /** How one level maps onto the frame this time: offsets, and for other scales a column lookup. */
    private static final class LevelView {
        Level level;
        boolean same;
        long offX;
        long offY;
        double s;
        double ax;
        double ay;
        long tx0;
        long ty0;
        int nx;
        int ny;
        int[][] grid;
        int[] colTile;
        int[] colIndex;

        int[] tile(long tx, long ty) {
            long i = tx - tx0;
            long j = ty - ty0;
            if (i < 0 || j < 0 || i >= nx || j >= ny) {
                return null;
            }
            return grid[(int) (j * nx + i)];
        }
    }

    private LevelView[] levelViews(MapProjection v) {
        List<Level> chain = allLevels();
        LevelView[] out = new LevelView[chain.size()];
        for (int k = 0; k < chain.size(); k++) {
            Level level = chain.get(k);
            LevelView lv = new LevelView();
            lv.level = level;
            lv.s = level.ppm / v.pixelsPerMetre();
            lv.same = Math.abs(lv.s - 1) < 1e-12;
            lv.offX = Math.round(v.originX() * level.ppm);
            lv.offY = Math.round(-v.originY() * level.ppm);
            lv.ax = v.originX() * level.ppm;
            lv.ay = -v.originY() * level.ppm;
            long[] r = lv.same
                    ? new long[] {Math.floorDiv(lv.offX, TILE), Math.floorDiv(lv.offY, TILE),
                        Math.floorDiv(lv.offX + width - 1, TILE), Math.floorDiv(lv.offY + height - 1, TILE)}
                    : visibleTiles(level, v, width, height);
            lv.tx0 = r[0];
            lv.ty0 = r[1];
            lv.nx = (int) (r[2] - r[0] + 1);
            lv.ny = (int) (r[3] - r[1] + 1);
            lv.grid = new int[lv.nx * lv.ny][];
            for (int j = 0; j < lv.ny; j++) {
                for (int i = 0; i < lv.nx; i++) {
                    lv.grid[j * lv.nx + i] = level.tile(lv.tx0 + i, lv.ty0 + j);
                }
            }
            if (!lv.same) {
                lv.colTile = new int[width];
                lv.colIndex = new int[width];
                for (int x = 0; x < width; x++) {
                    long lx = (long) Math.floor(lv.ax + (x + 0.5) * lv.s);
                    long tx = Math.floorDiv(lx, TILE);
                    lv.colTile[x] = (int) (tx - lv.tx0);
                    lv.colIndex[x] = (int) (lx - tx * TILE);
                }
            }
            out[k] = lv;
        }
        return out;
    }

    /**
     * Composes the static layers of the whole frame. Zoomed in, neighbouring frame rows often sample the same
     * source rows at every level: then the row above is copied instead of sampled again.
     */
    private void composeStatic(LevelView[] views, int[] dst) {
        long[] rows = new long[views.length];
        long[] previous = new long[views.length];
        for (int y = 0; y < height; y++) {
            for (int k = 0; k < views.length; k++) {
                LevelView lv = views[k];
                rows[k] = lv.same ? lv.offY + y : (long) Math.floor(lv.ay + (y + 0.5) * lv.s);
            }
            if (y > 0 && Arrays.equals(rows, previous)) {
                System.arraycopy(dst, (y - 1) * width, dst, y * width, width);
            } else {
                fillRun(views, 0, dst, y, 0, width);
            }
            long[] t = previous;
            previous = rows;
            rows = t;
        }
    }

    /** Fills frame row y, columns [x0, x1), from level li, falling back to older levels, then background. */
    private void fillRun(LevelView[] views, int li, int[] dst, int y, int x0, int x1) {
        int row = y * width;
        if (li >= views.length) {
            Arrays.fill(dst, row + x0, row + x1, MapStyle.BACKGROUND_ARGB);
            return;
        }
        LevelView lv = views[li];
        if (lv.same) {
            long ly = lv.offY + y;
            long ty = Math.floorDiv(ly, TILE);
            int iy = (int) (ly - ty * TILE);
            long lx = lv.offX + x0;
            int x = x0;
            while (x < x1) {
                long tx = Math.floorDiv(lx, TILE);
                int ix = (int) (lx - tx * TILE);
                int n = Math.min(TILE - ix, x1 - x);
                int[] tile = lv.tile(tx, ty);
                if (tile != null) {
                    System.arraycopy(tile, iy * TILE + ix, dst, row + x, n);
                } else {
                    fillRun(views, li + 1, dst, y, x, x + n);
                }
                x += n;
                lx += n;
            }
            return;
        }
        long ly = (long) Math.floor(lv.ay + (y + 0.5) * lv.s);
        long ty = Math.floorDiv(ly, TILE);
        int base = (int) (ly - ty * TILE) * TILE;
        int x = x0;
        while (x < x1) {
            int col = lv.colTile[x];
            int end = x + 1;
            while (end < x1 && lv.colTile[end] == col) {
                end++;
            }
            int[] tile = lv.tile(lv.tx0 + col, ty);
            if (tile != null) {
                int[] idx = lv.colIndex;
                for (int i = x; i < end; i++) {
                    dst[row + i] = tile[base + idx[i]];
                }
            } else {
                fillRun(views, li + 1, dst, y, x, end);
            }
            x = end;
        }
    }

    /** The live symbols of one frame, sorted by key so two frames can be compared in one pass. */
    record Stamps(int size, long[] keys, Sprites.Sprite[] sprites, int[] x, int[] y) {
        static final Stamps EMPTY = new Stamps(0, new long[0], new Sprites.Sprite[0], new int[0], new int[0]);
    }

    /** Collects stamps in key order; keys must be added ascending. */
    static final class StampBuilder {
        private int n;
        private long[] keys = new long[64];
        private Sprites.Sprite[] sprites = new Sprites.Sprite[64];
        private int[] xs = new int[64];
        private int[] ys = new int[64];

        void add(long key, Sprites.Sprite sprite, int x, int y) {
            if (n == keys.length) {
                int size = n * 2;
                keys = Arrays.copyOf(keys, size);
                sprites = Arrays.copyOf(sprites, size);
                xs = Arrays.copyOf(xs, size);
                ys = Arrays.copyOf(ys, size);
            }
            keys[n] = key;
            sprites[n] = sprite;
            xs[n] = x;
            ys[n] = y;
            n++;
        }

        Stamps build() {
            return new Stamps(n, keys, sprites, xs, ys);
        }
    }
}
