package org.gridcommand.video;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;

/**
 * A rows × cols grid of equal {@link VideoTile}s on black, as on the control-room wall. Tiles are
 * numbered row by row from 0. Like the tiles, the wall decodes only while it is on screen.
 */
public class VideoWall extends GridPane {
    private static final double GAP = 4;

    private final int rows;
    private final int cols;
    private final List<VideoTile> tiles;

    public VideoWall(VideoEngine engine, Function<String, String> text, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a wall needs at least one row and one column: " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        getStyleClass().add("video-wall");
        setBackground(new Background(new BackgroundFill(Color.BLACK, CornerRadii.EMPTY, Insets.EMPTY)));
        setHgap(GAP);
        setVgap(GAP);
        setPadding(new Insets(GAP));
        // Percentages, not content sizes: every tile gets the same share whatever its overlay text says.
        for (int c = 0; c < cols; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / cols);
            column.setHgrow(Priority.ALWAYS);
            column.setFillWidth(true);
            getColumnConstraints().add(column);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / rows);
            row.setVgrow(Priority.ALWAYS);
            row.setFillHeight(true);
            getRowConstraints().add(row);
        }
        List<VideoTile> made = new ArrayList<>(rows * cols);
        for (int i = 0; i < rows * cols; i++) {
            VideoTile tile = new VideoTile(engine, text);
            tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            // Small minimums let a 4x4 wall fit a laptop screen.
            tile.setMinSize(0, 0);
            tile.setPrefSize(160, 90);
            add(tile, i % cols, i / cols);
            made.add(tile);
        }
        tiles = Collections.unmodifiableList(made);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return tiles.size();
    }

    public VideoTile tile(int index) {
        return tiles.get(index);
    }

    public List<VideoTile> tiles() {
        return tiles;
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

    /** The same watchdog and back-off for every tile. */
    public void setHealthPolicy(HealthPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        tiles.forEach(t -> t.setHealthPolicy(policy));
    }

    /**
     * One listener for the health of every tile (see {@link VideoTile#setOnHealthChange}); called on the FX
     * thread with the tile's index and health. Null removes it.
     */
    public void setOnHealthChange(HealthListener listener) {
        for (int i = 0; i < tiles.size(); i++) {
            int index = i;
            tiles.get(i).setOnHealthChange(listener == null ? null : health -> listener.onHealth(index, health));
        }
    }

    /** Receives a tile's health with the tile's position on the wall. */
    @FunctionalInterface
    public interface HealthListener {
        void onHealth(int tileIndex, TileHealth health);
    }

    public void clearAll() {
        tiles.forEach(VideoTile::clear);
    }

    private static boolean isFinite(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith(VideoEngine.ASSET_SCHEME) || lower.startsWith("file:") || lower.startsWith("/");
    }
}
