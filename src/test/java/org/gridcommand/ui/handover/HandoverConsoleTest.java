package org.gridcommand.ui.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.handover.HandoverAcknowledgement;
import org.gridcommand.handover.HandoverReport;
import org.gridcommand.ui.ConsoleLauncher;
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
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+H on the real console opens the shift handover; the officer on duty takes over and it is stored. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class HandoverConsoleTest {
    private static final Operator INCOMING = new Operator("Wang Jieban", Role.SHIFT_SUPERVISOR);
    private static DemoSeat seat;
    private ConsoleWindow window;

    @BeforeAll
    static void openSeat() throws Exception {
        seat = DemoSeat.open("gc-handover-test", INCOMING);
    }

    @AfterAll
    static void closeSeat() {
        seat.close();
    }

    @Start
    void start(Stage stage) {
        window = seat.window(INCOMING);
        Scene scene = new Scene(window.root(), 1400, 850);
        scene.getStylesheets().add(ConsoleLauncher.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void ctrlHOpensTheHandoverAndTheOfficerOnDutyTakesOver(FxRobot robot) throws Exception {
        robot.clickOn("#console-root").press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.handover().view() != null
                && window.handover().view().model().reportProperty().get() != null);
        HandoverViewModel model = window.handover().view().model();
        HandoverReport report = model.reportProperty().get();

        // The open cases are the store's, overdue first, as listed on screen.
        long open = seat.context().database().cases().findOpen().size();
        assertThat(report.openCases()).hasSize((int) open);
        ListView<?> cases = robot.lookup("#handover-cases").queryAs(ListView.class);
        assertThat(cases.getItems()).hasSize(report.openCases().size());
        assertThat(report.openCases().stream().takeWhile(HandoverReport.OpenCase::overdue).count())
                .isEqualTo(report.overdueCases());

        robot.clickOn("#handover-acknowledge");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.acknowledgementProperty().get() != null);
        HandoverAcknowledgement ack = model.acknowledgementProperty().get();
        HandoverAcknowledgement stored = seat.context().database().handovers()
                .find(report.shift().shift().code(), report.shift().from()).orElseThrow();
        assertThat(stored).isEqualTo(ack);
        assertThat(stored.takenOverBy()).isEqualTo(INCOMING.name());
        assertThat(stored.reportDigest()).isEqualTo(report.digest());
        assertThat(robot.lookup("#handover-status").queryLabeled().getText()).contains(INCOMING.name());
        assertThat(robot.lookup("#handover-acknowledge").queryButton().isDisabled()).isTrue();

        // The printable page carries the acknowledgement.
        Path html = Files.createTempFile("handover", ".html");
        robot.interact(() -> model.exportTo(html));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.size(html) > 0);
        assertThat(Files.readString(html)).contains("Taken over by " + INCOMING.name(), report.digest());
        Files.deleteIfExists(html);

        // Esc closes the window (the keyboard is in it after the click).
        assertThat(window.handover().view().stage().isShowing()).isTrue();
        robot.clickOn("#handover-title").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.handover().view().stage().isShowing());
    }
}
