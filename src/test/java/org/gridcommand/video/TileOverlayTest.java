package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The words on a tile, from a status and a fixed "now" (no libVLC, no wall clock). */
class TileOverlayTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 27, 20, 40, 10, 0, SHANGHAI);
    private static final Function<String, String> ZH = Map.of(
            "video.state.lostSince", "信号中断，自 {0} 起",
            "video.reconnect.waiting", "{0} 秒后重连（第 {1} 次）",
            "video.reconnect.trying", "正在重连…（第 {0} 次）")::get;

    @BeforeAll
    static void toolkit() throws Exception {
        VideoFx.startToolkit();
    }

    @Test
    void lostTodayShowsTheTimeAndTheCountdownToTheNextAttempt() throws Exception {
        Instant since = NOW.minusSeconds(25).toInstant();
        String[] shown = onFx(() -> {
            TileOverlay overlay = new TileOverlay(VideoFx.KEYS);
            overlay.showStatus(lost(since, 2, OptionalLong.of(3)), NOW);
            return new String[] {text(overlay, "video-tile-state"), text(overlay, "video-tile-detail")};
        });
        assertThat(shown).containsExactly("Signal lost since 20:39:45", "next try in 3 s (attempt 3)");
    }

    @Test
    void lostOnAnEarlierDayShowsTheDateAndAnAttemptUnderWayInChinese() throws Exception {
        Instant since = ZonedDateTime.of(2026, 11, 26, 23, 59, 58, 0, SHANGHAI).toInstant();
        String[] shown = onFx(() -> {
            TileOverlay overlay = new TileOverlay(ZH);
            overlay.showStatus(lost(since, 4, OptionalLong.empty()), NOW);
            return new String[] {text(overlay, "video-tile-state"), text(overlay, "video-tile-detail")};
        });
        assertThat(shown).containsExactly("信号中断，自 2026-11-26 23:59:58 起", "正在重连…（第 4 次）");
    }

    @Test
    void liveIsACornerTagAndAnyOtherStateTheTilesMessageSizedToTheTile() throws Exception {
        Object[] shown = onFx(() -> {
            TileOverlay overlay = new TileOverlay(VideoFx.KEYS);
            overlay.fitTo(360);
            boolean first = overlay.showStatus(status(TileState.PLAYING), NOW);
            boolean again = overlay.showStatus(status(TileState.PLAYING), NOW);
            Pos playing = StackPane.getAlignment(box(overlay));
            double playingFont = label(overlay, "video-tile-state").getFont().getSize();
            boolean changed = overlay.showStatus(status(TileState.CONNECTING), NOW);
            return new Object[] {first, again, playing, playingFont, changed, StackPane.getAlignment(box(overlay)),
                    label(overlay, "video-tile-state").getFont().getSize(), text(overlay, "video-tile-state"),
                    label(overlay, "video-tile-detail").isVisible()};
        });
        assertThat(shown).containsExactly(true, false, Pos.BOTTOM_LEFT, 14.0, true, Pos.CENTER, 36.0, "Connecting…",
                false);
    }

    @Test
    void clockShowsTheGivenTimeInItsZone() throws Exception {
        String shown = onFx(() -> {
            TileOverlay overlay = new TileOverlay(VideoFx.KEYS);
            overlay.showTime(NOW);
            return text(overlay, "video-tile-clock");
        });
        assertThat(shown).isEqualTo("2026-11-27 20:40:10");
    }

    private static TileOverlay.Status lost(Instant since, int attempts, OptionalLong nextAttemptSeconds) {
        return new TileOverlay.Status(TileState.SIGNAL_LOST, since, attempts, nextAttemptSeconds,
                VideoEngine.Reason.NONE);
    }

    private static TileOverlay.Status status(TileState state) {
        return new TileOverlay.Status(state, null, 0, OptionalLong.empty(), VideoEngine.Reason.NONE);
    }

    private static Node box(TileOverlay overlay) {
        return overlay.nodes().get(2);
    }

    private static Label label(TileOverlay overlay, String styleClass) {
        return overlay.nodes().stream().map(n -> n.lookup("." + styleClass)).filter(Label.class::isInstance)
                .map(Label.class::cast).findFirst().orElseThrow();
    }

    private static String text(TileOverlay overlay, String styleClass) {
        return label(overlay, styleClass).getText();
    }
}
