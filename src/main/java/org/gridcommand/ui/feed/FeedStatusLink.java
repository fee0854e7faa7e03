package org.gridcommand.ui.feed;

import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.gridcommand.app.FieldFeed;
import org.gridcommand.feed.FeedHealth;
import org.gridcommand.ui.alert.AlertTone;
import org.gridcommand.fx.FxThread;

/**
 * The field feed's line in the status bar, as {@link FeedStatusModel} words it: where the feed comes from, what it
 * stored, quarantined and has waiting; red with a glyph, the trouble in words and the alert tone when the feed is in
 * ALERT, "recovered at" for a while after. Activating it (click, or F8 in the console) opens the quarantine view.
 * Refreshed every two seconds while on screen; the alarm strip follows {@link #lineProperty()}.
 *
 * <p>The feed is asked off the FX thread: {@code FieldFeed.connected()} waits while a connection attempt to an
 * unreachable broker holds the feed's lock (up to its 10 s timeout), and the console must not freeze meanwhile.
 * One question is out at a time.
 */
public final class FeedStatusLink extends Hyperlink {
    private static final System.Logger LOG = System.getLogger(FeedStatusLink.class.getName());
    static final Duration REFRESH = Duration.seconds(2);
    private final FieldFeed feed;
    private final FeedStatusModel model;
    private final ReadOnlyObjectWrapper<FeedStatusModel.Line> line = new ReadOnlyObjectWrapper<>(this, "line");
    private final Timeline refresh;
    private Runnable alertSound = new AlertTone()::play;
    private boolean asking;
    private Tooltip tooltip;

    public FeedStatusLink(FieldFeed feed, FeedStatusModel model) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.model = Objects.requireNonNull(model, "model");
        setId("status-feed");
        getStyleClass().add("feed-status");
        setFocusTraversable(false);
        // The line gives way to nothing on the bar: the other items are cut first (they are also elsewhere).
        setMinWidth(Region.USE_PREF_SIZE);
        // A tooltip drags in the popup machinery: it is made when the pointer first comes, not at start.
        setOnMouseEntered(e -> installTooltip());
        refresh = new Timeline(new KeyFrame(REFRESH, e -> refreshNow()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                refresh.stop();
            } else {
                refreshNow();
                refresh.play();
            }
        });
    }

    /** The line as last shown (null before the first answer); the alarm strip binds to it. */
    public ReadOnlyObjectProperty<FeedStatusModel.Line> lineProperty() {
        return line.getReadOnlyProperty();
    }

    /** Replaces the alert tone (tests count calls; a silent seat passes a no-op). */
    public void setAlertSound(Runnable sound) {
        alertSound = sound == null ? () -> { } : sound;
    }

    /** Asks the feed now (off the FX thread) and shows the answer; FX thread. */
    public void refreshNow() {
        if (asking) {
            return;
        }
        asking = true;
        FxThread.background(() -> new Answer(feed.health(), new FeedStatusModel.Source(feed.brokerUrl(),
                feed.connected())), answer -> {
            asking = false;
            show(model.next(answer.health(), answer.source()));
        }, error -> {
            asking = false;
            LOG.log(System.Logger.Level.WARNING, "field feed: could not read its health ("
                    + FeedHealth.words(error) + ")");
        });
    }

    private record Answer(FeedHealth health, FeedStatusModel.Source source) {
    }

    private void show(FeedStatusModel.Line next) {
        setText(next.text());
        for (FeedStatusModel.Look look : FeedStatusModel.Look.values()) {
            getStyleClass().remove(look.styleClass());
        }
        getStyleClass().add(next.look().styleClass());
        if (tooltip != null) {
            tooltip.setText(next.tooltip());
        }
        line.set(next);
        if (next.soundTone()) {
            alertSound.run();
        }
    }

    private void installTooltip() {
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(720);
            tooltip.setShowDuration(Duration.seconds(30));
            FeedStatusModel.Line now = line.get();
            tooltip.setText(now == null ? "" : now.tooltip());
            setTooltip(tooltip);
        }
    }
}
