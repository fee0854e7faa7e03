package org.gridcommand.feed.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class TrackTest {
    private static final Instant T0 = Instant.parse("2024-05-06T00:00:00Z");
    private static final Duration GAP = Duration.ofMinutes(10);

    private static GpsFix fix(String id, long seconds, double lon, double lat) {
        return new GpsFix(id, "w1", T0.plusSeconds(seconds), new GeoPoint(lon, lat), Double.NaN);
    }

    private static Track sample() {
        return Track.of("w1", List.of(
                fix("a", 0, 113.5800, 22.3600),
                fix("b", 10, 113.5810, 22.3620),
                fix("c", 20, 113.5820, 22.3600),
                // 20 minutes without fixes: a gap
                fix("d", 1220, 113.5900, 22.3700),
                fix("e", 1225, 113.5910, 22.3700)));
    }

    @Test
    void positionAtAFixIsTheFix() {
        Track t = sample();
        assertThat(t.positionAt(T0.plusSeconds(10), GAP)).contains(new GeoPoint(113.5810, 22.3620));
        assertThat(t.positionAt(T0, GAP)).contains(new GeoPoint(113.5800, 22.3600));
        assertThat(t.positionAt(T0.plusSeconds(1225), GAP)).contains(new GeoPoint(113.5910, 22.3700));
    }

    @Test
    void positionBetweenFixesIsInterpolatedLinearly() {
        Track t = sample();
        GeoPoint p = t.positionAt(T0.plusMillis(2500), GAP).orElseThrow();
        assertThat(p.lon()).isCloseTo(113.58025, within(1e-9));
        assertThat(p.lat()).isCloseTo(22.3605, within(1e-9));
        GeoPoint q = t.positionAt(T0.plusSeconds(15), GAP).orElseThrow();
        assertThat(q.lon()).isCloseTo(113.5815, within(1e-9));
        assertThat(q.lat()).isCloseTo(22.3610, within(1e-9));
    }

    @Test
    void noPositionInAGapOrOutsideTheData() {
        Track t = sample();
        assertThat(t.positionAt(T0.plusSeconds(600), GAP)).isEmpty();
        assertThat(t.positionAt(T0.minusSeconds(1), GAP)).isEmpty();
        assertThat(t.positionAt(T0.plusSeconds(1226), GAP)).isEmpty();
        // The same stretch with a longer limit is no gap.
        assertThat(t.positionAt(T0.plusSeconds(620), Duration.ofMinutes(30))).isPresent();
        assertThat(Track.of("w1", List.of()).positionAt(T0, GAP)).isEmpty();
    }

    @Test
    void ageOfTheNearestFixLooksBothWays() {
        Track t = sample();
        assertThat(t.ageOfNearestFix(T0.plusSeconds(12))).contains(Duration.ofSeconds(2));
        assertThat(t.ageOfNearestFix(T0.plusSeconds(18))).contains(Duration.ofSeconds(2));
        assertThat(t.ageOfNearestFix(T0.plusSeconds(1000))).contains(Duration.ofSeconds(220));
        assertThat(t.ageOfNearestFix(T0.plusSeconds(2000))).contains(Duration.ofSeconds(775));
        assertThat(Track.of("w1", List.of()).ageOfNearestFix(T0)).isEmpty();
    }

    @Test
    void gapsAreStretchesLongerThanTheLimit() {
        assertThat(sample().gaps(GAP)).containsExactly(new Gap("w1", T0.plusSeconds(20), T0.plusSeconds(1220)));
        assertThat(sample().gaps(Duration.ofMinutes(30))).isEmpty();
        assertThat(sample().gaps(GAP).get(0).duration()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void unorderedInputIsSortedAndDoubledInstantsDropped() {
        List<GpsFix> fixes = new ArrayList<>(List.of(
                fix("a", 0, 113.58, 22.36), fix("b", 10, 113.581, 22.36), fix("b2", 10, 113.9, 22.9),
                fix("c", 20, 113.582, 22.36)));
        Collections.reverse(fixes);
        Track t = Track.of("w1", fixes);
        assertThat(t.size()).isEqualTo(3);
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.time(i)).isAfter(t.time(i - 1));
        }
        assertThat(Track.of(fixes).workerId()).isEqualTo("w1");
    }

    @Test
    void anotherWorkersFixIsRefused() {
        GpsFix other = new GpsFix("x", "w2", T0, new GeoPoint(113.58, 22.36), Double.NaN);
        assertThatThrownBy(() -> Track.of("w1", List.of(other))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w2");
        assertThatThrownBy(() -> Track.ofArrays("w1", new long[] {2, 1}, new double[2], new double[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowKeepsTheHalfOpenRange() {
        Track w = sample().window(T0.plusSeconds(10), T0.plusSeconds(1220));
        assertThat(w.size()).isEqualTo(2);
        assertThat(w.start()).contains(T0.plusSeconds(10));
        assertThat(w.end()).contains(T0.plusSeconds(20));
        assertThat(sample().window(T0.plusSeconds(5000), T0.plusSeconds(6000)).isEmpty()).isTrue();
    }
}
