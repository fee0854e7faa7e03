package org.gridcommand.ui.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.cases.Case;
import org.gridcommand.directory.Resource;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.fx.FxThread;
import org.locationtech.jts.geom.Envelope;

/**
 * The district as a fast layered vector map in Web Mercator: optional base tiles, grids filled by big grid or
 * by a metric, outlines, labels that never pile up, resources, cameras with their field of view, cases by
 * priority, grid workers live, an overlay for tools and defects, hover and selection, and a legend.
 *
 * <p>How it stays fast (see {@link MapRenderer}): nothing is a node per feature. Static layers are cached as
 * tiles per scale; a frame is composed in Java into one image; only the live layer (workers, blinking cases)
 * and a bounding-box-sized overlay canvas change between frames. It draws only when something changed: a
 * dirty flag and {@link Platform#requestNextPulse()}, with the work done in the scene's post-layout pulse,
 * never on a free-running timer.
 *
 * <p>Sizes are layout pixels: on a screen with an output scale above 1 the toolkit stretches the frame. For a
 * 4K wall run at 100 % and use {@link #setScaleFactor(double)} for larger type and symbols.
 *
 * <p>Input: drag pans (secondary or middle button too, also while a tool is set), wheel zooms at the cursor,
 * pinch zooms on a touch wall, + and - zoom, arrows pan, 0 or Home fits the district. A click selects the
 * topmost feature: case, worker, camera, resource, then small grid.
 */
public final class GridMapView extends Region {
    private static final long SETTLE_NANOS = 160_000_000L;
    private static final long MOTION_BUDGET_NANOS = 3_000_000L;
    private static final long REST_BUDGET_NANOS = 45_000_000L;
    /**
     * The live beat: blinking rings toggle (a second on, a second off: a slow blink that catches the eye
     * without strobing) and queued worker moves are applied, all in one frame. On the software pipeline every
     * frame of a 4K wall costs a full-window read-back and upload (about 25 ms of CPU), so the wall's live
     * cost is set by how many beats a second it has, not by how many symbols change.
     */
    public static final long BLINK_BEAT_MS = 1000;
    private static final double CLICK_SLOP = 4;
    private static final double FIT_MARGIN = 16;
    private static final ScheduledExecutorService CLOCK = clock();

    private final MapRenderer renderer = new MapRenderer();
    private final Canvas overlayCanvas = new Canvas();
    private final MapLegend legend = new MapLegend();
    private final OverlayPainter overlayPainter = new OverlayPainter();
    private final MapProjection projection = new MapProjection();
    private final MapProjection lastFrameView = new MapProjection(Double.NaN, Double.NaN, 1);
    private final MapData data = new MapData();
    private final Map<MapLayerKind, BooleanProperty> layers = new EnumMap<>(MapLayerKind.class);
    private final ReadOnlyObjectWrapper<MapFeature> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final ObjectProperty<MapFeature> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<GeoPoint> lastClick = new ReadOnlyObjectWrapper<>(this, "lastClick");
    private final Map<String, GeoPoint> pendingMoves = new LinkedHashMap<>();
    private final Runnable pulse = this::onPulse;

    private Sprites sprites;
    private double scaleFactor = 1;
    private BaseTiles baseTiles;
    private MapTool tool;
    private boolean fitted;
    /** Until the user moves the view, a resize fits the district again; afterwards it keeps the centre. */
    private boolean autoFit = true;
    private int frameWidth;
    private int frameHeight;
    private boolean frameRequested;
    private boolean liveDirty;
    private boolean overlayDirty = true;
    private boolean legendDirty = true;
    private double legendHeight;
    private long lastViewChange;
    private boolean blinkOn = true;
    private ScheduledFuture<?> heartbeat;
    private boolean settleWakePending;
    private boolean renderComplete;

    private double pressX;
    private double pressY;
    private double dragX;
    private double dragY;
    private boolean panning;
    private boolean toolGesture;
    private boolean moved;
    private AnimationTimer flight;

