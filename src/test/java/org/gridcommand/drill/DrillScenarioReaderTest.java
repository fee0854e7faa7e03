package org.gridcommand.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.gridcommand.feed.FeedTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillScenarioReaderTest {
    @TempDir
    Path dir;

    @Test
    void theShippedFireDrillIsTheSeedsMorning() {
        assertThat(DrillScenarioReader.shipped()).contains("residential-fire-0845");
        DrillScenario s = DrillScenarioReader.readShipped("residential-fire-0845");
        assertThat(s.startsAt()).isEqualTo(LocalTime.of(8, 40));
        assertThat(s.incident().feedKind()).isEqualTo(FeedTopic.Kind.REPORT);
        assertThat(s.startsAt().plus(s.incident().offset())).isEqualTo(LocalTime.of(8, 45));
        assertThat(s.incident().message().path("category").asText()).isEqualTo("0601");
        assertThat(s.events()).extracting(e -> e.feedKind() == null ? "camera" : e.feedKind().level())
                .contains("gps", "report", "alarm", "camera");
        assertThat(s.startsAt().plus(s.length())).isEqualTo(LocalTime.of(9, 0));
        assertThat(s.targets()).containsKeys(Milestone.values());
        assertThat(s.expectedPlan()).isEqualTo("residential-fire");
    }

    @Test
    void everyProblemNamesTheFileAndThePlace() throws Exception {
        String head = "{\"version\":1,\"id\":\"x\",\"name\":{\"zh\":\"演练\",\"en\":\"Drill\"},\"startsAt\":\"08:40\",";
        String report = "{\"at\":\"+01:00\",\"kind\":\"report\",\"incident\":true,\"message\":{\"workerId\":\"W0001\","
                + "\"category\":\"0601\",\"description\":\"smoke\",\"lon\":113.57,\"lat\":22.37}}";
        List<String[]> cases = List.of(
                new String[] {head + "\"events\":[{\"at\":\"+01:00\",\"kind\":\"report\",\"incident\":true,"
                        + "\"message\":{\"workerId\":\"W0001\",\"category\":\"0601\",\"description\":\"smoke\",\"lon\":\"east\",\"lat\":22.37}}]}",
                        "s.json: events[0].message: "},
                new String[] {head + "\"events\":[" + report + ",{\"at\":\"+00:30\",\"kind\":\"gps\",\"message\":"
                        + "{\"workerId\":\"W0001\",\"lon\":113.57,\"lat\":22.37}}]}",
                        "s.json: events[1].at: +00:30 comes before the event above it"},
                new String[] {head + "\"events\":[{\"at\":\"+01:00\",\"kind\":\"radio\"}]}",
                        "s.json: events[0].kind: unknown kind \"radio\""},
                new String[] {head + "\"events\":[{\"at\":\"1 minute\",\"kind\":\"gps\"}]}",
                        "s.json: events[0].at: \"1 minute\" is not an offset like \"+05:30\""},
                new String[] {head + "\"events\":[{\"at\":\"+01:00\",\"kind\":\"gps\",\"message\":"
                        + "{\"workerId\":\"W0001\",\"lon\":113.57,\"lat\":22.37}}]}",
                        "s.json: events: no event is marked \"incident\": true"},
                new String[] {head + "\"events\":[" + report + "],\"targets\":{\"acepted\":60}}",
                        "s.json: targets.acepted: unknown milestone"},
                new String[] {head.replace("08:40", "8h40") + "\"events\":[" + report + "]}",
                        "s.json: startsAt: \"8h40\" is not a time of day like \"08:45\""});
        for (String[] c : cases) {
            Path file = dir.resolve("s.json");
            Files.writeString(file, c[0]);
            assertThatThrownBy(() -> DrillScenarioReader.read(file)).as(c[0]).hasMessageStartingWith(c[1]);
        }
    }

    @Test
    void offsetsMayCountHours() throws Exception {
        Path file = dir.resolve("long.json");
        Files.writeString(file, "{\"version\":1,\"id\":\"x\",\"name\":{\"zh\":\"演练\",\"en\":\"Drill\"},\"startsAt\":\"08:40\","
                + "\"events\":[{\"at\":\"+1:02:03\",\"kind\":\"report\",\"incident\":true,\"message\":{\"workerId\":"
                + "\"W0001\",\"category\":\"0601\",\"description\":\"smoke\",\"lon\":113.57,\"lat\":22.37}}]}");
        assertThat(DrillScenarioReader.read(file).incident().offset()).isEqualTo(Duration.ofSeconds(3723));
    }
}
