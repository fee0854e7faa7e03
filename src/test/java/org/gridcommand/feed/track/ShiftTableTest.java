package org.gridcommand.feed.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftTableTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2024, 5, 6);

    @Test
    void theShippedTableHasADayAndANightShift() {
        ShiftTable table = ShiftTable.loadDefault();
        assertThat(table.shifts()).extracting(Shift::code).containsExactly("day", "night");
        Shift day = table.shift("day").orElseThrow();
        assertThat(day.start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(day.name().zh()).isEqualTo("白班");
        ShiftWindow d = day.on(DAY, SHANGHAI);
        assertThat(d.from()).isEqualTo(Instant.parse("2024-05-06T00:00:00Z"));
        assertThat(d.to()).isEqualTo(Instant.parse("2024-05-06T12:00:00Z"));
        ShiftWindow n = table.shift("night").orElseThrow().on(DAY, SHANGHAI);
        assertThat(n.shift().crossesMidnight()).isTrue();
        assertThat(n.from()).isEqualTo(Instant.parse("2024-05-06T12:00:00Z"));
        assertThat(n.to()).isEqualTo(Instant.parse("2024-05-07T00:00:00Z"));
        assertThat(n.duration()).isEqualTo(Duration.ofHours(12));
        assertThat(table.windows(DAY, SHANGHAI)).containsExactly(d, n);
    }

    @Test
    void windowAtFindsTheShiftHoldingAnInstant() {
        ShiftTable table = ShiftTable.loadDefault();
        // 03:00 in Shanghai on 7 May: the night shift that started on 6 May.
        ShiftWindow w = table.windowAt(Instant.parse("2024-05-06T19:00:00Z"), SHANGHAI).orElseThrow();
        assertThat(w.shift().code()).isEqualTo("night");
        assertThat(w.day()).isEqualTo(DAY);
        assertThat(table.windowAt(Instant.parse("2024-05-06T00:00:00Z"), SHANGHAI).orElseThrow().shift().code())
                .isEqualTo("day");
        assertThat(table.shift("night").orElseThrow().covers(LocalTime.of(7, 59))).isTrue();
        assertThat(table.shift("night").orElseThrow().covers(LocalTime.of(8, 0))).isFalse();
    }

    @Test
    void badFilesAreNamedWithTheEntry(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shifts.json");
        Files.writeString(file, "{\"shifts\":[{\"code\":\"day\",\"zh\":\"白班\",\"en\":\"Day\",\"start\":\"8 o'clock\",\"end\":\"20:00\"}]}");
        assertThatThrownBy(() -> ShiftTable.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shifts.json").hasMessageContaining("day");
        Files.writeString(file, "{\"shifts\":[]}");
        assertThatThrownBy(() -> ShiftTable.load(file)).hasMessageContaining("at least one");
        Files.writeString(file, "{\"shifts\":[{\"code\":\"a\",\"zh\":\"甲\",\"en\":\"A\",\"start\":\"08:00\",\"end\":\"20:00\"},"
                + "{\"code\":\"a\",\"zh\":\"甲\",\"en\":\"A\",\"start\":\"20:00\",\"end\":\"08:00\"}]}");
        assertThatThrownBy(() -> ShiftTable.load(file)).hasMessageContaining("twice");
    }
}
