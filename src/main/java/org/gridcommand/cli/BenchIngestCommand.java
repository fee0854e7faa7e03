package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridcommand.bench.ingest.IngestBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench ingest}: field feed throughput, latency and the worker-day query, see {@link IngestBenchmark}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "GPS points/s from Mosquitto into the durable store (ack after commit) beside one commit per "
                + "message, p99 publish-to-console latency at the normal rate, and the worker-day query on N stored.")
public final class BenchIngestCommand implements Callable<Integer> {
    /** --lang, as every command takes (its own --data-dir above says where its benchmark store goes). */
    @picocli.CommandLine.Mixin
    LangOption lang;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Store to measure on; filled on first use and kept (default: a temporary folder, removed after).")
    Path dataDir;

    @Option(names = "--broker", paramLabel = "URL",
            description = "Use this broker instead of a private Mosquitto with the advised settings.")
    String broker;

    @Option(names = "--stored", paramLabel = "N", defaultValue = "10000000",
            description = "GPS fixes in the store before the query is timed (default: ${DEFAULT-VALUE}; the seed's centre holds 106000000).")
    long stored;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20",
            description = "Seconds of publishing per throughput run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--fixes-per-message", paramLabel = "K", defaultValue = "60",
            description = "Fixes per track upload in the main throughput run, 1 to 120 (default: ${DEFAULT-VALUE}).")
    int fixesPerMessage;

    @Option(names = "--latency-seconds", paramLabel = "S", defaultValue = "60",
            description = "Seconds of traffic at the normal rate for the latency figure (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "50",
            description = "Worker-day queries timed (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the query picks.")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = stored < 0 || stored > 2_000_000_000L ? "--stored must be 0 to 2000000000, got " + stored
                : seconds < 1 || seconds > 3600 ? "--seconds must be 1 to 3600, got " + seconds
                : fixesPerMessage < 1 || fixesPerMessage > 120 ? "--fixes-per-message must be 1 to 120, got " + fixesPerMessage
                : latencySeconds < 1 || latencySeconds > 3600 ? "--latency-seconds must be 1 to 3600, got " + latencySeconds
                : queries < 1 || queries > 100_000 ? "--queries must be 1 to 100000, got " + queries : null;
        if (problem != null) {
            err.println("gridcommand: " + problem);
            return 2;
        }
        try (TemporaryStore store = TemporaryStore.of(dataDir, "gc-bench-ingest", err)) {
            Path dir = store.dir();
            IngestBenchmark bench = new IngestBenchmark(line -> {
                out.println(line);
                out.flush();
            });
            bench.run(new IngestBenchmark.Options(dir, broker, stored, seconds, fixesPerMessage, latencySeconds,
                    queries, seed));
            return 0;
        }
    }
}
