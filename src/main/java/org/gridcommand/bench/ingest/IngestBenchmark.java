package org.gridcommand.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.FieldFeed;
import org.gridcommand.common.Percentiles;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.GpsTrack;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttPublisher;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;

/**
 * {@code bench ingest}: the field feed from Mosquitto into the durable store with acknowledgement after
 * commit, on the demo district's store.
 *
 * <ol>
 * <li>Fill: {@code stored} GPS fixes of the district's 316 workers, a fix every 30 s over 12-hour shifts on
 * past days, written straight into the store (not timed against any target; its rate is printed).</li>
 * <li>Query: one worker's whole day, for random workers and days, after reopening the store (cold cache).</li>
 * <li>Throughput: a publisher sends as fast as the broker takes them, for {@code seconds}; the console's own
 * ingest (batched commits) beside a naive one that commits every message on its own, same messages, same
 * broker, in this run. Twice: with track uploads of {@code fixesPerMessage} fixes, and with single fixes.</li>
 * <li>Latency at the demo's normal rate (316 workers, a fix every 30 s each): from the publish call to the
 * moment the console's listener is handed the fix, i.e. it is durable, acknowledged and on its way to the
 * screen (the map applies moves on its next one-second beat).</li>
 * </ol>
 * The broker is a private Mosquitto with the settings docs/field-protocol.md advises, unless one is given.
 */
public final class IngestBenchmark {
    private static final String FILLED = "bench.ingest.filled";
    private static final int FILL_BATCH = 10_000;
    private static final int FIXES_PER_SHIFT = 12 * 120;

    public record Options(Path dataDir, String broker, long stored, int seconds, int fixesPerMessage,
                          int latencySeconds, int queries, long seed) {
    }

    private final Consumer<String> out;
    private final List<String> lines = new ArrayList<>();

    public IngestBenchmark(Consumer<String> out) {
        this.out = out;
    }

    /** Runs everything and returns the result lines ("bench NAME: …"), also printed as they come. */
    public List<String> run(Options o) throws Exception {
        PrivateMosquitto own = o.broker() == null ? PrivateMosquitto.start() : null;
        try {
            String url = own != null ? own.url() : o.broker();
            out.accept("broker: " + url + (own != null ? " (private: max_inflight_messages 1000, "
                    + "max_queued_messages 1000000)" : ""));
            try (AppContext context = AppContext.openDemo(o.dataDir(), Locale.ENGLISH, Clock.systemUTC())) {
                fill(context, o.stored());
            }
            try (AppContext context = AppContext.openDemo(o.dataDir(), Locale.ENGLISH, Clock.systemUTC())) {
                query(context, o);
                // Each run walks the workers through its own six hours, a fix a second, so no two runs' fixes meet.
                Instant slot = Instant.now().minus(Duration.ofHours(31));
                double ours = throughput(context, url, o.fixesPerMessage(), FeedIngest.Settings.DEFAULT, o.seconds(),
                        slot, "batched commits");
                double naive = throughput(context, url, o.fixesPerMessage(), FeedIngest.Settings.onePerCommit(),
                        Math.max(5, o.seconds() / 2), slot.plus(Duration.ofHours(6)), "one commit per message");
                result(String.format(Locale.ROOT, "bench ingest-points: %.0f points/s; baseline naive-commit-per-message "
                        + "%.0f points/s; ratio %.1f", ours, naive, ours / naive));
                double single = throughput(context, url, 1, FeedIngest.Settings.DEFAULT, o.seconds(),
                        slot.plus(Duration.ofHours(12)), "batched commits");
                double singleNaive = throughput(context, url, 1, FeedIngest.Settings.onePerCommit(),
                        Math.max(5, o.seconds() / 2), slot.plus(Duration.ofHours(18)), "one commit per message");
                result(String.format(Locale.ROOT, "bench ingest-single-fix-messages: %.0f points/s; baseline "
                        + "naive-commit-per-message %.0f points/s; ratio %.1f", single, singleNaive, single / singleNaive));
                latency(context, url, o.latencySeconds(), slot.plus(Duration.ofHours(24)));
            }
        } finally {
            if (own != null) {
                own.close();
            }
        }
        lines.forEach(out);
        return lines;
    }

