package org.gridcommand.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.Messages;
import org.gridcommand.common.Ulid;
import org.gridcommand.directory.DepartmentDirectory;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.LogNotificationChannel;
import org.gridcommand.plans.PlanLibrary;
import org.gridcommand.plans.PlanService;
import org.gridcommand.plans.PlanStep;
import org.gridcommand.plans.StepStatus;
import org.gridcommand.store.Database;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The plan panel on a real H2 store: a residential-fire case is offered its plan, one click activates it, the
 * officer ticks, runs the cameras action and answers "are people trapped?" with the keyboard, adds a note,
 * sees a step turn overdue when the clock passes its deadline, and raises the response to level III.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class PlanPanelTest {
    private static final Operator OFFICER = new Operator("Li Na", Role.DUTY_OFFICER);
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final ManualClock clock = ManualClock.dutyAfternoon();
    private final List<String> camerasShownFor = new ArrayList<>();
    private Path dir;
    private Database db;
    private PlanService service;
    private PlanPanelModel model;
    private PlanPanel panel;
    private String caseId;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("gc-plan-panel");
        ChangeBus bus = new ChangeBus();
        db = Database.openH2(dir, bus);
        DutyService duty = new DutyService(db.audit(), clock);
        duty.signOn(OFFICER);
        PlanLibrary library = PlanLibrary.loadDefault(CategoryDictionary.loadDefault(), DepartmentDirectory.loadDefault());
        service = new PlanService(library, db.plans(), db.cases(), duty, clock, new LogNotificationChannel(),
                (c, exercise) -> "CAP-" + c.id() + ".xml", PlanService.Mode.LIVE);
        Case fire = Case.builder().id(Ulid.next()).channel(Channel.GRID_WORKER).categoryCode("0601")
                .location(new GeoPoint(113.58, 22.36)).smallGridCode("440402001001001").address("金鼎花园 3 栋")
                .description("3 栋 12 楼住户厨房起火").priority(Priority.URGENT).state(CaseState.ACCEPTED)
                .reportedAt(clock.instant()).acceptedAt(clock.instant()).reportedBy("网格员 王一").build();
        db.cases().create(fire, new CaseEvent(Ulid.next(), fire.id(), clock.instant(), "网格员 王一", null,
                CaseAction.REPORT, null, CaseState.REPORTED, null, ActorKind.WORKER));
        caseId = fire.id();

        model = new PlanPanelModel(service, Messages.forLocale(Locale.ENGLISH), clock, ZoneId.of("Asia/Shanghai"),
                UiExecutor.fx());
        model.setScreenActions(c -> {
            camerasShownFor.add(c.id());
            return "2 covering cameras on the wall";
        }, c -> "cordon tool open");
        model.listenTo(bus);
        panel = new PlanPanel(model);
        Scene scene = new Scene(panel, 900, 1000);
        scene.getStylesheets().add(PlanPanel.class.getResource("/org/gridcommand/ui/console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.caseProperty().set(fire);
    }

    @AfterEach
    void closeStore() throws Exception {
        WaitForAsyncUtils.asyncFx(model::dispose).get();
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theOfficerActivatesTicksBranchesSeesOverdueAndRaisesTheLevel(FxRobot robot) {
        // Offered in one line, activated in one click.
        waitUntil("the plan is offered", () -> model.viewProperty().get() == PlanPanelModel.View.SUGGESTED);
        assertThat(label(robot, "#plan-suggestion-text")).isEqualTo(
                "Suggested plan: Residential fire emergency plan · Level IV response");
        assertThat(label(robot, "#plan-suggestion-reason")).isEqualTo("Because of its category Residential fire");
        robot.clickOn("#plan-activate");
        waitUntil("the checklist shows", () -> model.viewProperty().get() == PlanPanelModel.View.RUNNING);
        assertThat(service.checklist(caseId)).isPresent();
        assertThat(db.caseEvents().findByCase(caseId)).extracting(CaseEvent::action).contains(CaseAction.ACTIVATE_PLAN);
        assertThat(label(robot, "#plan-title")).isEqualTo("Residential fire emergency plan");
        assertThat(label(robot, "#plan-level")).isEqualTo("Level IV response");
        assertThat(label(robot, "#plan-level-lead")).startsWith("Level IV: ordinary fire");
        assertThat(model.rows().get(0).isHeader()).isTrue();
        assertThat(model.rows().get(0).phaseTitle()).isEqualTo("Receive and verify");
        assertThat(robot.lookup("#plan-raise").queryButton().getText()).isEqualTo("Raise to Level III response (L)");

        // Space ticks the first open step, which the checklist selected.
        robot.interact(panel::focusChecklist);
        assertThat(panel.stepList().getSelectionModel().getSelectedItem().key()).isEqualTo("confirm");
        robot.type(KeyCode.SPACE);
        waitUntil("step 1.1 is done", () -> stored("confirm").status() == StepStatus.DONE);
        assertThat(stored("confirm").doneBy()).isEqualTo("Li Na");
        waitUntil("the row says who did it", () -> model.rows().stream()
                .anyMatch(r -> "confirm".equals(r.key()) && r.status().startsWith("✓ done by Li Na at ")));

        // Enter runs the cameras action on the console and records its outcome.
        select(robot, "cameras");
        robot.type(KeyCode.ENTER);
        waitUntil("the cameras step is done", () -> stored("cameras").status() == StepStatus.DONE);
        assertThat(camerasShownFor).containsExactly(caseId);
        assertThat(stored("cameras").outcome()).isEqualTo("2 covering cameras on the wall");

        // Y answers "are people trapped?": its steps open.
        assertThat(stored("medical").status()).isEqualTo(StepStatus.WAITING);
        select(robot, "trapped");
        robot.type(KeyCode.Y);
        waitUntil("the trapped-people steps open", () -> stored("medical").status() == StepStatus.OPEN);
        assertThat(stored("trapped").answer()).isEqualTo(org.gridcommand.plans.Answer.YES);
        assertThat(stored("guide-rescue").status()).isEqualTo(StepStatus.OPEN);

        // T asks for a note in the prompt line.
        select(robot, "fire-called");
        robot.type(KeyCode.T);
        waitUntil("the note prompt has the focus", () -> robot.lookup("#plan-prompt-field").query().isFocused());
        assertThat(label(robot, "#plan-prompt-text")).isEqualTo("Note for step 1.3:");
        robot.write("119 called at 08:46");
        robot.type(KeyCode.ENTER);
        waitUntil("the note is stored", () -> !stored("fire-called").notes().isEmpty());
        assertThat(stored("fire-called").notes().get(0).text()).isEqualTo("119 called at 08:46");

        // Past its deadline a step stands out, in colour and in words; done steps do not.
        assertThat(overdue(robot, "fire-called")).isFalse();
        robot.interact(() -> {
            clock.advance(Duration.ofMinutes(4));
            model.refreshTimers();
        });
        assertThat(overdue(robot, "fire-called")).as("due 3 minutes after activation").isTrue();
        assertThat(dueLabel(robot, "fire-called")).startsWith("⚠ OVERDUE 1:0");
        assertThat(overdue(robot, "confirm")).as("done in time").isFalse();
        assertThat(label(robot, "#plan-progress")).matches("Required done 3/\\d+ · overdue [1-9]\\d*");

        // L and Enter raise the response: the level-III steps join.
        robot.interact(panel::focusChecklist);
        robot.type(KeyCode.L);
        waitUntil("the raise is asked", () -> model.promptProperty().get() == PlanPanelModel.Prompt.RAISE);
        robot.write("fire spread to floor 13");
        robot.type(KeyCode.ENTER);
        waitUntil("the plan runs at level III", () -> model.checklistProperty().get() != null
                && model.checklistProperty().get().run().level() == EmergencyLevel.III);
        assertThat(label(robot, "#plan-level")).isEqualTo("Level III response");
        assertThat(model.rows()).anyMatch(r -> "cap".equals(r.key()));
        assertThat(db.cases().findById(caseId).orElseThrow().level()).isEqualTo(EmergencyLevel.III);
        assertThat(db.caseEvents().findByCase(caseId)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(CaseAction.RAISE_LEVEL);
            assertThat(e.note()).endsWith(": fire spread to floor 13");
        });
        assertThat(label(robot, "#plan-message")).startsWith("Response raised to Level III response: ");
    }

    @Test
    void anOfficerIsToldOnlyASupervisorMayOverride(FxRobot robot) {
        waitUntil("the plan is offered", () -> model.viewProperty().get() == PlanPanelModel.View.SUGGESTED);
        robot.interact(() -> panel.lookup("#plan-activate").requestFocus());
        robot.type(KeyCode.ENTER);
        waitUntil("the checklist shows", () -> model.viewProperty().get() == PlanPanelModel.View.RUNNING);
        assertThat(robot.lookup("#plan-override").query().isVisible()).isTrue();
        robot.clickOn("#plan-override");
        waitUntil("the refusal shows", () -> !model.messageProperty().get().isEmpty());
        assertThat(label(robot, "#plan-message")).isEqualTo("Only a shift supervisor can let the case close with "
                + "required steps open; Li Na is signed on as duty officer.");
        assertThat(model.promptProperty().get()).isEqualTo(PlanPanelModel.Prompt.NONE);
    }

    // ------------------------------------------------------------------ helpers

    private PlanStep stored(String key) {
        Checklist checklist = service.checklist(caseId).orElseThrow();
        return checklist.require(key);
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private int indexOf(String key) {
        for (int i = 0; i < model.rows().size(); i++) {
            if (key.equals(model.rows().get(i).key())) {
                return i;
            }
        }
        throw new AssertionError("no row for step " + key);
    }

    /** Moves the selection with the arrow keys until the step is selected. */
    private void select(FxRobot robot, String key) {
        robot.interact(panel::focusChecklist);
        int target = indexOf(key);
        int at = panel.stepList().getSelectionModel().getSelectedIndex();
        KeyCode direction = target > at ? KeyCode.DOWN : KeyCode.UP;
        for (int i = 0; i < Math.abs(target - at); i++) {
            robot.type(direction);
        }
        assertThat(panel.stepList().getSelectionModel().getSelectedItem().key()).isEqualTo(key);
    }

    private ListCell<?> cell(FxRobot robot, String key) {
        robot.interact(() -> panel.stepList().scrollTo(indexOf(key)));
        WaitForAsyncUtils.waitForFxEvents();
        Node node = robot.lookup("#plan-step-" + key).query();
        assertThat(node).as("the row of step " + key + " is on screen").isInstanceOf(ListCell.class);
        return (ListCell<?>) node;
    }

    private boolean overdue(FxRobot robot, String key) {
        return cell(robot, key).getPseudoClassStates().contains(OVERDUE);
    }

    private String dueLabel(FxRobot robot, String key) {
        return ((Label) cell(robot, key).lookup(".plan-due")).getText();
    }
}
