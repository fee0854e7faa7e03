package org.gridcommand.ui.handover;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.common.Messages;
import org.gridcommand.handover.HandoverReport;

/**
 * The shift handover window (Ctrl+H): the report in five sections, a button for the incoming officer to take
 * over (recorded durably) and an HTML export to print. Built on the FX thread; the model does the work.
 */
public final class HandoverView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final HandoverViewModel model;
    private final Messages text;
    private final ZoneId zone;
    private final Stage stage = new Stage();
    private final Label title = new Label();
    private final Label prepared = new Label();
    private final VBox sections = new VBox(6);

    public HandoverView(HandoverViewModel model, Messages text, ZoneId zone, Window owner, List<String> stylesheets) {
        this.model = model;
        this.text = text;
        this.zone = zone;
        title.setId("handover-title");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        prepared.setId("handover-prepared");
        Label status = new Label();
        status.setId("handover-status");
        status.textProperty().bind(model.statusProperty());
        Button acknowledge = new Button(text.get("handover.acknowledge"));
        acknowledge.setId("handover-acknowledge");
        acknowledge.setDefaultButton(true);
        acknowledge.disableProperty().bind(model.reportProperty().isNull().or(model.busyProperty())
                .or(model.acknowledgementProperty().isNotNull()));
        acknowledge.setOnAction(e -> model.acknowledge());
        Button export = new Button(text.get("handover.export"));
        export.setId("handover-export");
        export.disableProperty().bind(model.reportProperty().isNull());
        export.setOnAction(e -> chooseExportFile());
        HBox actions = new HBox(10, acknowledge, export, status);
        actions.setPadding(new Insets(8, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        VBox root = new VBox(8, title, prepared, scroll, actions);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        root.setPadding(new Insets(12));
        root.setId("handover-root");
        model.reportProperty().addListener((o, was, now) -> show(now));
        Scene scene = new Scene(root, 1000, 760);
        scene.getStylesheets().addAll(stylesheets);
        // Esc closes it like every secondary window; nothing is typed here, so nothing is lost, and Ctrl+H opens it
        // again as it was (a taken-over shift stays taken over).
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(text.get("handover.window.title"));
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    public HandoverViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    /** Shows the window and prepares the report in the background. */
    public void show() {
        stage.show();
        model.load();
    }

    private void chooseExportFile() {
        HandoverReport r = model.reportProperty().get();
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
        chooser.setInitialFileName("handover-" + r.shift().day() + "-" + r.shift().shift().code() + ".html");
        java.io.File file = chooser.showSaveDialog(stage);
        if (file != null) {
            model.exportTo(Path.of(file.getPath()));
        }
    }

    private void show(HandoverReport r) {
        sections.getChildren().clear();
        if (r == null) {
            return;
        }
        Locale locale = text.locale();
        title.setText(text.format("handover.title.shift", r.shift().shift().name().in(locale), time(r.shift().from()),
                time(r.shift().to())));
        prepared.setText(text.format("handover.preparedAt", time(r.preparedAt()),
                r.handedOverBy() == null ? text.get("handover.unknownOfficer") : r.handedOverBy()));
        List<String> cases = new ArrayList<>();
        for (HandoverReport.OpenCase c : r.openCases()) {
            cases.add(c.caseId() + "  " + (c.categoryName() == null ? c.categoryCode() : c.categoryName().in(locale))
                    + "  " + text.get("priority." + c.priority().name()) + "  " + text.get("state." + c.state().name())
                    + (c.sla() == null ? "" : "  " + text.get("sla.stage." + c.stage().name()) + " · "
                    + text.get("sla.state." + c.sla().name()) + " · " + time(c.due())));
        }
        section("handover-cases", text.format("handover.section.cases", r.openCases().size(), r.overdueCases()), cases);
        List<String> steps = new ArrayList<>();
        for (HandoverReport.OpenStep s : r.openSteps()) {
            steps.add(s.caseId() + "  " + s.planName().in(locale) + "  " + s.number() + " " + s.title().in(locale)
                    + "  " + time(s.dueAt()) + (s.overdue() ? "  ⚠ " + text.get("sla.state.OVERDUE") : ""));
        }
        section("handover-steps", text.format("handover.section.steps", r.openSteps().size()), steps);
        List<String> cameras = new ArrayList<>();
        for (HandoverReport.OfflineCamera c : r.offlineCameras()) {
            cameras.add(c.name().in(locale) + " (" + c.cameraId() + ")  " + text.get("handover.col.lostSince") + " "
                    + time(c.lostSince()));
        }
        section("handover-cameras", text.format("handover.section.cameras", r.offlineCameras().size()), cameras);
        List<String> workers = new ArrayList<>();
        for (HandoverReport.WorkerAway w : r.workers()) {
            workers.add(w.name().in(locale) + "  " + w.ownGrid() + "  " + text.get("handover.where." + w.whereabouts().name())
                    + (w.seenInGrid() == null ? "" : " " + w.seenInGrid()) + "  " + time(w.lastSeen()));
        }
        section("handover-workers", text.format("handover.section.workers", r.workers().size()), workers);
        List<String> events = new ArrayList<>();
        for (HandoverReport.NotableEvent e : r.events()) {
            String what = e.action() == CaseAction.REPORT ? text.get("handover.urgentReported")
                    : text.get("caseAction." + e.action().name());
            events.add(time(e.at()) + "  " + e.caseId() + "  " + what + "  " + e.operatorName()
                    + (e.note() == null ? "" : "  " + e.note()));
        }
        section("handover-events", text.format("handover.section.events", r.events().size()), events);
    }

    private void section(String id, String heading, List<String> lines) {
        Label label = new Label(heading);
        label.setId(id + "-heading");
        label.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        ListView<String> list = new ListView<>();
        list.setId(id);
        list.getItems().setAll(lines);
        list.setPrefHeight(Math.min(8, Math.max(1, lines.size())) * 26 + 4);
        sections.getChildren().addAll(label, list);
    }

    private String time(java.time.Instant t) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }
}
