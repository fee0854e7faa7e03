package org.gridcommand.video;

/**
 * What a {@link VideoTile} is doing; shown in words on the tile and reported in {@link TileHealth}. Plain data,
 * no JavaFX: the {@link TileHealthMachine} decides it.
 */
public enum TileState {
    /** No camera assigned, or the tile is not on screen (no player exists). */
    IDLE("video.state.idle", "No camera"),
    /** A player is opening the stream; no picture has arrived yet. */
    CONNECTING("video.state.connecting", "Connecting…"),
    /** Pictures are arriving. */
    PLAYING("video.state.playing", "Live"),
    /** A file failed or ended, or the URL is unusable; the tile does not retry (show it again to retry). */
    NO_SIGNAL("video.state.noSignal", "No signal"),
    /**
     * The stream stopped delivering pictures (or failed, or ended, for a live source); the tile is
     * reconnecting with back-off and returns to {@link #PLAYING} by itself when pictures come again.
     */
    SIGNAL_LOST("video.state.lostSince", "Signal lost since {0}"),
    /** libVLC is missing or closed; see {@link VideoEngine#reason()}. */
    UNAVAILABLE("video.unavailable", "Video unavailable");

    private final String messageKey;
    private final String englishText;

    TileState(String messageKey, String englishText) {
        this.messageKey = messageKey;
        this.englishText = englishText;
    }

    /** The resource bundle key of the state's text. */
    public String messageKey() {
        return messageKey;
    }

    /** The text when the bundle has no translation; {0} is the "lost since" time. */
    public String englishText() {
        return englishText;
    }
}
