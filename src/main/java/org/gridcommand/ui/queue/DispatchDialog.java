package org.gridcommand.ui.queue;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.DispatchAdvisor;
import org.gridcommand.directory.Department;
import org.gridcommand.ui.shared.CaseTexts;
import org.gridcommand.ui.shared.Dialogs;

/**
 * Whom to dispatch to: the advisor's list as it gives it (the case's own grid's workers on duty first,
 * nearest first, then the nearest on-duty workers elsewhere, then the departments that take the category).
 * The first is preselected; arrows move, Enter dispatches, Esc cancels.
 */
public final class DispatchDialog extends Dialog<Assignee> {
    /** One line of the list. kind is "own", "near" or "department" (also the cell's style class suffix). */
    public record Option(Assignee assignee, String kind, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ListView<Option> list = new ListView<>();

    public DispatchDialog(CaseTexts texts, Node near, Case aCase, DispatchAdvisor.Advice advice) {
        Dialogs.prepare(this, near);
        setTitle(texts.get("dispatch.title"));
        setHeaderText(texts.format("dispatch.header", texts.categoryName(aCase.categoryCode()), texts.gridName(aCase),
                aCase.id()));
        list.setId("dispatch-options");
        list.getItems().setAll(options(texts, advice));
        list.setPrefSize(640, 360);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Option item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("dispatch-own", "dispatch-near", "dispatch-department");
                setText(empty || item == null ? null : item.label());
                if (!empty && item != null) {
                    getStyleClass().add("dispatch-" + item.kind());
                }
            }
        });
        Label hint = new Label(texts.get("dispatch.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(640);
        Label empty = new Label(texts.get("dispatch.none"));
        empty.getStyleClass().add("input-problem");
        empty.setVisible(list.getItems().isEmpty());
        empty.managedProperty().bind(empty.visibleProperty());
        VBox box = new VBox(8, hint, list, empty);
        box.setPadding(new Insets(12));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Dialogs.labelButtons(this, texts);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("dispatch-ok");
        ok.setText(texts.get("triage.verb.DISPATCH"));
        ok.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        // The list would keep Enter to itself; here Enter means "this one".
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                e.consume();
                ok.fire();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                ok.fire();
            }
        });
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
            list.getFocusModel().focus(0);
        }
        setResultConverter(button -> button == ButtonType.OK && list.getSelectionModel().getSelectedItem() != null
                ? list.getSelectionModel().getSelectedItem().assignee() : null);
        Platform.runLater(list::requestFocus);
    }

    public ListView<Option> options() {
        return list;
    }

    static List<Option> options(CaseTexts texts, DispatchAdvisor.Advice advice) {
        List<Option> options = new ArrayList<>();
        for (DispatchAdvisor.WorkerSuggestion s : advice.workers()) {
            String name = s.worker().name().in(texts.messages().locale());
            String grid = texts.grid(s.worker().smallGrid().value()).map(g -> g.name().in(texts.messages().locale()))
                    .orElse(s.worker().smallGrid().value());
            String label = s.ownGrid()
                    ? texts.format("dispatch.worker.own", name, texts.distance(s.distanceMetres()), s.worker().phone())
                    : texts.format("dispatch.worker.near", name, grid, texts.distance(s.distanceMetres()),
                    s.worker().phone());
            options.add(new Option(Assignee.worker(s.worker().id()), s.ownGrid() ? "own" : "near", label));
        }
        for (Department d : advice.departments()) {
            options.add(new Option(Assignee.department(d.code()), "department",
                    texts.format("dispatch.department", d.name().in(texts.messages().locale()),
                            d.hotline() == null ? "" : d.hotline())));
        }
        return options;
    }
}
