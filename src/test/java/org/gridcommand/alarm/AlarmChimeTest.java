package org.gridcommand.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** The chime rings at once for a new urgent alarm, repeats while one waits, and stops once none does. */
class AlarmChimeTest {
    @Test
    void ringsForANewAlarmRepeatsWhileItWaitsAndStopsWhenAcknowledged() {
        ManualClock clock = ManualClock.dutyAfternoon();
        AlarmChime chime = new AlarmChime(Duration.ofSeconds(20));

        assertThat(chime.shouldChime(Set.of(), clock.instant())).as("nothing waits").isFalse();
        assertThat(chime.shouldChime(Set.of("U:a"), clock.instant())).as("a new urgent alarm").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(chime.shouldChime(Set.of("U:a"), clock.instant())).as("not again within 20 s").isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(chime.shouldChime(Set.of("U:a", "U:b"), clock.instant())).as("a second one rings at once")
                .isTrue();
        clock.advance(Duration.ofSeconds(19));
        assertThat(chime.shouldChime(Set.of("U:a", "U:b"), clock.instant())).isFalse();
        Instant repeat = clock.advance(Duration.ofSeconds(1));
        assertThat(chime.shouldChime(Set.of("U:a", "U:b"), repeat)).as("20 s after the last chime").isTrue();

        assertThat(chime.shouldChime(Set.of(), clock.advance(Duration.ofSeconds(40)))).as("all acknowledged")
                .isFalse();
        assertThat(chime.shouldChime(Set.of("U:a"), clock.advance(Duration.ofSeconds(1))))
                .as("an alarm back (its acknowledgement failed) rings again").isTrue();
    }
}
