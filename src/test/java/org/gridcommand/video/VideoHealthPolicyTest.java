package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VideoHealthPolicyTest {
    @Test
    void backOffDoublesFromOneSecondUpToThirty() {
        HealthPolicy policy = HealthPolicy.DEFAULT;
        assertThat(policy.stallTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(IntStream.range(0, 9).mapToObj(policy::retryDelay).map(Duration::toSeconds).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L);
        assertThat(policy.retryDelay(1_000_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> HealthPolicy.DEFAULT.withStallTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthPolicy(Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotNamesCarryCameraIdAndZonedTime() {
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 27, 20, 39, 45, 123_000_000, ZoneId.of("Asia/Shanghai"));
        assertThat(Snapshots.fileName("44040200001320000001", at, 1))
                .isEqualTo("44040200001320000001_20261127T203945.123+0800.png");
        assertThat(Snapshots.fileName("东门/1 a", at, 2)).isEqualTo("___1_a_20261127T203945.123+0800-2.png");
        assertThat(Snapshots.fileName(" ", at, 1)).startsWith("camera_");
    }
}
