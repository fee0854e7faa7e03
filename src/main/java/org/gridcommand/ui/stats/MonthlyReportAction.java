package org.gridcommand.ui.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.gridcommand.common.Messages;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.report.MonthlyReportWriter;
import org.gridcommand.report.ReportMonths;
import org.gridcommand.report.ReportMonths.ReportMonth;

/**
 * "Monthly report…" from the dashboard: the month the officer chooses (any month of the store's history, the
 * current one as month to date) to a PDF, with the HTML beside it, built off the FX thread with its progress shown —
 * the same writer as {@code gridcommand report monthly} — and then the PDF or its folder opened with the desktop's
 * program. The state here is what {@link MonthlyReportDialog} shows; the dashboard's bar shows it too.
 */
public final class MonthlyReportAction {
    private final MonthlyReportWriter writer;
    private final Messages text;
    private final Clock clock;
    private final ZoneId zone;
    private final UiExecutor ui;
    private final FileOpener opener;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>(this, "written");
    private Path folder;

    public MonthlyReportAction(MonthlyReportWriter writer, Messages text, Clock clock, ZoneId zone, UiExecutor ui) {
        this(writer, text, clock, zone, ui, FileOpener.forThisDesktop(text, ui));
    }

    MonthlyReportAction(MonthlyReportWriter writer, Messages text, Clock clock, ZoneId zone, UiExecutor ui,
                        FileOpener opener) {
        this.writer = writer;
        this.text = text;
        this.clock = clock;
        this.zone = zone;
        this.ui = ui;
        this.opener = opener;
    }

    /** The month a report is usually for: the last whole one. */
    public YearMonth lastMonth() {
        return YearMonth.from(clock.instant().atZone(zone)).minusMonths(1);
    }

    /** Reads which months can be reported (one query, off the FX thread); {@code loaded} runs on the FX thread. */
    public void loadMonths(Consumer<ReportMonths> loaded) {
        ui.background(writer::months, loaded, error -> message.set(text.format("statsdash.report.failed",
                String.valueOf(error.getMessage()))));
    }

    /** "2026年11月", "2026年12月（截至12月7日）" / "November 2026", "December 2026 (to date, 7 December)". */
    public String monthLabel(ReportMonth m) {
        String year = Integer.toString(m.month().getYear());
        String number = Integer.toString(m.month().getMonthValue());
        String name = m.month().getMonth().getDisplayName(TextStyle.FULL, text.locale());
        return m.toDate()
                ? text.format("statsdash.report.monthToDate", year, number, name, Integer.toString(m.today().getDayOfMonth()))
                : text.format("statsdash.report.month", year, number, name);
    }

    /** Where the month's PDF goes unless the officer says otherwise: the last folder used, else Documents or home. */
    public Path defaultFile(ReportMonth m) {
        String file = m.toDate() ? text.format("statsdash.report.fileNameToDate", m.month().toString(), m.today().toString())
                : text.format("statsdash.report.fileName", m.month().toString());
        return defaultFolder().resolve(file);
    }

    private Path defaultFolder() {
        if (folder != null) {
            return folder;
        }
        Path home = Path.of(System.getProperty("user.home", "."));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    /** Builds the month's report into {@code pdf} and an HTML page beside it. FX thread; completes on it. */
    public CompletableFuture<Path> run(YearMonth month, Path pdf) {
        busy.set(true);
        progress.set(0);
        written.set(null);
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
            folder = done.toAbsolutePath().getParent();
            written.set(done);
            message.set(text.format("statsdash.report.wroteBoth", done.toString(), html.getFileName().toString()));
        }, error -> {
            busy.set(false);
            message.set(text.format("statsdash.report.failed", String.valueOf(error.getMessage())));
        });
    }

    /** Opens the PDF just written with the desktop's program; the outcome, in words, becomes the message. */
    public void openWritten() {
        Path pdf = written.get();
        if (pdf != null) {
            message.set(text.format("statsdash.report.opening", pdf.toString()));
            opener.open(pdf, message::set);
        }
    }

    /** Opens the folder of the PDF just written. */
    public void openWrittenFolder() {
        Path pdf = written.get();
        if (pdf != null) {
            Path dir = pdf.toAbsolutePath().getParent();
            message.set(text.format("statsdash.report.opening", dir.toString()));
            opener.open(dir, message::set);
        }
    }

    /** The button, the progress bar and the line for the dashboard's bar; the button opens the month chooser. */
    public Node controls(Window owner) {
        Button button = new Button(text.get("statsdash.report.button"));
        button.setId("statsdash-report");
        button.setOnAction(e -> new MonthlyReportDialog(this, text, owner).show());
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

    /** The PDF the last run wrote; null before one succeeds (and while the next runs). */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }
}
