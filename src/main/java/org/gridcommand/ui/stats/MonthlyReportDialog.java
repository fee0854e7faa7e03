package org.gridcommand.ui.stats;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gridcommand.common.Messages;
import org.gridcommand.report.ReportMonths;
import org.gridcommand.report.ReportMonths.ReportMonth;

/**
 * The monthly report's window: choose the month (newest first, the current one as month to date, last month chosen
 * at first), where the PDF goes, write it with its progress shown, then open the PDF or its folder. All by keyboard:
 * the month list has the focus, Alt+letter reaches each field, Enter writes (and, once written, opens the PDF), Esc
 * closes (or first closes an open month list).
 */
final class MonthlyReportDialog {
    private final MonthlyReportAction action;
    private final Messages text;
    private final Stage stage = new Stage();
    private final ComboBox<ReportMonth> month = new ComboBox<>();
    private final TextField file = new TextField();
    private final Button write;
    private final Button open;
    private final Button openFolder;

    MonthlyReportDialog(MonthlyReportAction action, Messages text, Window owner) {
        this.action = action;
        this.text = text;
        month.setId("report-month");
        month.setCellFactory(l -> new MonthCell());
        month.setButtonCell(new MonthCell());
        month.setMaxWidth(Double.MAX_VALUE);
        month.setVisibleRowCount(12);
        month.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                file.setText(fileFor(now).toString());
            }
        });
        file.setId("report-file");
        file.setPrefColumnCount(42);
        Button browse = new Button(text.get("statsdash.report.browse"));
        browse.setId("report-browse");
        browse.setOnAction(e -> browse());
        write = new Button(text.get("statsdash.report.write"));
        write.setId("report-write");
        write.setDefaultButton(true);
        write.setOnAction(e -> write());
        open = new Button(text.get("statsdash.report.open"));
        open.setId("report-open");
        open.setOnAction(e -> action.openWritten());
        openFolder = new Button(text.get("statsdash.report.openFolder"));
        openFolder.setId("report-open-folder");
        openFolder.setOnAction(e -> action.openWrittenFolder());
        Button close = new Button(text.get("statsdash.report.close"));
        close.setId("report-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());

        write.disableProperty().bind(action.busyProperty().or(month.valueProperty().isNull())
                .or(file.textProperty().isEmpty()));
        open.disableProperty().bind(action.writtenProperty().isNull());
        openFolder.disableProperty().bind(action.writtenProperty().isNull());
        // Once written, Enter opens the PDF; choosing another month or file makes Enter write again.
        action.writtenProperty().addListener((o, was, now) -> {
            write.setDefaultButton(now == null);
            open.setDefaultButton(now != null);
            if (now != null) {
                open.requestFocus();
            }
        });
        month.valueProperty().addListener((o, was, now) -> writeAgain());
        file.textProperty().addListener((o, was, now) -> writeAgain());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, label("statsdash.report.monthLabel", month), month);
        form.addRow(1, label("statsdash.report.fileLabel", file), file, browse);
        GridPane.setColumnSpan(month, 2);
        GridPane.setHgrow(file, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.setId("report-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(action.progressProperty());
        bar.visibleProperty().bind(action.busyProperty());
        Label status = new Label();
        status.setId("report-status");
        status.setWrapText(true);
        status.textProperty().bind(action.messageProperty());
        Label hint = new Label(text.get("statsdash.report.hint"));
        hint.setStyle("-fx-opacity: 0.75;");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, hint, gap, write, open, openFolder, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(12, form, bar, status, buttons);
        root.setPadding(new Insets(16));
        root.setId("report-dialog");
        root.setPrefWidth(820);

        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Esc on an open month list closes the list (the combo's own handling); otherwise the window.
            if (e.getCode() == KeyCode.ESCAPE && !month.isShowing()) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(text.get("statsdash.report.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
    }

    /** Shows the window, reads the months off the FX thread, then chooses the usual one and gives it the focus. */
    void show() {
        stage.show();
        month.requestFocus();
        action.loadMonths(this::fill);
    }

    Stage stage() {
        return stage;
    }

    private void fill(ReportMonths months) {
        month.getItems().setAll(months.all());
        if (months.isEmpty()) {
            file.setDisable(true);
            file.setText("");
            file.setPromptText(text.get("statsdash.report.noMonths"));
            return;
        }
        month.setValue(months.usual().orElseThrow());
        month.requestFocus();
    }

    /** The month's file name in the folder the field already names (the officer's choice is kept), else the default. */
    private Path fileFor(ReportMonth m) {
        Path usual = action.defaultFile(m);
        String current = file.getText().strip();
        Path folder = current.isEmpty() ? null : Path.of(current).toAbsolutePath().getParent();
        return folder == null ? usual : folder.resolve(usual.getFileName());
    }

    private void writeAgain() {
        if (action.writtenProperty().get() != null && !action.busyProperty().get()) {
            open.setDefaultButton(false);
            write.setDefaultButton(true);
        }
    }

    private void write() {
        ReportMonth m = month.getValue();
        String target = file.getText().strip();
        if (m == null || target.isEmpty()) {
            return;
        }
        Path pdf = Path.of(target.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? target : target + ".pdf");
        file.setText(pdf.toString());
        action.run(m.month(), pdf);
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("statsdash.report.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        Path current = Path.of(file.getText().isBlank() ? "." : file.getText().strip()).toAbsolutePath();
        File dir = current.getParent() == null ? null : current.getParent().toFile();
        if (dir != null && dir.isDirectory()) {
            chooser.setInitialDirectory(dir);
        }
        chooser.setInitialFileName(current.getFileName() == null ? "" : current.getFileName().toString());
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            file.setText(chosen.getPath());
        }
    }

    private Label label(String key, javafx.scene.Node target) {
        Label l = new Label(text.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    private final class MonthCell extends ListCell<ReportMonth> {
        @Override
        protected void updateItem(ReportMonth item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : action.monthLabel(item));
        }
    }
}
