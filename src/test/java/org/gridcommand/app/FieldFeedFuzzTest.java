package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.gridcommand.cases.Category;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.Sensor;
import org.gridcommand.feed.SensorKind;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttPublisher;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The field feed under a fuzzing device fleet, end to end: 100,000 hostile messages derived from the protocol's JSON
 * Schemas ({@link FeedFuzzer}) go through a real Mosquitto into a seat's real {@link FieldFeed} and H2 store while a
 * steady stream of valid fixes, tracks, reports, alarms and duty changes flows beside them. Every valid message must
 * be stored, every fuzzed one quarantined with a reason or (when the mutation left it valid) stored, the feed must
 * still take a last message, and the quarantine must stay within its cap during the flood.
 *
 * <p>The broker is a private Mosquitto with the settings docs/field-protocol.md advises (a queue that does not drop
 * QoS 1 messages for a busy seat), on its own port, stopped however the test ends. The seat's clock is fixed, and the
 * seed is printed: {@code -Dgc.fuzz.seed=N} replays the same messages.
 */
@Tag("slow")
@Tag("broker")
class FieldFeedFuzzTest {
    /** 10:00 in the district; every message is timed around it, so nothing depends on when the test runs. */
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final int FUZZED = 100_000;
    /** One valid message after every this many fuzzed ones. */
    private static final int VALID_EVERY = 20;
    private static final long QUARANTINE_CAP = 20_000;
    /** FeedIngest trims the quarantine after every 1,000 new rows; a batch may add its own on top. */
    private static final long TRIM_STEP = 1_000;
    private static final int WALKERS = 8;
    private static final int VALID_SENSORS = 10;

