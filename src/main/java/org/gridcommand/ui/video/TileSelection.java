package org.gridcommand.ui.video;

import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import org.gridcommand.video.VideoTile;
import org.gridcommand.video.VideoWall;

/**
 * The tile of a video wall the operator last pressed the mouse on (any button), for actions on "the selected
 * tile" such as a snapshot to the case. A one-tile wall has its tile selected from the start. Watches the wall
 * from outside (an event filter): the wall itself is not changed. FX thread.
 */
public final class TileSelection {
    private final ReadOnlyObjectWrapper<VideoTile> selected = new ReadOnlyObjectWrapper<>(this, "selected");

    private TileSelection(VideoWall wall) {
        if (wall.size() == 1) {
            selected.set(wall.tile(0));
        }
        // A filter, not a handler: the tile's own handlers (double-click to maximise) may consume the event.
        wall.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            VideoTile tile = tileOf(e.getPickResult().getIntersectedNode(), wall);
            if (tile != null) {
                selected.set(tile);
            }
        });
    }

    /** Starts following presses on the wall's tiles. */
    public static TileSelection track(VideoWall wall) {
        return new TileSelection(Objects.requireNonNull(wall, "wall"));
    }

    public ReadOnlyObjectProperty<VideoTile> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected tile, or null when none was pressed yet. */
    public VideoTile selected() {
        return selected.get();
    }

    /** Selects a tile from code (a keyboard shortcut, a test); it must be one of the wall's. */
    public void select(VideoTile tile) {
        selected.set(tile);
    }

    private static VideoTile tileOf(Node node, VideoWall wall) {
        for (Node n = node; n != null && n != wall; n = n.getParent()) {
            if (n instanceof VideoTile tile) {
                return tile;
            }
        }
        return null;
    }
}
