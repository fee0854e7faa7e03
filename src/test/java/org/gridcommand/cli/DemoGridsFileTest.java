package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.grid.proof.GeoJsonExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo grids ship as data (assets/demo/grids.geojson, written by `grids export --demo`). The file must stay
 * what the generator makes, and must prove clean: the acceptance line of the grid map.
 */
class DemoGridsFileTest {
    private static final Path SHIPPED = Path.of("assets", "demo", "grids.geojson");

    @Test
    void theShippedFileIsAFreshExportOfTheGenerator(@TempDir Path dir) throws IOException {
        String shipped = Files.readString(SHIPPED, StandardCharsets.UTF_8);
        String fresh = GeoJsonExport.toGeoJson(DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district());
        assertThat(shipped).as("regenerate with: ./gridcommand grids export --demo assets/demo/grids.geojson").isEqualTo(fresh);

        Path exported = dir.resolve("grids.geojson");
        GridsCli.Run run = GridsCli.run("grids", "export", "--demo", exported.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("wrote 136 small grids in 16 big grids to " + exported + " (WGS-84)\n");
        assertThat(Files.readString(exported, StandardCharsets.UTF_8)).isEqualTo(shipped);
    }

    @Test
    void theShippedFileValidatesClean() {
        GridsCli.Run run = GridsCli.run("grids", "validate", SHIPPED.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).isEqualTo("136 small grids in 16 big grids: 0 overlaps, 0 gaps, 0 other defects\n");
        assertThat(run.err()).isEmpty();
    }
}