    @Test
    void hundredThousandFuzzedMessagesAreQuarantinedOrStoredEveryValidMessageIsStoredAndTheQuarantineStaysBounded(
            @TempDir Path dir) throws Exception {
        long seed = Long.getLong("gc.fuzz.seed", new SecureRandom().nextLong());
        System.out.println("field feed fuzz: seed " + seed + " (replay with -Dgc.fuzz.seed=" + seed + ")");
        FeedIngest.Settings settings = FeedIngest.Settings.DEFAULT.withQuarantineCap(QUARANTINE_CAP);
        try (PrivateBroker broker = PrivateBroker.start();
             AppContext context = AppContext.openDemo(dir, Locale.ENGLISH, Clock.fixed(NOW, ZoneOffset.UTC));
             FieldFeed feed = FieldFeed.open(context, SensorRegistry.loadDemo(), settings, stored -> { });
             QuarantineTally tally = new QuarantineTally(dir)) {
            String district = context.district().adminCode();
            feed.connect(new MqttSettings(broker.url(), "gc-fuzz-seat", null, null, FeedTopic.subscription(district)));

            List<GridWorker> workers = context.district().gridWorkers();
            List<Sensor> sensors = feed.sensors().sensors();
            ValidTraffic valid = new ValidTraffic(district, workers.subList(0, WALKERS), context,
                    sensors.subList(0, VALID_SENSORS), feed.sensors());
            FeedFuzzer fuzzer = fuzzer(seed, district, context, workers.subList(WALKERS, workers.size()),
                    sensors.subList(VALID_SENSORS, sensors.size()), feed.sensors(), valid);

            // ---------------------------------------------------------------- publish
            List<Record> fuzzed = new ArrayList<>(FUZZED + FUZZED / 10);
            long t0 = System.nanoTime();
            int routed = 0;
            try (MqttPublisher devices = new MqttPublisher(broker.url(), "gc-fuzz-devices", null, null, 1000);
                 MqttPublisher validDevices = new MqttPublisher(broker.url(), "gc-fuzz-valid", null, null, 1000)) {
                while (routed < FUZZED) {
                    FeedFuzzer.Fuzzed f = fuzzer.next();
                    devices.publish(f.topic(), f.payload());
                    fuzzed.add(new Record(kindLevel(f.topic()), f.mutation(), f.key(), f.routed(), f.payload().length));
                    if (f.routed()) {
                        routed++;
                        if (routed % VALID_EVERY == 0) {
                            valid.publishNext(validDevices);
                        }
                    }
                }
                ValidTraffic.Sent marker = valid.publishNext(validDevices);
                assertThat(devices.flush(120_000)).as("the broker took every fuzzed message").isTrue();
                assertThat(validDevices.flush(120_000)).as("the broker took every valid message").isTrue();
                long published = System.nanoTime();
                System.out.printf(Locale.ROOT, "field feed fuzz: published %,d fuzzed (%,d outside the seat's"
                        + " subscription) and %,d valid in %.1f s%n", fuzzed.size(), fuzzed.size() - routed,
                        valid.sent().size(), (published - t0) / 1e9);

                // ---------------------------------------------------------------- settle
                long expected = routed + valid.sent().size();
                waitUntil(feed, "the seat has received, settled and acknowledged every message it was sent",
                        () -> feed.stats().received() >= expected && feed.stats().unacknowledged() == 0);
                waitUntil(feed, "the last valid message (the marker) is stored",
                        () -> !context.database().feed().received(List.of(marker.key())).isEmpty());
                tally.finish();
                long settled = System.nanoTime();
                FeedIngest.Stats stats = feed.stats();

                // ---------------------------------------------------------------- valid: none lost
                List<ValidTraffic.Sent> lost = valid.notStored(context);
                Set<MessageKey> validKeys = valid.sent().stream().map(ValidTraffic.Sent::key)
                        .collect(Collectors.toSet());
                Set<MessageKey> validQuarantined = new HashSet<>(tally.keys());
                validQuarantined.retainAll(validKeys);

                // ---------------------------------------------------------------- fuzzed: each quarantined or stored
                Fates fates = fates(fuzzed, tally.keys(), context);
                long routedFuzz = fuzzed.stream().filter(Record::routed).count();
                long quarantinedMessages = tally.rows() - tally.besideStoredAlarms();
                long quarantineAtEnd = context.database().feed().quarantineCount();
                long bound = QUARANTINE_CAP + TRIM_STEP + settings.maxBatch();

                report(seed, fuzzed, routedFuzz, valid, lost, tally, stats, fates, quarantineAtEnd, bound,
                        (published - t0) / 1e9, (settled - published) / 1e9);

                assertThat(lost).as("valid messages not stored (lost)").isEmpty();
                assertThat(validQuarantined).as("valid messages quarantined").isEmpty();
                assertThat(valid.fixesStoredPerWalker(context)).as("every walker's valid fixes in its track")
                        .isEqualTo(valid.fixesSentPerWalker());
                assertThat(stats.received()).as("the seat received exactly what reached its subscription")
                        .isEqualTo(expected);
                assertThat(stats.unacknowledged()).isZero();
                assertThat(tally.rows()).as("every quarantine row of the run was counted (tally vs the feed's count)")
                        .isEqualTo(stats.quarantined());
                assertThat(tally.blankDetails()).as("quarantine rows without a sentence saying why").isZero();
                assertThat(routedFuzz).as("fuzzed messages = quarantined + stored + duplicates")
                        .isEqualTo(quarantinedMessages + fates.stored().size() + fates.duplicates());
                assertThat(tally.maxHeld()).as("most rows the quarantine held during the flood")
                        .isLessThanOrEqualTo(bound);
                assertThat(quarantineAtEnd).as("quarantine rows at the end").isLessThanOrEqualTo(bound)
                        .isGreaterThanOrEqualTo(QUARANTINE_CAP);
                assertThat(feed.health().storeUnavailable()).isFalse();
            }
        }
    }

    // ================================================================ the fuzzer for this district

    private static FeedFuzzer fuzzer(long seed, String district, AppContext context, List<GridWorker> workers,
                                     List<Sensor> sensors, SensorRegistry registry, ValidTraffic valid) {
        List<FeedFuzzer.Sender> fuzzWorkers = workers.stream()
                .map(w -> new FeedFuzzer.Sender(w.id(), home(context, w), null)).toList();
        List<FeedFuzzer.Sender> fuzzSensors = sensors.stream()
                .map(s -> new FeedFuzzer.Sender(s.id(), s.position(), s.kind())).toList();
        Map<String, FeedFuzzer.KindRange> kinds = new HashMap<>();
        for (SensorKind k : registry.kinds()) {
            kinds.put(k.code(), new FeedFuzzer.KindRange(k.unit(), k.min(), k.max()));
        }
        List<String> minors = context.categories().minors().stream().map(Category::code).toList();
        List<String> majors = context.categories().majors().stream().map(Category::code).toList();
        return new FeedFuzzer(seed, NOW, district, fuzzWorkers, fuzzSensors, kinds, minors, majors,
                valid::someKey, valid.senderIds());
    }

