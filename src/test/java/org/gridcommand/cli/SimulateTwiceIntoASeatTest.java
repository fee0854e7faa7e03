package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.FieldFeed;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.gridcommand.feed.mqtt.PahoThreads;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's simulator example against a console (issue 13): {@code simulate --speed 10} twice with the same
 * seed, on the real Mosquitto at 127.0.0.1:1883, while a seat's field feed ingests into a real H2 demo store.
 * Nothing the simulator means as valid may be quarantined (no fix from the future, no worker jumping between
 * the runs), and the second run's messages are new messages, not redeliveries of the first's.
 */
@Tag("broker")
@Tag("slow")
class SimulateTwiceIntoASeatTest {
    private static final String BROKER = "tcp://127.0.0.1:1883";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An unusual seed: its tag in the message ids tells this test's messages from any other traffic on the broker. */
    private static final long SEED = 7_130_013;
    private static final String SEED_TAG = "." + Long.toString(SEED, 36) + ":";

    private record Received(String topic, JsonNode message) {
        String id() {
            return message.get("id").asText();
        }

        /** Receipts and report ids are keyed by the sender (the topic's last level) and the id. */
        MessageKey key() {
            return new MessageKey(topic.substring(topic.lastIndexOf('/') + 1), id());
        }

        String kind() {
            return topic.split("/")[3];
        }

        String fixKey() {
            return message.get("workerId").asText() + "@" + at();
        }

        Instant at() {
            return OffsetDateTime.parse(message.get("at").asText()).toInstant();
        }
    }

