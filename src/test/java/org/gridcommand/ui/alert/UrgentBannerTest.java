package org.gridcommand.ui.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.IntakeResult;
import org.gridcommand.cases.Priority;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.Datum;
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

/** A new urgent case raises the banner (in words) and the chime; cases already there at start do not. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class UrgentBannerTest {
    private static final Operator OFFICER = new Operator("Sun Li", Role.DUTY_OFFICER);
    private static Path dataDir;
    private static AppContext context;
    private static VideoEngine videoEngine;
    private final AtomicInteger chimes = new AtomicInteger();
    private CaseQueueView queue;

    @BeforeAll
    static void openDemoStore() throws Exception {
        dataDir = Files.createTempDirectory("gc-urgent-banner");
        context = AppContext.openDemo(dataDir, Locale.ENGLISH, ManualClock.dutyAfternoon());
        context.duty().signOn(OFFICER);
        ensureAnOpenUrgentCase();
        videoEngine = VideoEngine.start();
    }

    /**
     * The test brings its own urgent case that is already in the queue before the console opens (it must raise no
     * banner), rather than counting on one among the demo's cases of the day.
     */
    private static void ensureAnOpenUrgentCase() {
        var grid = context.district().smallGrids().get(20);
        var inside = grid.area().getInteriorPoint();
        java.time.Instant reported = context.clock().instant().minusSeconds(600);
        context.database().cases().insertAll(java.util.List.of(Case.builder()
                .id(org.gridcommand.common.Ulid.next()).channel(org.gridcommand.cases.Channel.HOTLINE)
                .categoryCode("0601").location(new org.gridcommand.geo.GeoPoint(inside.getX(), inside.getY()))
                .smallGridCode(grid.code().value()).address("test address").description("already in the queue")
                .priority(Priority.URGENT).state(org.gridcommand.cases.CaseState.ACCEPTED)
                .reportedAt(reported).acceptedAt(reported.plusSeconds(60)).build()));
    }

    @AfterAll
    static void closeStore() {
        videoEngine.close();
        context.close();
    }

    @Start
    void start(Stage stage) {
        ConsoleWindow window = new ConsoleWindow(context, videoEngine, new SimpleObjectProperty<>(OFFICER),
                new SimpleStringProperty("local store only"), UiExecutor.fx());
        QueueTestSupport.showConsole(stage, window);
        queue = QueueTestSupport.queueView(stage.getScene());
        queue.setAlertSound(chimes::incrementAndGet);
    }

    @Test
    void aNewUrgentCaseRaisesTheBannerAndTheCasesAlreadyThereDoNot(FxRobot robot) {
        waitUntil("the queue has loaded", () -> queue.model().loadedProperty().get());
        Case existing = queue.model().rows().stream().map(r -> r.source())
                .filter(c -> c.isOpen() && c.priority() == Priority.URGENT).findFirst().orElseThrow(
                        () -> new AssertionError("the demo queue has open urgent cases"));
        assertThat(queue.banner().isVisible()).as("no banner for cases there at start").isFalse();

        // A change to an urgent case that was there already reloads the queue, and still raises nothing.
        context.caseService().supervise(existing.id());
        waitUntil("the change is loaded", () -> queue.model().rows().stream()
                .anyMatch(r -> r.id().equals(existing.id()) && r.source().supervised()));
        assertThat(queue.banner().isVisible()).isFalse();
        assertThat(chimes.get()).isZero();

        Case fire = submitFire("Smoke from a third-floor window");
        waitUntil("the banner shows", () -> queue.banner().isVisible());
        Label text = robot.lookup("#urgent-banner-text").queryAs(Label.class);
        String when = DateTimeFormatter.ofPattern("HH:mm").format(fire.reportedAt().atZone(ZoneId.of("Asia/Shanghai")));
        String grid = context.district().smallGrids().stream()
                .filter(g -> g.code().value().equals(fire.smallGridCode())).findFirst().orElseThrow().name().en();
        assertThat(text.getText()).isEqualTo("Urgent · Residential fire · " + grid + " · " + when);
        assertThat(chimes.get()).isEqualTo(1);

        robot.clickOn("#urgent-banner-view");
        waitUntil("the fire is selected", () -> queue.model().selectedCaseProperty().get() != null
                && queue.model().selectedCaseProperty().get().id().equals(fire.id()));
        assertThat(queue.banner().isVisible()).isFalse();

        submitFire("Second call: flames on the balcony");
        waitUntil("the banner shows again", () -> queue.banner().isVisible());
        assertThat(chimes.get()).isEqualTo(2);
        robot.interact(() -> queue.table().requestFocus());
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc dismisses it", () -> !queue.banner().isVisible());
    }

    private Case submitFire(String description) {
        QueueTestSupport.Spot spot = QueueTestSupport.quietSpot(context, "06");
        CaseReport report = CaseReport.builder().channel(Channel.HOTLINE).categoryCode("0601")
                .at(spot.point().lon(), spot.point().lat(), Datum.WGS84).description(description)
                .reporterName("Caller").build();
        IntakeResult result = context.intake().submit(report);
        if (result.outcome() == IntakeResult.Outcome.POSSIBLE_DUPLICATE) {
            result = context.intake().createAnyway(report);
        }
        assertThat(result.created()).isTrue();
        assertThat(result.aCase().priority()).isEqualTo(Priority.URGENT);
        return result.aCase();
    }
}
