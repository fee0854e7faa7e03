package org.gridcommand.ui.video;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.Window;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.common.Messages;
import org.gridcommand.fx.FxThread;
import org.gridcommand.video.VideoWall;
import org.gridcommand.video.WallLayout;

/**
 * The console's video region: a toolbar over the wall, and the camera list beside it on demand.
 * Toolbar: layout chooser (the settings' layouts) and a custom rows × cols entry, presets (save the wall as …,
 * load, delete), tours (a camera group every N seconds, stop), the camera list toggle, then the tour line
 * ("tour: GROUP 2/5") and the last status line. Cameras reach tiles by dragging from the list or the map
 * (see {@link CameraDrag}). FX thread.
 *
 * <p>Keys (scene-wide while the panel is in a scene, so they work wherever the focus is):
 * Alt+1 … Alt+4 the 1, 4, 9, 16 tile layouts; Alt+C the camera list; Alt+T start / stop the tour; Alt+S save the
 * wall as a preset; Esc restores a maximised tile (a double-click on a tile maximises or restores it).
 */
public final class VideoWallPanel extends BorderPane {
    private final VideoWallModel model;
    private final Messages text;
    private final VideoWall wall;
    private final CameraListView cameraList;
    private final ToggleButton listToggle;
    private final ComboBox<WallLayout> layoutChooser = new ComboBox<>();
    private final MenuButton presetMenu;
    private final MenuButton tourMenu;
    private boolean choosingLayout;
    private Scene keysInstalledOn;

    private HBox toolbar;

