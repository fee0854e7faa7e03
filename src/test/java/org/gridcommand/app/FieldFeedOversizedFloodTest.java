package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.QuarantineReason;
import org.gridcommand.feed.Quarantined;
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
 * A device floods the seat with 100 messages of 20 MB each through a real Mosquitto without a packet size limit (the
 * point is that the console survives them, whatever the broker lets through) into the seat's real field feed and H2
 * store. Each must be quarantined as OVERSIZED with its true size, its SHA-256 and only a 4 KiB prefix: the store grows
 * by less than 10 MB, the seat's heap holds none of them, and a valid message sent after them is stored.
 */
@Tag("slow")
@Tag("broker")
class FieldFeedOversizedFloodTest {
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final int MESSAGES = 100;
    private static final int SIZE = 20 * 1024 * 1024;
    private static final long STORE_GROWTH_LIMIT = 10_000_000;
    /** Heap the seat may keep after the flood: less than three of the messages. */
    private static final long HEAP_GROWTH_LIMIT = 48L * 1024 * 1024;

    @Test
    void aHundredMessagesOfTwentyMegabytesAreQuarantinedWithSizeAndDigestWhileStoreAndHeapStaySmall(
            @TempDir Path dir) throws Exception {
        try (PrivateBroker broker = PrivateBroker.start();
             AppContext context = AppContext.openDemo(dir, Locale.ENGLISH, Clock.fixed(NOW, ZoneOffset.UTC));
             FieldFeed feed = FieldFeed.open(context, SensorRegistry.loadDemo(), FeedIngest.Settings.DEFAULT,
                     stored -> { })) {
            String district = context.district().adminCode();
            feed.connect(new MqttSettings(broker.url(), "gc-flood-seat", null, null, FeedTopic.subscription(district)));
            GridWorker worker = context.district().gridWorkers().get(5);
            GeoPoint home = FieldFeedFuzzTest.home(context, worker);
            String topic = FeedTopic.of(district, FeedTopic.Kind.GPS, worker.id()).topic();
            Path storeFile = dir.resolve("db").resolve("gridcommand.mv.db");

            // The device's buffer exists before the baseline: only what the seat keeps counts.
            byte[] payload = new byte[SIZE];
            Random random = new Random(20260302);
            for (int i = 0; i < SIZE; i++) {
                payload[i] = (byte) ('a' + random.nextInt(26));
            }
            long storeBefore = checkpointedSize(dir, storeFile);
            long heapBefore = usedHeapAfterGc();
            long received = feed.stats().received();
            long quarantined = feed.stats().quarantined();

            Map<String, byte[]> prefixBySha = new HashMap<>();
            long heapMidway = 0;
            long t0 = System.nanoTime();
            // Two halves, each from its own connection of the device: midway, with the first connection gone, the
            // heap holds only what the seat keeps (a publishing client keeps its last message until it is closed).
            for (int half = 0; half < 2; half++) {
                try (MqttPublisher device = new MqttPublisher(broker.url(), "gc-flood-device", null, null, 1)) {
                    for (int i = half * MESSAGES / 2; i < (half + 1) * MESSAGES / 2; i++) {
                        byte[] header = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"big-%03d\",\"workerId\":\"%s\","
                                + "\"at\":\"%s\",\"lon\":%.7f,\"lat\":%.7f,\"pad\":\"", i, worker.id(),
                                NOW.minusSeconds(60), home.lon(), home.lat()).getBytes(StandardCharsets.UTF_8);
                        System.arraycopy(header, 0, payload, 0, header.length);
                        payload[SIZE - 2] = '"';
                        payload[SIZE - 1] = '}';
                        prefixBySha.put(sha256(payload), Arrays.copyOf(payload, Quarantined.KEPT_BYTES));
                        device.publish(topic, payload);
                        // The broker has it once it acknowledged it: the buffer may then be reused for the next one.
                        assertThat(device.flush(60_000)).as("the broker took message " + i).isTrue();
                        int sent = i + 1;
                        // A device's pace the seat keeps up with: at most two of them wait at the broker at a time.
                        waitUntil(feed, "the seat received message " + (sent - 2),
                                () -> feed.stats().received() >= received + sent - 2);
                    }
                }
                if (half == 0) {
                    // Once the seat has settled the first half: what it keeps, not what is in transit.
                    waitUntil(feed, "the first half quarantined", () -> feed.stats().quarantined()
                            >= quarantined + MESSAGES / 2 && feed.stats().unacknowledged() == 0);
                    heapMidway = usedHeapAfterGc() - heapBefore;
                }
            }
            waitUntil(feed, "every large message quarantined and acknowledged",
                    () -> feed.stats().quarantined() >= quarantined + MESSAGES && feed.stats().unacknowledged() == 0);
            double floodSeconds = (System.nanoTime() - t0) / 1e9;

            MessageKey after = new MessageKey(worker.id(), worker.id() + ":after-flood");
            try (MqttPublisher device = new MqttPublisher(broker.url(), "gc-flood-device-2", null, null, 1)) {
                device.publish(topic, String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\","
                                + "\"at\":\"%s\",\"lon\":%.7f,\"lat\":%.7f}", after.messageId(), worker.id(),
                        NOW.minusSeconds(30), home.lon(), home.lat()).getBytes(StandardCharsets.UTF_8));
            }
            waitUntil(feed, "the valid fix sent after the flood is stored",
                    () -> !context.database().feed().received(List.of(after)).isEmpty());

