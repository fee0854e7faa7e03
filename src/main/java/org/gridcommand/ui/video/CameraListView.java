package org.gridcommand.ui.video;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.common.Messages;

/**
 * The registry's cameras beside the wall: a search field (name, id or group; see {@link CameraListModel}) over a
 * list whose lines give the camera's name, then its id, group and signal status ("online", "lost since 21:04",
 * "never seen"). Drag a line onto a tile to put the camera there; double-click or Enter puts it on the wall's
 * first free tile. FX thread.
 */
public final class CameraListView extends VBox {
    private static final DateTimeFormatter LOST_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CameraListModel model;
    private final Messages text;
    private final Locale locale;
    private final ZoneId zone;
    private final Function<String, CameraStatus> status;
    private final TextField search = new TextField();
    private final ListView<Camera> list = new ListView<>();
    private Consumer<Camera> onChosen = camera -> { };

    /**
     * @param status the camera's signal status by id (e.g. a camera status board's); called for visible lines
     *               only, on the FX thread
     */
    public CameraListView(List<Camera> cameras, Messages text, ZoneId zone, Function<String, CameraStatus> status) {
        this.model = new CameraListModel(cameras);
        this.text = Objects.requireNonNull(text, "text");
        this.locale = text.locale();
        this.zone = Objects.requireNonNull(zone, "zone");
        this.status = Objects.requireNonNull(status, "status");
        setId("video-camera-list");
        getStyleClass().add("video-camera-list");
        setSpacing(4);
        setPadding(new Insets(4));
        setMinWidth(0);
        setPrefWidth(260);

        search.setId("video-camera-search");
        search.setPromptText(text.get("video.wall.search.prompt"));
        model.queryProperty().bind(search.textProperty());
        Label count = new Label();
        count.getStyleClass().add("region-subtitle");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> text.format("video.wall.list.count", model.shown().size(), model.total()), model.shown()));

        list.setId("video-camera-listview");
        list.setItems(model.shown());
        list.setCellFactory(v -> new CameraCell());
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            Camera selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                onChosen.accept(selected);
                e.consume();
            }
        });
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(search, count, list);
    }

    public CameraListModel model() {
        return model;
    }

    public TextField searchField() {
        return search;
    }

    /** Called with a camera the officer double-clicked or chose with Enter. */
    public void setOnCameraChosen(Consumer<Camera> action) {
        onChosen = Objects.requireNonNull(action, "action");
    }

    /** Redraws the status of the visible lines (after a camera came online or was lost). */
    public void refreshStatus() {
        list.refresh();
    }

    private String statusText(Camera camera) {
        CameraStatus s = status.apply(camera.id());
        if (s == null) {
            return text.get("video.wall.status.neverSeen");
        }
        return switch (s.state()) {
            case ONLINE -> text.get("video.wall.status.online");
            case LOST -> text.format("video.wall.status.lostSince", s.since().atZone(zone).format(LOST_TIME));
            case NEVER_SEEN -> text.get("video.wall.status.neverSeen");
        };
    }

    /** Two lines: the name, then id · group · status; drags the camera, double-click chooses it. */
    private final class CameraCell extends ListCell<Camera> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox lines = new VBox(1, name, detail);

        CameraCell() {
            name.setFont(org.gridcommand.fx.Fonts.of(FontWeight.BOLD, 14));
            detail.getStyleClass().add("region-subtitle");
            setOnDragDetected(e -> {
                if (getItem() != null) {
                    CameraDrag.start(this, getItem());
                    e.consume();
                }
            });
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (getItem() != null && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    onChosen.accept(getItem());
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(Camera camera, boolean empty) {
            super.updateItem(camera, empty);
            if (empty || camera == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(camera.name().in(locale));
            String group = camera.group() == null || camera.group().isBlank() ? "" : " · " + camera.group();
            detail.setText(camera.id() + group + " · " + statusText(camera));
            setText(null);
            setGraphic(lines);
        }
    }
}
