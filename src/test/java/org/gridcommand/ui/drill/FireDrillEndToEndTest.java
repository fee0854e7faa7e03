package org.gridcommand.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.DrillDebrief;
import org.gridcommand.app.DrillSession;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.drill.DrillScenarioReader;
import org.gridcommand.drill.DrillScore;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.PlanStep;
import org.gridcommand.plans.StepKind;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.ui.plan.PlanPanel;
import org.gridcommand.ui.plan.PlanPanelModel;
import org.gridcommand.ui.queue.CaseQueueView;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.gridcommand.video.VideoEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The shipped 08:45 fire drill end to end on the real console over a real drill store, the robot as duty
 * officer: the report arrives through the feed, is accepted, located, checked on video, the plan runs, its
 * required steps are done, the case is closed, and the debrief times every milestone. The trainer's presses
 * (F5, F6) are not counted as the officer's actions.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class FireDrillEndToEndTest {
    /** The seat's clock, which the drill clock runs on: it stands still but for the officer's actions. */
    private static final ManualClock CLOCK = ManualClock.dutyAfternoon();
    private static final Duration PER_ACTION = Duration.ofSeconds(5);
    private static Path dir;
    private static AppContext live;
    private static VideoEngine video;
    private DrillSession drill;
    private DrillConsole console;
    private Scene scene;
    private int actions;

    @BeforeAll
    static void openLiveSeat() throws Exception {
        dir = Files.createTempDirectory("gc-fire-drill");
        live = AppContext.openDemo(dir, Locale.ENGLISH, CLOCK);
        video = VideoEngine.start();
    }

    @AfterAll
    static void closeLiveSeat() {
        video.close();
        live.close();
    }

    @Start
    void start(Stage stage) {
        // A drill's run (and folder) is named by the second it starts: each test's drill is a run of its own.
        CLOCK.advance(Duration.ofMinutes(1));
        drill = DrillSession.open(live, DrillScenarioReader.readShipped("residential-fire-0845"), CLOCK);
        drill.context().duty().signOn(new Operator("Trainee Zhao", Role.DUTY_OFFICER));
        console = new DrillConsole(drill, video, new Operator("Trainee Zhao", Role.DUTY_OFFICER));
        scene = new Scene(console.root(), 1600, 900);
        scene.getStylesheets().addAll(ConsoleLauncher.stylesheet(), DrillConsole.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeDrill() throws Exception {
        console.dispose();
        drill.close();
    }

    @Test
    void theTraineesKeysNeverReachTheTrainersControls(FxRobot robot) {
        CaseQueueView queue = QueueTestSupport.queueView(scene);
        waitUntil("the drill queue has loaded", () -> queue.model().loadedProperty().get());
        robot.type(KeyCode.F5);
        waitUntil("the drill clock runs", () -> !drill.clock().paused());
        javafx.scene.Node bar = robot.lookup("#trainer-bar").query();
        robot.interact(() -> queue.table().requestFocus());
        for (int i = 0; i < 40; i++) {
            robot.type(KeyCode.TAB);
            javafx.scene.Node focus = scene.getFocusOwner();
            for (javafx.scene.Node n = focus; n != null; n = n.getParent()) {
                assertThat(n).as("Tab %d reached the trainer's bar (%s)", i + 1, focus).isNotSameAs(bar);
            }
        }
        // Space in the queue (the trainee's "do") leaves the drill clock running.
        robot.interact(() -> queue.table().requestFocus());
        robot.type(KeyCode.SPACE);
        assertThat(drill.clock().paused()).as("the trainee's Space paused the drill").isFalse();
    }

    @Test
    void theRobotRunsTheFireDrillFromReportToClosedCaseAndTheDebriefTimesEveryStep(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#drill-watermark").query().isVisible()).isTrue();
        CaseQueueView queue = QueueTestSupport.queueView(scene);
        waitUntil("the drill queue has loaded", () -> queue.model().loadedProperty().get());

        // Trainer: start, then send the patrol fixes and the 08:45 report.
        robot.type(KeyCode.F5);
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.F6);
            int sent = i + 1;
            waitUntil("event " + sent + " sent", () -> drill.runner().injected().size() >= sent);
        }
        waitUntil("the report is a case in the drill queue", () -> drill.incidentCase().isPresent()
                && queue.banner().isVisible());
        Case fire = drill.incidentCase().orElseThrow();

        // Officer, to plan running: view the alert, accept, show the cameras, activate the suggested plan.
        act(robot, () -> robot.clickOn("#alarm-banner-open"));
        waitUntil("the fire is selected", () -> selected(queue) != null && selected(queue).id().equals(fire.id()));
        act(robot, () -> robot.type(KeyCode.A));
        waitUntil("accepted", () -> state(fire) == CaseState.ACCEPTED);
        act(robot, () -> robot.type(KeyCode.W));
        PlanPanel plans = robot.lookup("#plan-panel").queryAs(PlanPanel.class);
        waitUntil("the plan is offered", () -> plans.model().viewProperty().get() == PlanPanelModel.View.SUGGESTED);
        act(robot, () -> robot.clickOn("#plan-activate"));
        waitUntil("the plan runs", () -> checklist(fire) != null);
        int toPlanRunning = actions;

        // The required steps, one key each: F7 to the checklist once, then the arrows are not counted as actions.
        act(robot, () -> robot.type(KeyCode.F7));
        for (int guard = 0; guard < 40 && !checklist(fire).requiredOpen().isEmpty(); guard++) {
            PlanStep step = checklist(fire).requiredOpen().get(0);
            select(robot, plans, step.key());
            long doneBefore = checklist(fire).requiredDone();
            act(robot, () -> robot.type(step.kind() == StepKind.BRANCH ? KeyCode.N : KeyCode.SPACE));
            waitUntil("step " + step.key() + " done", () -> checklist(fire).requiredDone() > doneBefore
                    || checklist(fire).step(step.key()).map(s -> s.doneAt() != null).orElse(false));
        }
        assertThat(checklist(fire).allowsClose()).isTrue();

        // The life cycle to closed, from the queue.
        javafx.scene.Node firstRow = robot.lookup(".table-row-cell").nth(0).query();
        act(robot, () -> robot.clickOn(firstRow));
        waitUntil("the fire is still selected", () -> selected(queue).id().equals(fire.id()));
        act(robot, () -> robot.type(KeyCode.D));
        waitUntil("the dispatch list is open", () -> robot.lookup("#dispatch-options").tryQuery().isPresent());
        ListView<?> options = robot.lookup("#dispatch-options").queryAs(ListView.class);
        assertThat(options.getItems()).isNotEmpty();
        act(robot, () -> robot.type(KeyCode.ENTER));
        waitUntil("dispatched", () -> state(fire) == CaseState.DISPATCHED);
        act(robot, () -> robot.type(KeyCode.H));
        waitUntil("in handling", () -> state(fire) == CaseState.IN_HANDLING);
        act(robot, () -> robot.type(KeyCode.F));
        waitUntil("the note field is open", () -> robot.lookup("#triage-note").tryQuery().isPresent());
        robot.write("Fire out at 09:20, no casualties");
        act(robot, () -> robot.type(KeyCode.ENTER));
        waitUntil("fed back", () -> state(fire) == CaseState.FED_BACK);
        act(robot, () -> robot.type(KeyCode.V));
        waitUntil("verified", () -> state(fire) == CaseState.VERIFIED);
        act(robot, () -> robot.type(KeyCode.C));
        waitUntil("closed", () -> state(fire) == CaseState.CLOSED);

        DrillScore score = DrillDebrief.score(drill);
        for (DrillScore.Line line : score.lines()) {
            if (!line.key().startsWith("step:") || line.target() != null) {
                assertThat(line.reached()).as(line.key() + " has a time").isTrue();
            }
        }
        assertThat(score.line("cameraShown").orElseThrow().took()).isNotNull();
        String html = DrillDebrief.html(drill);
        assertThat(html).contains("演练 DRILL").doesNotContain("not reached").contains("Checked on video")
                .contains("Emergency plan activated").contains("Case closed");
        Path written = DrillDebrief.write(drill);
        assertThat(Files.readString(written)).isEqualTo(html);
        System.out.println("fire drill: " + toPlanRunning + " operator actions to plan running, " + actions
                + " to the closed case; " + score.metCount() + " of " + score.lines().size() + " milestones met");
        assertThat(toPlanRunning).as("operator actions to plan running").isLessThanOrEqualTo(5);
    }

    @Test
    void theWallOpenedFromTheDrillConsoleShowsTheDrillStoreUnderTheMark(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the wall is open", () -> console.window().wallStage() != null && console.window().wallStage().isShowing());
        Stage wall = console.window().wallStage();
        javafx.scene.Node mark = wall.getScene().getRoot().lookup("#drill-watermark");
        assertThat(mark).isNotNull();
        assertThat(mark.isVisible()).isTrue();
        assertThat(wall.getScene().getRoot().lookup("#wall-panel-kpi")).isNotNull();
        robot.interact(wall::close);
    }

    /** One action of the officer's, five seconds after the one before, so the debrief's milestones take time. */
    private void act(FxRobot robot, Runnable input) {
        actions++;
        CLOCK.advance(PER_ACTION);
        input.run();
    }

    private static Case selected(CaseQueueView queue) {
        return queue.model().selectedCaseProperty().get();
    }

    private CaseState state(Case c) {
        return drill.context().database().cases().findById(c.id()).orElseThrow().state();
    }

    private Checklist checklist(Case c) {
        return drill.context().plans().checklist(c.id()).orElse(null);
    }

    /** Arrow keys to the step's row (moving the cursor, not an action of its own). */
    private static void select(FxRobot robot, PlanPanel panel, String key) {
        List<?> rows = panel.stepList().getItems();
        int target = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (key.equals(((org.gridcommand.ui.plan.PlanRow) rows.get(i)).key())) {
                target = i;
            }
        }
        assertThat(target).as("row of step " + key).isNotNegative();
        if (!panel.stepList().isFocused()) {
            robot.interact(panel::focusChecklist);
        }
        int at = panel.stepList().getSelectionModel().getSelectedIndex();
        KeyCode direction = target > at ? KeyCode.DOWN : KeyCode.UP;
        for (int i = 0; i < Math.abs(target - at); i++) {
            robot.type(direction);
        }
        assertThat(panel.stepList().getSelectionModel().getSelectedIndex()).isEqualTo(target);
    }
}
