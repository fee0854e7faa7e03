package org.gridcommand.ui.feed;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The field feed's notice in the console's alarm strip above the queue, with the urgent banner and the overdue
 * notices: shown while the feed's line is in ALERT, in large words (what is wrong, since when, what it means for
 * reports and alarms), gone by itself when the feed recovers. It has no dismiss: it lasts exactly as long as the
 * trouble. A glyph and a title carry the meaning besides the red.
 */
public final class FeedTroubleNotice extends VBox {
    private final Label message = new Label();

    public FeedTroubleNotice(String titleText, ObservableValue<FeedStatusModel.Line> line) {
        setId("feed-trouble");
        getStyleClass().add("feed-trouble");
        setSpacing(2);
        Label glyph = new Label("⚠");
        glyph.getStyleClass().add("feed-trouble-glyph");
        Label title = new Label(titleText);
        title.setId("feed-trouble-title");
        title.getStyleClass().add("feed-trouble-title");
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(12, glyph, title);
        head.setAlignment(Pos.CENTER_LEFT);
        message.setId("feed-trouble-text");
        message.getStyleClass().add("feed-trouble-text");
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);
        // Wrapped, never cut: the notice grows a line rather than lose the end of the sentence.
        message.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(head, message);
        managedProperty().bind(visibleProperty());
        show(line.getValue());
        line.addListener((o, was, now) -> show(now));
    }

    /** The notice's words as shown ("" when hidden). */
    public String text() {
        return message.getText();
    }

    private void show(FeedStatusModel.Line line) {
        String notice = line == null ? null : line.notice();
        message.setText(notice == null ? "" : notice);
        setVisible(notice != null);
    }
}
