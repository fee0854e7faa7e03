package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.mqtt.MqttPublisher;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.store.KilledChild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the seat during a burst of GPS fixes on the real Mosquitto: after a restart with the same
 * session every fix is stored exactly once (nothing acknowledged lost, nothing redelivered stored twice).
 */
@Tag("broker")
class FieldFeedKillTest {
    private static final int FIRST = 600;
    private static final int WHILE_DOWN = 600;

    @Test
    void aBurstSurvivesKill9WithNoLossAndNoDuplicates() throws Exception {
        Path dir = Files.createTempDirectory("gc-feed-kill");
        String clientId = "gc-test-kill-" + UUID.randomUUID().toString().substring(0, 8);
        GridWorker worker;
        String district;
        // Seed the demo store once here, so the child's starts are quick.
        try (AppContext context = AppContext.openDemo(dir, Locale.ENGLISH, Clock.systemUTC())) {
            worker = context.district().gridWorkers().get(11);
            district = context.district().adminCode();
        }
        String topic = FeedTopic.of(district, FeedTopic.Kind.GPS, worker.id()).topic();
        Instant start = Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        try (MqttPublisher publisher = new MqttPublisher("tcp://127.0.0.1:1883", clientId + "-pub", null, null, 100)) {
            try (KilledChild seat = KilledChild.start(dir, FieldFeedChild.class, dir.toString(), clientId, worker.id())) {
                seat.readUntil(1, "READY"::equals);
                publish(publisher, topic, worker, start, 0, FIRST, ids);
                seat.readUntil(1, line -> count(line) >= FIRST / 2);
                seat.killAndDrain(line -> { });
            }
            // The seat is down: these wait in its session at the broker.
            publish(publisher, topic, worker, start, FIRST, WHILE_DOWN, ids);
            assertThat(publisher.flush(30_000)).isTrue();
        }
        try (KilledChild seat = KilledChild.start(dir, FieldFeedChild.class, dir.toString(), clientId, worker.id())) {
            seat.readUntil(1, line -> count(line) >= FIRST + WHILE_DOWN);
            // A last fix behind everything the broker still had for the session: the broker delivers a session's
            // messages in order and the seat stores them in order, so once it is stored, any redelivery that was
            // on its way has been stored (or, rightly, skipped) before it.
            try (MqttPublisher publisher = new MqttPublisher("tcp://127.0.0.1:1883", clientId + "-last", null, null, 1)) {
                publish(publisher, topic, worker, start, FIRST + WHILE_DOWN, 1, ids);
                assertThat(publisher.flush(30_000)).isTrue();
            }
            seat.readUntil(1, line -> count(line) >= FIRST + WHILE_DOWN + 1);
            seat.killAndDrain(line -> { });
        }
        try (AppContext context = AppContext.openDemo(dir, Locale.ENGLISH, Clock.systemUTC())) {
            List<GpsFix> track = context.database().feed().track(worker.id(), Instant.EPOCH,
                    Instant.now().plusSeconds(3600));
            assertThat(track).hasSize(FIRST + WHILE_DOWN + 1);
            assertThat(track).extracting(GpsFix::messageId).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            endSession(clientId);
        }
    }

    private static void publish(MqttPublisher publisher, String topic, GridWorker worker, Instant start, int from,
                                int count, List<String> ids) throws InterruptedException {
        for (int i = from; i < from + count; i++) {
            String id = "kill-" + UUID.randomUUID();
            String fix = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\","
                    + "\"lon\":%.7f,\"lat\":%.7f}", id, worker.id(), start.plusSeconds(5L * i),
                    worker.lastPosition().lon(), worker.lastPosition().lat() + i * 0.00001);
            publisher.publish(topic, fix.getBytes(StandardCharsets.UTF_8));
            ids.add(id);
        }
    }

    private static int count(String line) {
        return line.startsWith("COUNT ") ? Integer.parseInt(line.substring(6).trim()) : -1;
    }

    private static void endSession(String clientId) throws Exception {
        MqttClient c = new MqttClient("tcp://127.0.0.1:1883", clientId, new MemoryPersistence(),
                org.gridcommand.feed.mqtt.PahoThreads.forClient("test"));
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        c.disconnect();
        c.close();
    }
}
