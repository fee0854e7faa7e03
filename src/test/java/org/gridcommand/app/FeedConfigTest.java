package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seat's feed.json: optional, read with clear errors, never holding the password itself. */
class FeedConfigTest {
    @Test
    void noFileMeansNoBroker(@TempDir Path dir) {
        assertThat(FeedConfig.load(dir)).isEmpty();
        assertThat(FeedConfig.load(null)).isEmpty();
    }

    @Test
    void aTlsBrokerWithUserAndClientIdIsRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("feed.json"), "{\"broker\":\"ssl://mqtt.centre.example:8883\",\"user\":\"seat-07\","
                + "\"clientId\":\"gc-seat-07\"}");
        MqttSettings s = FeedConfig.load(dir).orElseThrow().settings("fallback", "gc/v1/440402/+/+");
        assertThat(s.brokerUrl()).isEqualTo("ssl://mqtt.centre.example:8883");
        assertThat(s.tls()).isTrue();
        assertThat(s.username()).isEqualTo("seat-07");
        assertThat(s.password()).isNull();
        assertThat(s.clientId()).isEqualTo("gc-seat-07");
        assertThat(s.topicFilter()).isEqualTo("gc/v1/440402/+/+");
    }

    @Test
    void mistakesNameTheFileAndTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feed.json");
        Files.writeString(file, "{\"user\":\"x\"}");
        assertThatThrownBy(() -> FeedConfig.load(dir)).hasMessageContaining("feed.json").hasMessageContaining("\"broker\" is required");
        Files.writeString(file, "{\"broker\":\"http://mqtt:1883\"}");
        assertThatThrownBy(() -> FeedConfig.load(dir)).hasMessageContaining("feed.json").hasMessageContaining("tcp://");
        Files.writeString(file, "{\"broker\":\"tcp://mqtt:1883\",\"passwordEnv\":\"GC_TEST_SURELY_UNSET_VARIABLE\"}");
        assertThatThrownBy(() -> FeedConfig.load(dir)).hasMessageContaining("GC_TEST_SURELY_UNSET_VARIABLE")
                .hasMessageContaining("not set");
        Files.writeString(file, "{\"broker\":");
        assertThatThrownBy(() -> FeedConfig.load(dir)).hasMessageContaining("feed.json").hasMessageContaining("JSON");
    }
}
