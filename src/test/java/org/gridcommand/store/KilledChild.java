package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.gridcommand.common.AssetLocator;

/**
 * The kill -9 harness the durability tests share: a child JVM that writes to a store and prints an "ACK"
 * line after each write returned, read line by line, then killed with SIGKILL while it writes.
 */
public final class KilledChild implements AutoCloseable {
    private static final String EOF = "\u0000EOF";
    private static final long STALL_SECONDS = 120;

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private KilledChild(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the pipe breaks when the child is killed; EOF below still marks the end
            } finally {
                lines.add(EOF);
            }
        }, "killed-child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with the test's class path and assets; its stderr goes to a file in {@code dir}. */
    public static KilledChild start(Path dir, Class<?> main, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-D" + AssetLocator.PROPERTY + "=" + AssetLocator.assetsDir(), main.getName()));
        command.addAll(List.of(args));
        Path stderr = dir.resolve("child-stderr.txt");
        return new KilledChild(new ProcessBuilder(command).redirectError(stderr.toFile()).start(), stderr);
    }

    /**
     * Hands each line to {@code counts} until it has answered true {@code wanted} times; fails with the
     * child's stderr if the child stops, or prints nothing for two minutes, before that.
     */
    public void readUntil(int wanted, Predicate<String> counts) throws Exception {
        int counted = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALL_SECONDS);
        while (counted < wanted) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                fail("child stopped or stalled after " + counted + " of " + wanted + " ACKs; its stderr:\n" + tail());
            }
            if (counts.test(line)) {
                counted++;
            }
        }
    }

    /**
     * SIGKILL, then hands over the lines already in the pipe: they were printed after their writes returned,
     * so they count too. Sent through the ProcessHandle: Process.destroyForcibly would also close our end of
     * the pipe and throw those lines away.
     */
    public void killAndDrain(Consumer<String> onLine) throws InterruptedException {
        assertThat(process.toHandle().destroyForcibly()).as("SIGKILL sent").isTrue();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("child died after SIGKILL").isTrue();
        for (String line; !(line = lines.take()).equals(EOF); ) {
            onLine.accept(line);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private String tail() throws IOException {
        if (!Files.exists(stderr)) {
            return "(none)";
        }
        String text = Files.readString(stderr);
        return text.length() <= 4_000 ? text : text.substring(text.length() - 4_000);
    }

    /** For the child: if the test JVM dies first, stdin closes; stop instead of writing forever. */
    public static void startOrphanGuard() {
        Thread guard = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; only end-of-file matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone too
            }
            Runtime.getRuntime().halt(3);
        }, "orphan-guard");
        guard.setDaemon(true);
        guard.start();
    }
}
