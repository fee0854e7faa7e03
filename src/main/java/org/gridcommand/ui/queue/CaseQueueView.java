package org.gridcommand.ui.queue;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import java.util.function.Function;
import org.gridcommand.common.Messages;

/** The case queue table: fixed row height, one selection, priority shown as text and colour. */
public final class CaseQueueView extends VBox {
    private final TableView<CaseRow> table = new TableView<>();

    public CaseQueueView(CaseQueueViewModel model, Messages text) {
        setId("case-queue");
        table.setId("case-queue-table");
        table.setItems(model.rows());
        table.setFixedCellSize(30);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("queue.empty")));
        table.getColumns().add(column(text.get("queue.col.time"), CaseRow::time, 70));
        TableColumn<CaseRow, String> priority = column(text.get("queue.col.priority"), CaseRow::priority, 80);
        priority.setCellFactory(c -> new PriorityCell());
        table.getColumns().add(priority);
        table.getColumns().add(column(text.get("queue.col.category"), CaseRow::category, 160));
        table.getColumns().add(column(text.get("queue.col.grid"), CaseRow::grid, 170));
        table.getColumns().add(column(text.get("queue.col.state"), CaseRow::state, 90));
        table.getColumns().add(column(text.get("queue.col.channel"), CaseRow::channel, 90));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label problem = new Label();
        problem.getStyleClass().add("input-problem");
        problem.textProperty().bind(model.loadProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        getChildren().addAll(problem, table);
    }

    public TableView<CaseRow> table() {
        return table;
    }

    private static TableColumn<CaseRow, String> column(String title, Function<CaseRow, String> value, double width) {
        TableColumn<CaseRow, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())).getReadOnlyProperty());
        col.setPrefWidth(width);
        return col;
    }

    /** The priority word stays; the style class adds colour for a quicker read. */
    private static final class PriorityCell extends TableCell<CaseRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("prio-URGENT", "prio-HIGH", "prio-NORMAL", "prio-LOW");
            if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                return;
            }
            setText(item);
            getStyleClass().add("prio-" + getTableRow().getItem().source().priority().name());
        }
    }
}
