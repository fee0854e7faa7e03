package org.gridcommand.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.Test;

class DrillClockTest {
    private static final Instant REAL = Instant.parse("2026-11-27T06:00:00Z");
    private static final Instant START = Instant.parse("2026-11-27T00:40:00Z");

    @Test
    void runsAtItsSpeedStandsStillWhenPausedAndSkipsForwardOnly() {
        ManualClock real = new ManualClock(REAL);
        DrillClock drill = new DrillClock(START, real, ZoneId.of("Asia/Shanghai"));
        real.advance(java.time.Duration.ofSeconds(10));
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(10));
        drill.setSpeed(10);
        real.advance(java.time.Duration.ofSeconds(6));
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(70));
        drill.pause();
        real.advance(java.time.Duration.ofSeconds(100));
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(70));
        drill.resume();
        real.advance(java.time.Duration.ofSeconds(1));
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(80));
        drill.setSpeed(2);
        real.advance(java.time.Duration.ofSeconds(5));
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(90));
        drill.skipTo(START.plusSeconds(300));
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(300));
        drill.skipTo(START);
        assertThat(drill.instant()).as("never backwards").isEqualTo(START.plusSeconds(300));
        assertThat(Duration.between(START, drill.instant())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void onlyTheTrainersSpeedsAreAccepted() {
        DrillClock drill = new DrillClock(START, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> drill.setSpeed(5)).hasMessage("drill speed must be ×1, ×2 or ×10, got ×5");
    }
}
