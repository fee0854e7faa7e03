package org.gridcommand.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.ui.queue.QueueTestSupport.waitUntil;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.IntakeResult;
import org.gridcommand.geo.Datum;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.ui.DemoSeat;
import org.gridcommand.ui.drill.DrillWatermark;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.queue.QueueTestSupport;
import org.gridcommand.wall.WallDisplayLayoutReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The wall display on the seeded demo store, in a real window: panels, figures, live updates, read-only. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class WallViewTest {
    private static DemoSeat seat;
    private static AppContext context;
    private WallView view;
    private Stage wall;
    private final AtomicBoolean closed = new AtomicBoolean();

    @BeforeAll
    static void openDemoStore() throws Exception {
        seat = DemoSeat.open("gc-wall-test", null);
        context = seat.context();
    }

    @AfterAll
    static void closeStore() {
        seat.close();
    }

    @Start
    void start(Stage ignored) {
        view = new WallView(context, seat.video(), WallDisplayLayoutReader.readDefault(), UiExecutor.fx());
        wall = WallStage.open(view, new WallStage.Placement.Window(1600, 900), "wall", ConsoleLauncher.stylesheet(),
                () -> closed.set(true));
    }

    @Test
    void showsEveryPanelAndFiguresTheTestCountsItselfFromTheStore(FxRobot robot) {
        for (String id : List.of("#wall-panel-map", "#wall-panel-video", "#wall-panel-kpi", "#wall-panel-events-plans")) {
            Node panel = robot.lookup(id).query();
            assertThat(panel.getLayoutBounds().getWidth()).as(id).isGreaterThan(300);
        }
        KpiPanel kpis = robot.lookup(".wall-kpis").queryAs(KpiPanel.class);
        waitUntil("figures shown", () -> !kpis.figure("kpi-open").equals("–"));

        int open = context.database().cases().findOpen().size();
        Instant now = context.clock().instant();
        Instant midnight = now.atZone(context.zone()).toLocalDate().atStartOfDay(context.zone()).toInstant();
        long newToday = context.database().cases().findReportedBetween(midnight, now).stream()
                .filter(c -> !c.reportedAt().isAfter(now)).count();
        assertThat(kpis.figure("kpi-open")).isEqualTo(Integer.toString(open));
        assertThat(kpis.figure("kpi-new")).isEqualTo(Long.toString(newToday));

        // Live: a report taken by the console's intake reaches the wall without anyone touching it.
        Case fire = submitFire();
        waitUntil("the new case is counted", () -> kpis.figure("kpi-new").equals(Long.toString(newToday + 1)));
        assertThat(kpis.figure("kpi-open")).isEqualTo(Integer.toString(open + 1));
        EventsPanel events = robot.lookup(".wall-events").queryAs(EventsPanel.class);
        robot.interact(view::turnAll);
        waitUntil("the newest event is the fire", () -> !events.lines().isEmpty()
                && events.lines().get(0).contains("Residential fire"));
        assertThat(events.lines().get(0)).contains("‼").contains("Reported");
        assertThat(fire.priority().name()).isEqualTo("URGENT");

        // A plan started at the console shows on the wall with its progress.
        context.duty().signOn(new org.gridcommand.duty.Operator("Wall test officer", org.gridcommand.duty.Role.DUTY_OFFICER));
        var checklist = context.plans().activateSuggested(fire.id());
        // The panel turned to the plans above (events and plans share it).
        PlansPanel plans = robot.lookup("#wall-plans").queryAs(PlansPanel.class);
        String progress = "0 of " + checklist.requiredCount() + " required steps done";
        waitUntil("the running plan is on the wall", () -> plans.lines().stream().anyMatch(l -> l.contains(progress)));
        assertThat(plans.lines()).anyMatch(l -> l.startsWith("Residential fire emergency plan · Level IV"))
                .anyMatch(l -> l.startsWith("Residential fire · "));
    }

    @Test
    void saysOnThePlansPanelWhyTheRunningPlansCannotBeShown(FxRobot robot) {
        // Events and plans share a panel: turn it until the plans are on screen, then wait for their first reading.
        for (int i = 0; i < 3 && robot.lookup("#wall-plans").tryQuery().isEmpty(); i++) {
            robot.interact(view::turnAll);
        }
        PlansPanel plans = robot.lookup("#wall-plans").queryAs(PlansPanel.class);
        waitUntil("the plans panel has read the running plans", () -> !plans.lines().isEmpty());

        // What the background read of the plans hands over when it fails; read in the same FX turn, so no
        // refresh of the wall can come between.
        AtomicReference<List<String>> shown = new AtomicReference<>();
        robot.interact(() -> {
            view.plansUnreadable(new IllegalStateException("the plan store did not answer"));
            shown.set(plans.lines());
        });
        assertThat(shown.get()).containsExactly("Running plans cannot be shown: the plan store did not answer");
    }

    @Test
    void isReadOnlyUntilTheOperatorKey(FxRobot robot) {
        GridMapView map = (GridMapView) robot.lookup(n -> n instanceof GridMapView).query();
        waitUntil("the map is laid out", () -> map.getWidth() > 100);
        double[] before = signature(map);
        robot.moveTo(map).press(MouseButton.PRIMARY).moveBy(200, 120).release(MouseButton.PRIMARY);
        robot.scroll(5);
        robot.type(KeyCode.ESCAPE, KeyCode.F11, KeyCode.DELETE);
        robot.press(KeyCode.ALT).type(KeyCode.F4).release(KeyCode.ALT);
        assertThat(signature(map)).as("drag and scroll do not move the wall's map").containsExactly(before);
        assertThat(wall.isShowing()).as("no ordinary key closes the wall").isTrue();
        assertThat(closed).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Q).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("Ctrl+Shift+Q closes the wall", closed::get);
        assertThat(wall.isShowing()).isFalse();
    }

    @Test
    void aDrillPutsTheMarkOverTheWholeWall(FxRobot robot) {
        DrillWatermark mark = view.watermark();
        assertThat(mark.isVisible()).isFalse();
        robot.interact(() -> mark.drillProperty().set(true));
        assertThat(mark.isVisible()).isTrue();
        assertThat(mark.getWidth()).isEqualTo(wall.getScene().getWidth());
        assertThat(robot.lookup(".drill-watermark-text").queryLabeled().getText()).isEqualTo("演练 DRILL");
    }

    /** Where two mercator points fall on screen: changes with any pan or zoom. */
    private static double[] signature(GridMapView map) {
        var v = map.view();
        return new double[] {v.screenX(1.2e7), v.screenY(2.5e6), v.screenX(1.2e7 + 1000)};
    }

    private Case submitFire() {
        QueueTestSupport.Spot spot = QueueTestSupport.quietSpot(context, "07");
        CaseReport report = CaseReport.builder().channel(Channel.HOTLINE).categoryCode("0601")
                .at(spot.point().lon(), spot.point().lat(), Datum.WGS84).description("Smoke in the stairwell")
                .reporterName("Caller").build();
        IntakeResult result = context.intake().submit(report);
        if (result.outcome() == IntakeResult.Outcome.POSSIBLE_DUPLICATE) {
            result = context.intake().createAnyway(report);
        }
        assertThat(result.created()).isTrue();
        return result.aCase();
    }
}
