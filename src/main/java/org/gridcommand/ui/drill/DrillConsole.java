package org.gridcommand.ui.drill;

import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.DrillDebrief;
import org.gridcommand.app.DrillSession;
import org.gridcommand.camera.Camera;
import org.gridcommand.duty.Operator;
import org.gridcommand.ui.ConsoleWindow;
import org.gridcommand.fx.FxThread;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.video.VideoEngine;

/**
 * The drill's console: the ordinary console window on the drill's store, under the "演练 DRILL" watermark, with
 * the trainer's bar on top (F5 start/pause, F6 inject the next event now). Camera switches of the scenario go
 * onto the wall's first tile; the feed's worker moves onto the map.
 */
public final class DrillConsole {
    private final DrillSession drill;
    private final ConsoleWindow window;
    private final TrainerBar bar;
    private final BorderPane root;

    public DrillConsole(DrillSession drill, VideoEngine video, Operator trainee) {
        this.drill = drill;
        AppContext context = drill.context();
        window = new ConsoleWindow(context, video, new SimpleObjectProperty<>(trainee),
                new SimpleStringProperty(context.messages().get("drill.connection")), UiExecutor.fx());
        drill.setOnStored(window::onFieldMessages);
        drill.setOnCamera(id -> FxThread.run(() -> context.cameras().stream().filter(c -> c.id().equals(id))
                .findFirst().ifPresent(this::showCamera)));
        bar = new TrainerBar(drill, context.messages(), d -> FxThread.background(() -> DrillDebrief.write(d),
                this::tellDebrief, error -> new Alert(Alert.AlertType.ERROR, String.valueOf(error.getMessage())).show()));
        DrillWatermark watermark = new DrillWatermark();
        watermark.drillProperty().set(true);
        root = new BorderPane(new StackPane(window.root(), watermark));
        root.setTop(bar);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                installKeys(scene);
            }
        });
    }

    public Parent root() {
        return root;
    }

    public ConsoleWindow window() {
        return window;
    }

    public TrainerBar bar() {
        return bar;
    }

    public DrillSession session() {
        return drill;
    }

    /** The stylesheet the drill console adds to the console's own. */
    public static String stylesheet() {
        return DrillConsole.class.getResource("drill.css").toExternalForm();
    }

    public void dispose() {
        bar.dispose();
        window.dispose();
    }

    private void installKeys(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), bar::toggle);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), bar::injectNext);
    }

    private void showCamera(Camera camera) {
        window.videoWall().assign(0, camera, camera.name().in(drill.context().messages().locale()));
    }

    private void tellDebrief(Path file) {
        Alert written = new Alert(Alert.AlertType.INFORMATION, drill.context().messages().format("drill.debriefWritten",
                file.toAbsolutePath()));
        // Without a title and header of its own JavaFX says "Message" in English on a Chinese seat.
        written.setTitle(drill.context().messages().get("drill.debrief"));
        written.setHeaderText(null);
        written.show();
    }
}
