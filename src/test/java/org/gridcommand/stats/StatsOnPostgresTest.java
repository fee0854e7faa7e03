package org.gridcommand.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.cases.Case;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same crafted cases on PostgreSQL (the centre's store) give the same figures as on H2. */
@Tag("pg")
class StatsOnPostgresTest {
    @Test
    void everyTableAndIndicatorMatchesH2() {
        List<Case> cases = new ArrayList<>(StatsFixtures.october());
        cases.addAll(StatsFixtures.november());
        StatsPeriod autumn = StatsPeriod.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30), StatsFixtures.ZONE);
        try (StatsFixtures.Store pg = StatsFixtures.Store.postgres().seed(cases);
             StatsFixtures.Store h2 = StatsFixtures.Store.h2().seed(cases)) {
            for (StatsPeriod p : List.of(StatsPeriod.month(YearMonth.of(2026, 10), StatsFixtures.ZONE), autumn)) {
                PeriodStats onPg = pg.service().period(p);
                PeriodStats onH2 = h2.service().period(p);
                assertThat(onPg.cases()).isEqualTo(onH2.cases());
                assertThat(onPg.kpis()).isEqualTo(onH2.kpis());
                assertThat(onPg.responseTimes()).isEqualTo(onH2.responseTimes());
                assertThat(onPg.countsBySmallGrid()).isEqualTo(onH2.countsBySmallGrid());
                assertThat(onPg.countsByCategory()).isEqualTo(onH2.countsByCategory());
                assertThat(onPg.countsByChannel()).isEqualTo(onH2.countsByChannel());
                assertThat(onPg.countsByTime(Granularity.WEEK)).isEqualTo(onH2.countsByTime(Granularity.WEEK));
                assertThat(pg.service().caseDensity(p)).isEqualTo(h2.service().caseDensity(p));
                assertThat(pg.service().safetyIndex(onPg)).isEqualTo(h2.service().safetyIndex(onH2));
            }
            Kpis october = pg.service().period(StatsPeriod.month(YearMonth.of(2026, 10), StatsFixtures.ZONE)).kpis();
            assertThat(october.onTime(org.gridcommand.sla.SlaStage.HANDLE)).isEqualTo(new Rate(6, 10));
            assertThat(october.sensorAlarms()).isEqualTo(5);
            assertThat(pg.service().caseDensity(autumn)).containsEntry(StatsFixtures.G3, 20.0);
        }
    }
}
