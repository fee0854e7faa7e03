package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every crafted bad file under src/test/resources/grids/bad gives its defect, its feature and its place. */
class GridsValidateCommandTest {
    private static final Pattern LINE = Pattern.compile(
            "^([A-Z_]+) (.+?): (.*) at (-?\\d+\\.\\d{7}), (-?\\d+\\.\\d{7})$");
    private static final Pattern AREA = Pattern.compile("(\\d+\\.\\d) m²");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid-geometry.geojson        | INVALID_GEOMETRY        | feature #2 "东区网格" (440402104001002) | 113.581 | 113.582 | 22.360 | 22.361 | 0
            too-few-points.geojson          | TOO_FEW_POINTS          | feature #2 "东区网格" (440402104001002) | 113.581 | 113.582 | 22.360 | 22.361 | 0
            unclosed-ring.geojson           | UNCLOSED_RING           | feature #2 "东区网格" (440402104001002) | 113.581 | 113.582 | 22.360 | 22.361 | 0
            unclosed-ring.csv               | UNCLOSED_RING           | feature #2 "东区网格" (440402104001002) | 113.581 | 113.582 | 22.360 | 22.361 | 0
            coordinate-out-of-range.geojson | COORDINATE_OUT_OF_RANGE | feature #2 "东区网格" (440402104001002) | 113.581 | 113.582 | 22.360 | 22.361 | 0
            lat-lon-swapped.geojson         | LAT_LON_SWAPPED         | feature #2 "东区网格" (440402104001002) | 113.581 | 113.582 | 22.360 | 22.361 | 0
            missing-name.geojson            | MISSING_NAME            | feature #2 (440402104001002)            | 113.581 | 113.582 | 22.360 | 22.361 | 0
            malformed-code.geojson          | MALFORMED_CODE          | feature #2 "东区网格" (44040210400100X) | 113.581 | 113.582 | 22.360 | 22.361 | 0
            duplicate-code.geojson          | DUPLICATE_CODE          | feature #2 "东区网格" (440402104001001) and feature #1 "西区网格" (440402104001001) | 113.581 | 113.582 | 22.360 | 22.361 | 0
            unknown-parent.geojson          | UNKNOWN_PARENT          | feature #4 "唐乐社区第1网格" (440402104002001) | 113.580 | 113.581 | 22.361 | 22.362 | 0
            overlap.geojson                 | OVERLAP                 | feature #1 "西区网格" (440402104001001) × feature #2 "东区网格" (440402104001002) | 113.5808 | 113.581 | 22.360 | 22.361 | 2281.1
            gap.geojson                     | GAP                     | between feature #1 "南区网格" (440402104001001) and feature #2 "北区网格" (440402104001002) | 113.581 | 113.582 | 22.361 | 22.362 | 11405.5
            outside-parent.geojson          | OUTSIDE_PARENT          | feature #3 "唐家社区第2网格" (440402104001002) and feature #1 "唐家社区" (440402104001) | 113.582 | 113.5825 | 22.360 | 22.361 | 5702.8
            """)
    void eachCraftedFileGivesItsDefectAtItsPlace(String file, String kind, String subject, double west, double east,
                                                 double south, double north, double area) {
        GridsCli.Run run = GridsCli.run("grids", "validate", GridsCli.resource("bad/" + file).toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        List<String> lines = run.lines();
        assertThat(lines.get(0)).matches("\\d+ small grids? in \\d+ big grids?: \\d+ overlaps?, \\d+ gaps?, \\d+ other defects?");
        assertThat(lines).as("exactly the crafted defect").hasSize(2);
        Matcher m = LINE.matcher(lines.get(1));
        assertThat(m.matches()).as(lines.get(1)).isTrue();
        assertThat(m.group(1)).isEqualTo(kind);
        assertThat(m.group(2)).isEqualTo(subject);
        double lon = Double.parseDouble(m.group(4));
        double lat = Double.parseDouble(m.group(5));
        assertThat(lon).as("longitude of the place").isBetween(west, east);
        assertThat(lat).as("latitude of the place").isBetween(south, north);
        if (area > 0) {
            Matcher a = AREA.matcher(m.group(3));
            assertThat(a.find()).as(m.group(3)).isTrue();
            assertThat(Double.parseDouble(a.group(1))).isCloseTo(area, within(area * 0.001));
        }
    }

    @Test
    void anUnreadableFileIsOneDefectNamingLineAndColumn() {
        GridsCli.Run run = GridsCli.run("grids", "validate", GridsCli.resource("bad/unreadable-file.geojson").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(
                "0 small grids in 0 big grids: 0 overlaps, 0 gaps, 1 other defect",
                run.lines().get(1));
        assertThat(run.lines().get(1)).startsWith("UNREADABLE_FILE file \"unreadable-file.geojson\": not valid JSON at line 2, column ");
    }

    @Test
    void goodFilesAreCleanInBothFormats() {
        for (String file : List.of("good/small.geojson", "good/small.csv")) {
            GridsCli.Run run = GridsCli.run("grids", "validate", GridsCli.resource(file).toString());
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).isEqualTo("4 small grids in 1 big grid: 0 overlaps, 0 gaps, 0 other defects\n");
        }
    }

    @Test
    void aGcj02FileValidatesWithItsDatum(@TempDir Path dir) throws IOException {
        Path gcj = dir.resolve("small-gcj02.geojson");
        Files.writeString(gcj, toDatum(Files.readString(GridsCli.resource("good/small.geojson")), Datum.GCJ02));

        GridsCli.Run run = GridsCli.run("grids", "validate", gcj.toString(), "--datum", "gcj02");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("4 small grids in 1 big grid: 0 overlaps, 0 gaps, 0 other defects");
    }

    @Test
    void usageErrorsExitTwoAndNameThePath(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-grids.geojson");
        GridsCli.Run run = GridsCli.run("grids", "validate", missing.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("gridcommand grids validate: cannot read " + missing + ": no such file\n");

        GridsCli.Run folder = GridsCli.run("grids", "validate", dir.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).startsWith("gridcommand grids validate: cannot read " + dir);

        GridsCli.Run datum = GridsCli.run("grids", "validate", missing.toString(), "--datum", "osgb36");
        assertThat(datum.exit()).isEqualTo(2);
        assertThat(datum.err()).contains("unknown datum 'osgb36'");

        assertThat(GridsCli.run("grids").exit()).isEqualTo(2);
        assertThat(GridsCli.run("grids", "validate").exit()).isEqualTo(2);
    }

    /** Random bytes, truncated JSON, deep nesting: a defect or a one-line reason, never a stack trace. */
    @Test
    void neverAStackTrace(@TempDir Path dir) throws IOException {
        Random random = new Random(7);
        String good = Files.readString(GridsCli.resource("good/small.geojson"));
        byte[] goodBytes = good.getBytes(StandardCharsets.UTF_8);
        int files = 0;
        for (int i = 0; i < 12; i++) {
            byte[] garbage = new byte[1 + random.nextInt(4000)];
            random.nextBytes(garbage);
            if (i % 3 == 1) {
                garbage[0] = '{';
            }
            files += check(dir, "garbage-" + i + (i % 3 == 2 ? ".csv" : i % 3 == 1 ? ".geojson" : ""), garbage);
        }
        for (int cut = 1; cut < goodBytes.length; cut += 17) {
            files += check(dir, "truncated-" + cut + ".geojson", java.util.Arrays.copyOf(goodBytes, cut));
        }
        files += check(dir, "deep.geojson", ("{\"type\":\"FeatureCollection\",\"features\":" + "[".repeat(100_000)).getBytes());
        files += check(dir, "deep-coordinates.geojson", good.replace("[[[", "[[[[[[[[[[[[[[[").getBytes(StandardCharsets.UTF_8));
        files += check(dir, "huge-numbers.geojson", good.replace("113.58", "1e999999").getBytes(StandardCharsets.UTF_8));
        files += check(dir, "nul.csv", "name,wkt\n\u0000,\"POLYGON ((\u0000))\"\n".getBytes(StandardCharsets.UTF_8));
        assertThat(files).isGreaterThan(100);
    }

    private static int check(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        GridsCli.Run run = GridsCli.run("grids", "validate", file.toString());
        assertThat(run.exit()).as(name + ": " + run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).as(name).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("\tat ");
        assertThat(run.out()).as(name).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(run.lines().get(0)).as(name).contains("small grid");
        return 1;
    }

    /** Every [lon,lat] of a GeoJSON text moved from WGS-84 into another datum, written at full precision. */
    static String toDatum(String geojson, Datum datum) {
        Matcher m = Pattern.compile("\\[(-?\\d+(?:\\.\\d+)?), ?(-?\\d+(?:\\.\\d+)?)]").matcher(geojson);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            double[] p = ChinaDatums.fromWgs84(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), datum);
            m.appendReplacement(out, "[" + p[0] + "," + p[1] + "]");
        }
        m.appendTail(out);
        return out.toString();
    }
}
