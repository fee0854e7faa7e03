package org.gridcommand.ui.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import javafx.stage.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Tag;
import org.testfx.framework.junit5.Start;
import org.gridcommand.app.OverdueEscalation;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.alarm.Alarm;
import org.gridcommand.alarm.AlarmKind;
import org.gridcommand.alarm.AlarmService;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.ui.queue.ConsoleQueueTestBase;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * In the real console on a fresh demo store whose own alarms were acknowledged: two cases left unaccepted for days
 * are escalated in their trail by the system and are the alarm list, the latest first, on the strip in words; O
 * opens the first (selects it in the queue) and acknowledges it, Shift+O acknowledges the next.
 */
@Tag("ui")
class OverdueAlarmConsoleTest extends ConsoleQueueTestBase {
    private static final Operator OFFICER = new Operator("Zhou Qing", Role.DUTY_OFFICER);
    private static Case oldest;
    private static Case older;
    private static int acknowledgedBefore;

    @BeforeAll
    static void openDemoStore() throws Exception {
        openSeat("gc-overdue-notice", OFFICER);
        // The demo's open cases are all from today; these two were never accepted and are days overdue, so
        // they are the oldest notices whatever the hour the test runs. They are in the store before the
        // console opens, as after a night with the console closed.
        Instant now = context.clock().instant();
        QueueTestSupport.Spot spot = QueueTestSupport.quietSpot(context, "02");
        oldest = unaccepted(spot, now.minus(Duration.ofDays(3)), "Rubbish heap behind the market");
        older = unaccepted(spot, now.minus(Duration.ofDays(2)), "Rubbish bags on the pavement");
        acknowledgedBefore = QueueTestSupport.acknowledgeStandingAlarms(context);
        context.database().cases().insertAll(List.of(oldest, older));
    }

    private static Case unaccepted(QueueTestSupport.Spot spot, Instant reportedAt, String description) {
        return Case.builder().id(Ulid.next()).channel(Channel.HOTLINE).categoryCode("0201")
                .location(spot.point()).smallGridCode(spot.grid().code().value()).address("Market Lane")
                .description(description).priority(Priority.NORMAL).state(CaseState.REPORTED)
                .reportedAt(reportedAt).build();
    }

    @Override
    protected Operator officer() {
        return OFFICER;
    }

    @Start
    void start(Stage stage) {
        startConsole(stage);
    }

    @Test
    void anOverdueCaseIsOnTheAlarmStripInWordsAndTheKeyboardOpensAndAcknowledgesIt(FxRobot robot) {
        AlarmBanner banner = queue.banner();
        waitUntil("the queue has loaded", () -> queue.model().loadedProperty().get());
        waitUntil("the two overdue cases are alarms", () -> queue.model().alarms().size() >= 2);
        assertThat(queue.model().alarms()).extracting(Alarm::caseId)
                .as("the demo's own alarms were acknowledged: only these two, the latest first")
                .containsExactly(oldest.id(), older.id());
        assertThat(queue.model().alarms()).extracting(Alarm::kind).containsOnly(AlarmKind.OVERDUE);
        assertThat(queue.model().alarms().get(0).stage()).isEqualTo(SlaStage.ACCEPT);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.shown().caseId()).isEqualTo(oldest.id());

        // Readable words, not only colour: what, where, which stage, how late.
        String grid = context.district().smallGrids().stream()
                .filter(g -> g.code().value().equals(oldest.smallGridCode())).findFirst().orElseThrow().name().en();
        Label text = robot.lookup("#alarm-banner-text").queryAs(Label.class);
        assertThat(text.getText()).startsWith("OVERDUE 2 d 23 h · Accept stage · Exposed rubbish · " + grid
                + " (due ").endsWith(")");
        assertThat(robot.lookup("#alarm-banner-more").queryAs(Label.class).getText()).isEqualTo("+1 more");
        assertThat(banner.getPseudoClassStates()).extracting(Object::toString).contains("overdue")
                .doesNotContain("urgent");

        // The escalation is on record by the system, none by the officer.
        List<CaseEvent> trail = context.database().caseEvents().findByCase(oldest.id());
        waitUntil("the escalation is written", () -> !context.database().caseEvents().findByCase(oldest.id()).isEmpty());
        trail = context.database().caseEvents().findByCase(oldest.id());
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(CaseAction.ESCALATE);
            assertThat(e.operatorName()).isEqualTo(OverdueEscalation.ACTOR);
            assertThat(e.role()).isNull();
            assertThat(e.note()).startsWith("overdue: stage ACCEPT due at ")
                    .endsWith(", escalated to the shift supervisor");
        });

        // O, with the focus in the queue on another case: the overdue case is selected, its alarm acknowledged.
        String other = queue.model().visibleRows().stream().map(r -> r.id())
                .filter(id -> !id.equals(oldest.id())).findFirst().orElseThrow();
        robot.interact(() -> {
            queue.model().selectCase(other);
            queue.table().requestFocus();
        });
        waitUntil("another case is selected", () -> selected(other));
        robot.type(KeyCode.O);
        waitUntil("O selects the most overdue case", () -> selected(oldest.id()));
        assertThat(queue.table().getSelectionModel().getSelectedItem().id()).isEqualTo(oldest.id());
        assertThat(queue.model().alarms()).extracting(Alarm::caseId).containsExactly(older.id());
        assertThat(queue.table().isFocused()).isTrue();
        waitUntil("the acknowledgement is stored", () -> context.alarms().acknowledged().size() == acknowledgedBefore + 1);
        assertThat(context.database().audit().findRecent(5)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo(AlarmService.AUDIT_ACTION);
            assertThat(a.subjectId()).isEqualTo(oldest.id());
            assertThat(a.operatorName()).isEqualTo(OFFICER.name());
        });

        // The detail pane's timeline shows the system's line.
        VBox timeline = robot.lookup("#case-timeline").queryAs(VBox.class);
        waitUntil("the timeline shows the escalation", () -> timeline.getChildren().stream()
                .map(n -> ((Label) n).getText())
                .anyMatch(t -> t.contains("system") && t.contains("escalated to the shift supervisor")));

        // Shift+O acknowledges the next one without selecting it; the strip goes.
        robot.press(KeyCode.SHIFT).type(KeyCode.O).release(KeyCode.SHIFT);
        waitUntil("Shift+O acknowledges the top alarm", () -> queue.model().alarms().isEmpty());
        assertThat(banner.isVisible()).isFalse();
        assertThat(selected(oldest.id())).isTrue();
        robot.type(KeyCode.O);
        waitUntil("O with no alarm says so", () -> queue.model().messageProperty().get().equals("No alarm is waiting."));

        // The escalation runs in the application, not in the strip, while the console is open; closing stops it.
        assertThat(context.overdueWatch().isRunning()).isTrue();
        robot.interact(window::dispose);
        assertThat(context.overdueWatch().isRunning()).isFalse();
    }

    private boolean selected(String id) {
        Case c = queue.model().selectedCaseProperty().get();
        return c != null && c.id().equals(id);
    }
}
