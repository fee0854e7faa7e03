package org.gridcommand.ui.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.video.TileHealth;
import org.gridcommand.video.TileState;
import org.junit.jupiter.api.Test;

/** The wall's health reports become camera statuses, by camera id, whatever tile shows the camera. */
class WallCameraStatusTest {
    private static final String EAST = "44040200001320000001";
    private static final String WEST = "44040200001320000002";
    private static final Instant T0 = Instant.parse("2025-07-15T13:00:00Z");

    private final CameraStatusBoard board = new CameraStatusBoard();
    private final WallCameraStatus feed = new WallCameraStatus(board);
    private final List<CameraStatusBoard.Change> changes = new ArrayList<>();

    WallCameraStatusTest() {
        board.subscribe(changes::add);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static TileHealth health(String camera, TileState state, Instant lostSince, Instant at) {
        return new TileHealth(camera, camera == null ? "" : "Camera " + camera, state, lostSince, 0, at);
    }

    @Test
    void playingLostAndBackFollowTheTile() {
        feed.onHealth(0, health(EAST, TileState.CONNECTING, null, at(0)));
        assertThat(board.status(EAST)).isEqualTo(CameraStatus.NEVER_SEEN);

        feed.onHealth(0, health(EAST, TileState.PLAYING, null, at(1)));
        assertThat(board.status(EAST)).isEqualTo(CameraStatus.online(at(1), at(1)));

        // Lost since the tile's last picture (what the tile itself says), not since the watchdog noticed.
        feed.onHealth(0, health(EAST, TileState.SIGNAL_LOST, at(840), at(844)));
        assertThat(board.status(EAST).state()).isEqualTo(CameraStatus.State.LOST);
        assertThat(board.status(EAST).since()).isEqualTo(at(840));
        // Reconnect attempts report again; the camera stays lost since the first moment.
        feed.onHealth(0, new TileHealth(EAST, "Camera", TileState.SIGNAL_LOST, at(840), 3, at(860)));
        assertThat(board.status(EAST).since()).isEqualTo(at(840));

        feed.onHealth(0, health(EAST, TileState.PLAYING, null, at(900)));
        assertThat(board.status(EAST)).isEqualTo(CameraStatus.online(at(900), at(900)));
        assertThat(changes).extracting(c -> c.after().state()).containsExactly(CameraStatus.State.ONLINE,
                CameraStatus.State.LOST, CameraStatus.State.ONLINE);
    }

    @Test
    void aCameraOnTwoTilesIsOnlineWhileEitherPlays() {
        feed.onHealth(0, health(EAST, TileState.PLAYING, null, at(1)));
        feed.onHealth(3, health(EAST, TileState.PLAYING, null, at(2)));
        feed.onHealth(0, health(EAST, TileState.SIGNAL_LOST, at(10), at(14)));
        assertThat(board.status(EAST).isOnline()).as("still playing on tile 3").isTrue();

        // Tile 3 moves on to another camera: only the lost tile shows EAST now.
        feed.onHealth(3, health(WEST, TileState.PLAYING, null, at(20)));
        assertThat(board.status(WEST).isOnline()).isTrue();
        assertThat(board.status(EAST).state()).isEqualTo(CameraStatus.State.LOST);
        // Not since tile 0's last picture (10 s): tile 3 was still showing EAST when last heard of (14 s).
        assertThat(board.status(EAST).since()).isEqualTo(at(14));
    }

    @Test
    void idleConnectingAndUnavailableTilesKeepTheLastWord() {
        feed.onHealth(1, health(EAST, TileState.PLAYING, null, at(1)));
        feed.onHealth(1, health(EAST, TileState.CONNECTING, null, at(5)));
        feed.onHealth(1, health(EAST, TileState.UNAVAILABLE, null, at(6)));
        assertThat(board.status(EAST).isOnline()).isTrue();
        // The camera taken off the tile: nobody watches it, so nothing new is known about it.
        feed.onHealth(1, health("", TileState.IDLE, null, at(7)));
        assertThat(board.status(EAST).isOnline()).isTrue();
        assertThat(board.snapshot()).containsOnlyKeys(EAST);
        // A tile without a camera id never reaches the board.
        feed.onHealth(2, health("", TileState.PLAYING, null, at(8)));
        assertThat(board.snapshot()).containsOnlyKeys(EAST);
    }

    @Test
    void aSourceThatCannotPlayAnyMoreIsLostForAnOnlineCameraAndNeverSeenOtherwise() {
        feed.onHealth(0, health(WEST, TileState.NO_SIGNAL, null, at(3)));
        assertThat(board.status(WEST)).isEqualTo(CameraStatus.NEVER_SEEN);
        feed.onHealth(1, health(EAST, TileState.PLAYING, null, at(1)));
        feed.onHealth(1, health(EAST, TileState.NO_SIGNAL, null, at(30)));
        assertThat(board.status(EAST).state()).isEqualTo(CameraStatus.State.LOST);
        assertThat(board.status(EAST).since()).isEqualTo(at(30));
    }

    @Test
    void aStreamThatDiesOnItsFirstPictureStillReadsLost() {
        // "Playing" is reported a moment after the first picture, which is also the last one.
        feed.onHealth(0, health(EAST, TileState.PLAYING, null, at(10)));
        feed.onHealth(0, health(EAST, TileState.SIGNAL_LOST, at(9), at(14)));
        assertThat(board.status(EAST).state()).isEqualTo(CameraStatus.State.LOST);
        // Lost since "online" was stamped (10 s): the last picture (9 s) came a moment before that stamp.
        assertThat(board.status(EAST).since()).isEqualTo(at(10));
    }
}
