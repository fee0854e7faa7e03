package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.gridcommand.geo.ChinaDatums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every crafted file under src/test/resources/cameras gives its one problem, with its line, camera and field. */
class CamerasValidateCommandTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            bad-id.csv                  | 1 | ERROR BAD_ID line 3 (44040210001187000002) id: a 20-digit id is a GB/T 28181 code, and its device type (digits 11-13) is 118, not a camera (131) or IP camera (132)
            duplicate-id.csv            | 1 | ERROR DUPLICATE_ID line 3 (44040210001327000001) id: the same id as line 2
            not-gbt28181-id.csv         | 0 | WARNING NOT_GBT28181_ID line 3 (CAM-0002) id: not a GB/T 28181 code (20 digits); kept as given
            missing-field.csv           | 1 | ERROR MISSING_FIELD line 3 (44040210001327000002) lat: no value
            not-a-number.csv            | 1 | ERROR NOT_A_NUMBER line 3 (44040210001327000002) heading: "south" is not a decimal number
            coordinate-out-of-range.csv | 1 | ERROR COORDINATE_OUT_OF_RANGE line 3 (44040210001327000002) lat: lon "113.5812", lat "92.3608": latitude beyond ±90°
            coordinate-far-away.csv     | 1 | ERROR COORDINATE_OUT_OF_RANGE line 3 (44040210001327000002) lon, lat: lon "0", lat "0": more than 5° from the rest of the file (around 113.5805, 22.3605)
            lat-lon-swapped.csv         | 1 | ERROR LAT_LON_SWAPPED line 3 (44040210001327000002) lon, lat: lon "22.3608", lat "113.5812": latitude and longitude look swapped
            bad-heading.csv             | 1 | ERROR BAD_HEADING line 3 (44040210001327000002) heading: must be from 0° to 360° (0 = north, clockwise), not "400"
            bad-fov.csv                 | 1 | ERROR BAD_FOV line 3 (44040210001327000002) fov: must be more than 0° and at most 360°, not "0"
            bad-range.csv               | 1 | ERROR BAD_RANGE line 3 (44040210001327000002) range: must be more than 0 m, not "-5"
            absurd-range.csv            | 1 | ERROR BAD_RANGE line 3 (44040210001327000002) range: "12000" m is beyond 5 km: no camera sees that far (kilometres for metres?)
            bad-url.csv                 | 1 | ERROR BAD_URL line 3 (44040210001327000002) main_url: "onvif://10.1.1.2/profile1" has the scheme "onvif:", which libVLC does not play (rtsp, rtmp, http, https, udp, rtp, file, or a file path)
            bad-row.csv                 | 1 | ERROR BAD_ROW line 3 (44040210001327000002): has 12 fields where the header has 11 (an unquoted ',' in a value?)
            field-too-long.csv          | 1 | ERROR FIELD_TOO_LONG line 3 (44040210001327000002) group: 101 characters; the store keeps 100
            bad-datum.csv               | 1 | ERROR BAD_DATUM line 3 (44040210001327000002) datum: unknown datum 'utm50n' (use wgs84, cgcs2000, gcj02 or bd09)
            unknown-column.csv          | 0 | WARNING UNKNOWN_COLUMN line 1 headng: not a camera column (ignored); the columns are id, name_zh, name_en, lon, lat, heading, fov, range, main_url, sub_url, group, datum
            bad-heading.json            | 1 | ERROR BAD_HEADING object #2, line 4 (44040210001327000002) heading: must be from 0° to 360° (0 = north, clockwise), not "400"
            lat-lon-swapped.json        | 1 | ERROR LAT_LON_SWAPPED object #2, line 4 (44040210001327000002) lon, lat: lon "22.3608", lat "113.5812": latitude and longitude look swapped
            """)
    void eachCraftedFileGivesItsProblemWithLineCameraAndField(String file, int exit, String problem) {
        GridsCli.Run run = CamerasCli.run("cameras", "validate", CamerasCli.resource(file).toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(exit);
        assertThat(run.err()).isEmpty();
        boolean warning = problem.startsWith("WARNING");
        assertThat(run.lines()).containsExactly(
                "3 cameras: " + (warning ? "0 errors, 1 warning" : "1 error, 0 warnings"), problem);
    }

    @Test
    void aMissingColumnIsOneProblemOfTheHeader() {
        GridsCli.Run run = CamerasCli.run("cameras", "validate", CamerasCli.resource("missing-column.csv").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).containsExactly("0 cameras: 1 error, 0 warnings",
                "ERROR MISSING_COLUMN line 1: the header has no range column; columns found: id, name_zh, name_en, lon, "
                        + "lat, heading, fov, main_url, sub_url, group");
    }

    @Test
    void unreadableFilesAreOneProblemNamingThePlace() {
        GridsCli.Run truncated = CamerasCli.run("cameras", "validate", CamerasCli.resource("unreadable.json").toString());
        assertThat(truncated.exit()).isEqualTo(1);
        assertThat(truncated.lines()).hasSize(2);
        assertThat(truncated.lines().get(1)).startsWith(
                "ERROR UNREADABLE_FILE file \"unreadable.json\": not valid JSON at line ");

        GridsCli.Run object = CamerasCli.run("cameras", "validate", CamerasCli.resource("not-an-array.json").toString());
        assertThat(object.exit()).isEqualTo(1);
        assertThat(object.lines()).containsExactly("0 cameras: 1 error, 0 warnings",
                "ERROR UNREADABLE_FILE file \"not-an-array.json\": not a camera list: the top level is an object, "
                        + "not an array of camera objects");
    }

    @Test
    void goodFilesAreCleanInBothFormats() {
        for (String file : List.of("good.csv", "good.json")) {
            GridsCli.Run run = CamerasCli.run("cameras", "validate", CamerasCli.resource(file).toString());
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).isEqualTo("3 cameras: 0 errors, 0 warnings\n");
        }
    }

    @Test
    void everyProblemOfAFileIsReportedNotJustTheFirst(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("many.csv");
        Files.writeString(file, """
                id,name_zh,lon,lat,heading,fov,range,main_url
                44040210001327000001,甲,113.58,22.36,-1,0,0,gb28181://x
                44040210001327000001,,113.58,22.36,0,90,100,rtsp://h/s
                """);
        GridsCli.Run run = CamerasCli.run("cameras", "validate", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).hasSize(7);
        assertThat(run.lines().get(0)).isEqualTo("2 cameras: 6 errors, 0 warnings");
        assertThat(run.lines().subList(1, 7)).extracting(l -> l.split(" ")[1] + " " + l.split(" ")[3]).containsExactly(
                "BAD_HEADING 2", "BAD_FOV 2", "BAD_RANGE 2", "BAD_URL 2", "MISSING_FIELD 3", "DUPLICATE_ID 3");
    }

    @Test
    void aGcj02FileValidatesWithItsDatum(@TempDir Path dir) throws IOException {
        String good = Files.readString(CamerasCli.resource("good.csv"));
        StringBuilder gcj = new StringBuilder();
        for (String line : good.lines().toList()) {
            String[] f = line.split(",", -1);
            if (!f[0].equals("id")) {
                double[] p = ChinaDatums.wgs84ToGcj02(Double.parseDouble(f[3]), Double.parseDouble(f[4]));
                f[3] = Double.toString(p[0]);
                f[4] = Double.toString(p[1]);
            }
            gcj.append(String.join(",", f)).append('\n');
        }
        Path file = dir.resolve("gcj.csv");
        Files.writeString(file, gcj);
        GridsCli.Run run = CamerasCli.run("cameras", "validate", file.toString(), "--datum", "gcj02");
        assertThat(run.exit()).as(run.out()).isZero();
    }

    @Test
    void usageErrorsExitTwoAndNameThePath(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-cameras.csv");
        GridsCli.Run run = CamerasCli.run("cameras", "validate", missing.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("gridcommand cameras validate: cannot read " + missing + ": no such file\n");

        GridsCli.Run folder = CamerasCli.run("cameras", "validate", dir.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).startsWith("gridcommand cameras validate: cannot read " + dir);

        GridsCli.Run datum = CamerasCli.run("cameras", "validate", missing.toString(), "--datum", "osgb36");
        assertThat(datum.exit()).isEqualTo(2);
        assertThat(datum.err()).contains("unknown datum 'osgb36'");

        assertThat(CamerasCli.run("cameras").exit()).isEqualTo(2);
        assertThat(CamerasCli.run("cameras", "validate").exit()).isEqualTo(2);
        assertThat(CamerasCli.run("cameras", "import").exit()).isEqualTo(2);
    }

    /** Random bytes and truncations of a good file: problems or a one-line reason, never a stack trace. */
    @Test
    void neverAStackTrace(@TempDir Path dir) throws IOException {
        Random random = new Random(11);
        List<String> sources = List.of(Files.readString(CamerasCli.resource("good.csv")),
                Files.readString(CamerasCli.resource("good.json")));
        for (int i = 0; i < 60; i++) {
            String source = sources.get(i % 2);
            byte[] content;
            if (i % 3 == 0) {
                content = new byte[random.nextInt(300)];
                random.nextBytes(content);
            } else {
                content = source.substring(0, random.nextInt(source.length())).getBytes(StandardCharsets.UTF_8);
            }
            Path file = dir.resolve("fuzz-" + i + (i % 2 == 0 ? ".csv" : ".json"));
            Files.write(file, content);
            GridsCli.Run run = CamerasCli.run("cameras", "validate", file.toString());
            assertThat(run.exit()).as(file + "\n" + run.out() + run.err()).isIn(0, 1);
            assertThat(run.err()).as(file.toString()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.out()).doesNotContain("Exception");
        }
    }
}