            List<Quarantined> oversized = context.database().feed().quarantine(MESSAGES + 50).stream()
                    .filter(q -> q.reason() == QuarantineReason.OVERSIZED).toList();
            long storeGrowth = checkpointedSize(dir, storeFile) - storeBefore;
            long heapGrowth = usedHeapAfterGc() - heapBefore;
            System.out.printf(Locale.ROOT, "field feed flood: %d messages of %,d bytes in %.1f s; quarantined OVERSIZED"
                            + " %d; store file grew %,d bytes (limit %,d); seat heap after GC grew %,d bytes midway and"
                            + " %,d at the end (limit %,d); feed %s%n", MESSAGES, SIZE, floodSeconds, oversized.size(),
                    storeGrowth, STORE_GROWTH_LIMIT, heapMidway, heapGrowth, HEAP_GROWTH_LIMIT, feed.stats());

            assertThat(oversized).hasSize(MESSAGES);
            assertThat(oversized).extracting(Quarantined::payloadSha256).containsExactlyInAnyOrderElementsOf(
                    prefixBySha.keySet());
            assertThat(oversized).allSatisfy(q -> {
                assertThat(q.payloadSize()).isEqualTo(SIZE);
                assertThat(q.payload()).isEqualTo(prefixBySha.get(q.payloadSha256()));
                assertThat(q.truncated()).isTrue();
                assertThat(q.topic()).isEqualTo(topic);
                assertThat(q.senderId()).isEqualTo(worker.id());
                assertThat(q.detail()).contains("20,971,520 bytes");
            });
            assertThat(storeGrowth).as("growth of the store's file").isLessThan(STORE_GROWTH_LIMIT);
            assertThat(heapMidway).as("heap the seat keeps midway through the flood").isLessThan(HEAP_GROWTH_LIMIT);
            assertThat(heapGrowth).as("heap the seat keeps after the flood").isLessThan(HEAP_GROWTH_LIMIT);
            assertThat(feed.stats().unacknowledged()).isZero();
        }
    }

    /** The store file's size after a checkpoint, through a second connection to the seat's open H2 database. */
    private static long checkpointedSize(Path dataDir, Path file) throws SQLException, java.io.IOException {
        Path base = dataDir.toAbsolutePath().normalize().resolve("db").resolve("gridcommand");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base + ";WRITE_DELAY=0", "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
        return Files.size(file);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void waitUntil(FieldFeed feed, String what, BooleanSupplier condition) {
        Wait.until(() -> what + "; feed " + feed.stats() + ", health " + feed.health(), Duration.ofMinutes(2), condition);
    }
}
