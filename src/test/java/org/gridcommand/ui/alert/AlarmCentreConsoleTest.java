package org.gridcommand.ui.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gridcommand.alarm.Alarm;
import org.gridcommand.alarm.AlarmKind;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.ConsoleWindow;
import org.gridcommand.ui.queue.CaseQueueView;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.gridcommand.video.VideoEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The alarm centre in the real console on a demo store (its own standing alarms acknowledged first): three urgent
 * and two overdue cases arrive one by one in a chosen order, and after each the strip shows the most pressing
 * unacknowledged one; urgent arrivals chime, overdue ones do not; an acknowledged alarm leaves; after a restart
 * (store closed and opened again, a new console) the same list comes back in the same order.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class AlarmCentreConsoleTest {
    private static final Operator OFFICER = new Operator("Sun Li", Role.DUTY_OFFICER);
    private static Path dataDir;
    private static ManualClock clock;
    private static AppContext context;
    private static VideoEngine videoEngine;
    private final AtomicInteger chimes = new AtomicInteger();
    private Stage stage;
    private ConsoleWindow window;
    private CaseQueueView queue;

    @BeforeAll
    static void openDemoStore() throws Exception {
        dataDir = Files.createTempDirectory("gc-alarm-centre");
        clock = ManualClock.dutyAfternoon();
        context = open();
        QueueTestSupport.acknowledgeStandingAlarms(context);
        videoEngine = VideoEngine.start();
    }

    private static AppContext open() {
        AppContext opened = AppContext.openDemo(dataDir, Locale.ENGLISH, clock);
        opened.duty().signOn(OFFICER);
        return opened;
    }

    @AfterAll
    static void closeStore() {
        videoEngine.close();
        context.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        showConsole();
    }

    private void showConsole() {
        window = new ConsoleWindow(context, videoEngine, new SimpleObjectProperty<>(OFFICER),
                new SimpleStringProperty("local store only"), UiExecutor.fx());
        QueueTestSupport.showConsole(stage, window);
        queue = QueueTestSupport.queueView(stage.getScene());
        queue.setAlertSound(chimes::incrementAndGet);
    }

    @Test
    void theStripAlwaysShowsTheMostPressingAlarmAndTheListComesBackAfterARestart(FxRobot robot) throws Exception {
        waitUntil("the queue has loaded", () -> queue.model().loadedProperty().get());
        assertThat(queue.model().alarms()).as("the demo's own alarms are acknowledged").isEmpty();
        assertThat(queue.banner().isVisible()).isFalse();
        assertThat(chimes.get()).isZero();

        Instant now = clock.instant();
        Case lateRubbish = arrive("0201", Priority.NORMAL, now.minus(Duration.ofDays(2)), "Rubbish two days old");
        expectTop(lateRubbish, AlarmKind.OVERDUE);
        assertThat(chimes.get()).as("overdue alarms are shown, not rung").isZero();

        Case newFire = arrive("0601", Priority.URGENT, now.minusSeconds(30), "Smoke from a window");
        expectTop(newFire, AlarmKind.URGENT_UNACCEPTED);
        assertThat(chimes.get()).as("a new urgent alarm chimes").isEqualTo(1);
        Label text = robot.lookup("#alarm-banner-text").queryAs(Label.class);
        assertThat(text.getText()).startsWith("URGENT, not accepted · Residential fire · ")
                .contains(" · 2 min 30 s left to accept (reported ");
        assertThat(queue.banner().getPseudoClassStates()).extracting(Object::toString).contains("urgent");

        Case laterRubbish = arrive("0201", Priority.NORMAL, now.minus(Duration.ofDays(3)), "Rubbish three days old");
        expectTop(newFire, AlarmKind.URGENT_UNACCEPTED);

        Case leak = arrive("0605", Priority.URGENT, now.minusSeconds(150), "Chemical smell at the depot");
        expectTop(leak, AlarmKind.URGENT_UNACCEPTED);

        Case forgottenFire = arrive("0601", Priority.URGENT, now.minus(Duration.ofMinutes(166)),
                "Fire reported by a sensor, never accepted");
        expectTop(forgottenFire, AlarmKind.URGENT_UNACCEPTED);
        assertThat(text.getText()).contains(" · acceptance 2 h 43 min late (reported ");
        assertThat(chimes.get()).isEqualTo(3);
        assertThat(robot.lookup("#alarm-banner-more").queryAs(Label.class).getText()).isEqualTo("+4 more");

        List<String> expected = List.of(forgottenFire.id(), leak.id(), newFire.id(), laterRubbish.id(),
                lateRubbish.id());
        assertThat(queue.model().alarms()).extracting(Alarm::caseId).containsExactlyElementsOf(expected);

        // Acknowledged with Shift+O from the queue: the next most pressing one takes the strip.
        robot.interact(() -> queue.table().requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.O).release(KeyCode.SHIFT);
        expectTop(leak, AlarmKind.URGENT_UNACCEPTED);
        waitUntil("the acknowledgement is stored", () -> context.alarms().acknowledged().stream()
                .anyMatch(k -> k.equals("U:" + forgottenFire.id())));
        List<String> afterAck = expected.subList(1, expected.size());
        assertThat(queue.model().alarms()).extracting(Alarm::caseId).containsExactlyElementsOf(afterAck);

        // The chime repeats while urgent alarms wait unacknowledged.
        int rung = chimes.get();
        robot.interact(() -> clock.advance(Duration.ofSeconds(21)));
        waitUntil("the chime repeats", () -> chimes.get() > rung);
        robot.interact(() -> clock.advance(Duration.ofSeconds(-21)));

        // Restart: the console closes, the store closes, both open again.
        List<String> kindsBefore = queue.model().alarms().stream().map(a -> a.caseId() + " " + a.kind()).toList();
        robot.interact(window::dispose);
        context.close();
        context = open();
        robot.interact(this::showConsole);
        waitUntil("the queue has loaded again", () -> queue.model().loadedProperty().get());
        waitUntil("the alarms are back", () -> queue.model().alarms().size() == afterAck.size());
        assertThat(queue.model().alarms()).extracting(a -> a.caseId() + " " + a.kind())
                .as("the same list in the same order").containsExactlyElementsOf(kindsBefore);
        assertThat(queue.banner().isVisible()).isTrue();
        assertThat(queue.banner().shown().caseId()).isEqualTo(leak.id());
        assertThat(chimes.get()).as("urgent alarms still unacknowledged ring after the restart").isPositive();

        // Accepting the leak takes it off the list by itself: it is no longer an unaccepted urgent case.
        robot.interact(() -> queue.model().selectCase(leak.id()));
        waitUntil("the leak is selected", () -> queue.model().selectedCaseProperty().get() != null
                && queue.model().selectedCaseProperty().get().id().equals(leak.id()));
        robot.interact(() -> queue.table().requestFocus());
        robot.type(KeyCode.A);
        expectTop(newFire, AlarmKind.URGENT_UNACCEPTED);
        robot.interact(window::dispose);
    }

    private Case arrive(String category, Priority priority, Instant reportedAt, String description) {
        QueueTestSupport.Spot spot = QueueTestSupport.quietSpot(context, category.substring(0, 2));
        Case c = Case.builder().id(Ulid.next()).channel(Channel.HOTLINE).categoryCode(category)
                .location(spot.point()).smallGridCode(spot.grid().code().value()).address("Test Road 1")
                .description(description).priority(priority).state(CaseState.REPORTED).reportedAt(reportedAt).build();
        context.database().cases().insertAll(List.of(c));
        return c;
    }

    private void expectTop(Case c, AlarmKind kind) {
        waitUntil("the strip shows " + c.description(), () -> queue.banner().isVisible()
                && queue.banner().shown() != null && queue.banner().shown().caseId().equals(c.id())
                && queue.banner().shown().kind() == kind);
    }
}
