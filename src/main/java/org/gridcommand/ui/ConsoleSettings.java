package org.gridcommand.ui;

import java.nio.file.Path;
import org.gridcommand.app.VideoSettings;
import org.gridcommand.feed.FeedAlertSettings;
import org.gridcommand.ui.feed.FeedStatusModel;
import org.gridcommand.video.WallSettings;

/**
 * The settings files a console window reads when it opens: the wall's layouts ({@code assets/video/}), the seat's
 * {@code video.json}, the feed's alert thresholds ({@code assets/feed/health.json}) and the panes' layout
 * ({@link SeatLayout}). {@link ConsoleStart} reads
 * them on its store thread, so the FX thread builds the window without touching a file. A broken file costs its
 * own values only, and the window says why.
 *
 * @param wallProblem why the wall's layouts fell back to the built-in ones, or null
 */
public record ConsoleSettings(WallSettings wall, String wallProblem, VideoSettings.Loaded video,
                              FeedAlertSettings feedAlerts, SeatLayout layout) {
    private static final System.Logger LOG = System.getLogger(ConsoleSettings.class.getName());

    /** Reads all three; never throws. */
    public static ConsoleSettings read(Path dataDir) {
        WallSettings wall;
        String wallProblem = null;
        try {
            wall = WallSettings.loadDefault();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "video wall settings unreadable; using the built-in layouts", e);
            wall = WallSettings.DEFAULTS;
            wallProblem = e.getMessage();
        }
        FeedAlertSettings alerts;
        try {
            alerts = FeedAlertSettings.loadDefault();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "field feed alert settings unreadable (" + e.getMessage()
                    + "); alerting after " + FeedStatusModel.BUILT_IN.unacknowledgedAlert().toSeconds() + " s");
            alerts = FeedStatusModel.BUILT_IN;
        }
        return new ConsoleSettings(wall, wallProblem, VideoSettings.load(dataDir), alerts, SeatLayout.read(dataDir));
    }
}
