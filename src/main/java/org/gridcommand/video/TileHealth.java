package org.gridcommand.video;

import java.time.Instant;
import java.util.Objects;

/**
 * What a tile reports to whoever records camera status (e.g. a camera status board): handed to
 * {@link VideoTile#setOnHealthChange} on the FX thread each time the state, the "lost since" instant or the
 * reconnect attempt count changes. Plain data, no JavaFX.
 *
 * @param cameraId          the id given to {@link VideoTile#show(String, String, String, boolean)}; empty if none
 * @param cameraName        the name on the tile; empty when no camera is assigned
 * @param state             what the tile does now
 * @param lostSince         when the last picture arrived before the signal was lost; null unless
 *                          {@link TileState#SIGNAL_LOST}
 * @param reconnectAttempts attempts made in the current outage (kept after the picture returns until it has
 *                          flowed for {@link HealthPolicy#stableAfter()}, then 0)
 * @param at                when this report was made
 */
public record TileHealth(String cameraId, String cameraName, TileState state, Instant lostSince,
                         int reconnectAttempts, Instant at) {
    public TileHealth {
        cameraId = cameraId == null ? "" : cameraId;
        cameraName = cameraName == null ? "" : cameraName;
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }

    /** Pictures are arriving: the camera is online. */
    public boolean online() {
        return state == TileState.PLAYING;
    }

    /** The camera was assigned and its signal is gone (the tile is reconnecting). */
    public boolean lost() {
        return state == TileState.SIGNAL_LOST;
    }
}
