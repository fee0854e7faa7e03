package org.gridcommand.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped rules load; a bad file is refused in one sentence naming the file and the field. */
class AlarmSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theShippedFileLoads() {
        AlarmSettings settings = AlarmSettings.loadDefault();
        assertThat(settings.repeatChime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.listNearDue()).isTrue();
    }

    @Test
    void badValuesAreRefusedInWords() throws Exception {
        Path file = dir.resolve("alarms.json");
        Files.writeString(file, "{\"repeatChimeSeconds\": 0}");
        assertThatThrownBy(() -> AlarmSettings.load(file)).hasMessage(
                "alarms.json: \"repeatChimeSeconds\" must be a number from 1 to 3600");
        Files.writeString(file, "{\"repeatChimeSeconds\": 30, \"listNearDue\": \"yes\"}");
        assertThatThrownBy(() -> AlarmSettings.load(file)).hasMessage(
                "alarms.json: \"listNearDue\" must be true or false");
        Files.writeString(file, "{\"repeatChimeSeconds\": 30,");
        assertThatThrownBy(() -> AlarmSettings.load(file)).hasMessageStartingWith("alarms.json: not valid JSON");
        Files.writeString(file, "{\"repeatChimeSeconds\": 7.5, \"listNearDue\": false}");
        assertThat(AlarmSettings.load(file)).isEqualTo(new AlarmSettings(Duration.ofMillis(7500), false));
    }
}
