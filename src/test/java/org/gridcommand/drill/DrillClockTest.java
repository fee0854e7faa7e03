package org.gridcommand.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DrillClockTest {
    private static final Instant REAL = Instant.parse("2026-11-27T06:00:00Z");
    private static final Instant START = Instant.parse("2026-11-27T00:40:00Z");

    /** A hand-moved real clock: the test decides how much real time passes. */
    private static final class HandClock extends Clock {
        Instant now = REAL;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }
    }

    @Test
    void runsAtItsSpeedStandsStillWhenPausedAndSkipsForwardOnly() {
        HandClock real = new HandClock();
        DrillClock drill = new DrillClock(START, real, ZoneId.of("Asia/Shanghai"));
        real.advance(10);
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(10));
        drill.setSpeed(10);
        real.advance(6);
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(70));
        drill.pause();
        real.advance(100);
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(70));
        drill.resume();
        real.advance(1);
        assertThat(drill.instant()).isEqualTo(START.plusSeconds(80));
        drill.setSpeed(2);
        real.advance(5);
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
