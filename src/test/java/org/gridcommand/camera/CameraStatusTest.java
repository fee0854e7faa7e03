package org.gridcommand.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.gridcommand.camera.CameraStatus.State;
import org.junit.jupiter.api.Test;

class CameraStatusTest {
    private static final Instant T0 = Instant.parse("2026-11-27T00:45:00Z");

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aFirstFrameBringsANeverSeenCameraOnline() {
        CameraStatus s = CameraStatus.NEVER_SEEN.onFrame(t(0));
        assertThat(s).isEqualTo(CameraStatus.online(t(0), t(0)));
        assertThat(s.isOnline()).isTrue();
    }

    @Test
    void aNeverSeenCameraStaysNeverSeenWhenItsSignalIsReportedLost() {
        assertThat(CameraStatus.NEVER_SEEN.onSignalLost(t(5))).isSameAs(CameraStatus.NEVER_SEEN);
    }

    @Test
    void framesKeepItOnlineSinceItCameUp() {
        CameraStatus s = CameraStatus.NEVER_SEEN.onFrame(t(0)).onFrame(t(1)).onFrame(t(2));
        assertThat(s).isEqualTo(CameraStatus.online(t(0), t(2)));
        assertThat(s.onFrame(t(1))).as("an older frame changes nothing").isSameAs(s);
    }

    @Test
    void lostSinceTheReportAndBackOnlineWithALaterFrame() {
        CameraStatus online = CameraStatus.NEVER_SEEN.onFrame(t(0)).onFrame(t(10));
        CameraStatus lost = online.onSignalLost(t(15));
        assertThat(lost).isEqualTo(CameraStatus.lost(t(15), t(10)));
        assertThat(lost.state()).isEqualTo(State.LOST);

        assertThat(lost.onSignalLost(t(45))).as("still lost since the first report").isSameAs(lost);
        assertThat(lost.onFrame(t(12))).as("a frame from before the loss").isSameAs(lost);
        assertThat(lost.onFrame(t(15))).as("a frame at the instant of the loss").isSameAs(lost);
        assertThat(lost.onFrame(t(60))).isEqualTo(CameraStatus.online(t(60), t(60)));
    }

    @Test
    void aLateLossReportOlderThanTheLatestFrameIsIgnored() {
        CameraStatus online = CameraStatus.NEVER_SEEN.onFrame(t(0)).onFrame(t(20));
        assertThat(online.onSignalLost(t(19))).isSameAs(online);
        assertThat(online.onSignalLost(t(20))).isEqualTo(CameraStatus.lost(t(20), t(20)));
    }

    @Test
    void inconsistentStatusesAreRefused() {
        assertThatThrownBy(() -> new CameraStatus(State.NEVER_SEEN, t(0), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CameraStatus(State.LOST, null, t(0))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CameraStatus.NEVER_SEEN.onFrame(null)).isInstanceOf(NullPointerException.class);
    }
}
