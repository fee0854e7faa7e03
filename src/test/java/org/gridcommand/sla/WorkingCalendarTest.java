package org.gridcommand.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcommand.sla.SlaTestTables.CALENDAR;
import static org.gridcommand.sla.SlaTestTables.at;
import static org.gridcommand.sla.SlaTestTables.write;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCalendarTest {
    @TempDir
    Path dir;

    @Test
    void shippedCalendarCoversTwoPublishedYearsAndOneProvisional() {
        assertThat(CALENDAR.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(CALENDAR.workingDayLength()).isEqualTo(Duration.ofHours(7));
        assertThat(CALENDAR.years()).extracting(WorkingCalendar.CalendarYear::year).containsExactly(2025, 2026, 2027);
        assertThat(CALENDAR.year(2026)).get().satisfies(y -> {
            assertThat(y.provisional()).isFalse();
            assertThat(y.source()).contains("国务院办公厅关于2026年部分节假日安排的通知");
        });
        assertThat(CALENDAR.year(2027)).get().satisfies(y -> {
            assertThat(y.provisional()).isTrue();
            assertThat(y.note()).contains("PROVISIONAL");
        });
    }

    @Test
    void weekendIsNotAWorkingDayButAWeekdayIs() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue();   // Friday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();  // Saturday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse();  // Sunday
    }

    @Test
    void publicHolidaysAreNotWorkingDays() {
        LocalDate nationalDayMonday = LocalDate.of(2026, 10, 5);
        assertThat(nationalDayMonday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(CALENDAR.isWorkingDay(nationalDayMonday)).isFalse();
        assertThat(CALENDAR.holidayName(nationalDayMonday)).contains("国庆节");
        // Spring Festival 2026 runs from 腊月二十八 (Sun 15 Feb) to 正月初七 (Mon 23 Feb).
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
        // 2025: New Year's Day alone, on a Wednesday.
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 1, 2))).isTrue();
    }

    @Test
    void makeUpSaturdayIsWorked() {
        LocalDate makeUp = LocalDate.of(2026, 10, 10);
        assertThat(makeUp.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(CALENDAR.isWorkingDay(makeUp)).isTrue();
        assertThat(CALENDAR.isMakeUpWorkday(makeUp)).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();   // Saturday before Spring Festival
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();   // a Sunday in 2025
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse(); // the Sunday after stays off
    }

    @Test
    void workingTimeSkipsTheLunchBreak() {
        assertThat(CALENDAR.addWorkingHours(at("2026-11-27T11:00"), 2)).isEqualTo(at("2026-11-27T15:00"));
        // Due exactly at the end of the morning stays at 12:00 rather than moving to 14:00.
        assertThat(CALENDAR.addWorkingHours(at("2026-11-27T11:00"), 1)).isEqualTo(at("2026-11-27T12:00"));
        assertThat(CALENDAR.addWorkingHours(at("2026-11-27T12:30"), 1)).isEqualTo(at("2026-11-27T15:00"));
    }

    @Test
    void workingTimeCarriesOverNightAndOverTheWeekend() {
        assertThat(CALENDAR.addWorkingHours(at("2026-11-26T17:00"), 1)).isEqualTo(at("2026-11-27T09:00"));
        assertThat(CALENDAR.addWorkingHours(at("2026-11-27T17:00"), 1)).isEqualTo(at("2026-11-30T09:00"));
        // A start at night or on a weekend begins at the next working period.
        assertThat(CALENDAR.addWorkingHours(at("2026-11-28T10:00"), 1)).isEqualTo(at("2026-11-30T09:30"));
        assertThat(CALENDAR.addWorkingHours(at("2026-11-26T22:00"), 1)).isEqualTo(at("2026-11-27T09:30"));
        assertThat(CALENDAR.nextWorkingMoment(at("2026-11-28T10:00"))).isEqualTo(at("2026-11-30T08:30"));
    }

    @Test
    void workingTimeJumpsHolidaysAndUsesMakeUpDays() {
        // Wed 30 Sep 16:30 + 2 h: one hour that day, National Day 1-7 Oct off, the rest on Thu 8 Oct.
        assertThat(CALENDAR.addWorkingHours(at("2026-09-30T16:30"), 2)).isEqualTo(at("2026-10-08T09:30"));
        // Fri 9 Oct 17:00 + 1 h: half an hour, then the make-up Saturday 10 Oct.
        assertThat(CALENDAR.addWorkingHours(at("2026-10-09T17:00"), 1)).isEqualTo(at("2026-10-10T09:00"));
    }

    @Test
    void workingDaysAreWholeDaysOfWorkingTime() {
        assertThat(CALENDAR.addWorkingDays(at("2026-11-23T10:00"), 1)).isEqualTo(at("2026-11-24T10:00"));
        assertThat(CALENDAR.addWorkingDays(at("2026-11-23T10:00"), 5)).isEqualTo(at("2026-11-30T10:00"));
        // From the evening: the first working day is the next one, ending at its close.
        assertThat(CALENDAR.addWorkingDays(at("2026-11-23T19:00"), 1)).isEqualTo(at("2026-11-24T17:30"));
    }

    @Test
    void workingTimeBetweenCountsOnlyWorkingPeriods() {
        assertThat(CALENDAR.workingTimeBetween(at("2026-11-27T11:00"), at("2026-11-27T15:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(CALENDAR.workingTimeBetween(at("2026-11-27T17:00"), at("2026-11-30T09:00")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(CALENDAR.workingTimeBetween(at("2026-11-30T09:00"), at("2026-11-27T17:00"))).isZero();
    }

    @Test
    void aYearWithoutAFileIsAClearError() {
        assertThatThrownBy(() -> CALENDAR.addWorkingHours(at("2027-12-31T17:00"), 1))
                .isInstanceOf(MissingCalendarYearException.class)
                .hasMessage("no working calendar for 2028: add assets/calendar/cn-2028.json");
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2024, 12, 31)))
                .isInstanceOf(MissingCalendarYearException.class)
                .satisfies(e -> assertThat(((MissingCalendarYearException) e).year()).isEqualTo(2024));
    }

    @Test
    void provisional2027FollowsThePublishedRules() {
        assertThat(CALENDAR.holidayName(LocalDate.of(2027, 2, 5))).contains("春节");   // the eve
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 12))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 6, 9))).isFalse();    // Dragon Boat on a Wednesday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 6, 10))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 10, 9))).isTrue();    // guessed make-up Saturday
    }

    @Test
    void makeUpDayOnAWeekdayIsRefusedNamingFileAndEntry() {
        write(dir, "working-hours.json", """
                {"zone": "Asia/Shanghai", "periods": [{"from": "08:30", "to": "12:00"}]}""");
        write(dir, "cn-2026.json", """
                {"year": 2026, "source": "test",
                 "holidays": [{"name": "元旦", "from": "2026-01-01", "to": "2026-01-03"}],
                 "workdays": [{"date": "2026-01-04"}, {"date": "2026-01-05"}]}""");
        assertThatThrownBy(() -> WorkingCalendar.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cn-2026.json: workdays entry 2: 2026-01-05 is a MONDAY, already a working day: "
                        + "a make-up working day falls on a weekend");
    }

    @Test
    void brokenYearFilesAreRefused() {
        write(dir, "working-hours.json", """
                {"zone": "Asia/Shanghai", "periods": [{"from": "08:30", "to": "12:00"}]}""");
        write(dir, "cn-2026.json", """
                {"year": 2025, "source": "test", "holidays": [], "workdays": []}""");
        assertThatThrownBy(() -> WorkingCalendar.load(dir))
                .hasMessage("cn-2026.json: \"year\" must be 2026 to match the file name");

        write(dir, "cn-2026.json", """
                {"year": 2026, "source": "test",
                 "holidays": [{"name": "春节", "from": "2026-02-23", "to": "2026-02-15"}], "workdays": []}""");
        assertThatThrownBy(() -> WorkingCalendar.load(dir))
                .hasMessage("cn-2026.json: holidays entry 1: \"to\" 2026-02-15 is before \"from\" 2026-02-23");

        write(dir, "cn-2026.json", """
                {"year": 2026, "provisional": true, "source": "guess", "holidays": [], "workdays": []}""");
        assertThatThrownBy(() -> WorkingCalendar.load(dir))
                .hasMessageStartingWith("cn-2026.json: a provisional year needs a \"note\"");
    }

    @Test
    void overlappingWorkingPeriodsAreRefused() {
        write(dir, "working-hours.json", """
                {"zone": "Asia/Shanghai", "periods": [{"from": "08:30", "to": "12:00"}, {"from": "11:00", "to": "17:30"}]}""");
        write(dir, "cn-2026.json", """
                {"year": 2026, "source": "test", "holidays": [], "workdays": []}""");
        assertThatThrownBy(() -> WorkingCalendar.load(dir))
                .hasMessageStartingWith("working-hours.json: periods entry 2: starts at 11:00, before the previous period ends");
    }
}
