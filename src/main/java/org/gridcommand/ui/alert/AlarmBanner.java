package org.gridcommand.ui.alert;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.gridcommand.alarm.Alarm;
import org.gridcommand.alarm.AlarmKind;

/**
 * The alarm centre's one strip across the top of the queue: always the most pressing unacknowledged alarm, in
 * large words with a glyph (so the meaning never rests on colour: ⚠ urgent, ✖ overdue, ◷ near due), and how many
 * more wait. Red only for an urgent case, amber for overdue, a quiet blue-grey for near due. "Open" (O) selects
 * the case and acknowledges the alarm, "Acknowledge" (Shift+O) only acknowledges it; the queue binds the keys.
 * It holds no list of its own: {@link #show} is given the list as it stands.
 */
public final class AlarmBanner extends HBox {
    private static final PseudoClass URGENT = PseudoClass.getPseudoClass("urgent");
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final PseudoClass NEAR_DUE = PseudoClass.getPseudoClass("near-due");

    private final Label glyph = new Label();
    private final Label message = new Label();
    private final Label more = new Label();
    private final Button open = new Button();
    private final Button acknowledge = new Button();
    private Alarm shown;

    public AlarmBanner(String openText, String acknowledgeText) {
        setId("alarm-banner");
        getStyleClass().add("alarm-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        glyph.getStyleClass().add("alarm-banner-glyph");
        glyph.setMinWidth(USE_PREF_SIZE);
        message.setId("alarm-banner-text");
        message.getStyleClass().add("alarm-banner-text");
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(0);
        // Wrapped, never cut: the words that matter (how late, which case) must all be read.
        message.setWrapText(true);
        message.setMinHeight(USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        more.setId("alarm-banner-more");
        more.getStyleClass().add("alarm-banner-more");
        more.setMinWidth(USE_PREF_SIZE);
        open.setId("alarm-banner-open");
        open.setText(openText);
        open.setFocusTraversable(false);
        open.setMinWidth(USE_PREF_SIZE);
        acknowledge.setId("alarm-banner-ack");
        acknowledge.setText(acknowledgeText);
        acknowledge.setFocusTraversable(false);
        acknowledge.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(glyph, message, more, open, acknowledge);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /**
     * Shows the head of the list, or hides the strip when the list is empty.
     *
     * @param describe the alarm in words (the queue knows the case's category and grid)
     * @param moreText "+n more" in the console's language, given n
     */
    public void show(List<Alarm> pending, Function<Alarm, String> describe, Function<Integer, String> moreText) {
        Objects.requireNonNull(pending, "pending");
        shown = pending.isEmpty() ? null : pending.get(0);
        setVisible(shown != null);
        AlarmKind kind = shown == null ? null : shown.kind();
        pseudoClassStateChanged(URGENT, kind == AlarmKind.URGENT_UNACCEPTED);
        pseudoClassStateChanged(OVERDUE, kind == AlarmKind.OVERDUE);
        pseudoClassStateChanged(NEAR_DUE, kind == AlarmKind.NEAR_DUE);
        glyph.setText(kind == null ? "" : switch (kind) {
            case URGENT_UNACCEPTED -> "⚠";
            case OVERDUE -> "✖";
            case NEAR_DUE -> "◷";
        });
        message.setText(shown == null ? "" : describe.apply(shown));
        more.setText(pending.size() > 1 ? moreText.apply(pending.size() - 1) : "");
    }

    /** The alarm on the strip, or null. */
    public Alarm shown() {
        return shown;
    }

    public String text() {
        return message.getText();
    }

    public String moreText() {
        return more.getText();
    }

    public void setOnOpen(Runnable action) {
        open.setOnAction(e -> action.run());
    }

    public void setOnAcknowledge(Runnable action) {
        acknowledge.setOnAction(e -> action.run());
    }
}
