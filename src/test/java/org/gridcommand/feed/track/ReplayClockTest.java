package org.gridcommand.feed.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridcommand.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class ReplayClockTest {
    private static final Instant T0 = Instant.parse("2024-05-06T00:00:00Z");
    private static final GeoPoint ORIGIN = new GeoPoint(113.575, 22.355);
    private static final Duration STEP = Duration.ofSeconds(5);

    /** East 1 m/s for 30 min, then north 1 m/s for 30 min: a 1,800 m leg each. */
    private static Walker lWalker() {
        Walker w = new Walker("w1", ORIGIN, T0, STEP, 0, 1);
        w.walkTo(1800, 0, 1.0).walkTo(1800, 1800, 1.0).fix();
        return w;
    }

    private static ReplayClock clock(Track... tracks) {
        return new ReplayClock(List.of(tracks), T0, T0.plus(Duration.ofHours(1)));
    }

    @Test
    void startsPausedAtTheWindowStartAtOneTimes() {
        ReplayClock c = clock(lWalker().track());
        assertThat(c.playHead()).isEqualTo(T0);
        assertThat(c.isPlaying()).isFalse();
        assertThat(c.speed()).isEqualTo(ReplaySpeed.X1);
        assertThat(c.advance(Duration.ofSeconds(10))).isEqualTo(T0);
        assertThat(c.workerIds()).containsExactly("w1");
    }

    @Test
    void advancesByWallTimeTimesEachSpeed() {
        ReplayClock c = clock(lWalker().track());
        c.play();
        Instant expected = T0;
        for (ReplaySpeed speed : ReplaySpeed.values()) {
            c.setSpeed(speed);
            c.advance(Duration.ofMillis(500));
            expected = expected.plusMillis(500L * speed.factor());
            assertThat(c.playHead()).as("at %s", speed).isEqualTo(expected);
        }
        assertThat(ReplaySpeed.X1.factor()).isEqualTo(1);
        assertThat(ReplaySpeed.X10.factor()).isEqualTo(10);
        assertThat(ReplaySpeed.X60.factor()).isEqualTo(60);
        assertThat(ReplaySpeed.X600.factor()).isEqualTo(600);
        assertThat(ReplaySpeed.X600.faster()).isEqualTo(ReplaySpeed.X600);
        assertThat(ReplaySpeed.X10.faster()).isEqualTo(ReplaySpeed.X60);
        assertThat(ReplaySpeed.X1.slower()).isEqualTo(ReplaySpeed.X1);
    }

    @Test
    void pauseHoldsThePlayHeadAndPlayResumes() {
        ReplayClock c = clock(lWalker().track());
        c.setSpeed(ReplaySpeed.X60);
        c.play();
        c.advance(Duration.ofSeconds(1));
        c.pause();
        c.advance(Duration.ofSeconds(30));
        assertThat(c.playHead()).isEqualTo(T0.plusSeconds(60));
        c.togglePlay();
        assertThat(c.isPlaying()).isTrue();
        c.advance(Duration.ofSeconds(1));
        assertThat(c.playHead()).isEqualTo(T0.plusSeconds(120));
        assertThatThrownBy(() -> c.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEndStopsAndPausesAndPlayStartsOver() {
        ReplayClock c = clock(lWalker().track());
        c.setSpeed(ReplaySpeed.X600);
        c.play();
        c.advance(Duration.ofSeconds(5));
        assertThat(c.playHead()).isEqualTo(T0.plusSeconds(3000));
        c.advance(Duration.ofSeconds(5));
        assertThat(c.playHead()).isEqualTo(c.to());
        assertThat(c.isAtEnd()).isTrue();
        assertThat(c.isPlaying()).isFalse();
        assertThat(c.progress()).isEqualTo(1.0);
        c.play();
        assertThat(c.playHead()).isEqualTo(T0);
        assertThat(c.isPlaying()).isTrue();
        c.advance(Duration.ofDays(100_000));
        assertThat(c.playHead()).isEqualTo(c.to());
    }

    @Test
    void seekIsClampedToTheWindowAndKeepsPlayState() {
        ReplayClock c = clock(lWalker().track());
        c.seek(T0.plusSeconds(900));
        assertThat(c.playHead()).isEqualTo(T0.plusSeconds(900));
        assertThat(c.isPlaying()).isFalse();
        assertThat(c.progress()).isEqualTo(0.25);
        c.seek(T0.minusSeconds(5));
        assertThat(c.playHead()).isEqualTo(T0);
        c.seek(T0.plus(Duration.ofHours(3)));
        assertThat(c.playHead()).isEqualTo(c.to());
        c.seekFraction(0.5);
        assertThat(c.playHead()).isEqualTo(T0.plusSeconds(1800));
        c.play();
        c.seek(T0.plusSeconds(60));
        assertThat(c.isPlaying()).isTrue();
    }

    @Test
    void positionIsInterpolatedAtThePlayHead() {
        Walker w = lWalker();
        ReplayClock c = clock(w.track());
        c.seek(T0.plusMillis(602_500));
        assertThat(c.position("w1").orElseThrow().distanceMetres(w.point(602.5, 0))).isLessThan(0.01);
        assertThat(c.position("nobody")).isEmpty();
        assertThat(c.trail("nobody")).isEmpty();
    }

    @Test
    void trailIsTheDecimatedLastMinutesEndingAtThePosition() {
        Walker w = lWalker();
        ReplayClock c = clock(w.track());
        // 25 min in: the trail (10 min) is a straight walk east, so two points stand for 120 fixes.
        c.seek(T0.plusSeconds(1500));
        List<GeoPoint> trail = c.trail("w1");
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).distanceMetres(w.point(900, 0))).isLessThan(0.01);
        assertThat(trail.get(1).distanceMetres(w.point(1500, 0))).isLessThan(0.01);
        // 35 min in: the corner at 30 min is kept.
        c.seek(T0.plusSeconds(2100));
        trail = c.trail("w1");
        assertThat(trail).hasSize(3);
        assertThat(trail.get(0).distanceMetres(w.point(1500, 0))).isLessThan(0.01);
        assertThat(trail.get(1).distanceMetres(w.point(1800, 0))).isLessThan(0.01);
        assertThat(trail.get(2).distanceMetres(w.point(1800, 300))).isLessThan(0.01);
        ReplayFrame frame = c.frame();
        assertThat(frame.at()).isEqualTo(T0.plusSeconds(2100));
        assertThat(frame.workers()).hasSize(1);
        assertThat(frame.workers().get(0).trail()).isEqualTo(trail);
        assertThat(frame.workers().get(0).position()).contains(trail.get(2));
    }

    @Test
    void trailNeverStartsBeforeTheWindowNorCrossesAGap() {
        Walker w = new Walker("w1", ORIGIN, T0.minusSeconds(600), STEP, 0, 1);
        w.walkTo(1200, 0, 1.0).jumpTo(1200, 500).silent(Duration.ofMinutes(15)).walkTo(1200, 1000, 1.0);
        ReplayClock c = clock(w.track());
        c.seek(T0.plusSeconds(120));
        List<GeoPoint> trail = c.trail("w1");
        // The window starts at T0 (600 m walked): the trail begins there, not ten minutes back.
        assertThat(trail.get(0).distanceMetres(w.point(600, 0))).isLessThan(0.01);
        // In the gap: no position, the trail ends at the last fix before it.
        c.seek(T0.plusSeconds(900));
        assertThat(c.position("w1")).isEmpty();
        trail = c.trail("w1");
        assertThat(trail.get(trail.size() - 1).distanceMetres(w.point(1195, 0))).isLessThan(0.01);
        // After the gap the trail starts at the first fix after it: no line across the gap.
        c.seek(T0.plusSeconds(600 + 900 + 120));
        trail = c.trail("w1");
        assertThat(trail.get(0).distanceMetres(w.point(1200, 500))).isLessThan(0.01);
        assertThat(c.position("w1")).isPresent();
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new ReplayClock(List.of(), T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
