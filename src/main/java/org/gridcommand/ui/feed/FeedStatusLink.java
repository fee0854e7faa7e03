package org.gridcommand.ui.feed;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Hyperlink;
import javafx.util.Duration;
import org.gridcommand.app.FieldFeed;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.FeedIngest;

/**
 * The field feed's line in the status bar: where the feed comes from, whether it is connected, how much it
 * stored and how much it quarantined; quarantined messages in red. Activating it (click, or F8 in the
 * console) opens the quarantine view. Refreshed every two seconds while on screen.
 */
public final class FeedStatusLink extends Hyperlink {
    private final FieldFeed feed;
    private final Messages text;
    private final Timeline refresh;

    public FeedStatusLink(FieldFeed feed, Messages text) {
        this.feed = feed;
        this.text = text;
        setId("status-feed");
        setFocusTraversable(false);
        refresh = new Timeline(new KeyFrame(Duration.seconds(2), e -> update()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                refresh.stop();
            } else {
                update();
                refresh.play();
            }
        });
        update();
    }

    /** The line's text now (also what tests read). */
    public void update() {
        FeedIngest.Stats s = feed.stats();
        String source = feed.brokerUrl() == null ? text.get("feed.source.demo")
                : text.format(feed.connected() ? "feed.source.connected" : "feed.source.reconnecting", feed.brokerUrl());
        setText(text.format("feed.status", source, s.stored() + s.reports(), s.quarantined()));
        getStyleClass().remove("feed-quarantine");
        if (s.quarantined() > 0) {
            getStyleClass().add("feed-quarantine");
        }
    }
}
