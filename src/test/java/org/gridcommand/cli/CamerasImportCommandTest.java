package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridcommand.camera.Camera;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.gridcommand.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** `cameras import` against a real H2 store holding a one-community district of two small grids. */
class CamerasImportCommandTest {
    private static final GeometryFactory F = new GeometryFactory();
    private static final String BIG = "440402104001";
    private static final String WEST = BIG + "001";
    private static final String EAST = BIG + "002";
    private static final String HEADER = "id,name_zh,name_en,lon,lat,heading,fov,range,main_url,sub_url,group\n";

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    @BeforeEach
    void storeHoldsASmallDistrict() {
        BigGrid big = new BigGrid(BIG, new BilingualName("唐家社区", "Tangjia Community"), box(113.580, 22.360, 113.582, 22.362));
        SmallGrid west = new SmallGrid(new UnitGridCode(WEST), BIG, new BilingualName("唐家社区第1网格", "Grid 1"),
                box(113.580, 22.360, 113.581, 22.362));
        SmallGrid east = new SmallGrid(new UnitGridCode(EAST), BIG, new BilingualName("唐家社区第2网格", "Grid 2"),
                box(113.581, 22.360, 113.582, 22.362));
        District district = new District("440402", new BilingualName("唐家湾镇", "Tangjiawan Town"), big.area(),
                List.of(big), List.of(west, east), List.of(), List.of());
        try (Database db = Database.openH2(dataDir, new ChangeBus())) {
            db.grids().replaceDistrict(district);
        }
    }

