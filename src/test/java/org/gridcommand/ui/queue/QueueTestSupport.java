package org.gridcommand.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.IntakeSettings;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.ui.ConsoleWindow;
import org.locationtech.jts.geom.Point;
import org.testfx.util.WaitForAsyncUtils;

/** Shared helpers of the queue's TestFX tests: places to report from, waiting, the console's queue view. */
public final class QueueTestSupport {
    private QueueTestSupport() {
    }

    /** A place inside a small grid with an on-duty worker, where a new report of the major class is no duplicate. */
    public record Spot(SmallGrid grid, GeoPoint point) {
    }

    public static Spot quietSpot(AppContext context, String majorCode) {
        List<Case> open = context.todaysQueue();
        IntakeSettings settings = context.intake().settings();
        Instant now = context.clock().instant();
        List<GridWorker> workers = context.database().grids().findWorkers();
        for (SmallGrid grid : context.district().smallGrids()) {
            boolean staffed = workers.stream().anyMatch(w -> w.onDuty() && w.lastPosition() != null
                    && w.smallGrid().equals(grid.code()));
            if (!staffed) {
                continue;
            }
            Point p = grid.area().getInteriorPoint();
            GeoPoint point = new GeoPoint(round(p.getX()), round(p.getY()));
            if (!grid.area().contains(grid.area().getFactory().createPoint(
                    new org.locationtech.jts.geom.Coordinate(point.lon(), point.lat())))) {
                continue;
            }
            boolean nearOpen = open.stream().anyMatch(c -> c.isOpen() && c.location() != null
                    && c.categoryCode().startsWith(majorCode)
                    && c.location().distanceMetres(point) <= settings.duplicateDistanceMetres() + 50
                    && Duration.between(c.reportedAt(), now).abs().compareTo(settings.duplicateWindow().plusHours(1)) <= 0);
            if (!nearOpen) {
                return new Spot(grid, point);
            }
        }
        throw new IllegalStateException("no quiet staffed grid in the demo district");
    }

    /**
     * Acknowledges every alarm the store's open cases raise now (the demo's own urgent, overdue and near-due cases),
     * so a test starts from a quiet alarm list and sees only the alarms of the cases it brings.
     */
    public static int acknowledgeStandingAlarms(AppContext context) {
        Instant now = context.clock().instant();
        List<org.gridcommand.alarm.Alarm> standing = org.gridcommand.alarm.AlarmBoard.alarms(
                context.queueCases().stream().filter(Case::isOpen).toList(), c -> {
                    try {
                        return context.sla().assess(c, now);
                    } catch (RuntimeException e) {
                        return null;
                    }
                });
        standing.forEach(context.alarms()::acknowledge);
        return standing.size();
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }

    public static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static CaseQueueView queueView(Scene scene) {
        CaseQueueView view = (CaseQueueView) scene.lookup("#case-queue");
        assertThat(view).as("the console has a queue view").isNotNull();
        return view;
    }

    public static ConsoleWindow showConsole(Stage stage, ConsoleWindow window) {
        Scene scene = new Scene(window.root(), 1600, 1000);
        scene.getStylesheets().add(org.gridcommand.ui.ConsoleWindow.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
