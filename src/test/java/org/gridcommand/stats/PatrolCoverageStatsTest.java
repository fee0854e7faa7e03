package org.gridcommand.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.track.CoverageSettings;
import org.gridcommand.feed.track.PatrolCoverage;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.store.JdbcStatsRepository;
import org.junit.jupiter.api.Test;

/** Patrol coverage per day from stored GPS fixes; days without fixes are "no data", not 0 %. */
class PatrolCoverageStatsTest {
    @Test
    void daysWithFixesGetTheirCoverageAndTheOthersNoData() {
        District district = StatsFixtures.district();
        try (StatsFixtures.Store store = StatsFixtures.Store.h2()) {
            store.db.grids().replaceDistrict(district);
            PatrolCoverageStats stats = new PatrolCoverageStats(
                    new PatrolCoverage(district, new GridLocator(district), CoverageSettings.DEFAULTS), district,
                    store.db.feed(), JdbcStatsRepository.of(store.db),
                    Clock.fixed(StatsFixtures.at("2026-10-14T12:00"), ZoneOffset.UTC));
            StatsPeriod week = StatsPeriod.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 14), StatsFixtures.ZONE);

            PatrolCoverageStats.Report none = stats.compute(week);
            assertThat(none.days()).extracting(PatrolCoverageStats.Day::hasData).containsOnly(false);
            assertThat(none.mean()).isEmpty();
            assertThat(JdbcStatsRepository.of(store.db).anyGpsFixBetween(week.start(), week.end())).isFalse();

            // W1 walks along the middle of G1 from west to east on 13 October, a fix every 30 s.
            List<FieldMessage> fixes = new ArrayList<>();
            Instant t = StatsFixtures.at("2026-10-13T09:00");
            for (int i = 0; i <= 40; i++) {
                fixes.add(new GpsFix("F" + i, "W1", t.plusSeconds(30L * i), new GeoPoint(113.540 + 0.00025 * i, 22.275), 5));
            }
            store.db.feed().commit(new FeedBatch(fixes, List.of()));

            PatrolCoverageStats.Report r = stats.compute(week);
            assertThat(r.days()).extracting(PatrolCoverageStats.Day::hasData).containsExactly(false, true, false);
            assertThat(r.days()).extracting(PatrolCoverageStats.Day::partial).containsExactly(false, false, true);
            double covered = r.days().get(1).coverage();
            // A line across one of three 1 km grids in 25 m cells: about a fortieth of G1, a third of that overall.
            assertThat(covered).isGreaterThan(0.005).isLessThan(0.03);
            assertThat(r.mean()).hasValue(covered);
            assertThat(r.daysWithData()).isEqualTo(1);
            assertThat(JdbcStatsRepository.of(store.db).anyGpsFixBetween(StatsFixtures.at("2026-10-13T09:00"),
                    StatsFixtures.at("2026-10-13T09:00:00.001"))).isTrue();
            assertThat(JdbcStatsRepository.of(store.db).anyGpsFixBetween(StatsFixtures.at("2026-10-13T09:20:00.001"),
                    StatsFixtures.at("2026-10-14T00:00"))).isFalse();
        }
    }
}
