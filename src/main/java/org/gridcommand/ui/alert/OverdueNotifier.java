package org.gridcommand.ui.alert;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.gridcommand.sla.OverdueNotice;
import org.gridcommand.fx.FxThread;

/**
 * The shift supervisor's notice of overdue cases: a dark amber strip across the queue, in large words
 * (a title line with "+n more" and the buttons, then the oldest notice: case, grid, stage, due time and
 * overrun, wrapped rather than cut), with a glyph so the meaning never rests on colour. "Open" selects the case in the queue (key O), "Dismiss" takes the notice
 * down (Shift+O); the queue view binds the keys.
 *
 * <p>It only shows the notices it is told about ({@link #announce}): the escalation itself runs in the
 * application ({@code app.OverdueWatch}), whose scanner thread calls {@link #announce}; they are handed to the
 * FX thread here.
 */
public final class OverdueNotifier extends VBox {
    private final ObservableList<OverdueNotice> pending = FXCollections.observableArrayList();
    private final ObservableList<OverdueNotice> readOnlyPending = FXCollections.unmodifiableObservableList(pending);
    private final Label title = new Label();
    private final Label message = new Label();
    private final Label more = new Label();
    private final Button open = new Button();
    private final Button dismiss = new Button();
    private Function<OverdueNotice, String> describe = n -> n.stage() + " " + n.caseId();
    private Function<Integer, String> moreText = n -> "+" + n;
    private Consumer<OverdueNotice> onOpen = n -> { };

    public OverdueNotifier(String titleText, String openText, String dismissText) {
        setId("overdue-notifier");
        getStyleClass().add("overdue-notifier");
        setSpacing(2);
        // Inline, as the strip must look the same wherever it is put: dark amber, white words, large type.
        setStyle("-fx-background-color: #4a2c00; -fx-border-color: #ffb340; -fx-border-width: 0 0 2 0;"
                + " -fx-padding: 6 10 6 10;");
        Label glyph = new Label("✖");
        glyph.setStyle("-fx-text-fill: #ffb340; -fx-font-size: 24px; -fx-font-weight: bold;");
        title.setId("overdue-notifier-title");
        title.setText(titleText);
        title.setStyle("-fx-text-fill: #ffb340; -fx-font-size: 19px; -fx-font-weight: bold;");
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        message.setId("overdue-notifier-text");
        message.setStyle("-fx-text-fill: #ffffff; -fx-font-size: 19px; -fx-font-weight: bold; -fx-padding: 0 0 0 32;");
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        more.setId("overdue-notifier-more");
        more.setStyle("-fx-text-fill: #ffffff; -fx-font-size: 15px;");
        more.setMinWidth(USE_PREF_SIZE);
        open.setId("overdue-notifier-open");
        open.setText(openText);
        open.setFocusTraversable(false);
        open.setMinWidth(USE_PREF_SIZE);
        open.setOnAction(e -> openHead());
        dismiss.setId("overdue-notifier-dismiss");
        dismiss.setText(dismissText);
        dismiss.setFocusTraversable(false);
        dismiss.setMinWidth(USE_PREF_SIZE);
        dismiss.setOnAction(e -> dismissHead());
        HBox head = new HBox(12, glyph, title, more, open, dismiss);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, message);
        managedProperty().bind(visibleProperty());
        setVisible(false);
        pending.addListener((javafx.collections.ListChangeListener<OverdueNotice>) c -> refresh());
    }

    /** How a notice reads (the queue knows the case's category and grid); "+n more" for the rest. */
    public void setTexts(Function<OverdueNotice, String> describe, Function<Integer, String> moreText) {
        this.describe = Objects.requireNonNull(describe, "describe");
        this.moreText = Objects.requireNonNull(moreText, "moreText");
        refresh();
    }

    /** What Open (O) does with the notice it takes down: the queue selects the case. */
    public void setOnOpen(Consumer<OverdueNotice> onOpen) {
        this.onOpen = onOpen == null ? n -> { } : onOpen;
    }

    /** Adds a notice; callable from any thread (the application's overdue scanner calls it). */
    public void announce(OverdueNotice notice) {
        Objects.requireNonNull(notice, "notice");
        FxThread.run(() -> {
            if (!pending.contains(notice)) {
                pending.add(notice);
            }
        });
    }

    /** The notices not yet opened or dismissed, oldest first. */
    public ObservableList<OverdueNotice> pending() {
        return readOnlyPending;
    }

    /** Takes the oldest notice down and hands it to the open action; false when there is none. */
    public boolean openHead() {
        if (pending.isEmpty()) {
            return false;
        }
        onOpen.accept(pending.remove(0));
        return true;
    }

    /** Takes the oldest notice down; false when there is none. */
    public boolean dismissHead() {
        if (pending.isEmpty()) {
            return false;
        }
        pending.remove(0);
        return true;
    }

    /** The head notice's text as shown. */
    public String text() {
        return message.getText();
    }

    /** Shows the head notice again in its current words (the case may have been loaded since). */
    public void refresh() {
        if (pending.isEmpty()) {
            message.setText("");
            more.setText("");
            setVisible(false);
            return;
        }
        message.setText(describe.apply(pending.get(0)));
        more.setText(pending.size() > 1 ? moreText.apply(pending.size() - 1) : "");
        setVisible(true);
    }
}