    /** Where a worker is: their last known position, else the middle of their small grid. */
    static GeoPoint home(AppContext context, GridWorker w) {
        if (w.lastPosition() != null) {
            return w.lastPosition();
        }
        return context.district().smallGrid(w.smallGrid())
                .map(g -> new GeoPoint(g.area().getInteriorPoint().getX(), g.area().getInteriorPoint().getY()))
                .orElseThrow(() -> new IllegalStateException("worker " + w.id() + " has no small grid"));
    }

    // ================================================================ fates of the fuzzed messages

    /** The topic's kind level ({@code gc/v1/<district>/<kind>/<sender>}), or "" when it has none. */
    private static String kindLevel(String topic) {
        String[] levels = topic.split("/", -1);
        return levels.length > 3 ? levels[3] : "";
    }

    /** One fuzzed message as published (its bytes are not kept). */
    private record Record(String kindLevel, String mutation, MessageKey key, boolean routed, int size) {
    }

    /**
     * What became of the fuzzed messages beyond the quarantine rows: {@code stored}, the keys with a receipt (or, for
     * a report, a case) that are not in the quarantine; {@code duplicates}, the messages skipped because a message
     * with their key (sender and id) was stored or quarantined before them (the fuzzer's replays).
     */
    private record Fates(Set<MessageKey> stored, long duplicates, Map<String, Long> storedByMutation) {
    }

    private static Fates fates(List<Record> fuzzed, Set<MessageKey> quarantined, AppContext context) {
        Map<MessageKey, Record> candidates = new LinkedHashMap<>();
        Map<MessageKey, Integer> published = new HashMap<>();
        for (Record r : fuzzed) {
            if (r.routed() && r.key() != null) {
                published.merge(r.key(), 1, Integer::sum);
                if (!quarantined.contains(r.key())) {
                    candidates.putIfAbsent(r.key(), r);
                }
            }
        }
        List<MessageKey> notReports = candidates.entrySet().stream()
                .filter(e -> !e.getValue().kindLevel().equals("report")).map(Map.Entry::getKey).toList();
        Set<MessageKey> stored = new HashSet<>(context.database().feed().received(notReports));
        candidates.forEach((key, r) -> {
            if (r.kindLevel().equals("report")
                    && context.database().cases().findByReportId(key.reportId()).isPresent()) {
                stored.add(key);
            }
        });
        Map<String, Long> byMutation = new TreeMap<>();
        for (MessageKey key : stored) {
            byMutation.merge(candidates.get(key).kindLevel() + " " + candidates.get(key).mutation(), 1L, Long::sum);
        }
        // A key the console kept once (stored or quarantined): every further message with it is a duplicate. A key
        // with neither was never the console's key (it refused the bytes before reading one): each is quarantined.
        long duplicates = 0;
        for (Map.Entry<MessageKey, Integer> e : published.entrySet()) {
            if (stored.contains(e.getKey()) || quarantined.contains(e.getKey())) {
                duplicates += e.getValue() - 1;
            }
        }
        return new Fates(stored, duplicates, byMutation);
    }

