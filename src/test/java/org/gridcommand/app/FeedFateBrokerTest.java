package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedParser;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.LastFixes;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.QuarantineReason;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.feed.SensorAlarms;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttFeedSource;
import org.gridcommand.feed.mqtt.MqttPublisher;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.testing.SwitchableFeedStore;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The message the store refuses, through the real Mosquitto at 127.0.0.1:1883 with its default settings: a seat that
 * received a batch with it and never acknowledged (it died, or it was the old console that retried that batch
 * forever) is replaced by one of today's: the broker redelivers the batch, the one message is quarantined with its
 * reason, every other message is stored and acknowledged, and a later session gets nothing redelivered.
 */
@Tag("broker")
class FeedFateBrokerTest {
    private static final String BROKER = "tcp://127.0.0.1:1883";
    /** Mosquitto's default max_inflight_messages: what a seat that never acknowledges holds. */
    private static final int BROKER_INFLIGHT = 20;
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static Path dir;
    private static AppContext context;
    private static String district;
    private static SensorRegistry sensors;

    @BeforeAll
    static void openStore() throws Exception {
        dir = Files.createTempDirectory("gc-fate-broker");
        context = AppContext.openDemo(dir, Locale.ENGLISH, CLOCK);
        district = context.district().adminCode();
        sensors = SensorRegistry.loadDemo();
    }

    @AfterAll
    static void closeStore() {
        context.close();
    }

    @Test
    void aStoreRefusedMessageRedeliveredAfterARestartIsQuarantinedAndEverythingElseIsStoredOnce() throws Exception {
        String seat = "gc-fate-" + UUID.randomUUID().toString().substring(0, 8);
        GridWorker walker = context.district().gridWorkers().get(51);
        GridWorker careless = context.district().gridWorkers().get(52);
        String run = "redeliver-" + System.nanoTime();
        List<String[]> messages = new ArrayList<>();
        Instant start = NOW.minus(Duration.ofHours(1));
        for (int i = 0; i < 100; i++) {
            messages.add(new String[] {topic(FeedTopic.Kind.GPS, walker), fix(run + "-" + i, walker,
                    start.plusSeconds(10L * i), FeedTestSeats.place(context, walker).lat() + i * 0.00001)});
            if (i == 5) {
                // Among the first twenty: in flight to the first seat, so the broker redelivers it (DUP).
                messages.add(new String[] {topic(FeedTopic.Kind.GPS, careless), fix(run + "-poison", careless,
                        Instant.parse("1960-05-01T00:00:00Z"), FeedTestSeats.place(context, careless).lat())});
            }
        }
        try {
            // The first seat receives its in-flight window and never commits, so never acknowledges.
            SwitchableFeedStore stuck = new SwitchableFeedStore(context.database().feed());
            stuck.down.set(true);
            Seat first = Seat.connect(seat, stuck);
            publish(messages);
            waitUntil("the first seat holds its in-flight window", () -> first.ingest.stats().received() >= BROKER_INFLIGHT,
                    first);
            assertThat(first.ingest.stats().acknowledged()).isZero();
            first.close();

            // Today's seat, same session: the broker redelivers the window and sends the rest.
            Seat second = Seat.connect(seat, context.database().feed());
            waitUntil("everything acknowledged", () -> second.ingest.stats().acknowledged() >= messages.size(), second);
            List<MessageKey> valid = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                valid.add(new MessageKey(walker.id(), run + "-" + i));
            }
            assertThat(context.database().feed().received(valid)).hasSize(100);
            assertThat(context.database().feed().track(walker.id(), start, NOW)).hasSize(100);
            Quarantined poison = context.database().feed().quarantine(50).stream()
                    .filter(q -> (run + "-poison").equals(q.messageId())).findFirst().orElseThrow();
            assertThat(poison.reason()).isEqualTo(QuarantineReason.STORE_REFUSED);
            assertThat(poison.senderId()).isEqualTo(careless.id());
            assertThat(second.ingest.stats().storeRefused()).isEqualTo(1);
            second.close();

            // A third session gets nothing again: the marker published now is the first and only delivery.
            Seat third = Seat.connect(seat, context.database().feed());
            String marker = run + "-marker";
            publish(List.<String[]>of(new String[] {topic(FeedTopic.Kind.GPS, walker), fix(marker, walker,
                    NOW.minusSeconds(5), FeedTestSeats.place(context, walker).lat() + 0.001)}));
            waitUntil("the marker stored", () -> !context.database().feed()
                    .received(List.of(new MessageKey(walker.id(), marker))).isEmpty(), third);
            assertThat(third.ingest.stats().received()).isEqualTo(1);
            third.close();
        } finally {
            FeedTestSeats.forgetSession(BROKER, seat);
        }
    }

    /** A seat's feed as {@code FieldFeed} builds it, on a given store, with a 100-year time window (see the class). */
    private record Seat(FeedIngest ingest, MqttFeedSource source) {
        static Seat connect(String clientId, FeedStore store) {
            LastFixes last = new LastFixes(store::lastFix);
            FeedParser parser = FeedTestSeats.carelessParser(context, sensors, last);
            FeedIngest ingest = new FeedIngest(parser::parse, store, context.intake(), last, FeedIngest.Settings.DEFAULT,
                    stored -> { }, alarm -> SensorAlarms.toReport(alarm, sensors), CLOCK);
            MqttFeedSource source = new MqttFeedSource(new MqttSettings(BROKER, clientId, null, null,
                    FeedTopic.subscription(district)), ingest::offer, CLOCK);
            source.start();
            return new Seat(ingest, source);
        }

        void close() throws InterruptedException {
            source.close();
            ingest.close();
        }
    }

    private static void publish(List<String[]> messages) throws Exception {
        try (MqttPublisher publisher = new MqttPublisher(BROKER, "gc-fate-pub-" + UUID.randomUUID().toString()
                .substring(0, 8), null, null, 200)) {
            for (String[] m : messages) {
                publisher.publish(m[0], m[1].getBytes(StandardCharsets.UTF_8));
            }
            publisher.flush(30_000);
        }
    }

    private static String topic(FeedTopic.Kind kind, GridWorker w) {
        return FeedTopic.of(district, kind, w.id()).topic();
    }

    private static String fix(String id, GridWorker w, Instant at, double lat) {
        return String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\",\"lon\":%.7f,"
                + "\"lat\":%.7f}", id, w.id(), at.truncatedTo(ChronoUnit.MILLIS), FeedTestSeats.place(context, w).lon(), lat);
    }

    private static void waitUntil(String what, BooleanSupplier condition, Seat seat) {
        Wait.until(() -> what + "; " + seat.ingest.health(), Duration.ofMinutes(1), condition);
    }
}