    @Test
    void aGoodFileIsImportedWithEachCamerasSmallGrid() {
        GridsCli.Run run = importFile(CamerasCli.resource("good.csv"));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.lines().get(0)).isEqualTo("3 cameras: 0 errors, 0 warnings");
        assertThat(run.lines().get(1)).startsWith("imported 3 cameras into H2 local: ")
                .endsWith(": 3 added, 0 updated, 0 removed; 0 in no small grid; the registry holds 3 cameras");
        Map<String, Camera> cameras = load();
        Camera junction = cameras.get("44040210001327000001");
        assertThat(junction.smallGridCode()).isEqualTo(WEST);
        assertThat(junction.name()).isEqualTo(new BilingualName("唐家社区 路口1", "Tangjia junction 1"));
        assertThat(junction.position().lon()).isEqualTo(113.5805);
        assertThat(junction.headingDeg()).isEqualTo(45);
        assertThat(junction.fovDeg()).isEqualTo(90);
        assertThat(junction.rangeMetres()).isEqualTo(150);
        assertThat(junction.mainStreamUrl()).isEqualTo("rtsp://10.1.1.1:554/main");
        assertThat(junction.subStreamUrl()).isEqualTo("rtsp://10.1.1.1:554/sub");
        assertThat(junction.group()).isEqualTo(BIG);
        assertThat(cameras.get("44040210001327000002").smallGridCode()).isEqualTo(EAST);
        Camera gate = cameras.get("44040210001317000003");
        assertThat(gate.smallGridCode()).isEqualTo(EAST);
        assertThat(gate.subStreamUrl()).as("no sub stream: the main one serves both").isEqualTo("file:///srv/clips/gate.mp4");
    }

    @Test
    void aFileWithAnyErrorChangesNothing() {
        assertThat(importFile(CamerasCli.resource("good.json")).exit()).isZero();
        Map<String, Camera> before = load();

        for (String bad : List.of("bad-heading.csv", "duplicate-id.csv", "bad-url.csv", "unreadable.json")) {
            GridsCli.Run run = importFile(CamerasCli.resource(bad), "--replace");
            assertThat(run.exit()).as(bad + "\n" + run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).as(bad).endsWith("\nnothing imported: fix the errors above\n");
            assertThat(load()).as(bad).isEqualTo(before);
        }
    }

    @Test
    void camerasOutsideTheDistrictOrSwappedAreErrorsOnImport() throws IOException {
        Path file = files.resolve("outside.csv");
        Files.writeString(file, HEADER
                + "44040210001327000001,外面,Outside,113.6500,22.3605,45,90,150,rtsp://h/main,,\n"
                + "44040210001327000002,倒过来,Swapped,22.3608,113.5812,180,70,120,rtsp://h/main,,\n"
                + "44040210001327000003,纬度倒过来,Swapped in range,22.3608,89.5812,180,70,120,rtsp://h/main,,\n");

        GridsCli.Run run = importFile(file);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).containsExactly("3 cameras: 3 errors, 0 warnings",
                "ERROR COORDINATE_OUT_OF_RANGE line 2 (44040210001327000001) lon, lat: lon \"113.6500\", lat \"22.3605\": "
                        + "outside the district (113.5800 to 113.5820 E, 22.3600 to 22.3620 N, WGS-84, with a margin of 0.01°)",
                "ERROR LAT_LON_SWAPPED line 3 (44040210001327000002) lon, lat: lon \"22.3608\", lat \"113.5812\": "
                        + "latitude and longitude look swapped",
                "ERROR COORDINATE_OUT_OF_RANGE line 4 (44040210001327000003) lon, lat: lon \"22.3608\", lat \"89.5812\": "
                        + "outside the district (113.5800 to 113.5820 E, 22.3600 to 22.3620 N, WGS-84, with a margin of 0.01°)",
                "nothing imported: fix the errors above");
        assertThat(load()).isEmpty();
    }

    @Test
    void aCameraInTheMarginButInNoGridIsImportedWithAWarning() throws IOException {
        Path file = files.resolve("margin.csv");
        Files.writeString(file, HEADER + "CAM-7,边上,Border,113.5850,22.3610,270,90,150,http://h/live.m3u8,,\n");

        GridsCli.Run run = importFile(file);

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.lines()).startsWith("1 camera: 0 errors, 2 warnings",
                "WARNING NOT_GBT28181_ID line 2 (CAM-7) id: not a GB/T 28181 code (20 digits); kept as given",
                "WARNING OUTSIDE_GRIDS line 2 (CAM-7) lon, lat: stands in no small grid of the district (stored without "
                        + "one) at 113.5850000, 22.3610000");
        assertThat(run.lines().get(3)).endsWith(": 1 added, 0 updated, 0 removed; 1 in no small grid; "
                + "the registry holds 1 camera");
        assertThat(load().get("CAM-7").smallGridCode()).isNull();
    }

    @Test
    void upsertKeepsOtherCamerasAndReplaceRemovesThem() throws IOException {
        assertThat(importFile(CamerasCli.resource("good.json")).exit()).isZero();
        Path file = files.resolve("update.csv");
        Files.writeString(file, HEADER
                + "44040210001327000001,唐家社区 路口1,Tangjia junction 1,113.5805,22.3605,90,90,150,rtsp://h/main,,\n"
                + "44040210001327000009,新的,New,113.5806,22.3606,0,60,100,rtsp://h/new,,\n");

        GridsCli.Run upsert = importFile(file);
        assertThat(upsert.exit()).as(upsert.out() + upsert.err()).isZero();
        assertThat(upsert.lines().get(upsert.lines().size() - 1))
                .endsWith(": 1 added, 1 updated, 0 removed; 0 in no small grid; the registry holds 4 cameras");
        assertThat(load().get("44040210001327000001").headingDeg()).isEqualTo(90);
        assertThat(load()).containsKey("44040210001327000002");

        GridsCli.Run replace = importFile(file, "--replace");
        assertThat(replace.exit()).isZero();
        assertThat(replace.lines().get(replace.lines().size() - 1))
                .endsWith(": 0 added, 2 updated, 2 removed; 0 in no small grid; the registry holds 2 cameras");
        assertThat(load()).containsOnlyKeys("44040210001327000001", "44040210001327000009");
    }

    @Test
    void aBd09FileIsStoredInWgs84() throws IOException {
        Path file = files.resolve("bd09.csv");
        double[] bd = ChinaDatums.fromWgs84(113.5805, 22.3605, org.gridcommand.geo.Datum.BD09);
        Files.writeString(file, HEADER + "44040210001327000001,百度,Baidu," + bd[0] + "," + bd[1]
                + ",45,90,150,rtsp://h/main,,\n");

        GridsCli.Run run = importFile(file, "--datum", "bd09");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Camera stored = load().get("44040210001327000001");
        assertThat(stored.position().lon()).isCloseTo(113.5805, within(1e-7));
        assertThat(stored.position().lat()).isCloseTo(22.3605, within(1e-7));
        assertThat(stored.smallGridCode()).isEqualTo(WEST);
    }

    @Test
    void usageErrorsExitTwo() {
        Path missing = files.resolve("none.csv");
        GridsCli.Run run = importFile(missing);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("gridcommand cameras import: cannot read " + missing + ": no such file\n");
    }

    private GridsCli.Run importFile(Path file, String... options) {
        String[] args = new String[4 + options.length];
        args[0] = "cameras";
        args[1] = "import";
        args[2] = file.toString();
        args[3] = "--data-dir=" + dataDir;
        System.arraycopy(options, 0, args, 4, options.length);
        return CamerasCli.run(args);
    }

    private Map<String, Camera> load() {
        try (Database db = Database.openH2(dataDir, new ChangeBus())) {
            return db.cameras().findAll().stream().collect(Collectors.toMap(Camera::id, Function.identity()));
        }
    }

    private static Polygon box(double west, double south, double east, double north) {
        return F.createPolygon(new Coordinate[] {new Coordinate(west, south), new Coordinate(east, south),
                new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)});
    }
}