    private static void report(long seed, List<Record> fuzzed, long routedFuzz, ValidTraffic valid,
                               List<ValidTraffic.Sent> lost, QuarantineTally tally, FeedIngest.Stats stats,
                               Fates fates, long quarantineAtEnd, long bound, double publishSeconds,
                               double settleSeconds) {
        StringBuilder out = new StringBuilder();
        long bytes = fuzzed.stream().mapToLong(Record::size).sum();
        out.append(String.format(Locale.ROOT, "field feed fuzz: seed %d%n", seed));
        out.append(String.format(Locale.ROOT, "  published: %,d fuzzed (%,d reaching the seat, %,d outside its"
                        + " subscription; %,.1f MB), %,d valid (incl. the final marker)%n", fuzzed.size(), routedFuzz,
                fuzzed.size() - routedFuzz, bytes / 1e6, valid.sent().size()));
        out.append(String.format(Locale.ROOT, "  seat: received %,d, acknowledged %,d, quarantine rows %,d, stored rows"
                        + " %,d, reports/alarm cases %,d, duplicate rows skipped %,d (redeliveries, and fixes of a"
                        + " worker's same millisecond), commits %,d, store-refused %,d%n",
                stats.received(), stats.acknowledged(), stats.quarantined(), stats.stored(), stats.reports(),
                stats.duplicates(), stats.commits(), stats.storeRefused()));
        out.append(String.format(Locale.ROOT, "  fuzzed reaching the seat: %,d = quarantined %,d + stored (still"
                        + " valid) %,d + duplicates of a message kept before %,d; quarantine rows beside a stored"
                        + " alarm %,d%n", routedFuzz, tally.rows() - tally.besideStoredAlarms(), fates.stored().size(),
                fates.duplicates(), tally.besideStoredAlarms()));
        out.append("  quarantined by reason:\n");
        tally.byReason().forEach((reason, n) -> out.append(String.format(Locale.ROOT, "    %-24s %,7d  e.g. %s%n",
                reason, n, shorten(tally.exampleDetails().get(reason)))));
        out.append("  fuzzed messages stored, by kind and mutation:\n");
        fates.storedByMutation().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(25).forEach(e -> out.append(String.format(Locale.ROOT, "    %,6d  %s%n", e.getValue(),
                        e.getKey())));
        out.append(String.format(Locale.ROOT, "  valid: sent %,d, stored %,d, lost %,d%n", valid.sent().size(),
                valid.sent().size() - lost.size(), lost.size()));
        out.append(String.format(Locale.ROOT, "  quarantine: cap %,d, most held %,d (bound %,d), at the end %,d;"
                + " %,d polls%n", QUARANTINE_CAP, tally.maxHeld(), bound, quarantineAtEnd, tally.polls()));
        out.append(String.format(Locale.ROOT, "  time: publishing %.1f s, then settling %.1f s; %.1f s in all"
                        + " (%,.0f messages/s)%n", publishSeconds, settleSeconds, publishSeconds + settleSeconds,
                (stats.received()) / (publishSeconds + settleSeconds)));
        System.out.print(out);
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 150 ? oneLine : oneLine.substring(0, 149) + "…";
    }

    private static void waitUntil(FieldFeed feed, String what, BooleanSupplier condition) {
        Wait.until(() -> what + "; feed " + feed.stats() + ", backlog " + feed.backlog() + ", health " + feed.health(),
                Duration.ofMinutes(5), condition);
    }

    // ================================================================ the steady valid stream

    /**
     * Valid traffic of a few walkers and sensors: fixes every 5 s of a slow walk north (never a jump), a few tracks,
     * reports, alarms and duty changes, each with its own {@code <sender>:<counter>} id as the protocol suggests.
     */
    static final class ValidTraffic {
        record Sent(FeedTopic.Kind kind, MessageKey key, int fixes) {
        }

        private static final Instant WALK_START = NOW.minus(Duration.ofHours(6));
        private final String district;
        private final List<GridWorker> walkers;
        private final List<GeoPoint> homes = new ArrayList<>();
        private final List<String> reportCategories;
        private final List<Sensor> sensors;
        private final SensorRegistry registry;
        private final Map<String, Integer> counters = new HashMap<>();
        private final int[] steps;
        private final List<Sent> sent = new ArrayList<>();
        private int sequence;

        ValidTraffic(String district, List<GridWorker> walkers, AppContext context, List<Sensor> sensors,
                     SensorRegistry registry) {
            this.district = district;
            this.walkers = List.copyOf(walkers);
            walkers.forEach(w -> homes.add(home(context, w)));
            this.reportCategories = context.categories().minors().stream().map(Category::code).limit(20).toList();
            this.sensors = List.copyOf(sensors);
            this.registry = registry;
            this.steps = new int[walkers.size()];
        }

        List<String> senderIds() {
            List<String> ids = new ArrayList<>();
            walkers.forEach(w -> ids.add(w.id()));
            sensors.forEach(s -> ids.add(s.id()));
            return ids;
        }

        /** A key this traffic uses (or will): for the fuzzer's "another sender's id". */
        MessageKey someKey(Random random) {
            List<String> ids = senderIds();
            String sender = ids.get(random.nextInt(ids.size()));
            return new MessageKey(sender, id(sender, 1 + random.nextInt(700)));
        }

        List<Sent> sent() {
            return sent;
        }