    @Test
    void twoRunsAtTenTimesSpeedWithTheSameSeedAreStoredWholeAndNothingIsQuarantined() throws Exception {
        Path dir = Files.createTempDirectory("gc-sim-seat");
        List<Received> heard = new CopyOnWriteArrayList<>();
        try (AppContext context = AppContext.openDemo(dir, Locale.ENGLISH, Clock.systemUTC())) {
            String district = context.district().adminCode();
            FieldFeed feed = FieldFeed.open(context, SensorRegistry.loadDemo(), FeedIngest.Settings.DEFAULT, stored -> { });
            MqttClient listener = new MqttClient(BROKER, "gc-test-simseat-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence(), PahoThreads.forClient("test"));
            try {
                feed.connect(new MqttSettings(BROKER, "gc-test-seat-" + UUID.randomUUID().toString().substring(0, 8),
                        null, null, FeedTopic.subscription(district)));
                MqttConnectOptions options = new MqttConnectOptions();
                options.setCleanSession(true);
                listener.connect(options);
                listener.subscribe(FeedTopic.subscription(district), 1, (topic, m) -> {
                    String text = new String(m.getPayload(), StandardCharsets.UTF_8);
                    if (text.contains(SEED_TAG)) {
                        heard.add(new Received(topic, JSON.readTree(text)));
                    }
                });

                // 80 workers for three simulated minutes at ten times real speed: 18 s each, about 600 messages,
                // under the 1,000 Mosquitto's defaults queue for a slow subscriber. Long enough that a simulated
                // clock running ahead of the real one would pass the console's 2 minutes of tolerance.
                List<Received> first = simulate(heard);
                List<Received> second = simulate(heard);
                List<Received> all = new ArrayList<>(first);
                all.addAll(second);

                Set<String> firstIds = ids(first);
                Set<String> secondIds = ids(second);
                assertThat(firstIds).hasSameSizeAs(first);
                assertThat(secondIds).hasSameSizeAs(second).doesNotContainAnyElementsOf(firstIds);

                FeedStore store = context.database().feed();
                Set<MessageKey> receipted = all.stream().filter(r -> !r.kind().equals("report")).map(Received::key)
                        .collect(Collectors.toSet());
                Set<MessageKey> reports = all.stream().filter(r -> r.kind().equals("report")).map(Received::key)
                        .collect(Collectors.toSet());
                assertThat(reports).as("the runs send case reports too").isNotEmpty();
                waitUntil(() -> "every message stored or quarantined; quarantined: " + describe(ours(store)), () ->
                        store.received(receipted).size() + ours(store).size() >= receipted.size()
                                && reports.stream().allMatch(key -> context.database().cases().findByReportId(key.reportId())
                                        .isPresent() || ours(store).stream().anyMatch(q -> key.messageId().equals(q.messageId()))));

                assertThat(ours(store)).as(() -> "quarantined: " + describe(ours(store))).isEmpty();
                assertThat(store.received(receipted)).containsExactlyInAnyOrderElementsOf(receipted);

                // Every fix is in the worker's track as sent; a fix of the second run at an instant the first
                // already sent is the same fix, stored once.
                Set<String> firstFixes = first.stream().filter(r -> r.kind().equals("gps")).map(Received::fixKey)
                        .collect(Collectors.toSet());
                int resent = 0;
                for (int i = 0; i < all.size(); i++) {
                    Received r = all.get(i);
                    if (!r.kind().equals("gps")) {
                        continue;
                    }
                    List<GpsFix> stored = store.track(r.message().get("workerId").asText(), r.at(), r.at().plusMillis(1));
                    assertThat(stored).as("the stored fix of %s", r.message()).hasSize(1);
                    assertThat(e7(stored.get(0).position().lon())).as("lon of %s", r.message())
                            .isEqualTo(e7(r.message().get("lon").asDouble()));
                    assertThat(e7(stored.get(0).position().lat())).as("lat of %s", r.message())
                            .isEqualTo(e7(r.message().get("lat").asDouble()));
                    if (i >= first.size() && firstFixes.contains(r.fixKey())) {
                        resent++;
                    }
                }
                // The second run starts 162 simulated seconds back, inside the span the first one sent.
                assertThat(resent).as("fixes the second run sent again").isGreaterThan(100);
            } finally {
                if (listener.isConnected()) {
                    listener.disconnect();
                }
                listener.close();
                feed.close();
            }
        }
    }

    /** One run of the command, in-process; returns what the broker delivered of it. */
    private static List<Received> simulate(List<Received> heard) throws InterruptedException {
        int before = heard.size();
        GridsCli.Run run = GridsCli.run("simulate", "--broker", BROKER, "--workers", "80", "--duration", "PT3M",
                "--speed", "10", "--seed", Long.toString(SEED), "--reports-per-hour", "6", "--alarms-per-hour", "60");
        assertThat(run.exit()).as(run.err()).isZero();
        long published = Long.parseLong(run.out().replaceAll("(?s).*done: (\\d+) messages.*", "$1"));
        waitUntil(() -> "the listener hears " + published + " messages of the run, heard " + (heard.size() - before),
                () -> heard.size() - before >= published);
        assertThat(heard.size() - before).isEqualTo(published);
        return List.copyOf(heard.subList(before, heard.size()));
    }

    private static Set<String> ids(List<Received> run) {
        return run.stream().map(Received::id).collect(Collectors.toCollection(HashSet::new));
    }

    /** The quarantined messages of this test's runs (another test may be sending to the same broker). */
    private static List<Quarantined> ours(FeedStore store) {
        return store.quarantine(100_000).stream()
                .filter(q -> q.payload() != null && new String(q.payload(), StandardCharsets.UTF_8).contains(SEED_TAG))
                .toList();
    }

    private static String describe(List<Quarantined> quarantined) {
        Map<String, Long> reasons = new HashMap<>();
        quarantined.forEach(q -> reasons.merge(q.reason().name(), 1L, Long::sum));
        return reasons + quarantined.stream().limit(5).map(q -> "\n  " + q.reason() + ": " + q.detail())
                .collect(Collectors.joining());
    }

    private static long e7(double degrees) {
        return Math.round(degrees * 1e7);
    }

    private static void waitUntil(Supplier<String> what, BooleanSupplier condition) {
        Wait.until(what, Duration.ofMinutes(1), condition);
    }
}
