package org.gridcommand.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.Messages;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.cases.CaseState;
import org.gridcommand.report.MonthlyReportBuilder;
import org.gridcommand.report.MonthlyReportWriter;
import org.gridcommand.report.ReportMonths.ReportMonth;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.stats.StatsFixtures;
import org.gridcommand.store.Database;
import org.gridcommand.store.JdbcStatsRepository;
import org.gridcommand.testing.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The monthly report's window driven by keyboard alone, in Chinese, over the statistics fixtures (October and
 * November 2026, one December case) on 15 December: last month is offered first, the officer picks the current
 * month (to date), names the file, Enter writes the PDF and the HTML, Enter again opens the PDF — the desktop has no
 * program for it, which the window says in words — and Esc closes the window.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class MonthlyReportDialogTest {
    private static final Messages ZH = Messages.forLocale(Messages.ZH_CN);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T04:00:00Z"), ZoneOffset.UTC);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private Path storeDir;
    private Path outDir;
    private Database db;
    private MonthlyReportAction action;
    private MonthlyReportDialog dialog;
    private final List<List<String>> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        storeDir = Files.createTempDirectory("gc-report-dialog");
        outDir = Files.createTempDirectory("gc-report-dialog-out");
        db = Database.openH2(storeDir, new ChangeBus());
        db.grids().replaceDistrict(StatsFixtures.district());
        List<Case> cases = new ArrayList<>(StatsFixtures.october());
        cases.addAll(StatsFixtures.november());
        cases.add(Case.builder().id("DEC1").channel(Channel.HOTLINE).categoryCode("0102").smallGridCode(StatsFixtures.G1)
                .location(new GeoPoint(113.545, 22.275)).priority(Priority.NORMAL).state(CaseState.REPORTED)
                .reportedAt(StatsFixtures.at("2026-12-10T09:00")).build());
        db.cases().insertAll(cases);
        CategoryDictionary dict = CategoryDictionary.loadDefault();
        MonthlyReportWriter writer = new MonthlyReportWriter(new MonthlyReportBuilder(JdbcStatsRepository.of(db),
                SlaEngine.loadDefault(dict), dict, StatsFixtures.district(), CLOCK));
        // The desktop's opener, as xdg-open answers without a program for PDF files (status 3).
        FileOpener noViewer = new FileOpener(p -> {
            opened.add(List.of(p.toString()));
            return List.of("sh", "-c", "exit 3");
        }, FileOpener.WAIT, ZH, UiExecutor.fx());
        action = new MonthlyReportAction(writer, ZH, CLOCK, StatsFixtures.ZONE, UiExecutor.fx(), noViewer);
        stage.setScene(new Scene(new Label("console"), 400, 200));
        stage.show();
        dialog = new MonthlyReportDialog(action, ZH, stage);
        dialog.show();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        for (Path dir : List.of(storeDir, outDir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void theOfficerChoosesTheCurrentMonthWritesItOpensItAndClosesTheWindowByKeyboard(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<ReportMonth> month = robot.lookup("#report-month").queryAs(ComboBox.class);
        TextField file = robot.lookup("#report-file").queryAs(TextField.class);
        Label status = robot.lookup("#report-status").queryAs(Label.class);
        FxWait.until("the months are offered, last month first chosen", LIMIT,
                () -> month.getValue() != null && month.getValue().month().equals(YearMonth.of(2026, 11)));
        assertThat(month.getItems()).extracting(action::monthLabel)
                .containsExactly("2026年12月（本月至今，截至12月15日）", "2026年11月", "2026年10月");
        assertThat(file.getText()).endsWith("月报-2026-11.pdf");
        FxWait.until("the month list has the keyboard", LIMIT, month::isFocused);

        // F4 opens the list, Up goes to the current month, Enter takes it.
        robot.type(KeyCode.F4);
        FxWait.until("the month list is open", LIMIT, month::isShowing);
        robot.type(KeyCode.UP).type(KeyCode.ENTER);
        FxWait.until("the current month is chosen", LIMIT,
                () -> month.getValue() != null && month.getValue().toDate() && !month.isShowing());
        assertThat(file.getText()).endsWith("月报-2026-12-截至2026-12-15.pdf");

        // Tab to the file, replace it, Enter writes.
        Path pdf = outDir.resolve("december.pdf");
        robot.type(KeyCode.TAB);
        FxWait.until("the file field has the keyboard", LIMIT, file::isFocused);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(pdf.toString());
        FxWait.until("the path is typed", LIMIT, () -> file.getText().equals(pdf.toString()));
        robot.type(KeyCode.ENTER);
        FxWait.until("the report is written", LIMIT, () -> action.writtenProperty().get() != null);
        assertThat(action.writtenProperty().get()).isEqualTo(pdf);
        assertThat(Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');
        assertThat(Files.readString(outDir.resolve("december.html"))).contains("2026年12月（截至12月15日）");
        assertThat(status.getText()).isEqualTo("已写入 " + pdf + "（网页版 december.html 在同一文件夹）");

        // Enter now opens the PDF; the desktop has no program for it, and the window says so.
        Button open = robot.lookup("#report-open").queryButton();
        FxWait.until("Open PDF has the keyboard", LIMIT, () -> open.isFocused() && open.isDefaultButton());
        robot.type(KeyCode.ENTER);
        FxWait.until("the failure is told in words", LIMIT, () -> status.getText().startsWith("无法打开"));
        assertThat(status.getText()).isEqualTo("无法打开 " + pdf + "：本机没有能打开它的程序");
        assertThat(opened).containsExactly(List.of(pdf.toString()));

        robot.type(KeyCode.ESCAPE);
        FxWait.until("Esc closed the window", LIMIT, () -> !dialog.stage().isShowing());
    }

    @Test
    void englishNamesTheMonthsAndTheCurrentOneToDate() {
        MonthlyReportAction en = new MonthlyReportAction(null, Messages.forLocale(java.util.Locale.ENGLISH), CLOCK,
                StatsFixtures.ZONE, UiExecutor.fx(), null);
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 15);
        assertThat(en.monthLabel(new ReportMonth(YearMonth.of(2026, 12), true, today)))
                .isEqualTo("December 2026 (to date, 15 December)");
        assertThat(en.monthLabel(new ReportMonth(YearMonth.of(2026, 11), false, today))).isEqualTo("November 2026");
        assertThat(en.defaultFile(new ReportMonth(YearMonth.of(2026, 12), true, today)).getFileName().toString())
                .isEqualTo("monthly-report-2026-12-to-2026-12-15.pdf");
    }
}
