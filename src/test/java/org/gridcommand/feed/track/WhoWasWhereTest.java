package org.gridcommand.feed.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.SmallGrid;
import org.junit.jupiter.api.Test;

class WhoWasWhereTest {
    private static final Instant T0 = Instant.parse("2024-05-06T02:00:00Z");

    @Test
    void everyWorkerWithAPositionAtTIsListedWithGridAndAge() {
        GridLocator locator = new GridLocator(DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district());
        Walker a = new Walker("w-a", new GeoPoint(113.575, 22.355), T0, Duration.ofSeconds(5), 0, 1);
        a.walkTo(200, 0, 1.0);
        Walker b = new Walker("w-b", new GeoPoint(113.590, 22.365), T0, Duration.ofSeconds(10), 0, 2);
        b.stay(Duration.ofMinutes(1)).silent(Duration.ofMinutes(30)).stay(Duration.ofMinutes(1));
        Walker c = new Walker("w-c", new GeoPoint(113.570, 22.350), T0.plusSeconds(3600), Duration.ofSeconds(5), 0, 3);
        c.stay(Duration.ofMinutes(1));
        List<Track> tracks = List.of(b.track(), a.track(), c.track());

        WhoWasWhere who = new WhoWasWhere(locator, TrackSettings.DEFAULTS);
        Instant t = T0.plusSeconds(32);
        List<WorkerPosition> at = who.at(t, tracks);
        // c has not started yet.
        assertThat(at).extracting(WorkerPosition::workerId).containsExactly("w-a", "w-b");
        WorkerPosition pa = at.get(0);
        // 32 s at 1 m/s, fixes every 5 s: between the fixes at 30 m and 35 m.
        GeoPoint expected = new Walker("w-a", new GeoPoint(113.575, 22.355), T0, Duration.ofSeconds(5), 0, 1).point(32, 0);
        assertThat(pa.position().distanceMetres(expected)).isLessThan(0.01);
        assertThat(pa.ageOfNearestFix()).isEqualTo(Duration.ofSeconds(2));
        assertThat(pa.smallGrid()).isEqualTo(locator.locate(pa.position().lon(), pa.position().lat()).map(SmallGrid::code));
        assertThat(pa.smallGrid()).isPresent();
        assertThat(at.get(1).ageOfNearestFix()).isEqualTo(Duration.ofSeconds(2));

        // In b's gap, b is not anywhere; c is.
        assertThat(who.at(T0.plusSeconds(3630), tracks)).extracting(WorkerPosition::workerId).containsExactly("w-c");
    }

    @Test
    void withoutALocatorThereIsNoGrid() {
        Walker a = new Walker("w-a", new GeoPoint(113.575, 22.355), T0, Duration.ofSeconds(5), 0, 1);
        a.stay(Duration.ofMinutes(1));
        WhoWasWhere who = new WhoWasWhere(null, Duration.ofMinutes(10));
        assertThat(who.at(T0.plusSeconds(10), a.track()).orElseThrow().smallGrid()).isEmpty();
        assertThat(who.at(T0.plusSeconds(10), a.track()).orElseThrow().ageOfNearestFix()).isZero();
    }
}
