package org.gridcommand.ui.queue;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gridcommand.ui.shared.CaseTexts;

/** The selected case: fields, SLA per stage, timeline, merged reports and evidence, one scrolling column. */
public final class CaseDetailView extends ScrollPane {
    private final CaseDetailViewModel model;
    private final String exportText;
    private final GridPane fields = new GridPane();
    private final GridPane sla = new GridPane();
    private final VBox timeline = new VBox(4);
    private final VBox merged = new VBox(4);
    private final VBox evidence = new VBox(4);
    private Function<CaseDetailViewModel.EvidenceLine, Path> evidenceTarget = this::chooseEvidenceFile;

    public CaseDetailView(CaseDetailViewModel model, CaseTexts texts) {
        this.model = model;
        setId("case-detail");
        getStyleClass().add("case-detail");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        Label title = new Label();
        title.setId("case-detail-title");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        Label problem = new Label();
        problem.getStyleClass().add("input-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        fields.setId("case-detail-fields");
        twoColumns(fields);
        sla.setId("case-detail-sla");
        sla.setHgap(12);
        sla.setVgap(4);
        timeline.setId("case-timeline");
        merged.setId("case-merged");

        Label slaHeader = section(texts.get("detail.section.sla"));
        Label timelineHeader = section(texts.get("detail.section.timeline"));
        Label mergedHeader = section(texts.get("detail.section.merged"));
        mergedHeader.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.mergedReports()));
        mergedHeader.managedProperty().bind(mergedHeader.visibleProperty());
        for (Label header : new Label[] {slaHeader, timelineHeader}) {
            header.visibleProperty().bind(model.caseProperty().isNotNull());
            header.managedProperty().bind(header.visibleProperty());
        }

        evidence.setId("case-evidence");
        Label evidenceHeader = section(texts.get("evidence.section"));
        evidenceHeader.visibleProperty().bind(Bindings.isNotEmpty(model.evidence()));
        evidenceHeader.managedProperty().bind(evidenceHeader.visibleProperty());
        Label evidenceMessage = new Label();
        evidenceMessage.setId("case-evidence-message");
        evidenceMessage.setWrapText(true);
        evidenceMessage.textProperty().bind(model.evidenceMessageProperty());
        evidenceMessage.managedProperty().bind(evidenceMessage.textProperty().isNotEmpty());
        evidenceMessage.visibleProperty().bind(evidenceMessage.managedProperty());
        this.exportText = texts.get("evidence.export");

        VBox content = new VBox(8, title, problem, fields, slaHeader, sla, timelineHeader, timeline, mergedHeader,
                merged, evidenceHeader, evidence, evidenceMessage);
        content.setPadding(new Insets(8, 10, 12, 10));
        setContent(content);

        model.fields().addListener((ListChangeListener<CaseDetailViewModel.Field>) c -> showFields());
        model.sla().addListener((ListChangeListener<CaseDetailViewModel.SlaLine>) c -> showSla());
        model.timeline().addListener((ListChangeListener<CaseDetailViewModel.TimelineLine>) c -> showTimeline());
        model.mergedReports().addListener((ListChangeListener<String>) c -> showMerged());
        model.evidence().addListener((ListChangeListener<CaseDetailViewModel.EvidenceLine>) c -> showEvidence());
    }

    /**
     * Replaces the save dialog of "Export…" on an evidence line: given the line, the file to write, or null to
     * cancel. Tests pass a path so no native dialog opens.
     */
    public void setEvidenceTargetChooser(Function<CaseDetailViewModel.EvidenceLine, Path> chooser) {
        evidenceTarget = chooser == null ? this::chooseEvidenceFile : chooser;
    }

    private static void twoColumns(GridPane grid) {
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, values);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-section");
        return l;
    }

    private void showFields() {
        fields.getChildren().clear();
        int row = 0;
        for (CaseDetailViewModel.Field f : model.fields()) {
            Label name = new Label(f.label());
            name.getStyleClass().add("detail-label");
            Label value = new Label(f.value());
            value.setId("detail-" + f.key());
            value.getStyleClass().add("detail-value");
            value.setWrapText(true);
            fields.addRow(row++, name, value);
        }
    }

    private void showSla() {
        sla.getChildren().clear();
        int row = 0;
        for (CaseDetailViewModel.SlaLine line : model.sla()) {
            Label stage = new Label(line.name());
            stage.getStyleClass().add("detail-label");
            Label due = new Label(line.due());
            Label state = new Label(line.mark() + " " + line.state());
            state.getStyleClass().add(line.style());
            sla.addRow(row++, stage, due, state);
        }
    }

    private void showTimeline() {
        timeline.getChildren().clear();
        for (CaseDetailViewModel.TimelineLine line : model.timeline()) {
            Label l = new Label(line.text());
            l.getStyleClass().add("timeline-entry");
            l.setWrapText(true);
            timeline.getChildren().add(l);
        }
    }

    private void showEvidence() {
        evidence.getChildren().clear();
        for (CaseDetailViewModel.EvidenceLine line : model.evidence()) {
            Label l = new Label(line.text());
            l.getStyleClass().add("evidence-entry");
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(l, Priority.ALWAYS);
            Button export = new Button(exportText);
            export.setId("case-evidence-export-" + line.evidence().id());
            export.setFocusTraversable(false);
            export.setOnAction(e -> {
                Path target = evidenceTarget.apply(line);
                if (target != null) {
                    model.exportEvidence(line.evidence(), target);
                }
            });
            HBox row = new HBox(8, l, export);
            row.setAlignment(Pos.CENTER_LEFT);
            evidence.getChildren().add(row);
        }
    }

    private Path chooseEvidenceFile(CaseDetailViewModel.EvidenceLine line) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(exportText);
        chooser.setInitialFileName(line.evidence().caseId() + "_" + line.evidence().cameraId()
                .replaceAll("[^A-Za-z0-9._-]", "_") + "_" + line.evidence().id() + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    private void showMerged() {
        merged.getChildren().clear();
        for (String line : model.mergedReports()) {
            Label l = new Label(line);
            l.getStyleClass().add("merged-entry");
            l.setWrapText(true);
            merged.getChildren().add(l);
        }
    }
}
