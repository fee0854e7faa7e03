package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridcommand.common.ChangeBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 the writing process and check that nothing it acknowledged is lost: the guard against H2's
 * default WRITE_DELAY, which keeps the last half second of commits in memory only.
 */
@Tag("slow")
class DurabilityAfterKillTest {
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
    void everyAcknowledgedAuditAppendSurvivesKill9() throws Exception {
        long lastAck = runAndKillAfter("audit", 200, () ->
                // While the child holds the file, a second seat must get a plain answer, not a stack trace.
                assertThatThrownBy(() -> Database.openH2(dir, new ChangeBus()))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("another GridCommand is using this folder"));

        try (Database db = Database.openH2(dir, new ChangeBus())) {
            Set<Long> stored = db.audit().findRecent(Integer.MAX_VALUE).stream()
                    .filter(e -> e.action().equals(DurabilityChild.ACTION))
                    .map(e -> Long.parseLong(e.detail()))
                    .collect(Collectors.toSet());
            assertThat(lastAck).isGreaterThanOrEqualTo(200);
            for (long n = 1; n <= lastAck; n++) {
                if (!stored.contains(n)) {
                    fail("audit entry " + n + " was acknowledged (last ACK " + lastAck + ") but is missing after kill -9;"
                            + " " + stored.size() + " entries survived");
                }
            }
        }
    }

    @Test
    void anAcknowledgedBatchOf5000CasesSurvivesKill9() throws Exception {
        runAndKillAfter("cases", DurabilityChild.CASES, () -> { });

        try (Database db = Database.openH2(dir, new ChangeBus())) {
            assertThat(db.cases().count()).isEqualTo(DurabilityChild.CASES);
        }
    }

    /** Runs the child until it acknowledges {@code target}, kills it, and returns the last ACK it printed. */
    private long runAndKillAfter(String mode, long target, Runnable whileRunning) throws Exception {
        child = KilledChild.start(dir, DurabilityChild.class, mode, dir.toString());
        long[] lastAck = {0};
        child.readUntil(1, line -> {
            lastAck[0] = Math.max(lastAck[0], parseAck(line));
            return lastAck[0] >= target;
        });
        whileRunning.run();
        child.killAndDrain(line -> lastAck[0] = Math.max(lastAck[0], parseAck(line)));
        return lastAck[0];
    }

    private static long parseAck(String line) {
        return line.startsWith("ACK ") ? Long.parseLong(line.substring(4).trim()) : 0;
    }
}
