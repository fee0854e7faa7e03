package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.FeedAlertSettings;
import org.gridcommand.feed.FeedHealth;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttPublisher;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.store.SmallDisk;
import org.gridcommand.testing.Wait;
import org.gridcommand.ui.feed.FeedStatusModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A seat whose data folder sits on a small real disk (tmpfs) that fills up during a burst of GPS track uploads
 * through the real Mosquitto: the feed says what is wrong in words within seconds, acknowledges nothing it could not
 * store (the broker keeps it), and once space is freed stores everything by itself, each message once.
 */
@Tag("broker")
@Tag("slow")
class FeedOnFullDiskTest {
    private static final String BROKER = "tcp://127.0.0.1:1883";
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final int WORKERS = 10;
    private static final int UPLOADS_PER_WORKER = 60;
    private static final int FIXES_PER_UPLOAD = 60;

    @Test
    void aDiskThatFillsDuringABurstIsNamedNothingIsLostAndStoringResumesWhenSpaceIsFreed() throws Exception {
        String seat = "gc-fulldisk-" + UUID.randomUUID().toString().substring(0, 8);
        try (SmallDisk disk = SmallDisk.mount(160)) {
            Path dataDir = disk.root().resolve("seat");
            List<MessageKey> keys = new ArrayList<>();
            try (AppContext context = AppContext.openDemo(dataDir, Locale.ENGLISH, Clock.fixed(NOW, ZoneOffset.UTC))) {
                String district = context.district().adminCode();
                List<GridWorker> workers = context.district().gridWorkers().subList(100, 100 + WORKERS);
                List<String[]> uploads = uploads(context, district, workers, keys);
                try (FieldFeed feed = FieldFeed.open(context, SensorRegistry.loadDemo(), FeedIngest.Settings.DEFAULT,
                        stored -> { })) {
                    feed.connect(new MqttSettings(BROKER, seat, null, null, FeedTopic.subscription(district)));
                    // About a megabyte left: the burst's first commits take it.
                    disk.fillAllBut(1L << 20);

                    long published = publish(uploads);
                    waitUntil(feed, "the feed says the store cannot write", Duration.ofSeconds(20),
                            () -> feed.health().storeUnavailable());
                    long toldAfter = System.nanoTime() - published;
                    FeedHealth trouble = feed.health();
                    System.out.printf(Locale.ROOT, "full disk: told in %d ms after the burst was published: %s%n",
                            TimeUnit.NANOSECONDS.toMillis(toldAfter), trouble.storeProblem());
                    assertThat(trouble.storeProblem()).contains("is full").contains("No space left on device")
                            .doesNotContain("Exception").doesNotContain("\n");
                    assertThat(trouble.stats().unacknowledged()).isPositive();
                    assertThat(trouble.level(FeedAlertSettings.loadDefault())).isEqualTo(FeedHealth.Level.ALERT);
                    // What the console's status line says, in the officer's language, worded as the console does.
                    Messages zh = Messages.forLocale(Messages.ZH_CN);
                    FeedStatusModel.Line line = new FeedStatusModel(zh, DistrictTime.ZONE, Clock.fixed(NOW,
                            ZoneOffset.UTC), FeedAlertSettings.loadDefault(), new FeedStatusModel.StoreWords(
                            f -> FailureWords.of(zh, f), f -> FailureWords.headline(zh, f)))
                            .next(trouble, new FeedStatusModel.Source(BROKER, true));
                    System.out.println("full disk: the status line says: " + line.text());
                    assertThat(line.look()).isEqualTo(FeedStatusModel.Look.ALERT);
                    assertThat(line.text()).startsWith("⚠ 现场数据未能存储：磁盘已满 · 自 10:00:00 · 待确认 ");
                    assertThat(line.notice()).startsWith("磁盘已满 · 待确认 ");
                    assertThat(line.tooltip()).contains("本地数据库 " + dataDir.resolve("db") + " 所在的磁盘已满");
                    assertThat(line.soundTone()).isTrue();

                    disk.free();
                    waitUntil(feed, "every upload stored after space was freed", Duration.ofSeconds(120),
                            () -> context.database().feed().received(keys).size() == keys.size());
                    waitUntil(feed, "the feed recovered", Duration.ofSeconds(30),
                            () -> !feed.health().storeUnavailable() && feed.health().stats().unacknowledged() == 0);
                    for (GridWorker w : workers) {
                        assertThat(context.database().feed().track(w.id(), NOW.minus(Duration.ofDays(1)), NOW))
                                .hasSize(UPLOADS_PER_WORKER * FIXES_PER_UPLOAD);
                    }
                }
            } finally {
                FeedTestSeats.forgetSession(BROKER, seat);
            }
            // The store the disk filled under opens again whole.
            try (AppContext again = AppContext.openDemo(dataDir, Locale.ENGLISH, Clock.fixed(NOW, ZoneOffset.UTC))) {
                assertThat(again.database().feed().received(keys)).hasSize(keys.size());
            }
        }
    }

    /** Each worker walks a metre every 5 s; an upload carries 60 fixes; ids unique per worker. */
    private static List<String[]> uploads(AppContext context, String district, List<GridWorker> workers,
                                          List<MessageKey> keys) {
        List<String[]> out = new ArrayList<>();
        Instant start = NOW.minus(Duration.ofHours(6));
        for (GridWorker w : workers) {
            GeoPoint p = FeedTestSeats.place(context, w);
            for (int u = 0; u < UPLOADS_PER_WORKER; u++) {
                StringBuilder fixes = new StringBuilder();
                Instant last = null;
                for (int f = 0; f < FIXES_PER_UPLOAD; f++) {
                    int n = u * FIXES_PER_UPLOAD + f;
                    last = start.plusSeconds(5L * n);
                    fixes.append(f == 0 ? "" : ",").append(String.format(Locale.ROOT,
                            "{\"at\":\"%s\",\"lon\":%.7f,\"lat\":%.7f,\"accuracy\":5}", last, p.lon(), p.lat() + n * 0.000009));
                }
                String id = "disk-" + u;
                keys.add(new MessageKey(w.id(), id));
                out.add(new String[] {FeedTopic.of(district, FeedTopic.Kind.TRACK, w.id()).topic(), String.format(
                        Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\",\"fixes\":[%s]}", id, w.id(),
                        last, fixes)});
            }
        }
        return out;
    }

    /** Publishes everything (under the 1,000 messages Mosquitto's defaults queue for a seat); returns when done. */
    private static long publish(List<String[]> messages) throws Exception {
        try (MqttPublisher publisher = new MqttPublisher(BROKER, "gc-fulldisk-pub-" + UUID.randomUUID().toString()
                .substring(0, 8), null, null, 200)) {
            for (String[] m : messages) {
                publisher.publish(m[0], m[1].getBytes(StandardCharsets.UTF_8));
            }
            publisher.flush(30_000);
        }
        return System.nanoTime();
    }

    /** A look at the store while it cannot even read (opening the file writes) is a "not yet". */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException stillBroken) {
            return false;
        }
    }

    private static void waitUntil(FieldFeed feed, String what, Duration limit, BooleanSupplier condition) {
        Wait.until(() -> what + "; " + feed.health(), limit, () -> holds(condition));
    }
}