    public GridMapView() {
        getStyleClass().add("grid-map");
        setFocusTraversable(true);
        // The map takes input everywhere in its bounds, not only where a child happens to be drawn.
        setPickOnBounds(true);
        renderer.node().setMouseTransparent(true);
        setMinSize(200, 150);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        overlayCanvas.setManaged(false);
        overlayCanvas.setMouseTransparent(true);
        overlayCanvas.setVisible(false);
        getChildren().addAll(renderer.node(), overlayCanvas, legend.node());
        for (MapLayerKind kind : MapLayerKind.values()) {
            SimpleBooleanProperty p = new SimpleBooleanProperty(this, kind.name(), true);
            p.addListener((obs, was, now) -> layerToggled(kind));
            layers.put(kind, p);
        }
        selected.addListener((obs, was, now) -> {
            overlayDirty = true;
            requestFrame();
        });
        hovered.addListener((obs, was, now) -> {
            overlayDirty = true;
            requestFrame();
        });
        sceneProperty().addListener((obs, was, now) -> sceneChanged(was, now));
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(ZoomEvent.ZOOM, this::onZoom);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hovered.set(null));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    // ---------------------------------------------------------------- data

    /** Shows the district; the functions give the labels of big and small grids in the UI language. */
    public void setDistrict(District district, Function<BigGrid, String> bigName, Function<SmallGrid, String> smallLabel) {
        data.setDistrict(district, bigName, smallLabel);
        fitted = false;
        staticChanged();
    }

    public void setCameras(List<Camera> cameras) {
        data.setCameras(cameras);
        staticChanged();
    }

    /**
     * Marks every camera symbol by its signal status from now on (online, lost, never seen: colour and shape,
     * and a legend entry each); a camera absent from {@code statuses} is never seen. The cached tiles are
     * redrawn only when some camera's drawn state changed, not for a new "lost since" or frame time.
     */
    public void setCameraStatuses(Map<String, CameraStatus> statuses) {
        Objects.requireNonNull(statuses, "statuses");
        if (data.setCameraStatuses(statuses)) {
            staticChanged();
        }
    }

    /** The status the map shows for a camera: null until {@link #setCameraStatuses} was called. */
    public CameraStatus cameraStatus(String cameraId) {
        return data.cameraStatus(cameraId);
    }

    public void setResources(List<Resource> resources) {
        data.setResources(resources);
        staticChanged();
    }

    /** Open cases with a location are drawn; closed and voided ones are not. */
    public void setCases(List<Case> cases) {
        // The queue republishes its rows often; tiles are redrawn only when a drawn case changed.
        if (data.setCases(cases, blinkingIds())) {
            staticChanged();
            liveChanged();
        }
    }

    /**
     * Cases (by id) whose symbols blink with a white ring, a second on and a second off, e.g. reported and not
     * yet accepted. While anything blinks, worker moves are applied on the blink beat ({@link #BLINK_BEAT_MS}),
     * so the wall redraws once a second, not once per update.
     */
    public void setBlinkingCases(Collection<String> caseIds) {
        if (data.setBlinking(caseIds)) {
            staticChanged();
            liveChanged();
        }
        updateHeartbeat();
    }

    public void setWorkers(List<GridWorker> workers) {
        data.setWorkers(workers);
        pendingMoves.clear();
        liveChanged();
    }

    /** Live positions, typically once a second; unknown ids are ignored. */
    public void moveWorkers(Map<String, GeoPoint> positions) {
        if (heartbeat != null) {
            pendingMoves.putAll(positions);
            return;
        }
        if (data.moveWorkers(positions)) {
            liveChanged();
        }
    }

    /** Replaces the overlay shapes under a key (each tool or check owns one key); empty or null removes them. */
    public void setOverlay(String key, List<OverlayShape> shapes) {
        data.setOverlay(Objects.requireNonNull(key, "key"), shapes);
        overlayDirty = true;
        requestFrame();
    }

    public void clearOverlay(String key) {
        setOverlay(key, null);
    }

    /** Read-only: the shapes under an overlay key (empty when none), as last set. */
    public List<OverlayShape> overlay(String key) {
        List<OverlayShape> shapes = data.overlays.get(key);
        return shapes == null ? List.of() : shapes;
    }

    /** Read-only: the small-grid values the grids are filled by (empty while filled by big grid). */
    public Map<String, Double> fillMetric() {
        return data.metric == null ? Map.of() : data.metric;
    }

    /** Read-only: the legend title of the metric fill ("" while filled by big grid). */
    public String fillMetricTitle() {
        return data.metric == null ? "" : data.metricTitle;
    }

    public void setFillByBigGrid() {
        data.setMetric(null, null);
        staticChanged();
        legendDirty = true;
    }

