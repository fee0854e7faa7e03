package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gridcommand.common.ChangeBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 the writing process and check that nothing it acknowledged is lost: the guard against H2's
 * default WRITE_DELAY, which keeps the last half second of commits in memory only.
 */
class DurabilityAfterKillTest {
    private static final String EOF = "\u0000EOF";
    private Path dir;
    private Process child;

    @BeforeEach
    void setUp() {
        dir = TestStores.tempDir();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
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
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test"));
        Path stderr = dir.resolve("child-stderr.txt");
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), mode, dir.toString())
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the pipe breaks when the child is killed; EOF below still marks the end
            } finally {
                lines.add(EOF);
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();

        long lastAck = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lastAck < target) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                fail("child stopped or stalled at ACK " + lastAck + " before ACK " + target + "; its stderr:\n"
                        + tail(stderr));
            }
            lastAck = Math.max(lastAck, parseAck(line));
        }
        whileRunning.run();
        // SIGKILL through the ProcessHandle: Process.destroyForcibly would also close our end of the pipe
        // and throw away ACK lines the child had already printed.
        assertThat(child.toHandle().destroyForcibly()).as("SIGKILL sent").isTrue();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child died after SIGKILL").isTrue();
        // ACKs already in the pipe were printed after their writes returned: they count too.
        for (String line; !(line = lines.take()).equals(EOF); ) {
            lastAck = Math.max(lastAck, parseAck(line));
        }
        return lastAck;
    }

    private static long parseAck(String line) {
        return line.startsWith("ACK ") ? Long.parseLong(line.substring(4).trim()) : 0;
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(none)";
        }
        String text = Files.readString(file);
        return text.length() <= 4_000 ? text : text.substring(text.length() - 4_000);
    }
}
