package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridcommand.bench.queue.QueueBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench queue}: start to an interactive queue, and filter/sort latency, on the demo store with the
 * open cases topped up (default 1,000). Ends with one line per figure: {@code bench NAME: VALUE UNIT}.
 * The measuring is {@link QueueBenchmark}; this class parses options, prints, and hosts the start probe
 * that each fresh-JVM run executes.
 */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "Start to an interactive queue (median) and filter/sort latency (p50, p95) of the case queue, "
                + "on the demo store with ~37,000 historical and 1,000 open cases.")
public final class BenchQueueCommand implements Callable<Integer> {
    /** --lang, as every command takes (its own --data-dir above says where its benchmark store goes). */
    @picocli.CommandLine.Mixin
    LangOption lang;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Store to measure on; seeded with the demo on first use (default: a temporary folder, removed after).")
    Path dataDir;

    @Option(names = "--open", paramLabel = "N", defaultValue = "1000",
            description = "Open cases in the store; extra ones are added untimed (default: ${DEFAULT-VALUE}).")
    int open;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "7",
            description = "Timed starts; the median counts (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "200",
            description = "Scripted filter and sort changes (default: ${DEFAULT-VALUE}).")
    int ops;

    @Option(names = "--same-jvm", description = "Time the starts in this JVM (warm classes) instead of a fresh JVM each.")
    boolean sameJvm;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the extra open cases (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (open < 0 || open > 100_000) {
            err.println("gridcommand: --open must be 0 to 100000, got " + open);
            return 2;
        }
        if (runs < 1 || runs > 50) {
            err.println("gridcommand: --runs must be 1 to 50, got " + runs);
            return 2;
        }
        if (ops < 1 || ops > 100_000) {
            err.println("gridcommand: --ops must be 1 to 100000, got " + ops);
            return 2;
        }
        try (TemporaryStore store = TemporaryStore.of(dataDir, "gc-bench-queue", err)) {
            Path dir = store.dir();
            QueueBenchmark bench = new QueueBenchmark(line -> {
                out.println(line);
                out.flush();
            });
            QueueBenchmark.Result r = bench.run(new QueueBenchmark.Options(dir, Locale.ENGLISH, open, runs, ops,
                    !sameJvm, StartProbe.class.getName(), seed));
            out.println(String.format(Locale.ROOT, "start to interactive queue: median %.2f s of %d runs (%s); target 2 s",
                    r.startMedian(), runs, sameJvm ? "same JVM, from the start sequence" : "fresh JVM each, from process start"));
            out.println(String.format(Locale.ROOT, "filter and sort: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d "
                    + "operations on %d rows; target p95 30 ms", r.p50(), r.p95(), r.max(), ops, r.queueRows()));
            out.println(Double.isNaN(r.baselineMedian())
                    ? String.format(Locale.ROOT, "bench queue-start: %.2f s", r.startMedian())
                    : String.format(Locale.ROOT, "bench queue-start: %.2f s; baseline default compiler thresholds "
                            + "%.2f s; ratio %.2f", r.startMedian(), r.baselineMedian(), r.startMedian() / r.baselineMedian()));
            out.println(String.format(Locale.ROOT, "bench queue-filter-sort-p50: %.1f ms", r.p50()));
            out.println(String.format(Locale.ROOT, "bench queue-filter-sort-p95: %.1f ms", r.p95()));
            out.flush();
            return 0;
        }
    }

    /**
     * The fresh-JVM start run: {@code StartProbe DATA_DIR LANG LAUNCH_EPOCH_MS}. Prints one line with the milliseconds from
     * opening the store to the first frame with the queue's rows (and to each step on the way), then exits.
     */
    public static final class StartProbe {
        private StartProbe() {
        }

        public static void main(String[] args) {
            int status = 0;
            try {
                // Launched by the benchmark, which passes the moment it started this JVM.
                long processStart = Long.parseLong(args[2]);
                QueueBenchmark.StartTimes times = QueueBenchmark.startOnce(Path.of(args[0]),
                        Locale.forLanguageTag(args[1]), processStart);
                System.out.println(QueueBenchmark.START_MARK + QueueBenchmark.format(times));
            } catch (Exception | LinkageError e) {
                e.printStackTrace(System.err);
                status = 1;
            }
            System.out.flush();
            // FX, video and store threads must not keep the probe alive.
            System.exit(status);
        }
    }
}
