package org.gridcommand.feed.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.gridcommand.feed.FeedDelivery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The transport against the real Mosquitto at 127.0.0.1:1883: QoS 1 with a persistent session and manual
 * acknowledgements, so a message the seat never acknowledged comes again after a reconnect, and one it did
 * acknowledge does not.
 */
@Tag("broker")
class MqttFeedSourceTest {
    private static final String BROKER = "tcp://127.0.0.1:1883";

    @Test
    void unacknowledgedMessagesAreRedeliveredToTheSameSessionAndAcknowledgedOnesAreNot() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topicRoot = "gctest/" + run;
        String clientId = "gc-test-" + run;
        MqttSettings settings = new MqttSettings(BROKER, clientId, null, null, topicRoot + "/#");

        // First connection creates the broker-side session and subscription, then goes away.
        BlockingQueue<FeedDelivery> first = new LinkedBlockingQueue<>();
        try (MqttFeedSource source = new MqttFeedSource(settings, first::add, Clock.systemUTC())) {
            source.start();
            assertThat(source.isConnected()).isTrue();
        }
        int sent = 30;
        publish(topicRoot, sent);

        // Second connection: the session holds the 30; acknowledge the first 10 that arrive only.
        BlockingQueue<FeedDelivery> second = new LinkedBlockingQueue<>();
        Set<String> acknowledged = new HashSet<>();
        try (MqttFeedSource source = new MqttFeedSource(settings, second::add, Clock.systemUTC())) {
            source.start();
            for (int i = 0; i < 10; i++) {
                FeedDelivery d = second.poll(10, TimeUnit.SECONDS);
                assertThat(d).as("delivery %d of the stored session", i).isNotNull();
                d.ack().run();
                acknowledged.add(text(d));
            }
            // close() waits for a broker round trip behind the PUBACKs (see MqttFeedSource.flushAcknowledgements).
        }

        // Third connection: everything not acknowledged comes again, nothing acknowledged does.
        BlockingQueue<FeedDelivery> third = new LinkedBlockingQueue<>();
        Set<String> again = new HashSet<>();
        try (MqttFeedSource source = new MqttFeedSource(settings, third::add, Clock.systemUTC())) {
            source.start();
            while (again.size() < sent - acknowledged.size()) {
                FeedDelivery d = third.poll(10, TimeUnit.SECONDS);
                assertThat(d).as("redelivery after %d of %d", again.size(), sent - acknowledged.size()).isNotNull();
                again.add(text(d));
                d.ack().run();
            }
            FeedDelivery extra = third.poll(1, TimeUnit.SECONDS);
            assertThat(extra).as("nothing beyond the unacknowledged ones").isNull();
        }
        assertThat(again).doesNotContainAnyElementsOf(acknowledged);
        Set<String> all = new HashSet<>(again);
        all.addAll(acknowledged);
        assertThat(all).hasSize(sent);
        removeSession(settings);
    }

    @Test
    void anUnreachableBrokerIsNamedInTheError() {
        MqttSettings settings = new MqttSettings("tcp://127.0.0.1:1", "gc-test-nobroker", null, null, "x/#");
        try (MqttFeedSource source = new MqttFeedSource(settings, d -> { }, Clock.systemUTC())) {
            assertThatThrownBy(source::start).isInstanceOf(MqttFeedException.class)
                    .hasMessageContaining("tcp://127.0.0.1:1");
        }
    }

    @Test
    void badBrokerUrlsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new MqttSettings("http://broker:1883", "id", null, null, "#"))
                .hasMessageContaining("tcp://");
        assertThatThrownBy(() -> new MqttSettings("tcp://", "id", null, null, "#"))
                .hasMessageContaining("not a broker URL: tcp://");
        assertThatThrownBy(() -> new MqttSettings("tcp:///path", "id", null, null, "#"))
                .hasMessageContaining("no host");
    }

    private static void publish(String topicRoot, int count) throws Exception {
        MqttClient publisher = new MqttClient(BROKER, "gc-test-pub-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence(),
                org.gridcommand.feed.mqtt.PahoThreads.forClient("test"));
        // Room for every message in flight: paho completes a QoS 1 publish on its PUBACK a moment before it
        // counts it out of flight, so even one-at-a-time publishing can meet the default limit of 10
        // ("Too many publishes in progress", seen once in a clean-clone run).
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(Math.max(10, count));
        publisher.connect(options);
        for (int i = 0; i < count; i++) {
            publisher.publish(topicRoot + "/gps/w1", ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
        }
        publisher.disconnect();
        publisher.close();
    }

    /** Ends the broker-side session so tests leave nothing behind in mosquitto's persistence. */
    private static void removeSession(MqttSettings settings) throws Exception {
        MqttClient c = new MqttClient(BROKER, settings.clientId(), new MemoryPersistence(),
                org.gridcommand.feed.mqtt.PahoThreads.forClient("test"));
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        c.disconnect();
        c.close();
    }

    private static String text(FeedDelivery d) {
        return new String(d.payload(), StandardCharsets.UTF_8);
    }
}
