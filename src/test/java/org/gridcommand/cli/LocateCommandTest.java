package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** `gridcommand locate` in-process on a demo store seeded once for the class. */
class LocateCommandTest {
    private static final District DEMO = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();

    @TempDir
    static Path data;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void seedTheStore() {
        // The first run seeds the demo; the tests after it measure only the lookup.
        SmallGrid grid = DEMO.smallGrids().get(0);
        Coordinate c = grid.area().getInteriorPoint().getCoordinate();
        assertThat(run(Double.toString(c.x), Double.toString(c.y)).status()).isZero();
    }

    @Test
    void aPointInAGridNamesTheGridItsBigGridHeadAndOnDutyWorkers() {
        for (int index : new int[] {0, 17, 42, 99, 135}) {
            SmallGrid grid = DEMO.smallGrids().get(index);
            Coordinate c = grid.area().getInteriorPoint().getCoordinate();
            Run r = run(Double.toString(c.x), Double.toString(c.y), "--lang", "en");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("small grid " + grid.code().value())
                    .contains(grid.name().zh()).contains(grid.name().en())
                    .contains("big grid   " + grid.bigGridCode())
                    .contains("(WGS-84)");
            String head = DEMO.gridHeads().stream().filter(h -> h.bigGridCode().equals(grid.bigGridCode()))
                    .findFirst().orElseThrow().id();
            assertThat(r.out()).contains("grid head  " + head + " ");
            List<GridWorker> workers = DEMO.workersOf(grid.code());
            for (GridWorker w : workers) {
                if (w.onDuty()) {
                    assertThat(r.out()).as("on-duty worker " + w.id()).contains(w.id() + " " + w.name().en());
                } else {
                    assertThat(r.out()).as("off-duty worker " + w.id()).doesNotContain(w.id());
                }
            }
        }
    }

    @Test
    void aPointOutsideTheDistrictSaysSoWithTheNearestGridAndExitsThree() {
        double east = DEMO.outline().getEnvelopeInternal().getMaxX() + 0.01;
        Run r = run(Double.toString(east), "22.36");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.out()).contains("is outside 唐家湾镇 / Tangjiawan Town (nearest grid 440402104")
                .containsPattern("\\d+ m away\\)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void swappedCoordinatesAreRefusedWithAHint() {
        Run r = run("22.36", "113.58");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("LAT").contains("did you swap longitude and latitude?").doesNotContain("Exception");
    }

    @Test
    void badNumbersAndRangesNameTheArgument() {
        Run notANumber = run("abc", "22.36");
        assertThat(notANumber.status()).isEqualTo(2);
        assertThat(notANumber.err()).contains("LON 'abc' is not a number");
        Run nan = run("113.58", "NaN");
        assertThat(nan.status()).isEqualTo(2);
        assertThat(nan.err()).contains("LAT 'NaN' is not a number");
        Run range = run("190", "22.36");
        assertThat(range.status()).isEqualTo(2);
        assertThat(range.err()).contains("LON 190 is out of range");
        Run latRange = run("113.58", "-95");
        assertThat(latRange.status()).isEqualTo(2);
        assertThat(latRange.err()).contains("LAT -95 is out of range");
        Run datum = run("113.58", "22.36", "--datum", "mars");
        assertThat(datum.status()).isEqualTo(2);
        assertThat(datum.err()).contains("--datum").contains("mars");
        Run missing = run("113.58");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("LAT");
    }

    @Test
    void gcj02InputIsConvertedBeforeLocating() {
        SmallGrid grid = DEMO.smallGrids().get(60);
        Coordinate c = grid.area().getInteriorPoint().getCoordinate();
        double[] gcj = ChinaDatums.wgs84ToGcj02(c.x, c.y);
        Run r = run(Double.toString(gcj[0]), Double.toString(gcj[1]), "--datum", "gcj02");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("(GCJ-02)").contains("small grid " + grid.code().value());
        // The GCJ-02 offset here is hundreds of metres: read as WGS-84 the same numbers land elsewhere.
        Run raw = run(Double.toString(gcj[0]), Double.toString(gcj[1]));
        assertThat(raw.out()).doesNotContain("small grid " + grid.code().value());
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 3];
        all[0] = "locate";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = data.toString();
        int status = cli.execute(all);
        return new Run(status, out.toString(), err.toString());
    }
}
