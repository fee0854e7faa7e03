package org.gridcommand.ui.queue;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected case: fields, SLA per stage, timeline and merged reports, one scrolling column. */
public final class CaseDetailView extends ScrollPane {
    private final CaseDetailViewModel model;
    private final GridPane fields = new GridPane();
    private final GridPane sla = new GridPane();
    private final VBox timeline = new VBox(4);
    private final VBox merged = new VBox(4);

    public CaseDetailView(CaseDetailViewModel model, QueueTexts texts) {
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

        VBox content = new VBox(8, title, problem, fields, slaHeader, sla, timelineHeader, timeline, mergedHeader, merged);
        content.setPadding(new Insets(8, 10, 12, 10));
        setContent(content);

        model.fields().addListener((ListChangeListener<CaseDetailViewModel.Field>) c -> showFields());
        model.sla().addListener((ListChangeListener<CaseDetailViewModel.SlaLine>) c -> showSla());
        model.timeline().addListener((ListChangeListener<CaseDetailViewModel.TimelineLine>) c -> showTimeline());
        model.mergedReports().addListener((ListChangeListener<String>) c -> showMerged());
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
