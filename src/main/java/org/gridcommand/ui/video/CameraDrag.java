package org.gridcommand.ui.video;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import org.gridcommand.camera.Camera;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.map.MapFeature;
import org.gridcommand.video.VideoTile;
import org.gridcommand.video.VideoWall;

/**
 * Dragging a camera onto a wall tile: the drag carries only the camera's id, in a format of its own so that
 * no text field or other drop target mistakes it for text. Sources are the camera list and the map's camera
 * symbols; the target is the wall. FX thread.
 */
public final class CameraDrag {
    /** A camera id being dragged. */
    public static final DataFormat CAMERA_ID = format("application/x-gridcommand-camera-id");

    private CameraDrag() {
    }

    // A DataFormat may be made only once per JVM for a given type; a second wall or a test reuses it.
    private static DataFormat format(String mime) {
        DataFormat existing = DataFormat.lookupMimeType(mime);
        return existing != null ? existing : new DataFormat(mime);
    }

    /** Starts dragging the camera from {@code source}; call from a DRAG_DETECTED handler. */
    public static void start(Node source, Camera camera) {
        Dragboard board = source.startDragAndDrop(TransferMode.COPY);
        ClipboardContent content = new ClipboardContent();
        content.put(CAMERA_ID, camera.id());
        board.setContent(content);
    }

    /** The camera id on a dragboard, if it carries one. */
    public static Optional<String> cameraId(Dragboard board) {
        if (board == null || !board.hasContent(CAMERA_ID)) {
            return Optional.empty();
        }
        Object id = board.getContent(CAMERA_ID);
        return id instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /**
     * Lets the officer drag a camera symbol off the map: a press on a camera followed by a drag starts a camera
     * drag instead of panning the map; a plain click still selects the camera, and a press anywhere else pans as
     * before. Not while a map tool (measure, cordon) is active.
     */
    public static void installMapSource(GridMapView map) {
        MapCameraSource source = new MapCameraSource(map);
        map.addEventFilter(MouseEvent.MOUSE_PRESSED, source::pressed);
        map.addEventFilter(MouseEvent.MOUSE_DRAGGED, source::dragged);
        map.addEventFilter(MouseEvent.DRAG_DETECTED, source::dragDetected);
        map.addEventFilter(MouseEvent.MOUSE_RELEASED, source::released);
    }

    /**
     * Makes every tile of the wall (present and future) accept a dragged camera: the tile under the pointer is
     * framed while the camera is over it, and a drop hands the tile's index and the camera to {@code onDrop}.
     * Ids that {@code cameras} does not know are refused.
     */
    public static void installDropTarget(VideoWall wall, Function<String, Optional<Camera>> cameras,
                                         BiConsumer<Integer, Camera> onDrop) {
        Objects.requireNonNull(cameras, "cameras");
        Objects.requireNonNull(onDrop, "onDrop");
        int[] highlighted = {-1};
        Runnable clearHighlight = () -> {
            if (highlighted[0] >= 0 && highlighted[0] < wall.size()) {
                wall.tile(highlighted[0]).setDropHighlight(false);
            }
            highlighted[0] = -1;
        };
        wall.addEventHandler(DragEvent.DRAG_OVER, e -> {
            Optional<Camera> camera = cameraId(e.getDragboard()).flatMap(cameras);
            if (camera.isEmpty()) {
                return;
            }
            int index = wall.tileIndexAt(e.getSceneX(), e.getSceneY());
            if (index != highlighted[0]) {
                clearHighlight.run();
                if (index >= 0) {
                    VideoTile tile = wall.tile(index);
                    tile.setDropHighlight(true);
                    highlighted[0] = index;
                }
            }
            if (index >= 0) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        wall.addEventHandler(DragEvent.DRAG_EXITED, e -> clearHighlight.run());
        wall.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            clearHighlight.run();
            Optional<Camera> camera = cameraId(e.getDragboard()).flatMap(cameras);
            int index = wall.tileIndexAt(e.getSceneX(), e.getSceneY());
            boolean done = camera.isPresent() && index >= 0;
            if (done) {
                onDrop.accept(index, camera.get());
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** The press-drag-release of a camera symbol on the map; every other gesture passes through untouched. */
    private static final class MapCameraSource {
        private final GridMapView map;
        private Camera pressed;
        private boolean dragging;

        MapCameraSource(GridMapView map) {
            this.map = map;
        }

        void pressed(MouseEvent e) {
            pressed = null;
            dragging = false;
            if (e.getButton() == MouseButton.PRIMARY && map.getTool() == null
                    && map.featureAt(e.getX(), e.getY()) instanceof MapFeature.CameraFeature feature) {
                pressed = feature.camera();
            }
        }

        void dragged(MouseEvent e) {
            if (pressed != null) {
                // The camera moves, not the map.
                e.consume();
            }
        }

        void dragDetected(MouseEvent e) {
            if (pressed != null && !dragging) {
                dragging = true;
                start(map, pressed);
                e.consume();
            }
        }

        void released(MouseEvent e) {
            if (pressed != null && dragging) {
                // The end of a drag is no click: the map must not select what lies under the pointer.
                e.consume();
            }
            pressed = null;
            dragging = false;
        }
    }
}