    public VideoWallPanel(VideoWallModel model, ZoneId zone, Function<String, CameraStatus> cameraStatus) {
        this.model = Objects.requireNonNull(model, "model");
        this.wall = model.wall();
        this.text = model.messages();
        setId("video-wall-panel");
        setMinSize(0, 0);

        cameraList = new CameraListView(model.cameras(), text, zone, cameraStatus);
        cameraList.setOnCameraChosen(model::assignToFreeTile);
        listToggle = new ToggleButton(text.get("video.wall.cameras"));
        listToggle.setId("video-wall-list-toggle");
        listToggle.setTooltip(new Tooltip(text.get("video.wall.cameras.tip")));
        cameraList.visibleProperty().bind(listToggle.selectedProperty());
        cameraList.managedProperty().bind(listToggle.selectedProperty());

        presetMenu = new MenuButton(text.get("video.wall.presets"));
        presetMenu.setId("video-wall-presets");
        presetMenu.setOnShowing(e -> fillPresetMenu());
        fillPresetMenu();
        tourMenu = new MenuButton(text.get("video.wall.tour"));
        tourMenu.setId("video-wall-tour");
        tourMenu.setOnShowing(e -> fillTourMenu());
        fillTourMenu();

        setTop(toolbar());
        setCenter(wall);
        BorderPane.setMargin(cameraList, new Insets(0, 0, 0, 4));
        // The list joins the panel when first shown: the console's start does not style a list it does not show.
        listToggle.selectedProperty().addListener((o, was, shown) -> {
            if (shown && getRight() != cameraList) {
                setRight(cameraList);
            }
        });

        CameraDrag.installDropTarget(wall, model::camera, model::assign);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                installKeys(scene);
            }
        });
        model.reloadPresets();
    }

    /** Adds a control to the toolbar, before the spacer (the console's snapshot-to-case button). */
    public void addToolbarItem(javafx.scene.Node item) {
        toolbar.getChildren().add(5, item);
    }

    public VideoWallModel model() {
        return model;
    }

    public VideoWall wall() {
        return wall;
    }

    public CameraListView cameraList() {
        return cameraList;
    }

    /** Shows or hides the camera list. */
    public void setCameraListShown(boolean shown) {
        listToggle.setSelected(shown);
    }

    /**
     * Records every tile's health on a camera status board (online on pictures, lost with the time of the last
     * one) and redraws the list's status when a camera changes state.
     */
    public Runnable reportHealthTo(CameraStatusBoard board) {
        wall.setOnHealthChange((index, health) -> {
            if (health.cameraId().isEmpty()) {
                return;
            }
            if (health.online()) {
                board.frameSeen(health.cameraId(), health.at());
            } else if (health.lost() && health.lostSince() != null) {
                board.signalLost(health.cameraId(), health.lostSince());
            }
        });
        return board.subscribe(change -> FxThread.run(cameraList::refreshStatus));
    }

    private HBox toolbar() {
        layoutChooser.setId("video-wall-layout");
        layoutChooser.getItems().setAll(model.settings().layouts());
        layoutChooser.setCellFactory(v -> new LayoutCell());
        layoutChooser.setButtonCell(new LayoutCell());
        layoutChooser.setTooltip(new Tooltip(text.get("video.wall.layout.tip")));
        layoutChooser.setValue(wall.getLayout());
        layoutChooser.valueProperty().addListener((o, was, now) -> {
            if (now != null && !choosingLayout && !now.equals(wall.getLayout())) {
                model.applyLayout(now);
            }
        });
        wall.layoutProperty().addListener((o, was, now) -> {
            choosingLayout = true;
            try {
                layoutChooser.setValue(layoutChooser.getItems().contains(now) ? now : null);
                if (!layoutChooser.getItems().contains(now)) {
                    layoutChooser.setPromptText(model.layoutLabel(now));
                }
            } finally {
                choosingLayout = false;
            }
        });
        Button custom = new Button(text.get("video.wall.layout.custom"));
        custom.setId("video-wall-layout-custom");
        custom.setOnAction(e -> askCustomLayout());

        Label tourLine = new Label();
        tourLine.setId("video-wall-tour-line");
        tourLine.setFont(org.gridcommand.fx.Fonts.of(FontWeight.BOLD, 14));
        tourLine.textProperty().bind(model.tourLineProperty());
        tourLine.managedProperty().bind(tourLine.textProperty().isNotEmpty());
        Label status = new Label();
        status.setId("video-wall-status");
        status.getStyleClass().add("region-subtitle");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, layoutChooser, custom, presetMenu, tourMenu, listToggle, spacer, tourLine, status);
        toolbar = bar;
        bar.setId("video-wall-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 6, 3, 6));
        bar.setMinWidth(0);
        return bar;
    }

    private void askCustomLayout() {
        TextInputDialog dialog = new TextInputDialog(wall.rows() + "x" + wall.cols());
        dialog.setTitle(text.get("video.wall.layout.custom.title"));
        dialog.setHeaderText(null);
        dialog.setContentText(text.get("video.wall.layout.custom.prompt"));
        owner().ifPresent(dialog::initOwner);
        dialog.showAndWait().ifPresent(model::applyLayout);
    }

    private void askPresetName() {
        if (!model.presetsAvailable()) {
            model.savePreset("");
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(text.get("video.wall.presets.save.title"));
        dialog.setHeaderText(null);
        dialog.setContentText(text.get("video.wall.presets.save.prompt"));
        owner().ifPresent(dialog::initOwner);
        dialog.showAndWait().ifPresent(model::savePreset);
    }

    private Optional<Window> owner() {
        Scene scene = getScene();
        return Optional.ofNullable(scene == null ? null : scene.getWindow());
    }

    private void fillPresetMenu() {
        presetMenu.getItems().clear();
        MenuItem save = new MenuItem(text.get("video.wall.presets.save"));
        save.setOnAction(e -> askPresetName());
        presetMenu.getItems().add(save);
        if (!model.presetsAvailable()) {
            save.setDisable(true);
            MenuItem none = new MenuItem(text.get("video.wall.presets.unavailable"));
            none.setDisable(true);
            presetMenu.getItems().add(none);
            return;
        }
        presetMenu.getItems().add(new SeparatorMenuItem());
        if (model.presetNames().isEmpty()) {
            MenuItem none = new MenuItem(text.get("video.wall.presets.none"));
            none.setDisable(true);
            presetMenu.getItems().add(none);
            return;
        }
        Menu delete = new Menu(text.get("video.wall.presets.delete"));
        for (String name : model.presetNames()) {
            MenuItem load = new MenuItem(name);
            load.setOnAction(e -> model.loadPreset(name));
            presetMenu.getItems().add(load);
            MenuItem remove = new MenuItem(name);
            remove.setOnAction(e -> model.deletePreset(name));
            delete.getItems().add(remove);
        }
        presetMenu.getItems().addAll(new SeparatorMenuItem(), delete);
    }

    private void fillTourMenu() {
        tourMenu.getItems().clear();
        Map<String, List<Camera>> groups = model.groups();
        if (groups.isEmpty()) {
            MenuItem none = new MenuItem(text.get("video.wall.tour.noGroups"));
            none.setDisable(true);
            tourMenu.getItems().add(none);
        }
        for (Map.Entry<String, List<Camera>> group : groups.entrySet()) {
            MenuItem item = new MenuItem(text.format("video.wall.tour.group", group.getKey(), group.getValue().size()));
            item.setOnAction(e -> model.startTour(group.getKey()));
            tourMenu.getItems().add(item);
        }
        Menu every = new Menu(text.get("video.wall.tour.interval"));
        ToggleGroup choice = new ToggleGroup();
        for (Duration interval : model.settings().tourChoices()) {
            RadioMenuItem item = new RadioMenuItem(text.format("video.wall.tour.seconds", interval.toSeconds()));
            item.setToggleGroup(choice);
            item.setSelected(interval.equals(model.tourIntervalProperty().get()));
            item.setOnAction(e -> model.setTourInterval(interval));
            every.getItems().add(item);
        }
        MenuItem stop = new MenuItem(text.get("video.wall.tour.stop"));
        stop.setDisable(!model.touringProperty().get());
        stop.setOnAction(e -> model.stopTour());
        tourMenu.getItems().addAll(new SeparatorMenuItem(), every, stop);
    }

    private void installKeys(Scene scene) {
        if (scene == keysInstalledOn) {
            return;
        }
        keysInstalledOn = scene;
        Map<KeyCodeCombination, Runnable> keys = Map.of(
                alt(KeyCode.DIGIT1), () -> model.applyLayout(grid(1)),
                alt(KeyCode.DIGIT2), () -> model.applyLayout(grid(2)),
                alt(KeyCode.DIGIT3), () -> model.applyLayout(grid(3)),
                alt(KeyCode.DIGIT4), () -> model.applyLayout(grid(4)),
                alt(KeyCode.C), () -> listToggle.setSelected(!listToggle.isSelected()),
                alt(KeyCode.T), model::toggleTour,
                alt(KeyCode.S), this::askPresetName);
        keys.forEach(scene.getAccelerators()::put);
        // Esc from anywhere restores a maximised tile, unless something focused (a dialog field, the queue's
        // banner) used it first.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && wall.isMaximised()) {
                wall.restore();
                e.consume();
            }
        });
    }

    /** The settings' n×n layout when it has one (same name in the chooser), else a plain grid. */
    private WallLayout grid(int side) {
        WallLayout plain = WallLayout.grid(side, side);
        return model.settings().layouts().stream().filter(l -> l.isUniform() && l.rows() == side && l.cols() == side)
                .findFirst().orElse(plain);
    }

    private static KeyCodeCombination alt(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.ALT_DOWN);
    }

    private final class LayoutCell extends ListCell<WallLayout> {
        @Override
        protected void updateItem(WallLayout layout, boolean empty) {
            super.updateItem(layout, empty);
            setText(empty || layout == null ? null : model.layoutLabel(layout) + "  (" + layout.size() + ")");
        }
    }
}
