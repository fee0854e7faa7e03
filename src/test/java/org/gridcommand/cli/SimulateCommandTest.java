package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.feed.FeedParser;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.LastFixes;
import org.gridcommand.feed.ParseOutcome;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.grid.District;
import org.junit.jupiter.api.Test;

/** {@code ./gridcommand simulate} publishing to the real Mosquitto at 127.0.0.1:1883. */
class SimulateCommandTest {
    private static final District DEMO = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();

    private record Received(String topic, byte[] payload) {
    }

    @Test
    void tenMinutesOfTenWorkersArriveAtTheBrokerAndTheConsoleAcceptsEveryMessage() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        MqttClient listener = new MqttClient("tcp://127.0.0.1:1883", "gc-test-simlisten-"
                + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence(),
                org.gridcommand.feed.mqtt.PahoThreads.forClient("test"));
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        listener.connect(options);
        listener.subscribe(FeedTopic.subscription(DEMO.adminCode()), 1,
                (topic, message) -> received.add(new Received(topic, message.getPayload())));
        try {
            // Ten simulated minutes in two real seconds.
            GridsCli.Run run = GridsCli.run("simulate", "--workers", "10", "--duration", "PT10M", "--speed", "300",
                    "--seed", "5");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("simulating 10 workers").contains("done:");
            long published = Long.parseLong(run.out().replaceAll("(?s).*done: (\\d+) messages.*", "$1"));
            // 10 status messages and 10 x 20 fixes at one every 30 s, plus the odd report or alarm.
            assertThat(published).isBetween(200L, 260L);
            long deadline = System.currentTimeMillis() + 10_000;
            while (received.size() < published && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(received).hasSize((int) published);
        } finally {
            listener.disconnect();
            listener.close();
        }
        LastFixes last = new LastFixes(id -> Optional.empty());
        FeedParser parser = FeedParser.forDistrict(DEMO, SensorRegistry.loadDemo(), last::get);
        Instant later = Instant.now().plusSeconds(3600);
        for (Received r : received) {
            ParseOutcome o = parser.parse(r.topic(), r.payload(), later);
            assertThat(o).as(r.topic()).isInstanceOf(ParseOutcome.Accepted.class);
            if (((ParseOutcome.Accepted) o).message() instanceof GpsFix fix) {
                last.accept(fix);
            }
        }
    }

    @Test
    void anUnreachableBrokerAndBadOptionsAreSaidPlainly() {
        GridsCli.Run noBroker = GridsCli.run("simulate", "--broker", "tcp://127.0.0.1:1", "--duration", "1");
        assertThat(noBroker.exit()).isEqualTo(3);
        assertThat(noBroker.err()).contains("cannot connect to the MQTT broker at tcp://127.0.0.1:1");
        GridsCli.Run badSpeed = GridsCli.run("simulate", "--speed", "0");
        assertThat(badSpeed.exit()).isEqualTo(2);
        assertThat(badSpeed.err()).contains("--speed must be 1 to 3600, got 0");
        GridsCli.Run badDuration = GridsCli.run("simulate", "--duration", "soon");
        assertThat(badDuration.exit()).isEqualTo(2);
        assertThat(badDuration.err()).contains("--duration").contains("soon");
    }
}
