package org.gridcommand.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.gridcommand.cases.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsPeriodTest {
    private static final java.time.ZoneId ZONE = StatsFixtures.ZONE;

    @Test
    void aPeriodIsWholeDaysInTheDistrictsZone() {
        StatsPeriod p = StatsPeriod.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), ZONE);
        assertThat(p.start()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(p.end()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(p.days()).isEqualTo(31);
        assertThat(p.isWholeMonth()).isTrue();
        assertThat(p.label()).isEqualTo("2026-10");
        assertThat(p.asOf(Instant.parse("2026-10-15T00:00:00Z"))).isEqualTo(Instant.parse("2026-10-15T00:00:00Z"));
        assertThat(p.asOf(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(p.end());
    }

    @Test
    void thePreviousOfAMonthIsTheCalendarMonthBeforeAndOfOtherPeriodsAsManyDaysBefore() {
        assertThat(StatsPeriod.month(YearMonth.of(2026, 3), ZONE).previous())
                .isEqualTo(StatsPeriod.month(YearMonth.of(2026, 2), ZONE));
        assertThat(StatsPeriod.month(YearMonth.of(2026, 1), ZONE).previous().label()).isEqualTo("2025-12");
        assertThat(StatsPeriod.of(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11), ZONE).previous())
                .isEqualTo(StatsPeriod.of(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 4), ZONE));
        assertThat(StatsPeriod.weekOf(LocalDate.of(2026, 10, 8), ZONE).label()).isEqualTo("2026-10-05..2026-10-11");
    }

    @Test
    void bucketsFollowTheCalendarAndAreClippedToThePeriod() {
        StatsPeriod p = StatsPeriod.of(LocalDate.of(2026, 1, 28), LocalDate.of(2026, 3, 3), ZONE);
        assertThat(p.buckets(Granularity.MONTH)).extracting(StatsPeriod::label)
                .containsExactly("2026-01-28..2026-01-31", "2026-02", "2026-03-01..2026-03-03");
        // 28 January 2026 is a Wednesday: the first ISO week is cut at Sunday 1 February.
        assertThat(p.buckets(Granularity.WEEK)).first().extracting(StatsPeriod::label).isEqualTo("2026-01-28..2026-02-01");
        assertThat(p.buckets(Granularity.WEEK)).last().extracting(StatsPeriod::label).isEqualTo("2026-03-02..2026-03-03");
        assertThat(p.buckets(Granularity.DAY)).hasSize(35);
    }

    @Test
    void badDatesAndRangesAreNamed() {
        assertThatThrownBy(() -> StatsPeriod.parseDate("--from", "2026-02-30"))
                .hasMessage("--from '2026-02-30' is not a calendar date (Invalid date 'FEBRUARY 30')");
        assertThatThrownBy(() -> StatsPeriod.parseDate("--to", "1/10/2026"))
                .hasMessage("--to '1/10/2026' is not a date in the form YYYY-MM-DD (e.g. 2026-10-01)");
        assertThatThrownBy(() -> StatsPeriod.parseDate("--to", " ")).hasMessage("--to: a date is required (YYYY-MM-DD)");
        assertThatThrownBy(() -> StatsPeriod.of(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 1), ZONE))
                .hasMessage("the period ends (2026-10-01) before it starts (2026-10-02)");
        assertThatThrownBy(() -> StatsPeriod.of(LocalDate.of(2000, 1, 1), LocalDate.of(2026, 1, 1), ZONE))
                .hasMessageContaining("spans 9498 days; at most 3660 (ten years) are allowed");
        assertThatThrownBy(() -> Granularity.parse("fortnight"))
                .hasMessage("unknown time bucket 'fortnight' (use day, week, month)");
        assertThat(Granularity.parse(" Week ")).isEqualTo(Granularity.WEEK);
    }

    @Test
    void theSettingsFileNamesWhatIsWrong(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("indicators.json");
        Files.writeString(file, "{\"activeChannels\": [\"GRID_WORKER\", \"PIGEON\"], \"machineChannels\": [], \"percentiles\": [50]}");
        assertThatThrownBy(() -> StatsSettings.load(file)).hasMessage("indicators.json: activeChannels entry 2: "
                + "unknown value \"PIGEON\" (expected one of GRID_WORKER, HOTLINE, SENSOR, VIDEO_ANALYTICS, DUTY_OFFICER)");
        Files.writeString(file, "{\"activeChannels\": [], \"machineChannels\": [], \"percentiles\": [50, 120]}");
        assertThatThrownBy(() -> StatsSettings.load(file))
                .hasMessage("indicators.json: percentiles entry 2: 120 is not a percentile in (0, 100]");
        Files.writeString(file, "{\"activeChannels\": [\"SENSOR\", \"SENSOR\"], \"machineChannels\": [], \"percentiles\": [50]}");
        assertThatThrownBy(() -> StatsSettings.load(file))
                .hasMessage("indicators.json: activeChannels entry 2: SENSOR is listed twice");
        StatsSettings shipped = StatsSettings.loadDefault();
        assertThat(shipped.activeChannels()).containsExactlyInAnyOrder(Channel.GRID_WORKER, Channel.VIDEO_ANALYTICS,
                Channel.SENSOR);
        assertThat(shipped.percentiles()).containsExactly(50.0, 90.0, 95.0);
    }
}
