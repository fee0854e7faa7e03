package org.gridcommand.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gridcommand.address.AddressKind;
import org.gridcommand.address.StandardAddress;
import org.gridcommand.app.AppContext;
import org.gridcommand.camera.CameraCoverage;
import org.gridcommand.camera.CoverageResult;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.intake.IntakeDialog;
import org.gridcommand.ui.queue.CaseQueueView;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.gridcommand.video.VideoEngine;
import org.gridcommand.video.VideoWall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The duty officer's first minute, in the real console on the demo store at 1920x1080: a caller reports a fire at a
 * building of the shipped address register, by its words alone (no coordinates). From the key that opens the form to
 * the plan running: the case located in its grid, accepted, its covering cameras alone on the wall and framed, the
 * suggested plan running. An action is a key or a click that is not part of the caller's words (typing, and Tab from
 * one field of them to the next, are not counted); the target is at most five. Prints
 * {@code time-to-plan: N actions, S s}.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TimeToPlanTest {
    private static final Operator OFFICER = new Operator("王值班", Role.DUTY_OFFICER);
    private static Path dataDir;
    private static AppContext context;
    private static VideoEngine videoEngine;
    private ConsoleWindow window;
    private CaseQueueView queue;
    private int actions;

    @BeforeAll
    static void openDemoStore() throws Exception {
        dataDir = Files.createTempDirectory("gc-time-to-plan");
        context = AppContext.openDemo(dataDir, Locale.SIMPLIFIED_CHINESE, ManualClock.dutyAfternoon());
        context.duty().signOn(OFFICER);
        videoEngine = VideoEngine.start();
    }

    @AfterAll
    static void closeStore() {
        videoEngine.close();
        context.close();
    }

    @Start
    void start(Stage stage) {
        window = new ConsoleWindow(context, videoEngine, new SimpleObjectProperty<>(OFFICER),
                new SimpleStringProperty("local store only"), UiExecutor.fx());
        Scene scene = new Scene(window.root(), 1920, 1080);
        scene.getStylesheets().add(ConsoleWindow.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        queue = QueueTestSupport.queueView(scene);
    }

    @Test
    void aFireCalledInByAddressHasItsPlanRunningInFiveActions(FxRobot robot) {
        waitUntil("the queue has loaded", () -> queue.model().loadedProperty().get());
        CameraCoverage coverage = new CameraCoverage(context.cameras());
        VideoWall wall = window.videoWall();
        // A building of the shipped register that cameras cover, as a caller would name it.
        StandardAddress building = context.database().addresses().findAll().stream()
                .filter(a -> a.kind() == AddressKind.BUILDING)
                .filter(a -> !coverage.at(a.point(), wall.size()).fallback())
                .findFirst().orElseThrow();
        String callersWords = building.road() + building.houseNumber() + "号" + building.compound()
                + building.building() + "栋";
        robot.interact(() -> queue.table().requestFocus());

        long started = System.nanoTime();
        act(() -> robot.type(KeyCode.N));
        waitUntil("the hotline form is open", () -> queue.openIntakeProperty().get() != null);
        IntakeDialog form = queue.openIntakeProperty().get();
        robot.write("住宅火灾");
        robot.type(KeyCode.TAB);
        robot.write(callersWords);
        waitUntil("the register's building is taken", () -> building.equals(form.form().chosenAddressProperty().get()));
        assertThat(form.form().locationTextProperty().get()).contains(building.smallGrid());
        robot.type(KeyCode.TAB);
        robot.write("张先生");
        robot.type(KeyCode.TAB);
        robot.write("13800138000");
        robot.type(KeyCode.TAB);
        robot.write("三楼窗口冒烟，有焦味");
        act(() -> robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL));
        waitUntil("the case is created and selected", () -> selected() != null
                && building.name().equals(selected().address()));
        Case fire = selected();
        assertThat(fire.smallGridCode()).as("located in its grid").isEqualTo(building.smallGrid());
        assertThat(fire.reporterContact()).isEqualTo("13800138000");

        act(() -> robot.type(KeyCode.A));
        waitUntil("accepted", () -> state(fire) == CaseState.ACCEPTED);
        act(() -> robot.type(KeyCode.W));
        CoverageResult covering = coverage.at(fire.location(), wall.size());
        int shown = Math.min(wall.size(), covering.matches().size());
        waitUntil("the covering cameras are on the wall", () -> wall.cameraIds().subList(0, shown).equals(
                covering.matches().subList(0, shown).stream().map(m -> m.camera().id()).toList()));
        act(() -> robot.press(KeyCode.SHIFT).type(KeyCode.F7).release(KeyCode.SHIFT));
        waitUntil("the plan runs", () -> context.plans().checklist(fire.id()).isPresent());
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(Locale.ROOT, "time-to-plan: %d actions, %.1f s%n", actions, seconds);
        assertThat(actions).isLessThanOrEqualTo(5);
        assertThat(context.plans().checklist(fire.id()).orElseThrow().run().planId()).isEqualTo("residential-fire");
        List<Boolean> marks = wall.tiles().stream().map(t -> t.isCaseMarked()).toList();
        for (int i = 0; i < marks.size(); i++) {
            assertThat(marks.get(i)).as("tile " + i + " framed as the case's").isEqualTo(i < shown);
        }
    }

    private void act(Runnable input) {
        actions++;
        input.run();
    }

    private Case selected() {
        return queue.model().selectedCaseProperty().get();
    }

    private static CaseState state(Case c) {
        return context.database().cases().findById(c.id()).orElseThrow().state();
    }
}