    /** Fills small grids by a value (small-grid code to value) on a colour scale shown in the legend. */
    public void setFillByMetric(Map<String, Double> values, String legendTitle) {
        data.setMetric(Objects.requireNonNull(values, "values"), legendTitle);
        staticChanged();
        legendDirty = true;
    }

    /**
     * Base-map tiles under the grids, or null for none. Tiles in GCJ-02 or BD-09 shift every vector feature
     * into their datum, so the overlay lines up with the streets; positions in and out stay WGS-84.
     */
    public void setBaseTiles(BaseTiles tiles) {
        baseTiles = tiles;
        Datum datum = tiles == null ? Datum.WGS84 : tiles.datum();
        if (datum != data.datum()) {
            // The view stays on the same mercator spot, so the overlay moves by the datum's offset.
            data.setDatum(datum);
            renderer.clearCache();
        }
        if (tiles != null) {
            tiles.onTileLoaded(() -> FxThread.run(() -> {
                if (baseTiles == tiles) {
                    renderer.baseTilesLoaded();
                    requestFrame();
                }
            }));
        }
        staticChanged();
    }

    /**
     * A legend text in the console's language: keys "camera", "camera.ONLINE|LOST|NEVER_SEEN" (shown once camera
     * statuses are set), "worker", "blinking", "case.URGENT|HIGH|NORMAL|LOW", "resource.FIRE_STATION" (and the
     * other ResourceKind names).
     */
    public void setLegendText(String key, String text) {
        legend.setText(key, text);
        legendDirty = true;
        requestFrame();
    }

    /** Type, symbols and lines grow by this factor (2 for a 4K wall read from 3 m). */
    public void setScaleFactor(double factor) {
        if (!(factor > 0.25 && factor <= 8)) {
            throw new IllegalArgumentException("scale factor must be in (0.25, 8], got " + factor);
        }
        scaleFactor = factor;
        sprites = null;
        staticChanged();
        liveChanged();
        legendDirty = true;
    }

    public double getScaleFactor() {
        return scaleFactor;
    }

    public BooleanProperty layerVisibleProperty(MapLayerKind kind) {
        return layers.get(kind);
    }

    public int smallGridCount() {
        return data.smallGrids.size();
    }

    // ---------------------------------------------------------------- selection and tools

    public ReadOnlyObjectProperty<MapFeature> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public ObjectProperty<MapFeature> selectedProperty() {
        return selected;
    }

    /** The WGS-84 point of the last plain click (not a drag), with or without a feature under it. */
    public ReadOnlyObjectProperty<GeoPoint> lastClickProperty() {
        return lastClick.getReadOnlyProperty();
    }

    /** While a tool is set, primary-button input goes to it; null returns to select-and-pan. */
    public void setTool(MapTool tool) {
        this.tool = tool;
        toolGesture = false;
        setCursor(tool == null ? Cursor.DEFAULT : Cursor.CROSSHAIR);
    }

    public MapTool getTool() {
        return tool;
    }

    // ---------------------------------------------------------------- view

    public void fitDistrict() {
        stopFlight();
        if (!data.hasExtent() || getWidth() <= 0 || getHeight() <= 0) {
            fitted = false;
            requestFrame();
            return;
        }
        fitToView();
        autoFit = true;
        viewChanged();
    }

    /** Fits a WGS-84 box (a grid, a search hit) into the view. */
    public void zoomTo(Envelope wgs84) {
        stopFlight();
        double[] a = data.toMercator(wgs84.getMinX(), wgs84.getMinY());
        double[] b = data.toMercator(wgs84.getMaxX(), wgs84.getMaxY());
        // A point (or a tiny box) gets a street-level view rather than the maximum zoom.
        double pad = 150;
        double minX = Math.min(a[0], b[0]);
        double maxX = Math.max(a[0], b[0]);
        double minY = Math.min(a[1], b[1]);
        double maxY = Math.max(a[1], b[1]);
        if (maxX - minX < pad) {
            minX -= pad / 2;
            maxX += pad / 2;
        }
        if (maxY - minY < pad) {
            minY -= pad / 2;
            maxY += pad / 2;
        }
        double[] area = fitArea(maxX - minX, maxY - minY);
        projection.fitIn(minX, minY, maxX, maxY, area[0], area[1], area[2], area[3], FIT_MARGIN * 2);
        fitted = true;
        autoFit = false;
        viewChanged();
    }

