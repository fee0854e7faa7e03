package org.gridcommand.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.DispatchAdvisor;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.ui.ConsoleWindow;
import org.gridcommand.ui.DemoSeat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The acceptance test of the queue: a hotline call is entered, accepted, dispatched to the recommended
 * worker, handled, fed back, verified and closed with the keyboard alone, in the real console on a fresh
 * demo store; the timeline shows each step with its operator, and the store holds the seven trail lines.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class QueueKeyboardTriageTest {
    private static final Operator OFFICER = new Operator("Li Na", Role.DUTY_OFFICER);
    private static DemoSeat seat;
    private static AppContext context;
    private Stage stage;
    private CaseQueueView queue;

    @BeforeAll
    static void openDemoStore() throws Exception {
        seat = DemoSeat.open("gc-queue-keys", OFFICER);
        context = seat.context();
    }

    @AfterAll
    static void closeStore() {
        seat.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ConsoleWindow window = seat.window(OFFICER);
        QueueTestSupport.showConsole(stage, window);
        queue = QueueTestSupport.queueView(stage.getScene());
        queue.setAlertSound(() -> { });
    }

    @Test
    void aHotlineCaseGoesFromReportToClosedWithTheKeyboardAlone(FxRobot robot) {
        CaseQueueViewModel model = queue.model();
        waitUntil("the queue has loaded", () -> model.loadedProperty().get());
        QueueTestSupport.Spot spot = QueueTestSupport.quietSpot(context, "01");
        robot.interact(() -> queue.table().requestFocus());

        // N: the hotline form, filled in with typing, Tab and Enter only.
        robot.type(KeyCode.N);
        waitUntil("the intake form is open", () -> queue.openIntakeProperty().get() != null
                && robot.lookup("#intake-category-search").tryQuery().map(Node::isFocused).orElse(false));
        robot.write("street light");
        // An address the register does not know (a caller's own words): the coordinates, last in the form, are typed.
        robot.type(KeyCode.TAB).write("Lane 12 by the school gate");
        robot.type(KeyCode.TAB).write("Wang Wei");
        robot.type(KeyCode.TAB).write("13800138000");
        robot.type(KeyCode.TAB).write("Street light out since last night");
        robot.type(KeyCode.TAB); // out of the description, onto the priority (event class and level are off)
        robot.type(KeyCode.TAB).write(Double.toString(spot.point().lon()));
        robot.type(KeyCode.TAB).write(Double.toString(spot.point().lat()));
        robot.type(KeyCode.TAB); // datum: WGS-84 as given
        assertThat(robot.lookup("#intake-ok").query().isDisabled()).as(problems(robot)).isFalse();
        robot.type(KeyCode.ENTER);

        waitUntil("the new case is selected", () -> {
            Case c = model.selectedCaseProperty().get();
            return c != null && c.channel() == Channel.HOTLINE && "0102".equals(c.categoryCode())
                    && c.reportId() != null && c.reportId().startsWith("hotline-");
        });
        String id = model.selectedCaseProperty().get().id();
        assertThat(queue.table().getSelectionModel().getSelectedItem().id()).isEqualTo(id);
        assertThat(model.selectedCaseProperty().get().smallGridCode()).isEqualTo(spot.grid().code().value());
        focusBackOnTheQueue(robot);

        robot.type(KeyCode.A);
        waitForState(model, id, CaseState.ACCEPTED);

        DispatchAdvisor.Advice advice = context.dispatchAdvisor().advise(context.caseService().get(id));
        Assignee recommended = Assignee.worker(advice.workers().get(0).worker().id());
        assertThat(advice.workers()).as("nearest first").allSatisfy(w -> assertThat(w.distanceMetres() == null
                || w.distanceMetres() >= advice.workers().get(0).distanceMetres()).isTrue());
        robot.type(KeyCode.D);
        waitUntil("the dispatch list is open", () -> robot.lookup("#dispatch-options").tryQuery()
                .map(Node::isFocused).orElse(false));
        ListView<?> options = robot.lookup("#dispatch-options").queryAs(ListView.class);
        assertThat(((DispatchDialog.Option) options.getSelectionModel().getSelectedItem()).assignee())
                .as("the recommended worker is preselected").isEqualTo(recommended);
        robot.type(KeyCode.ENTER);
        waitForState(model, id, CaseState.DISPATCHED);
        assertThat(context.caseService().get(id).assignee()).isEqualTo(recommended);
        focusBackOnTheQueue(robot);

        robot.type(KeyCode.H);
        waitForState(model, id, CaseState.IN_HANDLING);

        robot.type(KeyCode.F);
        waitUntil("the note field is open", () -> robot.lookup("#triage-note").tryQuery()
                .map(Node::isFocused).orElse(false));
        robot.write("Bulb replaced, light works");
        robot.type(KeyCode.ENTER);
        waitForState(model, id, CaseState.FED_BACK);
        focusBackOnTheQueue(robot);

        robot.type(KeyCode.V);
        waitForState(model, id, CaseState.VERIFIED);
        robot.type(KeyCode.C);
        waitForState(model, id, CaseState.CLOSED);

        // The detail pane's timeline: every step, with the operator's name and role.
        VBox timeline = robot.lookup("#case-timeline").queryAs(VBox.class);
        waitUntil("the timeline shows seven steps", () -> timeline.getChildren().size() == 7);
        List<String> lines = timeline.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        String[] words = {"Reported", "Accepted", "Dispatched", "Handling started", "Fed back", "Verified", "Closed"};
        for (int i = 0; i < words.length; i++) {
            assertThat(lines.get(i)).contains(words[i]).contains("Li Na (Duty officer)");
        }
        assertThat(lines.get(4)).contains("Bulb replaced, light works");

        Case stored = context.caseService().get(id);
        assertThat(stored.state()).isEqualTo(CaseState.CLOSED);
        List<CaseEvent> trail = context.database().caseEvents().findByCase(id);
        assertThat(trail).extracting(CaseEvent::action).containsExactly(CaseAction.REPORT, CaseAction.ACCEPT,
                CaseAction.DISPATCH, CaseAction.START_HANDLING, CaseAction.FEED_BACK, CaseAction.VERIFY,
                CaseAction.CLOSE);
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.operatorName()).isEqualTo("Li Na");
            assertThat(e.role()).isEqualTo(Role.DUTY_OFFICER);
        });
    }

    @Test
    void aRefusedKeySaysWhyAndChangesNothing(FxRobot robot) {
        CaseQueueViewModel model = queue.model();
        waitUntil("the queue has loaded", () -> model.loadedProperty().get());
        Case reported = model.visibleRows().stream().map(CaseRow::source)
                .filter(c -> c.state() == CaseState.REPORTED).findFirst().orElseThrow();
        robot.interact(() -> {
            model.selectCase(reported.id());
            queue.table().requestFocus();
        });
        waitUntil("the reported case is selected", () -> model.selectedCaseProperty().get() != null
                && model.selectedCaseProperty().get().id().equals(reported.id()));
        robot.type(KeyCode.C);
        Label message = robot.lookup("#queue-message").queryAs(Label.class);
        waitUntil("the refusal shows", () -> message.isVisible() && message.getText().contains("Refused"));
        assertThat(message.getText()).contains("Close").contains("Reported").contains("Verified");
        assertThat(context.caseService().get(reported.id()).state()).isEqualTo(CaseState.REPORTED);

        robot.type(KeyCode.F1);
        assertThat(robot.lookup("#queue-help").query().isVisible()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#queue-help").query().isVisible()).isFalse();

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        TextField filter = robot.lookup("#queue-filter-text").queryAs(TextField.class);
        waitUntil("the text filter has the focus", filter::isFocused);
    }

    /** After a dialog the focus is back on the queue table, so the next key needs no mouse. */
    private void focusBackOnTheQueue(FxRobot robot) {
        waitUntil("the queue table has the focus again", () -> stage.isFocused() && queue.table().isFocused());
    }

    private static void waitForState(CaseQueueViewModel model, String id, CaseState state) {
        waitUntil("case " + id + " is " + state, () -> {
            Case c = model.selectedCaseProperty().get();
            return c != null && c.id().equals(id) && c.state() == state;
        });
    }

    private static String problems(FxRobot robot) {
        StringBuilder sb = new StringBuilder("form problems:");
        robot.lookup(".input-problem").queryAll().forEach(n -> {
            if (n instanceof Label l && !l.getText().isEmpty()) {
                sb.append(' ').append(l.getId()).append('=').append(l.getText());
            }
        });
        return sb.toString();
    }
}
