package org.gridcommand.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.testing.FxWait;
import org.gridcommand.ui.map.GridMapView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real console window on the seeded demo store, in a real JavaFX stage. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ConsoleWindowTest {
    private static DemoSeat seat;
    private static AppContext context;
    private final SimpleObjectProperty<Operator> operator = new SimpleObjectProperty<>();

    @BeforeAll
    static void openDemoStore() throws Exception {
        seat = DemoSeat.open("gc-console-test", null);
        context = seat.context();
    }

    @AfterAll
    static void closeStore() {
        seat.close();
    }

    @Start
    void start(Stage stage) {
        ConsoleWindow window = seat.window(operator);
        Scene scene = new Scene(window.root(), 1600, 900);
        scene.getStylesheets().add(ConsoleLauncher.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheFourRegionsAndTheStatusBar(FxRobot robot) {
        for (String id : new String[] {"#map-region", "#queue-region", "#video-region", "#plan-region", "#status-bar"}) {
            Node node = robot.lookup(id).query();
            assertThat(node.isVisible()).as(id + " visible").isTrue();
            assertThat(node.getLayoutBounds().getWidth()).as(id + " width").isGreaterThan(100);
            assertThat(node.getLayoutBounds().getHeight()).as(id + " height").isGreaterThan(20);
        }
    }

    @Test
    void theKeyboardStartsInTheQueueNotInTheMapSearch(FxRobot robot) {
        TableView<?> table = robot.lookup("#case-queue-table").queryAs(TableView.class);
        FxWait.until("the queue table holds the keyboard", java.time.Duration.ofSeconds(10),
                () -> table.getScene().getFocusOwner() == table);
    }

    @Test
    void mapDrawsEveryDemoGrid(FxRobot robot) {
        GridMapView map = robot.lookup(".grid-map").queryAs(GridMapView.class);
        assertThat(map.smallGridCount()).isEqualTo(136);
    }

    @Test
    void queueListsTodaysCasesFromTheStore(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#case-queue-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertThat(table.getItems()).hasSize(context.todaysQueue().size());
    }

    @Test
    void statusBarShowsTheOperatorOnDutyAndTheDataSource(FxRobot robot) {
        robot.interact(() -> operator.set(new Operator("Chen Zhiqiang", Role.SHIFT_SUPERVISOR)));
        Label op = robot.lookup("#status-operator").queryAs(Label.class);
        assertThat(op.getText()).contains("Chen Zhiqiang").contains("Shift supervisor");
        Label source = robot.lookup("#status-data-source").queryAs(Label.class);
        assertThat(source.getText()).startsWith("Data: local store ").contains(seat.dataDir().getFileName().toString());
        Label clock = robot.lookup("#status-clock").queryAs(Label.class);
        assertThat(clock.getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }
}
