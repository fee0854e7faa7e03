package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FeedStore.CommitResult;
import org.gridcommand.feed.FieldMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 a process committing feed batches (with redeliveries mixed in): every message id it acknowledged
 * is stored exactly once afterwards, and redelivering an acknowledged batch after the restart stores nothing.
 */
@Tag("slow")
class FeedDurabilityAfterKillTest {
    private Path dir;
    private KilledChild child;

    @BeforeEach
    void setUp() {
        dir = TestStores.tempDir();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (child != null) {
            child.close();
        }
        TestStores.deleteTree(dir);
    }

    @Test
    void everyAcknowledgedFeedMessageIsStoredExactlyOnceAfterKill9() throws Exception {
        child = KilledChild.start(dir, FeedDurabilityChild.class, dir.toString());
        long[] lastAck = {0};
        child.readUntil(1, line -> {
            lastAck[0] = Math.max(lastAck[0], parseAck(line));
            return lastAck[0] >= 30;
        });
        child.killAndDrain(line -> lastAck[0] = Math.max(lastAck[0], parseAck(line)));
        long acked = lastAck[0];
        assertThat(acked).isGreaterThanOrEqualTo(30);

        try (Database db = Database.openH2(dir, new ChangeBus())) {
            Map<String, Long> fixes = countsBy(db, "SELECT message_id, COUNT(*) FROM gps_fix GROUP BY message_id");
            Map<String, Long> receipts = countsBy(db,
                    "SELECT message_id, COUNT(*) FROM feed_receipt GROUP BY message_id");
            Map<String, Long> statuses = countsBy(db,
                    "SELECT message_id, COUNT(*) FROM worker_status_change GROUP BY message_id");
            Map<String, Long> quarantined = countsBy(db,
                    "SELECT message_id, COUNT(*) FROM feed_quarantine GROUP BY message_id");
            assertThat(fixes.values()).as("no fix stored twice").allMatch(n -> n == 1);
            assertThat(quarantined.values()).as("no bad message quarantined twice").allMatch(n -> n == 1);
            List<String> missing = new ArrayList<>();
            for (long n = 1; n <= acked; n++) {
                for (int i = 0; i < FeedDurabilityChild.FIXES; i++) {
                    String id = FeedDurabilityChild.fixId(n, i);
                    if (!fixes.containsKey(id) || !receipts.containsKey(id)) {
                        missing.add(id);
                    }
                }
                if (!statuses.containsKey("status-" + n)) {
                    missing.add("status-" + n);
                }
                if (!quarantined.containsKey("bad-" + n) || !receipts.containsKey("bad-" + n)) {
                    missing.add("bad-" + n);
                }
            }
            assertThat(missing).as("acknowledged (last ACK " + acked + ") but missing after kill -9").isEmpty();
            // At most the one batch in flight at the kill went in without its ACK being printed.
            assertThat(fixes.size()).isBetween((int) acked * FeedDurabilityChild.FIXES,
                    (int) (acked + 1) * FeedDurabilityChild.FIXES);

            // The broker redelivers what it never saw acknowledged, and more: nothing is stored twice.
            List<FieldMessage> again = new ArrayList<>(FeedDurabilityChild.messages(acked));
            again.addAll(FeedDurabilityChild.messages(1));
            CommitResult result = db.feed().commit(new FeedBatch(again, List.of()));
            assertThat(result.stored()).isZero();
            assertThat(result.duplicates()).isEqualTo(again.size());
        }
    }

    private static Map<String, Long> countsBy(Database db, String sql) {
        return db.read("counting", c -> {
            Map<String, Long> counts = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private static long parseAck(String line) {
        return line.startsWith("ACK ") ? Long.parseLong(line.substring(4).trim()) : 0;
    }
}
