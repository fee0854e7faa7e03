package org.gridcommand.feed.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.Test;

class FieldPaceTest {
    private static final Instant REAL_START = Instant.parse("2026-03-02T01:00:00.000250Z");

    @Test
    void atTenTimesTheSimulatedSpanEndsWhenTheRunEnds() {
        ManualClock clock = new ManualClock(REAL_START);
        FieldPace pace = new FieldPace(clock, Duration.ofMinutes(10), 10);
        assertThat(pace.oldestAge()).isEqualTo(Duration.ofMinutes(9));
        assertThat(pace.simulatedStart()).isEqualTo(REAL_START.minus(Duration.ofMinutes(9)));
        assertThat(pace.simulatedNow()).isEqualTo(pace.simulatedStart());

        clock.advance(Duration.ofSeconds(30));
        assertThat(pace.simulatedNow()).isEqualTo(pace.simulatedStart().plusSeconds(300));
        assertThat(pace.finished()).isFalse();

        clock.advance(Duration.ofSeconds(30));
        assertThat(pace.simulatedNow()).isEqualTo(pace.simulatedEnd()).isEqualTo(clock.instant());
        assertThat(pace.finished()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(pace.simulatedNow()).isEqualTo(pace.simulatedEnd());
    }

    @Test
    void atSpeedOneItIsTheRealClock() {
        ManualClock clock = new ManualClock(REAL_START);
        FieldPace pace = new FieldPace(clock, Duration.ofMinutes(3), 1);
        assertThat(pace.oldestAge()).isZero();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(1234));
            assertThat(pace.simulatedNow()).isEqualTo(clock.instant());
        }
    }

    @Test
    void simulatedTimeNeverPassesTheRealClockNorGoesBackWhenTheClockIsSetBack() {
        ManualClock clock = new ManualClock(REAL_START);
        FieldPace pace = new FieldPace(clock, Duration.ofHours(2), 3600);
        Instant before = pace.simulatedNow();
        for (int i = 0; i < 3000 && !pace.finished(); i++) {
            clock.advance(Duration.ofMillis(i % 7 == 0 ? -40 : 50));
            Instant now = pace.simulatedNow();
            assertThat(now).isAfterOrEqualTo(before);
            if (now.isAfter(before)) {
                assertThat(now).isBeforeOrEqualTo(clock.instant());
            }
            before = now;
        }
        assertThat(pace.finished()).isTrue();
    }

    @Test
    void theLongestLengthIsTheOneWhoseFirstMessageIsJustOldEnough() {
        Duration longest = FieldPace.longestLength(Duration.ofDays(2), 3600);
        assertThat(FieldPace.oldestAge(longest, 3600)).isLessThanOrEqualTo(Duration.ofDays(2));
        assertThat(FieldPace.oldestAge(longest.plusSeconds(1), 3600)).isGreaterThan(Duration.ofDays(2));
        assertThatThrownBy(() -> FieldPace.longestLength(Duration.ofDays(2), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldPace(new ManualClock(REAL_START), Duration.ofMinutes(1), 0.5))
                .hasMessageContaining("speed");
    }
}
