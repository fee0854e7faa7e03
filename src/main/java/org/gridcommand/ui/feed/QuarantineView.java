package org.gridcommand.ui.feed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.fx.UiExecutor;

/**
 * The quarantine: the newest messages the field feed could not accept, each with its time, reason, sender, size,
 * digest, topic and the sentence naming the problem; the selected one in full below (sender, exact size, whole
 * SHA-256, whether only a prefix was kept, the problem) with its raw payload. Everything a device sent is shown
 * through {@link PayloadText}: control characters and bytes that are not UTF-8 appear as escapes, nothing is
 * interpreted. Read from the store off the FX thread; Escape closes.
 */
public final class QuarantineView {
    private final java.util.function.Function<Throwable, String> failureWords;
    private static final int SHOWN = 500;
    private final Messages text;
    private final UiExecutor ui;
    private final TableView<Quarantined> table = new TableView<>();
    private final TextArea payload = new TextArea();
    private final Label summary = new Label();
    private final Label sender = new Label();
    private final Label size = new Label();
    private final TextField digest = new TextField();
    private final Label truncated = new Label();
    private final Label problem = new Label();
    private final Stage stage = new Stage();

    public QuarantineView(FeedStore store, Messages text, ZoneId zone, Window owner, List<String> stylesheets,
                          UiExecutor ui) {
        this(store, text, zone, owner, stylesheets, org.gridcommand.feed.FeedHealth::words, ui);
    }

    /** @param failureWords a failure to read the quarantine in the officer's words (the store's diagnosis) */
    public QuarantineView(FeedStore store, Messages text, ZoneId zone, Window owner, List<String> stylesheets,
                          java.util.function.Function<Throwable, String> failureWords, UiExecutor ui) {
        this.failureWords = failureWords;
        this.text = text;
        this.ui = ui;
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(zone);
        table.setId("quarantine-table");
        table.setFixedCellSize(30);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("quarantine.loading")));
        table.getColumns().add(column("quarantine-col-time", text.get("quarantine.col.time"), 130,
                q -> time.format(q.receivedAt())));
        table.getColumns().add(column("quarantine-col-reason", text.get("quarantine.col.reason"), 210,
                q -> text.get("quarantine.reason." + q.reason().name())));
        table.getColumns().add(column("quarantine-col-sender", text.get("quarantine.col.sender"), 110, this::senderOf));
        table.getColumns().add(column("quarantine-col-size", text.get("quarantine.col.size"), 190, this::sizeOf));
        TableColumn<Quarantined, String> sha = column("quarantine-col-sha", text.get("quarantine.col.sha"), 150,
                q -> PayloadText.shortDigest(q.payloadSha256()));
        // The whole digest on the cell's tooltip; the detail below has it too, selectable for copying.
        sha.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Quarantined q = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(q == null || q.payloadSha256() == null ? null
                        : new Tooltip(PayloadText.line(q.payloadSha256())));
            }
        });
        sha.getStyleClass().add("quarantine-digest");
        table.getColumns().add(sha);
        table.getColumns().add(column("quarantine-col-topic", text.get("quarantine.col.topic"), 300,
                q -> PayloadText.line(q.topic())));
        table.getColumns().add(column("quarantine-col-detail", text.get("quarantine.col.detail"), 480,
                q -> PayloadText.line(q.detail())));

        sender.setId("quarantine-sender");
        size.setId("quarantine-size");
        digest.setId("quarantine-sha");
        digest.setEditable(false);
        digest.getStyleClass().add("quarantine-digest");
        digest.setPrefColumnCount(66);
        truncated.setId("quarantine-truncated");
        truncated.getStyleClass().add("status-warning");
        truncated.managedProperty().bind(truncated.visibleProperty());
        problem.setId("quarantine-problem");
        problem.setWrapText(true);
        payload.setId("quarantine-payload");
        payload.setEditable(false);
        payload.setWrapText(true);
        payload.setPrefRowCount(7);
        payload.getStyleClass().add("quarantine-payload");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, q) -> showDetail(q));
        showDetail(null);

        summary.setId("quarantine-summary");
        summary.setPadding(new Insets(0, 0, 8, 0));
        Label shaLabel = new Label(text.get("quarantine.detail.sha"));
        HBox facts = new HBox(24, sender, size);
        HBox shaLine = new HBox(8, shaLabel, digest);
        shaLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(digest, Priority.ALWAYS);
        Label payloadLabel = new Label(text.get("quarantine.payload"));
        payloadLabel.setWrapText(true);
        VBox bottom = new VBox(6, facts, shaLine, problem, truncated, payloadLabel, payload);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        BorderPane root = new BorderPane(table, summary, null, bottom, null);
        root.setId("quarantine-root");
        root.getStyleClass().add("quarantine-view");
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 1560, 860);
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
        ui.background(() -> new Loaded(store.quarantine(SHOWN), store.quarantineCount()), loaded -> {
            table.getItems().setAll(loaded.rows());
            table.setPlaceholder(new Label(text.get("quarantine.empty")));
            summary.setText(text.format("quarantine.summary", loaded.total(), loaded.rows().size()));
            if (!loaded.rows().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        }, error -> {
            String words = text.format("quarantine.error", failureWords.apply(error));
            summary.setText(words);
            // Not "loading…" forever: the table says it too, where the eye goes.
            Label placeholder = new Label(words);
            placeholder.setWrapText(true);
            table.setPlaceholder(placeholder);
        });
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

    public TableView<Quarantined> table() {
        return table;
    }

    private void showDetail(Quarantined q) {
        boolean none = q == null;
        sender.setText(none ? "" : text.format("quarantine.detail.sender", senderOf(q)));
        size.setText(none ? "" : text.format("quarantine.detail.size", PayloadText.size(q.payloadSize()),
                q.payloadSize()));
        digest.setText(none || q.payloadSha256() == null ? "" : PayloadText.line(q.payloadSha256()));
        problem.setText(none ? "" : text.get("quarantine.reason." + q.reason().name()) + " · "
                + PayloadText.line(q.detail()));
        truncated.setVisible(!none && q.truncated());
        truncated.setText(none || !q.truncated() ? "" : text.format("quarantine.truncated",
                PayloadText.size(q.payload().length), PayloadText.size(q.payloadSize())));
        payload.setText(none ? "" : PayloadText.of(q.payload()));
    }

    private String senderOf(Quarantined q) {
        return q.senderId() == null || q.senderId().isBlank() ? text.get("quarantine.noSender")
                : PayloadText.line(q.senderId());
    }

    private String sizeOf(Quarantined q) {
        String whole = PayloadText.size(q.payloadSize());
        return q.truncated() ? text.format("quarantine.size.cut", whole, PayloadText.size(q.payload().length)) : whole;
    }

    private static TableColumn<Quarantined, String> column(String id, String title, double width,
                                                           Function<Quarantined, String> value) {
        TableColumn<Quarantined, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