    /** A figure line, printed with the others at the end. */
    private void result(String line) {
        lines.add(line);
    }

    // ---------------------------------------------------------------- fill

    private void fill(AppContext context, long wanted) {
        long have = context.database().meta(FILLED).map(Long::parseLong).orElse(0L);
        if (have >= wanted) {
            out.accept(String.format(Locale.ROOT, "store already holds %,d filled fixes (wanted %,d)", have, wanted));
            return;
        }
        List<GridWorker> workers = context.district().gridWorkers();
        FeedStore store = context.database().feed();
        LocalDate today = LocalDate.now(context.zone());
        long written = 0;
        long started = System.nanoTime();
        long nextReport = 1_000_000;
        List<FieldMessage> batch = new ArrayList<>();
        int batchFixes = 0;
        // Day by day backwards from yesterday, each worker's 12-hour shift, until enough.
        for (int day = 1; written < wanted; day++) {
            Instant shiftStart = today.minusDays(day).atTime(LocalTime.of(8, 0)).atZone(context.zone()).toInstant();
            for (GridWorker w : workers) {
                if (written >= wanted) {
                    break;
                }
                GeoPoint home = home(context, w);
                int n = (int) Math.min(FIXES_PER_SHIFT, wanted - written);
                for (int from = 0; from < n; from += 120) {
                    List<GpsFix> fixes = new ArrayList<>(120);
                    String id = "fill-" + day + "-" + w.id() + "-" + from;
                    for (int i = from; i < Math.min(n, from + 120); i++) {
                        double a = i / 40.0;
                        fixes.add(new GpsFix(id, w.id(), shiftStart.plusSeconds(30L * i),
                                new GeoPoint(home.lon() + 0.001 * Math.sin(a), home.lat() + 0.001 * Math.cos(a * 0.7)), 6));
                    }
                    batch.add(new GpsTrack(id, w.id(), fixes.get(fixes.size() - 1).at(), fixes));
                    batchFixes += fixes.size();
                    if (batchFixes >= FILL_BATCH) {
                        store.commit(new FeedBatch(batch, List.of()));
                        batch.clear();
                        batchFixes = 0;
                    }
                }
                written += n;
                if (written >= nextReport) {
                    nextReport += 1_000_000;
                    double s = (System.nanoTime() - started) / 1e9;
                    out.accept(String.format(Locale.ROOT, "fill: %,d fixes in %.0f s (%,.0f/s)", written + have, s,
                            written / s));
                }
            }
        }
        if (!batch.isEmpty()) {
            store.commit(new FeedBatch(batch, List.of()));
        }
        double s = (System.nanoTime() - started) / 1e9;
        context.database().putMeta(FILLED, Long.toString(have + written));
        out.accept(String.format(Locale.ROOT, "fill: %,d fixes written in %.0f s (%,.0f fixes/s); the store holds %,d",
                written, s, written / s, have + written));
    }

    // ---------------------------------------------------------------- query

