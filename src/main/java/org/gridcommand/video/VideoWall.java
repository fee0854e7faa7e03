package org.gridcommand.video;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;
import org.gridcommand.camera.Camera;

/**
 * The control-room wall: {@link VideoTile}s on black, placed by a {@link WallLayout} (equal tiles or cells that
 * span several squares). Tiles are numbered in the layout's cell order from 0. Like the tiles, the wall decodes
 * only while it is on screen.
 *
 * <p>Changing the layout keeps tiles: tile {@code i} stays tile {@code i} with its camera and its running
 * player, only moved and resized (which may switch it between the camera's sub and main streams); tiles beyond
 * the new count are cleared and leave the wall, and come back empty if a later layout has room for them.
 *
 * <p>Double-clicking a tile maximises it over the whole wall; the other tiles leave the scene, so they stop
 * decoding and give their players back to the engine's pool. Double-click again or Esc restores the layout.
 *
 * <p>FX thread only.
 */
public class VideoWall extends GridPane {
    private static final double GAP = 4;

    private final VideoEngine engine;
    private final Clock wallClock;
    private final Function<String, String> text;
    // Every tile made so far; the first layout.size() are on the wall.
    private final List<VideoTile> made = new ArrayList<>();
    private final ReadOnlyObjectWrapper<WallLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ReadOnlyIntegerWrapper maximisedIndex = new ReadOnlyIntegerWrapper(this, "maximisedIndex", -1);
    private HealthPolicy policy = HealthPolicy.DEFAULT;
    private StreamSizing streamSizing = StreamSizing.DEFAULT;
    private ZoneId clockZone;
    private HealthListener healthListener;

    public VideoWall(VideoEngine engine, Function<String, String> text, int rows, int cols) {
        this(engine, text, checkedGrid(rows, cols));
    }

    /** @param wallClock the tiles' clock (overlay, "lost since", snapshot times): a test's own clock */
    public VideoWall(VideoEngine engine, Function<String, String> text, int rows, int cols, Clock wallClock) {
        this(engine, text, checkedGrid(rows, cols), wallClock);
    }

    public VideoWall(VideoEngine engine, Function<String, String> text, WallLayout layout) {
        this(engine, text, layout, Clock.systemUTC());
    }

