package org.gridcommand.ui.stats;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.gridcommand.common.Messages;
import org.gridcommand.report.MonthlyReportWriter;
import org.gridcommand.fx.UiExecutor;

/**
 * "Monthly report…" from the dashboard: last month's report to a PDF the officer chooses (and the HTML beside it),
 * built off the FX thread with its progress shown — the same writer as {@code gridcommand report monthly}.
 */
public final class MonthlyReportAction {
    private final MonthlyReportWriter writer;
    private final Messages text;
    private final Clock clock;
    private final ZoneId zone;
    private final UiExecutor ui;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public MonthlyReportAction(MonthlyReportWriter writer, Messages text, Clock clock, ZoneId zone, UiExecutor ui) {
        this.writer = writer;
        this.text = text;
        this.clock = clock;
        this.zone = zone;
        this.ui = ui;
    }

    /** The month a report is usually for: the last whole one. */
    public YearMonth lastMonth() {
        return YearMonth.from(clock.instant().atZone(zone)).minusMonths(1);
    }

    /** Builds the month's report into {@code pdf} and an HTML page beside it. FX thread; completes on it. */
    public CompletableFuture<Path> run(YearMonth month, Path pdf) {
        busy.set(true);
        progress.set(0);
        message.set(text.get("statsdash.report.starting"));
        String name = pdf.getFileName().toString();
        Path html = pdf.resolveSibling((name.endsWith(".pdf") ? name.substring(0, name.length() - 4) : name) + ".html");
        return ui.background(() -> {
            writer.write(month, pdf, html, (percent, stage) -> ui.onUiThread(() -> {
                progress.set(percent / 100.0);
                message.set(percent + "% " + text.get("report.stage." + stage));
            }));
            return pdf;
        }, done -> {
            busy.set(false);
            progress.set(1);
            message.set(text.format("report.wrote", done.toString()));
        }, error -> {
            busy.set(false);
            message.set(text.format("statsdash.report.failed", String.valueOf(error.getMessage())));
        });
    }

    /** The button, the progress bar and the line for the dashboard's bar. */
    public Node controls(Window owner) {
        Button button = new Button(text.get("statsdash.report.button"));
        button.setId("statsdash-report");
        button.disableProperty().bind(busy);
        button.setOnAction(e -> {
            YearMonth month = lastMonth();
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.format("statsdash.report.choose", month.toString()));
            chooser.setInitialFileName(text.format("statsdash.report.fileName", month.toString()));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            var file = chooser.showSaveDialog(owner);
            if (file != null) {
                run(month, file.toPath());
            }
        });
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(busy);
        bar.managedProperty().bind(busy);
        Label line = new Label();
        line.setId("statsdash-report-line");
        line.textProperty().bind(message);
        return new HBox(8, button, bar, line);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
