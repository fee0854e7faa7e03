package org.gridcommand.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The demo sensors ship as data; the file must stay what the generator makes and every sensor must lie in its grid. */
class DemoSensorsFileTest {
    private static final Path SHIPPED = Path.of("assets", "demo", "sensors.json");

    @Test
    void theShippedFileIsWhatTheGeneratorMakes() throws IOException {
        assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8))
                .as("regenerate with org.gridcommand.feed.DemoSensors (see its javadoc)")
                .isEqualTo(DemoSensors.generate());
    }

    @Test
    void sixtySensorsOfThreeKindsEachInsideTheSmallGridItNames() {
        SensorRegistry registry = SensorRegistry.loadDemo();
        assertThat(registry.size()).isEqualTo(60);
        Map<String, Long> byKind = registry.sensors().stream()
                .collect(Collectors.groupingBy(Sensor::kind, Collectors.counting()));
        assertThat(byKind).containsOnly(Map.entry("smoke", 24L), Map.entry("water_level", 18L), Map.entry("gas", 18L));
        assertThat(registry.kinds()).extracting(SensorKind::code).containsExactlyInAnyOrder("smoke", "water_level", "gas");

        District district = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
        GeometryFactory f = new GeometryFactory();
        for (Sensor s : registry.sensors()) {
            SmallGrid grid = district.smallGrid(s.smallGrid()).orElseThrow();
            assertThat(grid.area().contains(f.createPoint(new Coordinate(s.position().lon(), s.position().lat()))))
                    .as(s.id() + " inside " + grid.code().value()).isTrue();
            assertThat(s.name().zh()).startsWith(grid.name().zh());
        }
        assertThat(registry.find("S0001")).isPresent();
        assertThat(registry.find("S9999")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void badRegisterFilesAreRefusedNamingTheEntry(@TempDir Path dir) throws IOException {
        Path kinds = Path.of("assets", "feed", "sensor-kinds.json");
        Path unknownKind = dir.resolve("a.json");
        Files.writeString(unknownKind, "{\"sensors\":[{\"id\":\"S1\",\"kind\":\"radar\",\"lon\":113.58,\"lat\":22.36,"
                + "\"zh\":\"x\",\"en\":\"x\"}]}");
        assertThatThrownBy(() -> SensorRegistry.load(kinds, unknownKind))
                .hasMessageContaining("a.json").hasMessageContaining("S1").hasMessageContaining("unknown kind radar");
        Path twice = dir.resolve("b.json");
        Files.writeString(twice, "{\"sensors\":[{\"id\":\"S1\",\"kind\":\"gas\",\"lon\":113.58,\"lat\":22.36,\"zh\":\"x\",\"en\":\"x\"},"
                + "{\"id\":\"S1\",\"kind\":\"gas\",\"lon\":113.58,\"lat\":22.36,\"zh\":\"x\",\"en\":\"x\"}]}");
        assertThatThrownBy(() -> SensorRegistry.load(kinds, twice)).hasMessageContaining("S1 is listed twice");
        Path noLat = dir.resolve("c.json");
        Files.writeString(noLat, "{\"sensors\":[{\"id\":\"S7\",\"kind\":\"gas\",\"lon\":113.58,\"zh\":\"x\",\"en\":\"x\"}]}");
        assertThatThrownBy(() -> SensorRegistry.load(kinds, noLat)).hasMessageContaining("c.json: sensor S7: missing or non-numeric \"lat\"");
    }
}