    private void query(AppContext context, Options o) {
        long filled = context.database().meta(FILLED).map(Long::parseLong).orElse(0L);
        int days = (int) Math.max(1, filled / ((long) FIXES_PER_SHIFT * context.district().gridWorkers().size()));
        List<GridWorker> workers = context.district().gridWorkers();
        Random rnd = new Random(o.seed());
        LocalDate today = LocalDate.now(context.zone());
        double[] ms = new double[o.queries()];
        int rows = 0;
        for (int i = 0; i < ms.length; i++) {
            GridWorker w = workers.get(rnd.nextInt(workers.size()));
            LocalDate day = today.minusDays(1 + rnd.nextInt(days));
            Instant from = day.atStartOfDay(context.zone()).toInstant();
            long t0 = System.nanoTime();
            rows += context.database().feed().track(w.id(), from, from.plus(Duration.ofDays(1))).size();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        out.accept(String.format(Locale.ROOT, "query: %d worker-days over %,d stored fixes (%d days), %,d fixes read; "
                + "first %.1f ms, p50 %.1f ms, max %.1f ms", ms.length, filled, days, rows, ms[0], Percentiles.of(ms, 50),
                Arrays.stream(ms).max().orElse(0)));
        result(String.format(Locale.ROOT, "bench ingest-query-worker-day-p95: %.1f ms", Percentiles.of(ms, 95)));
    }

    // ---------------------------------------------------------------- throughput

    /**
     * Points stored per second while a publisher sends faster than the seat can store: counted over the
     * publishing window after a two-second warm-up, so the figure is the seat's sustained capacity. What is
     * still unstored at the end stays unacknowledged at the broker (this client id is not used again).
     */
    private double throughput(AppContext context, String url, int fixesPerMessage, FeedIngest.Settings settings,
                              int seconds, Instant slot, String label) throws Exception {
        AtomicLong stored = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long warmNanos = 2_000_000_000L;
        try (FieldFeed feed = FieldFeed.open(context, SensorRegistry.loadDemo(), settings,
                messages -> stored.addAndGet(points(messages)))) {
            feed.connect(new MqttSettings(url, "gc-bench-seat-" + run, null, null,
                    FeedTopic.subscription(context.district().adminCode())));
            long published = 0;
            long t0 = System.nanoTime();
            long warmEnd = t0 + warmNanos;
            long end = warmEnd + seconds * 1_000_000_000L;
            long storedAtWarmEnd = -1;
            try (MqttPublisher publisher = new MqttPublisher(url, "gc-bench-pub-" + run, null, null, 1000)) {
                Walk walk = new Walk(context, slot, run);
                while (System.nanoTime() < end && walk.hasRoom(fixesPerMessage)) {
                    if (storedAtWarmEnd < 0 && System.nanoTime() >= warmEnd) {
                        storedAtWarmEnd = stored.get();
                    }
                    Walk.Message m = walk.next(context.district().adminCode(), fixesPerMessage);
                    publisher.publish(m.topic(), m.payload());
                    published += fixesPerMessage;
                }
            }
            long stop = System.nanoTime();
            long storedAtEnd = stored.get();
            if (storedAtWarmEnd < 0) {
                throw new IllegalStateException("the publisher ran out of room in its time slot before the warm-up ended");
            }
            double window = (stop - warmEnd) / 1e9;
            double rate = (storedAtEnd - storedAtWarmEnd) / window;
            FeedIngest.Stats s = feed.stats();
            out.accept(String.format(Locale.ROOT, "  %s, %d fix(es) per message: %,.0f points/s stored over %.1f s "
                    + "(offered %,.0f points/s; %,d commits, %d quarantined, %d duplicates; %,d points still waiting)",
                    label, fixesPerMessage, rate, window, published / ((stop - t0) / 1e9), s.commits(),
                    s.quarantined(), s.duplicates(), published - storedAtEnd));
            return rate;
        }
    }

    private static long points(List<FieldMessage> messages) {
        long n = 0;
        for (FieldMessage m : messages) {
            n += m instanceof GpsTrack t ? t.fixes().size() : m instanceof GpsFix ? 1 : 0;
        }
        return n;
    }

    // ---------------------------------------------------------------- latency

    private void latency(AppContext context, String url, int seconds, Instant slot) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> ms = java.util.Collections.synchronizedList(new ArrayList<>());
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<GridWorker> workers = context.district().gridWorkers();
        try (FieldFeed feed = FieldFeed.open(context, SensorRegistry.loadDemo(), FeedIngest.Settings.DEFAULT, messages -> {
            long now = System.nanoTime();
            for (FieldMessage m : messages) {
                Long t = sentAt.remove(m.messageId());
                if (t != null) {
                    ms.add((now - t) / 1e6);
                }
            }
        })) {
            feed.connect(new MqttSettings(url, "gc-bench-seat-" + run, null, null,
                    FeedTopic.subscription(context.district().adminCode())));
            try (MqttPublisher publisher = new MqttPublisher(url, "gc-bench-pub-" + run, null, null, 1000)) {
                Walk walk = new Walk(context, slot, run);
                // The normal rate: every worker once per 30 s, spread evenly.
                long periodNanos = 30_000_000_000L / workers.size();
                long t0 = System.nanoTime();
                long count = (long) seconds * 1_000_000_000L / periodNanos;
                for (long i = 0; i < count; i++) {
                    long due = t0 + i * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    Walk.Message m = walk.next(context.district().adminCode(), 1);
                    sentAt.put(m.id(), System.nanoTime());
                    publisher.publish(m.topic(), m.payload());
                }
                publisher.flush(30_000);
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        double[] v = ms.stream().mapToDouble(Double::doubleValue).toArray();
        out.accept(String.format(Locale.ROOT, "latency at the normal rate (%d workers, a fix every 30 s each): %d fixes, "
                + "p50 %.1f ms, p95 %.1f ms, max %.1f ms", workers.size(), v.length, Percentiles.of(v, 50), Percentiles.of(v, 95),
                Arrays.stream(v).max().orElse(0)));
        out.accept("latency is from the publish call to the console's listener: durable, acknowledged, handed over");
        result(String.format(Locale.ROOT, "bench ingest-latency-p99: %.1f ms", Percentiles.of(v, 99)));
    }

    // ---------------------------------------------------------------- messages

    /** Each worker walks slowly around their last position, a fix a second, inside a six-hour time slot. */
    private static final class Walk {
        record Message(String id, String topic, byte[] payload) {
        }

        private final List<GridWorker> workers;
        private final GeoPoint[] homes;
        private final Instant slot;
        private final String run;
        private final int[] step;
        private int next;
        private long counter;

        Walk(AppContext context, Instant slot, String run) {
            this.workers = context.district().gridWorkers();
            this.homes = workers.stream().map(w -> home(context, w)).toArray(GeoPoint[]::new);
            this.slot = slot;
            this.run = run;
            this.step = new int[workers.size()];
        }

        boolean hasRoom(int fixes) {
            return step[next] + fixes < 6 * 3_600 - 100;
        }

        Message next(String district, int fixes) {
            int w = next;
            next = (next + 1) % workers.size();
            GridWorker worker = workers.get(w);
            String id = "b" + run + "-" + (++counter);
            StringBuilder json = new StringBuilder(64 + fixes * 80);
            json.append("{\"v\":1,\"id\":\"").append(id).append("\",\"workerId\":\"").append(worker.id()).append('"');
            if (fixes == 1) {
                appendFix(json.append(','), worker, w);
                json.append('}');
                return new Message(id, FeedTopic.of(district, FeedTopic.Kind.GPS, worker.id()).topic(),
                        json.toString().getBytes(StandardCharsets.UTF_8));
            }
            json.append(",\"at\":\"").append(slot.plusSeconds(step[w] + fixes)).append("\",\"fixes\":[");
            for (int i = 0; i < fixes; i++) {
                json.append(i == 0 ? "{" : ",{");
                appendFix(json, worker, w);
                json.append('}');
            }
            json.append("]}");
            return new Message(id, FeedTopic.of(district, FeedTopic.Kind.TRACK, worker.id()).topic(),
                    json.toString().getBytes(StandardCharsets.UTF_8));
        }

        private void appendFix(StringBuilder json, GridWorker worker, int w) {
            int s = step[w]++;
            GeoPoint home = homes[w];
            double a = s / 300.0;
            json.append("\"at\":\"").append(slot.plusSeconds(s)).append("\",\"lon\":")
                    .append(String.format(Locale.ROOT, "%.7f", home.lon() + 0.0005 * Math.sin(a)))
                    .append(",\"lat\":").append(String.format(Locale.ROOT, "%.7f", home.lat() + 0.0005 * Math.cos(a)));
        }
    }

    /** Where a worker's walk is centred: their last known position, else the middle of their grid. */
    private static GeoPoint home(AppContext context, GridWorker w) {
        if (w.lastPosition() != null) {
            return w.lastPosition();
        }
        return context.district().smallGrids().stream().filter(g -> g.code().equals(w.smallGrid())).findFirst()
                .map(g -> new GeoPoint(g.area().getInteriorPoint().getX(), g.area().getInteriorPoint().getY()))
                .orElseThrow(() -> new IllegalStateException("worker " + w.id() + " has no small grid"));
    }
}
