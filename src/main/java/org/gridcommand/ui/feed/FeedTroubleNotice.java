package org.gridcommand.ui.feed;

import javafx.beans.value.ObservableValue;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The field feed's notice in the console's alarm strip above the queue, with the urgent banner and the overdue
 * notices: shown while the feed's line is in ALERT, in large words (a glyph and a heading saying what is wrong and
 * since when, then the store's sentence, what waits and what it means for reports and alarms), gone by itself when
 * the feed recovers. No dismiss: it lasts exactly as long as the trouble. One flowing paragraph, the heading inline,
 * so it takes as few lines of the queue as it can; wrapped, never cut.
 */
public final class FeedTroubleNotice extends TextFlow {
    private final Text title = new Text();
    private final Text message = new Text();

    public FeedTroubleNotice(ObservableValue<FeedStatusModel.Line> line) {
        setId("feed-trouble");
        getStyleClass().add("feed-trouble");
        Text glyph = new Text("⚠  ");
        glyph.getStyleClass().add("feed-trouble-glyph");
        title.setId("feed-trouble-title");
        title.getStyleClass().add("feed-trouble-title");
        message.setId("feed-trouble-text");
        message.getStyleClass().add("feed-trouble-text");
        getChildren().addAll(glyph, title, new Text(" "), message);
        setMinHeight(Region.USE_PREF_SIZE);
        managedProperty().bind(visibleProperty());
        show(line.getValue());
        line.addListener((o, was, now) -> show(now));
    }

    /** The heading as shown ("" when hidden). */
    public String title() {
        return title.getText();
    }

    /** The words under the heading as shown ("" when hidden). */
    public String text() {
        return message.getText();
    }

    private void show(FeedStatusModel.Line line) {
        boolean showing = line != null && line.notice() != null;
        title.setText(showing ? line.noticeTitle() : "");
        message.setText(showing ? line.notice() : "");
        setVisible(showing);
    }
}
