package org.gridcommand.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import atlantafx.base.theme.PrimerDark;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.ui.queue.CaseQueueView;
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
 * The console at 1920x1080 in English (the longer words), themed as on a seat, with an alarm on the strip: the queue
 * shows at least 12 whole rows, no column header and no status-bar text is cut, and a divider the officer moves is
 * kept for the seat and comes back in the next console.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ConsoleLayoutTest {
    private static final Operator OFFICER = new Operator("Zhou Qing", Role.DUTY_OFFICER);
    private static DemoSeat seat;
    private static String fireId;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void openDemoStore() throws Exception {
        seat = DemoSeat.open("gc-console-layout", OFFICER);
        QueueTestSupport.Spot spot = QueueTestSupport.quietSpot(seat.context(), "06");
        // An urgent case nobody accepted: the alarm strip is there, as it would be in a busy hour.
        fireId = Ulid.next();
        seat.context().database().cases().insertAll(List.of(Case.builder().id(fireId).channel(Channel.SENSOR)
                .categoryCode("0601").location(spot.point()).smallGridCode(spot.grid().code().value())
                .address("Test Road 1").description("smoke alarm").priority(Priority.URGENT)
                .state(CaseState.REPORTED).reportedAt(seat.clock().instant().minus(Duration.ofMinutes(1))).build()));
    }

    @AfterAll
    static void closeStore() {
        seat.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheetBSS());
        show();
    }

    private void show() {
        window = seat.window(OFFICER);
        Scene scene = new Scene(window.root(), 1920, 1080);
        scene.getStylesheets().add(ConsoleLauncher.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void atFullHdTheQueueShowsTwelveRowsNothingIsCutAndTheLayoutIsKept(FxRobot robot) throws Exception {
        CaseQueueView queue = QueueTestSupport.queueView(stage.getScene());
        waitUntil("the queue has loaded", () -> queue.model().loadedProperty().get());
        waitUntil("the alarm strip shows", () -> queue.banner().isVisible());
        TableView<?> table = queue.table();
        assertThat(table.getItems().size()).as("the demo has more cases than fit").isGreaterThan(12);
        Node header = table.lookup(".column-header-background");
        double rowsRoom = table.getHeight() - header.getLayoutBounds().getHeight();
        assertThat(Math.floor(rowsRoom / table.getFixedCellSize())).as("whole queue rows on screen").isGreaterThanOrEqualTo(12);

        List<String> cut = new ArrayList<>();
        for (Node n : table.lookupAll(".column-header .label")) {
            collectCut((Labeled) n, cut);
        }
        for (Node n : robot.lookup("#status-bar").query().lookupAll(".label")) {
            collectCut((Labeled) n, cut);
        }
        assertThat(cut).as("texts shown cut short").isEmpty();

        // The officer gives the queue more room; the seat keeps it.
        SplitPane left = robot.lookup("#console-left-split").queryAs(SplitPane.class);
        robot.interact(() -> left.setDividerPositions(0.33));
        robot.interact(window::dispose);
        waitUntil("the layout is written", () -> Files.exists(seat.dataDir().resolve(SeatLayout.FILE)));
        assertThat(SeatLayout.read(seat.dataDir()).left()).isCloseTo(0.33, org.assertj.core.data.Offset.offset(0.01));
        robot.interact(this::show);
        SplitPane reopened = robot.lookup("#console-left-split").queryAs(SplitPane.class);
        assertThat(reopened).isNotSameAs(left);
        assertThat(reopened.getDividerPositions()[0]).isCloseTo(0.33, org.assertj.core.data.Offset.offset(0.01));
        robot.interact(window::dispose);
    }

    @Test
    void withAPlanRunningTheChecklistShowsSixWholeStepsAndItsHeaderWhole(FxRobot robot) {
        CaseQueueView queue = QueueTestSupport.queueView(stage.getScene());
        waitUntil("the queue has loaded", () -> queue.model().loadedProperty().get());
        waitUntil("the alarm strip shows", () -> queue.banner().isVisible());
        // The unaccepted fire selected and its plan started from the queue with Shift+F7.
        robot.interact(() -> {
            queue.table().requestFocus();
            queue.model().selectCase(fireId);
        });
        waitUntil("the fire is selected", () -> queue.model().selectedCaseProperty().get() != null
                && queue.model().selectedCaseProperty().get().id().equals(fireId));
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.F7)
                .release(javafx.scene.input.KeyCode.SHIFT);
        waitUntil("the plan runs", () -> seat.context().plans().checklist(fireId).isPresent());
        javafx.scene.control.ListView<?> steps = robot.lookup("#plan-steps").queryAs(javafx.scene.control.ListView.class);
        waitUntil("the checklist shows its steps", () -> wholeSteps(steps) > 0);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(queue.banner().isVisible()).as("with the alarm strip still there").isTrue();
        assertThat(wholeSteps(steps)).as("whole plan steps on screen (list %.0f px high)", steps.getHeight())
                .isGreaterThanOrEqualTo(6);
        List<String> cut = new ArrayList<>();
        for (Node n : robot.lookup("#plan-header").query().lookupAll(".labeled")) {
            if (n instanceof Labeled l) {
                collectCut(l, cut);
            }
        }
        javafx.geometry.Bounds panel = robot.lookup("#plan-panel").query().localToScene(
                robot.lookup("#plan-panel").query().getLayoutBounds());
        for (String id : List.of("#plan-raise", "#plan-override")) {
            Node button = robot.lookup(id).query();
            if (button.isVisible()) {
                assertThat(button.localToScene(button.getLayoutBounds()).getMaxX()).as(id + " inside the pane")
                        .isLessThanOrEqualTo(panel.getMaxX() + 0.5);
            }
        }
        assertThat(cut).as("plan header texts shown cut short").isEmpty();
        robot.interact(window::dispose);
    }

    /** Step rows (not phase headers) that lie wholly inside the checklist's visible area. */
    private static long wholeSteps(javafx.scene.control.ListView<?> steps) {
        javafx.geometry.Bounds view = steps.localToScene(steps.getLayoutBounds());
        return steps.lookupAll(".plan-cell").stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("plan-step-") && n.isVisible())
                .map(n -> n.localToScene(n.getLayoutBounds()))
                .filter(b -> b.getHeight() > 0 && b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5)
                .count();
    }

    /** A label whose shown text differs from its text was cut (JavaFX puts an ellipsis in the shown one). */
    private static void collectCut(Labeled label, List<String> cut) {
        if (!label.isVisible() || label.getText() == null || label.getText().isEmpty()) {
            return;
        }
        for (Node n : label.lookupAll(".text")) {
            if (n instanceof Text shown && !shown.getText().equals(label.getText())) {
                cut.add(label.getText() + " shown as " + shown.getText());
            }
        }
    }
}
