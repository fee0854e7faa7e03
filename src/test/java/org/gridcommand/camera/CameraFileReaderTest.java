package org.gridcommand.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.gridcommand.demo.DemoDistrict;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CameraFileReaderTest {
    private static final String HEADER = "id,name_zh,lon,lat,heading,fov,range,main_url\n";

    private static CameraFile csv(String text) {
        return CameraFileReader.read(text.getBytes(StandardCharsets.UTF_8), "cameras.csv", Datum.WGS84, null);
    }

    private static CameraFile json(String text) {
        return CameraFileReader.read(text.getBytes(StandardCharsets.UTF_8), "cameras.json", Datum.WGS84, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rtsp://10.1.1.1:554/Streaming/Channels/101", "rtsp://admin:pw@10.1.1.1/h264",
            "rtmp://live.example/app/cam7", "http://10.1.1.2/live/cam7.m3u8", "https://video.example/cam7.flv",
            "udp://@239.1.1.2:1234", "udp://@:5004", "rtp://239.1.1.3:5004", "rtp://@239.1.1.3:5004",
            "file:///srv/clips/gate.mp4", "/srv/clips/gate.mp4", "clips/gate 2.mp4", "C:\\clips\\gate.mp4",
            "asset:demo/clips/clip-1.mp4", "HTTP://[fe80::1]:8080/live"})
    void urlsLibVlcPlays(String url) {
        assertThat(CameraFileReader.unplayable(url)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            onvif://10.1.1.1/profile          | has the scheme "onvif:", which libVLC does not play (rtsp, rtmp, http, https, udp, rtp, file, or a file path)
            mailto:duty@example.org           | has the scheme "mailto:", which libVLC does not play (rtsp, rtmp, http, https, udp, rtp, file, or a file path)
            rtsp:/10.1.1.1/main               | needs "//" after "rtsp:"
            rtsp://                           | has no host
            http:///live.m3u8                 | has no host
            udp://:1234                       | has no host
            rtsp://10.1.1.1:99999/main        | has the port "99999", not a number from 1 to 65535
            rtsp://10.1.1.1:abc/main          | has the port "abc", not a number from 1 to 65535
            http://10.1.1.2/my live.m3u8      | holds a space (percent-encode it as %20)
            file://srv/clips/gate.mp4         | is not a file URL with an absolute path (file:///path)
            asset:                            | names no asset
            """)
    void urlsLibVlcDoesNotPlay(String url, String why) {
        assertThat(CameraFileReader.unplayable(url)).isEqualTo(why);
    }

    @Test
    void defaultsAndConversions() {
        CameraFile file = csv("id,name_zh,name_en,lon,lat,heading,fov,range,main_url,sub_url,group,datum\n"
                + "44040210001327000001,路口,,113.58,22.36,360,360,5000,rtsp://h/main,,,gcj02\n");
        assertThat(file.problems()).isEmpty();
        Camera c = file.cameras().get(0);
        assertThat(c.name().en()).as("no English name: the Chinese serves both").isEqualTo("路口");
        assertThat(c.headingDeg()).as("360 is north").isZero();
        assertThat(c.fovDeg()).isEqualTo(360);
        assertThat(c.rangeMetres()).isEqualTo(5000);
        assertThat(c.subStreamUrl()).isEqualTo("rtsp://h/main");
        assertThat(c.group()).isNull();
        assertThat(c.smallGridCode()).isNull();
        double[] back = ChinaDatums.wgs84ToGcj02(c.position().lon(), c.position().lat());
        assertThat(back[0]).isCloseTo(113.58, within(1e-8));
        assertThat(back[1]).isCloseTo(22.36, within(1e-8));
        assertThat(c.position().lon()).isNotCloseTo(113.58, within(1e-4));
    }

    @Test
    void aSemicolonCsvInGb18030WithQuotesAndAliasesReads() {
        String text = "ID;Name;Longitude;Latitude;Heading;FOV;Range;Main_URL\n"
                + "34020000001320000001;\"西门; 路口\";113.58;22.36;90;60;100;\"rtsp://h/a\"\n";
        CameraFile file = CameraFileReader.read(text.getBytes(Charset.forName("GB18030")), "export.txt", Datum.WGS84, null);
        assertThat(file.problems()).isEmpty();
        assertThat(file.cameras()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("34020000001320000001");
            assertThat(c.name().zh()).isEqualTo("西门; 路口");
            assertThat(c.gbtDeviceType()).isEqualTo("132");
        });
    }

    @Test
    void jsonNumbersAndOddValuesAreNamedPerField() {
        CameraFile file = json("""
                [{"id": 44040210001327000001, "name_zh": "甲", "lon": 113.58, "lat": 22.36, "heading": 0, "fov": 60,
                  "range": 100, "main_url": "rtsp://h/a"},
                 {"id": 4.4e19, "name_zh": ["乙"], "lon": NaN, "lat": 22.36, "heading": 0, "fov": 60, "range": 100,
                  "main_url": "rtsp://h/b", "colour": "red"},
                 "not an object"]
                """);
        assertThat(file.rows()).isEqualTo(3);
        assertThat(file.cameras()).extracting(Camera::id).containsExactly("44040210001327000001");
        assertThat(file.problems()).extracting(CameraProblem::toLine).containsExactly(
                "WARNING UNKNOWN_COLUMN object #2, line 3 colour: not a camera field (ignored wherever it appears); "
                        + "the fields are id, name_zh, name_en, lon, lat, heading, fov, range, main_url, sub_url, group, datum",
                "ERROR BAD_ID object #2, line 3 id: is a decimal number (4.4E19); write the id as a string",
                "ERROR BAD_ROW object #2, line 3 name_zh: must be a single value, not an array",
                "ERROR NOT_A_NUMBER object #2, line 3 lon: \"NaN\" is not a decimal number",
                "ERROR BAD_ROW object #3, line 5: is not a camera object but a string");
    }

    @Test
    void idsAreCheckedForShapeAndLength() {
        CameraFile file = csv(HEADER
                + "4404021000132700000,甲,113.58,22.36,0,60,100,rtsp://h/a\n"
                + "cam 7,乙,113.58,22.36,0,60,100,rtsp://h/a\n"
                + "x".repeat(41) + ",丙,113.58,22.36,0,60,100,rtsp://h/a\n"
                + "44040210001117000001,丁,113.58,22.36,0,60,100,rtsp://h/a\n");
        assertThat(file.problems()).extracting(CameraProblem::toLine).containsExactly(
                "WARNING NOT_GBT28181_ID line 2 (4404021000132700000) id: not a GB/T 28181 code: 19 digits where a code "
                        + "has 20 (kept as given)",
                "ERROR BAD_ID line 3 (cam 7) id: \"cam 7\" has spaces or other characters an id must not have "
                        + "(letters, digits and . _ : / # - only)",
                "ERROR FIELD_TOO_LONG line 4 (" + "x".repeat(41) + ") id: 41 characters; the store keeps 40",
                "ERROR BAD_ID line 5 (44040210001117000001) id: a 20-digit id is a GB/T 28181 code, and its device "
                        + "type (digits 11-13) is 111, not a camera (131) or IP camera (132)");
        assertThat(file.cameras()).extracting(Camera::id).containsExactly("4404021000132700000");
        assertThat(file.summary()).isEqualTo("4 cameras: 3 errors, 1 warning");
    }

    /** The demo's 408 cameras, written as a registry CSV, read back clean and in the same small grids. */
    @Test
    void theDemoCamerasReadBackCleanInTheirGrids() {
        DemoDistrict demo = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
        StringBuilder text = new StringBuilder("id,name_zh,name_en,lon,lat,heading,fov,range,main_url,sub_url,group\n");
        for (Camera c : demo.cameras()) {
            text.append(String.join(",", c.id(), c.name().zh(), c.name().en(), Double.toString(c.position().lon()),
                    Double.toString(c.position().lat()), Double.toString(c.headingDeg()), Double.toString(c.fovDeg()),
                    Double.toString(c.rangeMetres()), c.mainStreamUrl(), c.subStreamUrl(), c.group())).append('\n');
        }
        CameraFile file = CameraFileReader.read(text.toString().getBytes(StandardCharsets.UTF_8), "demo.csv",
                Datum.WGS84, demo.district());
        assertThat(file.problems()).isEmpty();
        assertThat(file.cameras()).isEqualTo(demo.cameras());
    }

    @Test
    void emptyFilesSaySo() {
        assertThat(csv("").lines()).containsExactly("0 cameras: 1 error, 0 warnings",
                "ERROR UNREADABLE_FILE file \"cameras.csv\": the file is empty");
        assertThat(csv(HEADER).lines()).containsExactly("0 cameras: 1 error, 0 warnings",
                "ERROR UNREADABLE_FILE file \"cameras.csv\": holds no cameras");
        assertThat(json("[]").lines()).containsExactly("0 cameras: 1 error, 0 warnings",
                "ERROR UNREADABLE_FILE file \"cameras.json\": holds no cameras");
        assertThat(csv(HEADER + "1,甲,113.58,22.36,0,60,100,\"rtsp://h/a\n").lines()).containsExactly(
                "0 cameras: 1 error, 0 warnings", "ERROR UNREADABLE_FILE file \"cameras.csv\": not a readable CSV: "
                        + "a quoted field opened on line 2 is never closed");
    }
}