        Sent publishNext(MqttPublisher publisher) throws InterruptedException {
            int i = sequence++;
            int w = (i / 7) % walkers.size();
            String json;
            FeedTopic.Kind kind;
            String sender;
            int fixes = 0;
            if (i % 50 == 10) {
                kind = FeedTopic.Kind.REPORT;
                sender = walkers.get(w).id();
                GeoPoint p = homes.get(w);
                json = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\","
                                + "\"category\":\"%s\",\"lon\":%.7f,\"lat\":%.7f,\"description\":\"Valid report %d\"}",
                        next(sender), sender, NOW.minusSeconds(1800 - i % 1500), reportCategories.get(i % 20), p.lon(),
                        p.lat(), i);
            } else if (i % 50 == 30) {
                kind = FeedTopic.Kind.ALARM;
                Sensor s = sensors.get((i / 50) % sensors.size());
                sender = s.id();
                SensorKind k = registry.kind(s.kind()).orElseThrow();
                json = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"sensorId\":\"%s\",\"at\":\"%s\","
                        + "\"kind\":\"%s\",\"value\":%.1f,\"unit\":\"%s\"}", next(sender), sender,
                        NOW.minusSeconds(600 - i % 500), s.kind(), (k.min() + k.max()) / 2, k.unit());
            } else if (i % 100 == 45) {
                kind = FeedTopic.Kind.STATUS;
                sender = walkers.get(w).id();
                json = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\","
                        + "\"state\":\"on_duty\"}", next(sender), sender, NOW.minusSeconds(7200 - i));
            } else if (i % 25 == 17) {
                kind = FeedTopic.Kind.TRACK;
                sender = walkers.get(w).id();
                StringBuilder list = new StringBuilder();
                Instant last = null;
                for (int f = 0; f < 3; f++) {
                    last = step(w);
                    list.append(f == 0 ? "" : ",").append(String.format(Locale.ROOT,
                            "{\"at\":\"%s\",\"lon\":%.7f,\"lat\":%.7f}", last, homes.get(w).lon(), lat(w)));
                }
                fixes = 3;
                json = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\","
                        + "\"fixes\":[%s]}", next(sender), sender, last, list);
            } else {
                kind = FeedTopic.Kind.GPS;
                sender = walkers.get(w).id();
                Instant at = step(w);
                fixes = 1;
                json = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\","
                        + "\"lon\":%.7f,\"lat\":%.7f,\"accuracy\":5}", next(sender), sender, at, homes.get(w).lon(),
                        lat(w));
            }
            Sent s = new Sent(kind, new MessageKey(sender, id(sender, counters.get(sender))), fixes);
            publisher.publish(FeedTopic.of(district, kind, sender).topic(), json.getBytes(StandardCharsets.UTF_8));
            sent.add(s);
            return s;
        }

        /** The walker's next fix time: 5 s after the last; its position moves 1.1 m north per step. */
        private Instant step(int w) {
            return WALK_START.plusSeconds(5L * ++steps[w]);
        }

        private double lat(int w) {
            return homes.get(w).lat() + steps[w] * 1e-5;
        }

        private String next(String sender) {
            return id(sender, counters.merge(sender, 1, Integer::sum));
        }

        private static String id(String sender, int counter) {
            return String.format(Locale.ROOT, "%s:%06d", sender, counter);
        }

        /** The valid messages without their receipt (reports: without their case). */
        List<Sent> notStored(AppContext context) {
            List<MessageKey> keys = sent.stream().filter(s -> s.kind() != FeedTopic.Kind.REPORT).map(Sent::key)
                    .toList();
            Set<MessageKey> received = context.database().feed().received(keys);
            List<Sent> missing = new ArrayList<>();
            for (Sent s : sent) {
                boolean stored = s.kind() == FeedTopic.Kind.REPORT
                        ? context.database().cases().findByReportId(s.key().reportId()).isPresent()
                        : received.contains(s.key());
                if (!stored) {
                    missing.add(s);
                }
            }
            return missing;
        }

        Map<String, Integer> fixesSentPerWalker() {
            Map<String, Integer> out = new TreeMap<>();
            sent.stream().filter(s -> s.fixes() > 0)
                    .forEach(s -> out.merge(s.key().senderId(), s.fixes(), Integer::sum));
            return out;
        }

        Map<String, Integer> fixesStoredPerWalker(AppContext context) {
            Map<String, Integer> out = new TreeMap<>();
            for (GridWorker w : walkers) {
                int n = context.database().feed().track(w.id(), WALK_START, NOW).size();
                if (n > 0) {
                    out.put(w.id(), n);
                }
            }
            return out;
        }
    }
}
