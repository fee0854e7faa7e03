package org.gridcommand.ui.video;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.video.TileHealth;
import org.gridcommand.video.TileState;
import org.gridcommand.video.VideoWall;

/**
 * Feeds the camera status board from the video wall's health hook: a tile playing a camera says the camera is
 * online; a tile whose signal is lost says it is lost since the tile's last picture (the time the tile itself
 * shows). A camera on two tiles (a small tile and its maximised twin) is online while either plays.
 *
 * <p>Tiles that connect, stand idle, or cannot play (libVLC missing) say nothing about the camera: the board
 * keeps its last word. A file that fails or a URL that cannot be opened (no signal) counts as lost for a camera
 * that was online. Reports with no camera id are ignored (the board is keyed by id).
 *
 * <p>Use: {@code wall.setOnHealthChange(new WallCameraStatus(board))}, or {@link #attach}. The wall calls it on
 * the FX thread; it keeps a little per-tile state, so one instance serves one wall.
 */
public final class WallCameraStatus implements VideoWall.HealthListener {
    private final CameraStatusBoard board;
    /** The latest report of each tile, by tile index. */
    private final Map<Integer, TileHealth> tiles = new HashMap<>();

    public WallCameraStatus(CameraStatusBoard board) {
        this.board = Objects.requireNonNull(board, "board");
    }

    /** Makes a feed for the board and installs it as the wall's health listener. FX thread. */
    public static WallCameraStatus attach(VideoWall wall, CameraStatusBoard board) {
        WallCameraStatus feed = new WallCameraStatus(board);
        wall.setOnHealthChange(feed);
        return feed;
    }

    @Override
    public void onHealth(int tileIndex, TileHealth health) {
        Objects.requireNonNull(health, "health");
        TileHealth before = tiles.put(tileIndex, health);
        String camera = health.cameraId();
        if (!camera.isEmpty()) {
            report(camera, health.at());
        }
        // The tile moved on to another camera: what the old one shows now depends on the tiles left with it.
        if (before != null && !before.cameraId().isEmpty() && !before.cameraId().equals(camera)) {
            report(before.cameraId(), health.at());
        }
    }

    /** Tells the board what the tiles showing the camera say together. */
    private void report(String cameraId, Instant at) {
        boolean playing = false;
        Instant lostSince = null;
        for (TileHealth h : tiles.values()) {
            if (!h.cameraId().equals(cameraId)) {
                continue;
            }
            if (h.state() == TileState.PLAYING) {
                playing = true;
            } else if (h.state() == TileState.SIGNAL_LOST || h.state() == TileState.NO_SIGNAL) {
                Instant since = h.lostSince() != null ? h.lostSince() : h.at();
                lostSince = lostSince == null || since.isBefore(lostSince) ? since : lostSince;
            }
        }
        if (playing) {
            board.frameSeen(cameraId, at);
        } else if (lostSince != null) {
            // "Online" was stamped when the tile reported it, a moment after the picture; a stream that died on
            // its first picture would otherwise read as a late report and stay online.
            Instant lastFrame = board.status(cameraId).lastFrame();
            board.signalLost(cameraId, lastFrame != null && lostSince.isBefore(lastFrame) ? lastFrame : lostSince);
        }
    }
}
