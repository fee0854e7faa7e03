package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.RetentionPolicy;
import org.gridcommand.geo.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPS retention policy from its data file, applied to a real H2 store. */
class RetentionPolicyTest {
    @Test
    void fixesOlderThanThePolicyGoAndTheRestStay() {
        Instant now = Instant.parse("2026-11-27T04:00:00Z");
        try (TestStores.TestStore store = TestStores.open(TestStores.Backend.H2)) {
            List<FieldMessage> fixes = new ArrayList<>();
            for (int day = 0; day < 10; day++) {
                Instant at = now.minus(Duration.ofDays(day)).minusSeconds(60);
                fixes.add(new GpsFix("r-" + day, "W0009", at, new GeoPoint(113.58, 22.36), 5));
            }
            store.db.feed().commit(new FeedBatch(fixes, List.of()));
            long gone = new RetentionPolicy(Duration.ofDays(7)).apply(store.db.feed(), now);
            assertThat(gone).isEqualTo(3);
            assertThat(store.db.feed().track("W0009", Instant.EPOCH, now)).hasSize(7)
                    .allSatisfy(f -> assertThat(f.at()).isAfter(now.minus(Duration.ofDays(7))));
        }
    }

    @Test
    void theShippedPolicyKeepsThreeYearsAndBadFilesAreNamed(@TempDir Path dir) throws Exception {
        assertThat(RetentionPolicy.loadDefault().gpsFixes()).isEqualTo(Duration.ofDays(1095));
        Path zero = dir.resolve("retention.json");
        Files.writeString(zero, "{\"gpsDays\": 0}");
        assertThatThrownBy(() -> RetentionPolicy.load(zero)).hasMessageContaining("retention.json: gpsDays")
                .hasMessageContaining("1 to");
        Files.writeString(zero, "{\"gpsDays\": \"soon\"}");
        assertThatThrownBy(() -> RetentionPolicy.load(zero)).hasMessageContaining("whole number of days");
    }
}
