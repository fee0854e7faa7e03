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
import org.gridcommand.sla.OverdueNotice;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.ui.queue.ConsoleQueueTestBase;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * In the real console on a fresh demo store: two cases left unaccepted for days are escalated in their trail
 * by the system and shown on the supervisor's notice strip, oldest first; O opens the first (selects it in
 * the queue), Shift+O dismisses the next.
 */
@Tag("ui")
class OverdueNoticeConsoleTest extends ConsoleQueueTestBase {
    private static final Operator OFFICER = new Operator("Zhou Qing", Role.DUTY_OFFICER);
    private static Case oldest;
    private static Case older;

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
    void anOverdueCaseShowsTheSupervisorNoticeAndTheKeyboardOpensIt(FxRobot robot) {
        OverdueNotifier notifier = queue.overdueNotifier();
        waitUntil("the queue has loaded", () -> queue.model().loadedProperty().get());
        waitUntil("the two overdue cases are announced", () -> notifier.pending().size() >= 2);
        assertThat(notifier.isVisible()).isTrue();
        assertThat(notifier.pending().subList(0, 2)).extracting(OverdueNotice::caseId)
                .as("oldest due first").containsExactly(oldest.id(), older.id());
        assertThat(notifier.pending().get(0).stage()).isEqualTo(SlaStage.ACCEPT);

        // Readable words, not only colour: what, where, which stage, how late, and that the supervisor has it.
        String grid = context.district().smallGrids().stream()
                .filter(g -> g.code().value().equals(oldest.smallGridCode())).findFirst().orElseThrow().name().en();
        assertThat(robot.lookup("#overdue-notifier-title").queryAs(Label.class).getText())
                .isEqualTo("Overdue, escalated to the shift supervisor:");
        Label text = robot.lookup("#overdue-notifier-text").queryAs(Label.class);
        waitUntil("the notice names the case", () -> text.getText().startsWith("Exposed rubbish · " + grid));
        assertThat(text.getText()).contains("Accept stage was due").contains("2 d 23 h").endsWith(" over");
        assertThat(robot.lookup("#overdue-notifier-more").queryAs(Label.class).getText())
                .isEqualTo("+" + (notifier.pending().size() - 1) + " more");

        // The escalation is on record before anyone is told: one line by the system, none by the officer.
        List<CaseEvent> trail = context.database().caseEvents().findByCase(oldest.id());
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(CaseAction.ESCALATE);
            assertThat(e.operatorName()).isEqualTo(OverdueEscalation.ACTOR);
            assertThat(e.role()).isNull();
            assertThat(e.note()).startsWith("overdue: stage ACCEPT due at ")
                    .endsWith(", escalated to the shift supervisor");
        });

        // O, with the focus in the queue on another case: the overdue case is selected, its notice goes.
        String other = queue.model().visibleRows().stream().map(r -> r.id())
                .filter(id -> !id.equals(oldest.id())).findFirst().orElseThrow();
        robot.interact(() -> {
            queue.model().selectCase(other);
            queue.table().requestFocus();
        });
        waitUntil("another case is selected", () -> selected(other));
        robot.type(KeyCode.O);
        waitUntil("O selects the oldest overdue case", () -> selected(oldest.id()));
        assertThat(queue.table().getSelectionModel().getSelectedItem().id()).isEqualTo(oldest.id());
        assertThat(notifier.pending()).extracting(OverdueNotice::caseId).doesNotContain(oldest.id());
        assertThat(notifier.pending().get(0).caseId()).isEqualTo(older.id());
        assertThat(queue.table().isFocused()).isTrue();

        // The detail pane's timeline shows the system's line.
        VBox timeline = robot.lookup("#case-timeline").queryAs(VBox.class);
        waitUntil("the timeline shows the escalation", () -> timeline.getChildren().stream()
                .map(n -> ((Label) n).getText())
                .anyMatch(t -> t.contains("system") && t.contains("escalated to the shift supervisor")));

        // Shift+O dismisses the next one without selecting it.
        int before = notifier.pending().size();
        robot.press(KeyCode.SHIFT).type(KeyCode.O).release(KeyCode.SHIFT);
        waitUntil("Shift+O dismisses the head notice", () -> notifier.pending().size() == before - 1);
        assertThat(notifier.pending()).extracting(OverdueNotice::caseId).doesNotContain(older.id());
        assertThat(selected(oldest.id())).isTrue();

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
