package org.gridcommand.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.ui.queue.CaseQueueView;
import org.gridcommand.ui.queue.QueueHelpOverlay;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One keyboard model in the real console: focus starts in the queue, F2 brings it back from any pane, and the key list
 * (F1) names every key once.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class KeyboardModelTest {
    private static final Operator OFFICER = new Operator("Ma Jun", Role.DUTY_OFFICER);
    private static DemoSeat seat;
    private Scene scene;
    private CaseQueueView queue;

    @BeforeAll
    static void openDemoStore() throws Exception {
        seat = DemoSeat.open("gc-keyboard-model", OFFICER);
    }

    @AfterAll
    static void closeStore() {
        seat.close();
    }

    @Start
    void start(Stage stage) {
        ConsoleWindow window = seat.window(OFFICER);
        scene = new Scene(window.root(), 1920, 1080);
        scene.getStylesheets().add(ConsoleLauncher.stylesheet());
        stage.setScene(scene);
        stage.show();
        queue = QueueTestSupport.queueView(scene);
    }

    @Test
    void f2BringsTheKeyboardBackToTheQueueFromEveryPane(FxRobot robot) {
        waitUntil("the queue has loaded", () -> queue.model().loadedProperty().get());
        waitUntil("focus starts in the queue", () -> queue.table().isFocused());
        for (String pane : List.of("#map-workspace .text-field", "#plan-panel", "#video-region")) {
            robot.interact(() -> {
                javafx.scene.Node target = scene.lookup(pane);
                assertThat(target).as(pane).isNotNull();
                target.setFocusTraversable(true);
                target.requestFocus();
            });
            waitUntil("focus left the queue for " + pane, () -> !queue.table().isFocused());
            robot.type(KeyCode.F2);
            waitUntil("F2 brought focus back to the queue from " + pane, () -> queue.table().isFocused());
        }
    }

    @Test
    void theKeyListNamesEveryKeyOnce(FxRobot robot) {
        QueueHelpOverlay[] help = new QueueHelpOverlay[1];
        robot.interact(() -> help[0] = queue.helpOverlay());
        List<String> keys = help[0].shortcuts().stream().map(QueueHelpOverlay.Shortcut::keys).toList();
        assertThat(keys).contains("F2", "F7", "Shift+F7", "O", "Shift+O", "A", "W", "N").doesNotHaveDuplicates();
    }
}
