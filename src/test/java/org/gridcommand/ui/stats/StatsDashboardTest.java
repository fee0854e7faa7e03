package org.gridcommand.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.stage.Stage;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.stats.Kpis;
import org.gridcommand.stats.PeriodStats;
import org.gridcommand.stats.StatsPeriod;
import org.gridcommand.stats.StatsService;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.ui.ConsoleWindow;
import org.gridcommand.ui.DemoSeat;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.stats.StatsDashboardViewModel.Choice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard and the map's density layer on the demo store show exactly StatsService's figures. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class StatsDashboardTest {
    private static final Operator OFFICER = new Operator("Chen Zhiban", Role.DUTY_OFFICER);
    private static DemoSeat seat;
    private static StatsService service;
    private ConsoleWindow window;

    @BeforeAll
    static void openSeat() throws Exception {
        seat = DemoSeat.open("gc-statsdash-test", OFFICER);
        service = seat.context().stats();
    }

    @AfterAll
    static void closeSeat() {
        seat.close();
    }

    @Start
    void start(Stage stage) {
        window = seat.window(OFFICER);
        Scene scene = new Scene(window.root(), 1400, 850);
        scene.getStylesheets().add(ConsoleLauncher.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private static StatsPeriod thisMonth() {
        return StatsPeriod.month(YearMonth.from(LocalDate.ofInstant(seat.context().clock().instant(), service.zone())),
                service.zone());
    }

    @Test
    void dashboardTilesAndChartsEqualStatsServicesFiguresForThisMonth(FxRobot robot) throws Exception {
        AtomicReference<StatsDashboardView> view = new AtomicReference<>();
        robot.interact(() -> view.set(StatsDashboardView.open(seat.context(), window.root().getScene(), UiExecutor.fx())));
        StatsDashboardViewModel model = view.get().model();
        assertThat(model.choiceProperty().get()).isEqualTo(Choice.MONTH);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.figuresProperty().get() != null);

        PeriodStats expected = service.period(thisMonth());
        Kpis k = expected.kpis();
        assertThat(model.figuresProperty().get().stats().period()).isEqualTo(thisMonth());
        assertThat(text(robot, "#statsdash-kpi-reported")).isEqualTo(String.valueOf(k.reported()));
        assertThat(text(robot, "#statsdash-kpi-valid")).isEqualTo(String.valueOf(k.valid()));
        assertThat(text(robot, "#statsdash-kpi-closed")).isEqualTo(String.valueOf(k.closed()));
        assertThat(text(robot, "#statsdash-kpi-onTimeAccept")).isEqualTo(k.onTime(org.gridcommand.sla.SlaStage.ACCEPT).percent());
        assertThat(text(robot, "#statsdash-kpi-rework")).isEqualTo(k.rework().percent());
        assertThat(k.reported()).isPositive();

        PieChart channels = robot.lookup("#statsdash-by-channel").queryAs(PieChart.class);
        assertThat(channels.getData().stream().mapToDouble(PieChart.Data::getPieValue).sum()).isEqualTo((double) k.valid());
        BarChart<?, ?> days = robot.lookup("#statsdash-by-day").queryAs(BarChart.class);
        assertThat(days.getData().get(0).getData()).hasSize((int) thisMonth().days());
        assertThat(text(robot, "#statsdash-rt-accepted")).contains(String.valueOf(expected.responseTimes().get(0).count()));
        assertThat(text(robot, "#statsdash-safety")).contains(thisMonth().label());

        // A custom range with the end before the start is refused with a message naming both days.
        robot.interact(() -> {
            model.choiceProperty().set(Choice.CUSTOM);
            model.customFromProperty().set(LocalDate.of(2025, 3, 10));
            model.customToProperty().set(LocalDate.of(2025, 3, 1));
            model.refresh();
        });
        assertThat(text(robot, "#statsdash-status")).contains("2025-03-01").contains("2025-03-10");
        robot.interact(() -> view.get().stage().close());
    }

    @Test
    void caseDensityLayerFillsTheGridsWithThisMonthsCountsAndNamesThePeriod(FxRobot robot) throws Exception {
        GridMapView map = window.mapWorkspace().map();
        robot.clickOn("#map-layers").clickOn("#map-layer-case-density");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !map.fillMetric().isEmpty());
        Map<String, Double> expected = service.caseDensity(thisMonth());
        assertThat(map.fillMetric()).isEqualTo(expected);
        assertThat(map.fillMetricTitle()).isEqualTo("Cases per grid · " + thisMonth().label());
        robot.interact(() -> window.mapWorkspace().caseDensityLayer().shownProperty().set(false));
        assertThat(map.fillMetric()).isEmpty();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    @Test
    void escClosesTheDashboard(FxRobot robot) {
        AtomicReference<StatsDashboardView> view = new AtomicReference<>();
        robot.interact(() -> view.set(StatsDashboardView.open(seat.context(), window.root().getScene(), UiExecutor.fx())));
        robot.interact(() -> view.get().stage().requestFocus());
        org.gridcommand.testing.FxWait.until("the dashboard has the keyboard", java.time.Duration.ofSeconds(10),
                () -> view.get().stage().isFocused());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        org.gridcommand.testing.FxWait.until("Esc closed the dashboard", java.time.Duration.ofSeconds(10),
                () -> !view.get().stage().isShowing());
    }

    @Test
    void theMonthlyReportIsBuiltFromTheDashboardWithItsProgressShown(FxRobot robot) throws Exception {
        AtomicReference<StatsDashboardView> view = new AtomicReference<>();
        robot.interact(() -> view.set(StatsDashboardView.open(seat.context(), window.root().getScene(), UiExecutor.fx())));
        MonthlyReportAction report = view.get().monthlyReport();
        assertThat(robot.lookup("#statsdash-report").queryButton().getText()).isEqualTo("Monthly report…");
        java.util.List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> report.progressProperty().addListener((o, was, now) -> seen.add(now.doubleValue())));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gc-dash-report");
        java.nio.file.Path pdf = dir.resolve("report.pdf");
        java.util.concurrent.CompletableFuture<java.nio.file.Path> done = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> report.run(report.lastMonth(), pdf).whenComplete((p, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(p);
            }
        }));
        assertThat(done.get(2, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(pdf);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(java.nio.file.Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');
        assertThat(dir.resolve("report.html")).exists();
        assertThat(seen).as("progress went up to the end").contains(1.0).anyMatch(p -> p > 0 && p < 1);
        assertThat(report.messageProperty().get()).contains(pdf.toString());
        assertThat(report.busyProperty().get()).isFalse();
        robot.interact(() -> view.get().stage().close());
    }
}
