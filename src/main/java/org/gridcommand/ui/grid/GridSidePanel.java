package org.gridcommand.ui.grid;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.common.Messages;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.search.GridSummary;

/** The selected grid's facts: its codes, its head, its workers (on duty first), open cases and cameras. */
public final class GridSidePanel extends VBox {
    private final Messages text;
    private final Locale locale;
    private final Label title = new Label();
    private final Label codes = new Label();
    private final Label head = new Label();
    private final ListView<String> workers = new ListView<>();
    private final ListView<String> cases = new ListView<>();
    private final ListView<String> cameras = new ListView<>();
    private final Label workersTitle = new Label();
    private final Label casesTitle = new Label();
    private final Label camerasTitle = new Label();

    public GridSidePanel(Messages text, Runnable onClose) {
        this.text = text;
        this.locale = text.locale();
        setId("grid-side-panel");
        getStyleClass().add("side-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(330);
        title.getStyleClass().add("side-panel-title");
        title.setWrapText(true);
        Button close = new Button("✕");
        close.setId("grid-side-panel-close");
        close.setOnAction(e -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, close);
        workers.setId("grid-side-workers");
        cases.setId("grid-side-cases");
        cameras.setId("grid-side-cameras");
        for (ListView<String> list : java.util.List.of(workers, cases, cameras)) {
            list.setFixedCellSize(26);
            list.setPrefHeight(26 * 4 + 4);
            VBox.setVgrow(list, Priority.SOMETIMES);
        }
        for (Label l : java.util.List.of(workersTitle, casesTitle, camerasTitle)) {
            l.getStyleClass().add("side-panel-section");
        }
        getChildren().addAll(header, codes, head, workersTitle, workers, casesTitle, cases, camerasTitle, cameras);
    }

    public void show(GridSummary summary) {
        title.setText(summary.grid().name().in(locale));
        codes.setText(text.format("grid.codes", summary.grid().code().value(),
                summary.bigGrid() == null ? "" : summary.bigGrid().name().in(locale)));
        head.setText(summary.head() == null ? text.get("grid.head.none")
                : text.format("grid.head", summary.head().name().in(locale), summary.head().phone()));
        workersTitle.setText(text.format("grid.workers", summary.workersOnDuty(), summary.workers().size()));
        workers.getItems().setAll(summary.workers().stream().map(this::workerLine).toList());
        casesTitle.setText(text.format("grid.openCases", summary.openCases().size()));
        cases.getItems().setAll(summary.openCases().stream().map(this::caseLine).toList());
        camerasTitle.setText(text.format("grid.cameras", summary.cameras().size()));
        cameras.getItems().setAll(summary.cameras().stream().map(this::cameraLine).toList());
    }

    private String workerLine(GridWorker w) {
        String duty = text.get(w.onDuty() ? "grid.worker.onDuty" : "grid.worker.offDuty");
        return w.name().in(locale) + "  " + w.phone() + "  · " + duty;
    }

    private String caseLine(Case c) {
        return text.get("priority." + c.priority().name()) + " · " + text.get("state." + c.state().name())
                + " · " + c.address();
    }

    private String cameraLine(Camera c) {
        return c.name().in(locale) + " · " + c.id();
    }
}