    public VideoWall(VideoEngine engine, Function<String, String> text, WallLayout layout, Clock wallClock) {
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.text = Objects.requireNonNull(text, "text");
        getStyleClass().add("video-wall");
        setBackground(new Background(new BackgroundFill(Color.BLACK, CornerRadii.EMPTY, Insets.EMPTY)));
        setHgap(GAP);
        setVgap(GAP);
        setPadding(new Insets(GAP));
        // A click takes the keyboard focus (not Tab: the wall has nothing to type into), so Esc reaches the wall.
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && isMaximised()) {
                restore();
                e.consume();
            }
        });
        setLayout(layout);
    }

    private static WallLayout checkedGrid(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a wall needs at least one row and one column: " + rows + "x" + cols);
        }
        return WallLayout.grid(rows, cols);
    }

    /**
     * Places the tiles by a new layout. Tiles kept keep their camera and player (no new player while they stay
     * on screen); tiles beyond the new count are cleared. A maximised tile is restored first.
     */
    public void setLayout(WallLayout newLayout) {
        Objects.requireNonNull(newLayout, "layout");
        if (isMaximised()) {
            restore();
        }
        int count = newLayout.size();
        while (made.size() < count) {
            made.add(newTile());
        }
        // Column and row shares first, so kept tiles are measured once in their new places.
        getColumnConstraints().setAll(columnShares(newLayout.cols()));
        getRowConstraints().setAll(rowShares(newLayout.rows()));
        for (int i = 0; i < made.size(); i++) {
            VideoTile tile = made.get(i);
            if (i < count) {
                WallLayout.Cell cell = newLayout.cell(i);
                GridPane.setConstraints(tile, cell.col(), cell.row(), cell.colSpan(), cell.rowSpan());
                if (tile.getParent() != this) {
                    // Only tiles new to the wall are added: removing and re-adding a kept tile would leave the
                    // scene for a moment and restart its player.
                    getChildren().add(tile);
                }
            } else if (tile.getParent() == this) {
                tile.clear();
                getChildren().remove(tile);
            }
        }
        layout.set(newLayout);
    }

    public WallLayout getLayout() {
        return layout.get();
    }

    public ReadOnlyObjectProperty<WallLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public int rows() {
        return layout.get().rows();
    }

    public int cols() {
        return layout.get().cols();
    }

    /** Tiles on the wall (the layout's cell count). */
    public int size() {
        return layout.get().size();
    }

    public VideoTile tile(int index) {
        Objects.checkIndex(index, size());
        return made.get(index);
    }

    /** The tiles on the wall now, in cell order (a copy: a later layout change does not alter it). */
    public List<VideoTile> tiles() {
        return List.copyOf(made.subList(0, size()));
    }

    /** The wall's tile under a point in scene coordinates, or -1 (a gap, outside, or a hidden tile). */
    public int tileIndexAt(double sceneX, double sceneY) {
        for (int i = 0; i < size(); i++) {
            VideoTile tile = made.get(i);
            if (tile.getParent() == this) {
                Point2D p = tile.sceneToLocal(sceneX, sceneY);
                if (p != null && tile.contains(p)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The index of a tile on the wall, or -1. */
    public int indexOf(VideoTile tile) {
        int i = made.indexOf(tile);
        return i < size() ? i : -1;
    }

    /**
     * Puts a camera on a tile. Files (demo clips) loop; live URLs do not, so a stream that ends shows
     * NO_SIGNAL instead of silently reconnecting.
     */
    public void assign(int index, String cameraName, String url) {
        tile(index).show(cameraName, url, isFinite(url));
    }

    /** Puts a camera with its id (names snapshots, reported in {@link TileHealth}) on a tile. */
    public void assign(int index, String cameraId, String cameraName, String url) {
        tile(index).show(cameraId, cameraName, url, isFinite(url));
    }

    /** Puts a camera with both its streams on a tile; the tile picks one by its size. */
    public void assign(int index, String cameraId, String cameraName, String mainUrl, String subUrl) {
        String either = subUrl == null || subUrl.isBlank() ? mainUrl : subUrl;
        tile(index).show(cameraId, cameraName, mainUrl, subUrl, isFinite(either));
    }

    /** Puts a registry camera on a tile under the name given (the console's language). */
    public void assign(int index, Camera camera, String displayName) {
        assign(index, camera.id(), displayName, camera.mainStreamUrl(), camera.subStreamUrl());
    }

    /** The camera ids on the wall's tiles, "" for an empty tile (e.g. for a preset). */
    public List<String> cameraIds() {
        return tiles().stream().map(VideoTile::cameraId).toList();
    }

    /** Maximises a tile over the whole wall; the others stop decoding until {@link #restore()}. */
    public void maximise(int index) {
        Objects.checkIndex(index, size());
        if (maximisedIndex.get() == index) {
            return;
        }
        if (isMaximised()) {
            restore();
        }
        VideoTile keep = made.get(index);
        // Removing the others takes them out of the scene: their players stop and return to the pool.
        getChildren().removeIf(n -> n instanceof VideoTile && n != keep);
        GridPane.setConstraints(keep, 0, 0, cols(), rows());
        maximisedIndex.set(index);
        keep.setMaximised(true);
    }

    /** Puts every tile back in its cell. */
    public void restore() {
        int index = maximisedIndex.get();
        if (index < 0) {
            return;
        }
        maximisedIndex.set(-1);
        VideoTile big = made.get(index);
        big.setMaximised(false);
        WallLayout current = layout.get();
        for (int i = 0; i < current.size(); i++) {
            VideoTile tile = made.get(i);
            WallLayout.Cell cell = current.cell(i);
            GridPane.setConstraints(tile, cell.col(), cell.row(), cell.colSpan(), cell.rowSpan());
            if (tile.getParent() != this) {
                getChildren().add(tile);
            }
        }
    }

    /** The maximised tile's index, or -1 when the wall shows its layout. */
    public ReadOnlyIntegerProperty maximisedIndexProperty() {
        return maximisedIndex.getReadOnlyProperty();
    }

    public boolean isMaximised() {
        return maximisedIndex.get() >= 0;
    }

    /** The same watchdog and back-off for every tile. */
    public void setHealthPolicy(HealthPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        made.forEach(t -> t.setHealthPolicy(policy));
    }

    /** When tiles switch to the main stream; for every tile. */
    public void setStreamSizing(StreamSizing sizing) {
        this.streamSizing = Objects.requireNonNull(sizing, "sizing");
        made.forEach(t -> t.setStreamSizing(sizing));
    }

    /** The zone of the tiles' overlay clocks (the district's). */
    public void setClockZone(ZoneId zone) {
        this.clockZone = Objects.requireNonNull(zone, "zone");
        made.forEach(t -> t.setClockZone(zone));
    }

    /**
     * One listener for the health of every tile, present and future (see {@link VideoTile#setOnHealthChange});
     * called on the FX thread with the tile's index and health. Null removes it.
     */
    public void setOnHealthChange(HealthListener listener) {
        this.healthListener = listener;
        for (VideoTile tile : made) {
            wireHealth(tile);
        }
    }

    /** Receives a tile's health with the tile's position on the wall. */
    @FunctionalInterface
    public interface HealthListener {
        void onHealth(int tileIndex, TileHealth health);
    }

    public void clearAll() {
        tiles().forEach(VideoTile::clear);
    }

    private VideoTile newTile() {
        VideoTile tile = new VideoTile(engine, text, wallClock);
        tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        // Small minimums let a 4x4 wall fit a laptop screen.
        tile.setMinSize(0, 0);
        tile.setPrefSize(160, 90);
        tile.setHealthPolicy(policy);
        tile.setStreamSizing(streamSizing);
        if (clockZone != null) {
            tile.setClockZone(clockZone);
        }
        tile.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                int index = made.indexOf(tile);
                if (maximisedIndex.get() == index) {
                    restore();
                } else if (index < size()) {
                    maximise(index);
                }
                e.consume();
            }
        });
        wireHealth(tile);
        return tile;
    }

    private void wireHealth(VideoTile tile) {
        HealthListener listener = healthListener;
        // The index is looked up at report time: it is the tile's place on the wall, fixed for its life.
        tile.setOnHealthChange(listener == null ? null : health -> listener.onHealth(made.indexOf(tile), health));
    }

    // Percentages, not content sizes: every square gets the same share whatever its overlay text says.
    private static List<ColumnConstraints> columnShares(int count) {
        List<ColumnConstraints> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / count);
            column.setHgrow(Priority.ALWAYS);
            column.setFillWidth(true);
            out.add(column);
        }
        return out;
    }

    private static List<RowConstraints> rowShares(int count) {
        List<RowConstraints> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / count);
            row.setVgrow(Priority.ALWAYS);
            row.setFillHeight(true);
            out.add(row);
        }
        return out;
    }

    private static boolean isFinite(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith(VideoEngine.ASSET_SCHEME) || lower.startsWith("file:") || lower.startsWith("/");
    }
}