    /** Flies (at most 400 ms) to centre the point at the given ground metres per pixel. */
    public void flyTo(GeoPoint target, double metresPerPixel) {
        stopFlight();
        double w = getWidth();
        double h = getHeight();
        double[] to = data.toMercator(target.lon(), target.lat());
        double ppmTo = Math.cos(Math.toRadians(target.lat())) / metresPerPixel;
        double fromX = projection.mercatorX(w / 2);
        double fromY = projection.mercatorY(h / 2);
        double fromLog = Math.log(projection.pixelsPerMetre());
        double toLog = Math.log(Math.max(MapProjection.MIN_PIXELS_PER_METRE,
                Math.min(MapProjection.MAX_PIXELS_PER_METRE, ppmTo)));
        long duration = 350_000_000L;
        long[] start = {-1};
        flight = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (start[0] < 0) {
                    start[0] = now;
                }
                double t = Math.min(1, (now - start[0]) / (double) duration);
                double e = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
                double ppm = Math.exp(fromLog + (toLog - fromLog) * e);
                projection.set(projection.originX(), projection.originY(), ppm);
                projection.centreOn(fromX + (to[0] - fromX) * e, fromY + (to[1] - fromY) * e, getWidth(), getHeight());
                viewChanged();
                if (t >= 1) {
                    stop();
                    flight = null;
                }
            }
        };
        fitted = true;
        autoFit = false;
        flight.start();
    }

    /** True while a {@link #flyTo} is under way: for tests and anyone who must wait for the view to arrive. */
    public boolean isFlying() {
        return flight != null;
    }

    /** A copy of the current view (origin and scale in display-datum mercator metres). */
    public MapProjection view() {
        return projection.copy();
    }

    /** Restores a view taken with {@link #view()}. */
    public void setView(MapProjection view) {
        stopFlight();
        projection.setFrom(view);
        fitted = true;
        autoFit = false;
        viewChanged();
    }

    /** Moves the view by screen pixels (content follows the pointer). */
    public void panBy(double dx, double dy) {
        projection.panBy(dx, dy);
        autoFit = false;
        viewChanged();
    }

    /** Zooms by a factor keeping the point under (x, y) fixed. */
    public void zoomAt(double factor, double x, double y) {
        projection.zoomAt(factor, x, y);
        autoFit = false;
        viewChanged();
    }

    /** Where a WGS-84 point is drawn, in this node's coordinates. */
    public Point2D screenPosition(GeoPoint p) {
        double[] m = data.toMercator(p.lon(), p.lat());
        return new Point2D(projection.screenX(m[0]), projection.screenY(m[1]));
    }

    /** The WGS-84 point under a position in this node's coordinates. */
    public GeoPoint geoAt(double x, double y) {
        return data.toWgs84(projection.mercatorX(x), projection.mercatorY(y));
    }

    /** Ground metres per pixel at the centre of the view. */
    public double metresPerPixel() {
        GeoPoint c = geoAt(getWidth() / 2, getHeight() / 2);
        return projection.groundMetresPerPixel(c.lat());
    }

    /**
     * True once the view is at rest and drawn completely at its exact scale, with no frame pending: for tests,
     * screenshots and anyone who must wait for the map to finish.
     */
    public boolean isRenderComplete() {
        return renderComplete && !frameRequested && !settleWakePending && getScene() != null;
    }

    /** Counters since creation: frames composed in full, frames patched in place, cache tiles rendered. */
    public record RenderStats(long fullFrames, long patchedFrames, long tilesRendered, long tileNanos, long frameNanos) {
    }

    public RenderStats renderStats() {
        return new RenderStats(renderer.fullFrames, renderer.partialFrames, renderer.tilesRendered, renderer.tileNanos,
                renderer.composeNanos);
    }

    /** For tests: how many workers' moves wait for the next blink beat to be applied. */
    int pendingWorkerMoves() {
        return pendingMoves.size();
    }

    /** For tests: the frame on screen equals a full recomposition of the current state. */
    boolean shownFrameIsExact() {
        int w = (int) Math.ceil(getWidth());
        int h = (int) Math.ceil(getHeight());
        Set<MapLayerKind> visible = visibleLayers();
        return renderer.frontEqualsFullCompose(new MapRenderer.Context(projection, data, sprites, visible, baseTiles,
                stamps(visible, w, h), fittedPixelsPerMetre()));
    }

    /** Stops the blink clock; the map stays usable and restarts it when shown again. */
    public void dispose() {
        stopHeartbeat();
        stopFlight();
    }

    // ---------------------------------------------------------------- layout and frames

    @Override
    protected void layoutChildren() {
        renderer.node().relocate(0, 0);
        if (renderer.node().getImage() == null
                || renderer.node().getImage().getWidth() != Math.ceil(getWidth())
                || renderer.node().getImage().getHeight() != Math.ceil(getHeight())) {
            legendDirty = true;
            overlayDirty = true;
            requestFrame();
        }
    }

    private void sceneChanged(Scene was, Scene now) {
        if (was != null) {
            was.removePostLayoutPulseListener(pulse);
        }
        if (now != null) {
            now.addPostLayoutPulseListener(pulse);
            updateHeartbeat();
            requestFrame();
        } else {
            stopHeartbeat();
        }
    }

    private void requestFrame() {
        frameRequested = true;
        renderComplete = false;
        if (getScene() != null) {
            Platform.requestNextPulse();
        }
    }

    private void staticChanged() {
        renderer.invalidateStatic();
        legendDirty = true;
        overlayDirty = true;
        requestFrame();
    }

    private void liveChanged() {
        liveDirty = true;
        requestFrame();
    }

    private void viewChanged() {
        overlayDirty = true;
        requestFrame();
    }

    private void layerToggled(MapLayerKind kind) {
        if (kind.isStatic() || kind == MapLayerKind.LABELS) {
            staticChanged();
        }
        if (kind == MapLayerKind.WORKERS || kind == MapLayerKind.CASES) {
            liveChanged();
        }
        if (kind == MapLayerKind.OVERLAY || kind == MapLayerKind.SELECTION) {
            overlayDirty = true;
            requestFrame();
        }
        legendDirty = true;
    }

    private Set<MapLayerKind> visibleLayers() {
        Set<MapLayerKind> set = EnumSet.noneOf(MapLayerKind.class);
        layers.forEach((k, p) -> {
            if (p.get()) {
                set.add(k);
            }
        });
        return set;
    }

    /** The pulse's work: at most one composition, only when something changed since the last one. */
    private void onPulse() {
        if (!frameRequested) {
            return;
        }
        frameRequested = false;
        int w = (int) Math.ceil(getWidth());
        int h = (int) Math.ceil(getHeight());
        if (w < 1 || h < 1) {
            return;
        }
        if (sprites == null) {
            sprites = Sprites.create(scaleFactor);
        }
        Set<MapLayerKind> visible = visibleLayers();
        if (w != frameWidth || h != frameHeight) {
            legendDirty = true;   // it wraps by the pane's shape
        }
        if (legendDirty) {
            legendDirty = false;
            // In a wide, low pane the legend wraps narrow, so the district can be fitted beside it at full height.
            double legendWidth = w > 1.6 * h ? Math.max(300 * scaleFactor, w * 0.38)
                    : Math.min(w - 2 * MapLegend.MARGIN, 900 * scaleFactor);
            legendHeight = legend.paint(visible, data, scaleFactor, Math.min(w - 2 * MapLegend.MARGIN, legendWidth),
                    h, data.anyBlinking());
        }
        if ((w != frameWidth || h != frameHeight) && fitted) {
            if (autoFit && data.hasExtent()) {
                fitToView();
            } else if (frameWidth > 0) {
                double cx = projection.mercatorX(frameWidth / 2.0);
                double cy = projection.mercatorY(frameHeight / 2.0);
                projection.centreOn(cx, cy, w, h);
            }
        }
        frameWidth = w;
        frameHeight = h;
        if (!fitted && data.hasExtent()) {
            fitToView();
        }
        long now = System.nanoTime();
        if (!projection.sameView(lastFrameView)) {
            lastViewChange = now;
            lastFrameView.setFrom(projection);
            overlayDirty = true;
        }
        boolean inMotion = now - lastViewChange < SETTLE_NANOS;
        MapRenderer.Context ctx = new MapRenderer.Context(projection, data, sprites, visible, baseTiles,
                stamps(visible, w, h), fittedPixelsPerMetre());
        MapRenderer.FrameResult result = renderer.frame(ctx, w, h, inMotion,
                inMotion ? MOTION_BUDGET_NANOS : REST_BUDGET_NANOS, liveDirty);
        liveDirty = false;
        if (overlayDirty) {
            overlayDirty = false;
            overlayPainter.paint(overlayCanvas, projection, data, visible, highlights(), scaleFactor, w, h);
        }
        renderComplete = result.complete() && !inMotion;
        if (!result.complete()) {
            requestFrame();
        } else if (inMotion) {
            wakeAfter(SETTLE_NANOS - (now - lastViewChange) + 5_000_000L);
        }
    }

    /** One wake-up when the view has been still long enough to render at its exact scale. */
    private void wakeAfter(long nanos) {
        if (settleWakePending) {
            return;
        }
        settleWakePending = true;
        CLOCK.schedule(() -> Platform.runLater(() -> {
            settleWakePending = false;
            requestFrame();
        }), Math.max(1, nanos), TimeUnit.NANOSECONDS);
    }

    private void fitToView() {
        // Fitted beside or above the legend, so the legend never covers a grid at the fitted view.
        double[] area = fitArea(data.maxX - data.minX, data.maxY - data.minY);
        projection.fitIn(data.minX, data.minY, data.maxX, data.maxY, area[0], area[1], area[2], area[3], FIT_MARGIN);
        fitted = true;
    }

    /** The scale at which the district fits the view: the overview's scale. */
    private double fittedPixelsPerMetre() {
        if (!data.hasExtent()) {
            return 0;
        }
        MapProjection p = new MapProjection();
        double[] area = fitArea(data.maxX - data.minX, data.maxY - data.minY);
        p.fitIn(data.minX, data.minY, data.maxX, data.maxY, area[0], area[1], area[2], area[3], FIT_MARGIN);
        return p.pixelsPerMetre();
    }

    /**
     * The part of the view a box of this mercator span is fitted into (left, top, width, height): above the
     * legend, or to its right over the full height, whichever shows the box larger. A wide, low pane (the console's
     * map above the queue) fits a square district beside the legend; a tall one fits it above.
     */
    private double[] fitArea(double spanX, double spanY) {
        double w = getWidth();
        double h = getHeight();
        if (!legend.node().isVisible() || legendHeight <= 0) {
            return new double[] {0, 0, w, h};
        }
        double[] above = {0, 0, w, Math.max(h * 0.6, h - legendHeight - MapLegend.MARGIN)};
        double besideLeft = legend.node().getLayoutBounds().getWidth() + MapLegend.MARGIN;
        if (besideLeft > w * 0.5) {
            return above;
        }
        double[] beside = {besideLeft, 0, w - besideLeft, h};
        return scaleOf(beside, spanX, spanY) > scaleOf(above, spanX, spanY) ? beside : above;
    }

    private static double scaleOf(double[] area, double spanX, double spanY) {
        return Math.min((area[2] - 2 * FIT_MARGIN) / Math.max(spanX, 1e-6), (area[3] - 2 * FIT_MARGIN) / Math.max(spanY, 1e-6));
    }

    /** The live symbols in key order: workers (0), blink rings (1), blinking cases (2). */
    private MapRenderer.Stamps stamps(Set<MapLayerKind> visible, int w, int h) {
        MapRenderer.StampBuilder b = new MapRenderer.StampBuilder();
        int margin = (int) Math.ceil(20 * scaleFactor);
        if (visible.contains(MapLayerKind.WORKERS)) {
            for (int i = 0; i < data.workers.size(); i++) {
                if (data.workerPlaced[i]) {
                    int x = (int) Math.round(projection.screenX(data.workerX[i]));
                    int y = (int) Math.round(projection.screenY(data.workerY[i]));
                    if (x > -margin && y > -margin && x < w + margin && y < h + margin) {
                        b.add(i, data.workers.get(i).onDuty() ? sprites.workerOnDuty : sprites.workerOffDuty, x, y);
                    }
                }
            }
        }
        if (visible.contains(MapLayerKind.CASES)) {
            for (int pass = 1; pass <= 2; pass++) {
                if (pass == 1 && !blinkOn) {
                    continue;
                }
                for (int i = 0; i < data.cases.size(); i++) {
                    if (!data.caseBlinks[i]) {
                        continue;
                    }
                    int x = (int) Math.round(projection.screenX(data.caseX[i]));
                    int y = (int) Math.round(projection.screenY(data.caseY[i]));
                    if (x > -margin && y > -margin && x < w + margin && y < h + margin) {
                        Sprites.Sprite sp = pass == 1 ? sprites.halo
                                : sprites.cases[data.cases.get(i).priority().ordinal()];
                        b.add(((long) pass << 32) | i, sp, x, y);
                    }
                }
            }
        }
        return b.build();
    }

    private List<OverlayPainter.Highlight> highlights() {
        List<OverlayPainter.Highlight> list = new ArrayList<>();
        MapFeature hover = hovered.get();
        MapFeature sel = selected.get();
        if (hover != null && (sel == null || !hover.key().equals(sel.key()))) {
            addHighlight(list, hover, false);
        }
        if (sel != null) {
            addHighlight(list, sel, true);
        }
        return list;
    }

    private void addHighlight(List<OverlayPainter.Highlight> list, MapFeature f, boolean isSelected) {
        if (f instanceof MapFeature.GridFeature g) {
            for (MapData.Shape s : data.smallGrids) {
                if (s.grid.code().equals(g.grid().code())) {
                    list.add(new OverlayPainter.Highlight(s.rings, null, isSelected));
                    return;
                }
            }
        } else if (f instanceof MapFeature.CaseFeature c) {
            if (c.theCase().location() != null) {
                list.add(point(c.theCase().location(), isSelected));
            }
        } else if (f instanceof MapFeature.WorkerFeature wf) {
            for (int i = 0; i < data.workers.size(); i++) {
                if (data.workers.get(i).id().equals(wf.worker().id()) && data.workerPlaced[i]) {
                    list.add(new OverlayPainter.Highlight(null, new double[] {data.workerX[i], data.workerY[i]},
                            isSelected));
                    return;
                }
            }
        } else if (f instanceof MapFeature.CameraFeature c) {
            list.add(point(c.camera().position(), isSelected));
        } else if (f instanceof MapFeature.ResourceFeature r) {
            list.add(point(r.resource().position(), isSelected));
        }
    }

    private OverlayPainter.Highlight point(GeoPoint p, boolean isSelected) {
        return new OverlayPainter.Highlight(null, data.toMercator(p.lon(), p.lat()), isSelected);
    }

    // ---------------------------------------------------------------- hit test

    /** The topmost feature under a point of this node: case, worker, camera, resource, then small grid. */
    public MapFeature featureAt(double x, double y) {
        Set<MapLayerKind> visible = visibleLayers();
        double s = scaleFactor;
        if (visible.contains(MapLayerKind.CASES)) {
            int best = nearest(data.caseX, data.caseY, data.cases.size(), x, y, 11 * s, null);
            if (best >= 0) {
                return new MapFeature.CaseFeature(data.cases.get(best));
            }
        }
        if (visible.contains(MapLayerKind.WORKERS)) {
            int best = nearest(data.workerX, data.workerY, data.workers.size(), x, y, 9 * s, data.workerPlaced);
            if (best >= 0) {
                return new MapFeature.WorkerFeature(data.workers.get(best));
            }
        }
        SymbolThinning.Shown shown = data.thinning.at(data, projection.pixelsPerMetre(), s);
        if (visible.contains(MapLayerKind.CAMERAS)) {
            int best = nearest(data.cameraX, data.cameraY, data.cameras.size(), x, y, 7 * s, shown.cameras());
            if (best >= 0) {
                return new MapFeature.CameraFeature(data.cameras.get(best));
            }
        }
        if (visible.contains(MapLayerKind.RESOURCES)) {
            int best = nearest(data.resourceX, data.resourceY, data.resources.size(), x, y, 10 * s,
                    shown.resources());
            if (best >= 0) {
                return new MapFeature.ResourceFeature(data.resources.get(best));
            }
        }
        if (visible.contains(MapLayerKind.GRIDS) || visible.contains(MapLayerKind.GRID_OUTLINES)) {
            MapData.Shape shape = data.smallGridAt(projection.mercatorX(x), projection.mercatorY(y));
            if (shape != null) {
                return new MapFeature.GridFeature(shape.grid);
            }
        }
        return null;
    }

    /** The camera and resource symbols drawn at the current scale (indices as in the lists given). */
    SymbolThinning.Shown shownSymbols() {
        return data.thinning.at(data, projection.pixelsPerMetre(), scaleFactor);
    }

    /** Index of the closest point within radius pixels, preferring later (drawn on top) ones on ties. */
    private int nearest(double[] xs, double[] ys, int n, double x, double y, double radius, boolean[] placed) {
        double mx = projection.mercatorX(x);
        double my = projection.mercatorY(y);
        double r = radius / projection.pixelsPerMetre();
        double bestD = r * r;
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (placed != null && !placed[i]) {
                continue;
            }
            double dx = xs[i] - mx;
            double dy = ys[i] - my;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- input

    private void onPressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        dragX = e.getX();
        dragY = e.getY();
        moved = false;
        if (tool != null && e.getButton() == MouseButton.PRIMARY) {
            toolGesture = true;
            tool.pressed(geoAt(e.getX(), e.getY()), e);
        } else {
            toolGesture = false;
            panning = true;
        }
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) > CLICK_SLOP || Math.abs(e.getY() - pressY) > CLICK_SLOP) {
            moved = true;
        }
        if (toolGesture) {
            tool.moved(geoAt(e.getX(), e.getY()), e);
        } else if (panning) {
            stopFlight();
            setCursor(Cursor.CLOSED_HAND);
            panBy(e.getX() - dragX, e.getY() - dragY);
        }
        dragX = e.getX();
        dragY = e.getY();
        e.consume();
    }

    private void onReleased(MouseEvent e) {
        if (toolGesture) {
            toolGesture = false;
            tool.released(geoAt(e.getX(), e.getY()), e);
        } else if (panning) {
            panning = false;
            setCursor(tool == null ? Cursor.DEFAULT : Cursor.CROSSHAIR);
            if (!moved && e.getButton() == MouseButton.PRIMARY) {
                lastClick.set(geoAt(e.getX(), e.getY()));
                selected.set(featureAt(e.getX(), e.getY()));
            }
        }
        e.consume();
    }

    private void onMoved(MouseEvent e) {
        if (tool != null) {
            tool.moved(geoAt(e.getX(), e.getY()), e);
        }
        MapFeature f = featureAt(e.getX(), e.getY());
        MapFeature old = hovered.get();
        if (f == null ? old != null : old == null || !f.key().equals(old.key())) {
            hovered.set(f);
        }
        if (tool == null) {
            setCursor(f == null || f instanceof MapFeature.GridFeature ? Cursor.DEFAULT : Cursor.HAND);
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            stopFlight();
            double notches = Math.max(-3, Math.min(3, e.getDeltaY() / 40));
            if (Math.abs(notches) < 1e-3) {
                notches = Math.signum(e.getDeltaY());
            }
            zoomAt(Math.pow(1.25, notches), e.getX(), e.getY());
        }
        e.consume();
    }

    private void onZoom(ZoomEvent e) {
        stopFlight();
        zoomAt(e.getZoomFactor(), e.getX(), e.getY());
        e.consume();
    }

    private void onKey(KeyEvent e) {
        if (tool != null && tool.key(e)) {
            e.consume();
            return;
        }
        double step = 80 * scaleFactor;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoomAt(1.25, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> zoomAt(1 / 1.25, getWidth() / 2, getHeight() / 2);
            case LEFT -> panBy(step, 0);
            case RIGHT -> panBy(-step, 0);
            case UP -> panBy(0, step);
            case DOWN -> panBy(0, -step);
            case DIGIT0, NUMPAD0, HOME -> fitDistrict();
            case ESCAPE -> {
                if (selected.get() == null) {
                    return;
                }
                selected.set(null);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void stopFlight() {
        if (flight != null) {
            flight.stop();
            flight = null;
        }
    }

    // ---------------------------------------------------------------- blink clock

    private Set<String> blinkingIds() {
        return data.blinkingIds();
    }

    private void updateHeartbeat() {
        boolean wanted = getScene() != null && data.anyBlinking();
        if (wanted && heartbeat == null) {
            heartbeat = CLOCK.scheduleAtFixedRate(() -> Platform.runLater(this::beat),
                    BLINK_BEAT_MS, BLINK_BEAT_MS, TimeUnit.MILLISECONDS);
        } else if (!wanted) {
            stopHeartbeat();
        }
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        blinkOn = true;
        if (!pendingMoves.isEmpty()) {
            Map<String, GeoPoint> moves = new HashMap<>(pendingMoves);
            pendingMoves.clear();
            data.moveWorkers(moves);
            liveChanged();
        }
    }

    /** One beat: toggle the rings and apply the worker moves that came in meanwhile, in one frame. */
    private void beat() {
        if (heartbeat == null) {
            return;
        }
        blinkOn = !blinkOn;
        if (!pendingMoves.isEmpty()) {
            data.moveWorkers(pendingMoves);
            pendingMoves.clear();
        }
        liveChanged();
    }

    private static ScheduledExecutorService clock() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, FxThread.daemonThreads("gc-map-clock"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
