package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code ./gridcommand simulate} publishing to the real Mosquitto at 127.0.0.1:1883. */
@Tag("broker")
class SimulateCommandTest {
    private static final District DEMO = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();

    private record Received(String topic, byte[] payload, Instant at) {
    }

    @Test
    void tenMinutesOfTenWorkersArriveAtTheBrokerAndTheConsoleAcceptsEveryMessageWhenItArrives() throws Exception {
        // An unusual seed: its tag in the ids tells this run's messages from other traffic on the broker.
        long seed = 5_550_001;
        String seedTag = "." + Long.toString(seed, 36) + ":";
        List<Received> received = new CopyOnWriteArrayList<>();
        MqttClient listener = new MqttClient("tcp://127.0.0.1:1883", "gc-test-simlisten-"
                + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence(),
                org.gridcommand.feed.mqtt.PahoThreads.forClient("test"));
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        listener.connect(options);
        listener.subscribe(FeedTopic.subscription(DEMO.adminCode()), 1, (topic, message) -> {
            if (new String(message.getPayload(), StandardCharsets.UTF_8).contains(seedTag)) {
                received.add(new Received(topic, message.getPayload(), Instant.now()));
            }
        });
        try {
            // Ten simulated minutes in two real seconds.
            GridsCli.Run run = GridsCli.run("simulate", "--workers", "10", "--duration", "PT10M", "--speed", "300",
                    "--seed", Long.toString(seed));
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("simulating 10 workers").contains("ending when the run ends").contains("done:");
            long published = Long.parseLong(run.out().replaceAll("(?s).*done: (\\d+) messages.*", "$1"));
            // 10 status messages and 10 x 20 fixes at one every 30 s, plus the odd report or alarm.
            assertThat(published).isBetween(200L, 260L);
            Wait.until(() -> "every published message heard: " + received.size() + " of " + published,
                    Duration.ofSeconds(30), () -> received.size() >= published);
            assertThat(received).hasSize((int) published);
        } finally {
            listener.disconnect();
            listener.close();
        }
        // Read as the console reads them, at the moment each arrived: none from the future.
        LastFixes last = new LastFixes(id -> Optional.empty());
        FeedParser parser = FeedParser.forDistrict(DEMO, SensorRegistry.loadDemo(), last::get);
        for (Received r : received) {
            ParseOutcome o = parser.parse(r.topic(), r.payload(), r.at());
            assertThat(o).as("%s %s", r.topic(), new String(r.payload(), StandardCharsets.UTF_8))
                    .isInstanceOf(ParseOutcome.Accepted.class);
            if (((ParseOutcome.Accepted) o).message() instanceof GpsFix fix) {
                last.accept(fix);
            }
        }
    }

    @Test
    void aRunThatWouldDateMessagesOlderThanTheConsoleAcceptsIsRefusedBeforeConnecting() {
        // Three days at 3600x would start the simulated clock almost three days back; status and alarm
        // messages may be two days old (assets/feed/plausibility.json).
        GridsCli.Run tooLong = GridsCli.run("simulate", "--broker", "tcp://127.0.0.1:1", "--speed", "3600",
                "--duration", "P3D");
        assertThat(tooLong.exit()).isEqualTo(2);
        assertThat(tooLong.err()).isEqualToIgnoringNewLines("gridcommand: 72 h of simulated time at --speed 3600"
                + " would date the first messages 71 h 58 min back, but the console quarantines status and alarm"
                + " messages older than 48 h (assets/feed/plausibility.json): at this speed run at most"
                + " --duration PT43H12M, or run more slowly");
        // The longest it names is accepted (and then fails only for want of a broker).
        GridsCli.Run longest = GridsCli.run("simulate", "--broker", "tcp://127.0.0.1:1", "--speed", "3600",
                "--duration", "PT43H12M");
        assertThat(longest.exit()).as(longest.err()).isEqualTo(3);
        // Without alarms and status the limit is the fixes' and reports' 7 days.
        GridsCli.Run noWorkers = GridsCli.run("simulate", "--broker", "tcp://127.0.0.1:1", "--speed", "3600",
                "--duration", "P3D", "--workers", "0", "--alarms-per-hour", "0");
        assertThat(noWorkers.exit()).as(noWorkers.err()).isEqualTo(3);
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
        for (String huge : List.of("99999999999999999999", "PT99999999999999H", "P4000D")) {
            GridsCli.Run hugeDuration = GridsCli.run("simulate", "--duration", huge);
            assertThat(hugeDuration.exit()).as(huge).isEqualTo(2);
            assertThat(hugeDuration.err()).as(huge).startsWith("gridcommand: --duration").contains(huge)
                    .doesNotContain("Exception");
        }
    }
}
