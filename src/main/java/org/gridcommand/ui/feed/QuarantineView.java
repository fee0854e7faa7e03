package org.gridcommand.ui.feed;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.ui.fx.FxThread;

/**
 * The quarantine: the newest messages the field feed could not accept, each with its time, topic, reason
 * and the sentence naming the problem; the selected one's raw payload below. Read from the store off the
 * FX thread; Escape closes.
 */
public final class QuarantineView {
    private static final int SHOWN = 500;
    private static final int PAYLOAD_SHOWN = 4_000;
    private final TableView<Quarantined> table = new TableView<>();
    private final TextArea payload = new TextArea();
    private final Label summary = new Label();
    private final Stage stage = new Stage();

    public QuarantineView(FeedStore store, Messages text, ZoneId zone, Window owner, List<String> stylesheets) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(zone);
        table.setId("quarantine-table");
        table.setFixedCellSize(30);
        table.setPlaceholder(new Label(text.get("quarantine.loading")));
        table.getColumns().add(column(text.get("quarantine.col.time"), 120, q -> time.format(q.receivedAt())));
        table.getColumns().add(column(text.get("quarantine.col.reason"), 200,
                q -> text.get("quarantine.reason." + q.reason().name())));
        table.getColumns().add(column(text.get("quarantine.col.topic"), 260, Quarantined::topic));
        table.getColumns().add(column(text.get("quarantine.col.detail"), 560, Quarantined::detail));
        payload.setId("quarantine-payload");
        payload.setEditable(false);
        payload.setWrapText(true);
        payload.setPrefRowCount(6);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, q) -> payload.setText(q == null ? ""
                : shortened(new String(q.payload(), StandardCharsets.UTF_8))));
        summary.setId("quarantine-summary");
        VBox bottom = new VBox(6, new Label(text.get("quarantine.payload")), payload);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        BorderPane root = new BorderPane(table, summary, null, bottom, null);
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 1200, 640);
        scene.getStylesheets().addAll(stylesheets);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(text.get("quarantine.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
        }
        FxThread.background(() -> new Loaded(store.quarantine(SHOWN), store.quarantineCount()), loaded -> {
            table.getItems().setAll(loaded.rows());
            table.setPlaceholder(new Label(text.get("quarantine.empty")));
            summary.setText(text.format("quarantine.summary", loaded.total(), loaded.rows().size()));
            if (!loaded.rows().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        }, error -> summary.setText(text.format("quarantine.error", error.getMessage())));
    }

    private record Loaded(List<Quarantined> rows, long total) {
    }

    public void show() {
        stage.show();
        table.requestFocus();
    }

    public Stage stage() {
        return stage;
    }

    private static String shortened(String s) {
        return s.length() <= PAYLOAD_SHOWN ? s : s.substring(0, PAYLOAD_SHOWN) + " …";
    }

    private static TableColumn<Quarantined, String> column(String title, double width,
                                                           java.util.function.Function<Quarantined, String> value) {
        TableColumn<Quarantined, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
