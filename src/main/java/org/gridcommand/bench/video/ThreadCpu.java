package org.gridcommand.bench.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where the process's CPU goes, by thread name, from Linux's /proc/self/task (Java and native threads alike:
 * libVLC's decoders are native). Threads of one kind are summed: digits are dropped from the names. On a busy
 * machine these per-thread figures stay meaningful where the wall's frame rate does not.
 */
final class ThreadCpu {
    private static final double TICK_NANOS = 1e9 / 100; // USER_HZ is 100 on Linux

    private ThreadCpu() {
    }

    /** CPU nanoseconds so far per thread kind; empty where /proc is not there. */
    static Map<String, Long> byName() {
        Map<String, Long> cpu = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return cpu;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    cpu.merge(name, Math.round(ticks * TICK_NANOS), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between listing and reading: its time is lost to this breakdown only.
                }
            });
        } catch (IOException e) {
            return cpu;
        }
        return cpu;
    }

    static void report(Map<String, Long> before, Map<String, Long> after, long wallNanos, Consumer<String> out) {
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > wallNanos / 200)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12)
                .forEach(e -> out.accept(String.format(Locale.ROOT, "  cpu %-24s %5.1f %% of one core", e.getKey(),
                        100.0 * e.getValue() / wallNanos)));
    }
}
