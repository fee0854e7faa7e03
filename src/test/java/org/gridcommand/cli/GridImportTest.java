package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.gridcommand.grid.proof.GridFeature;
import org.gridcommand.grid.proof.GridFile;
import org.gridcommand.grid.proof.GridFileReader;
import org.gridcommand.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** `grids import` against a real H2 store holding a one-community district with a head and two workers. */
class GridImportTest {
    private static final GeometryFactory F = new GeometryFactory();
    private static final String BIG = "440402104001";

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private District before;

    @BeforeEach
    void storeHoldsASmallDistrict() {
        BigGrid big = new BigGrid(BIG, new BilingualName("唐家社区", "Tangjia Community"), box(113.580, 22.360, 113.582, 22.362));
        SmallGrid west = new SmallGrid(new UnitGridCode(BIG + "001"), BIG, new BilingualName("唐家社区第1网格", "Grid 1"),
                box(113.580, 22.360, 113.581, 22.362));
        SmallGrid east = new SmallGrid(new UnitGridCode(BIG + "002"), BIG, new BilingualName("唐家社区第2网格", "Grid 2"),
                box(113.581, 22.360, 113.582, 22.362));
        District district = new District("440402", new BilingualName("唐家湾镇", "Tangjiawan Town"), big.area(),
                List.of(big), List.of(west, east),
                List.of(new GridHead("H01", new BilingualName("陈志强", "Chen Zhiqiang"), "13800000001", BIG)),
                List.of(new GridWorker("W0001", new BilingualName("李明", "Li Ming"), "13900000001", west.code(),
                                DutyStatus.ON_DUTY, new GeoPoint(113.5805, 22.3611)),
                        new GridWorker("W0002", new BilingualName("黄丽", "Huang Li"), null, east.code(),
                                DutyStatus.OFF_DUTY, null)));
        try (Database db = Database.openH2(dataDir, new ChangeBus())) {
            db.grids().replaceDistrict(district);
        }
        before = load();
    }

    @Test
    void aBadFileChangesNothing() {
        GridsCli.Run run = importFile(GridsCli.resource("bad/overlap.geojson"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("\nOVERLAP feature #1").endsWith("nothing imported: fix the defects above, "
                + "or run again with --repair to repair what can be repaired\n");
        assertThat(load()).isEqualTo(before);

        GridsCli.Run repairing = importFile(GridsCli.resource("bad/duplicate-code.geojson"), "--repair");
        assertThat(repairing.exit()).isEqualTo(1);
        assertThat(repairing.out()).contains("nothing could be repaired")
                .contains("after repair: ").endsWith("nothing imported: the defects above need a person to fix them\n");
        assertThat(load()).isEqualTo(before);
    }

    @Test
    void repairMakesASelfIntersectingBigGridValidAndImportsIt() throws IOException {
        // The community was drawn as a bow-tie; its two small grids are the two halves.
        Path file = files.resolve("bow-tie.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"name":"唐家社区","name_en":"Tangjia Community","code":"440402104001"},"geometry":{"type":"Polygon","coordinates":[[[113.58,22.36],[113.582,22.362],[113.582,22.36],[113.58,22.362],[113.58,22.36]]]}},
                {"type":"Feature","properties":{"name":"唐家社区第1网格","code":"440402104001001","parent":"440402104001"},"geometry":{"type":"Polygon","coordinates":[[[113.58,22.36],[113.581,22.361],[113.58,22.362],[113.58,22.36]]]}},
                {"type":"Feature","properties":{"name":"唐家社区第2网格","code":"440402104001002","parent":"440402104001"},"geometry":{"type":"Polygon","coordinates":[[[113.582,22.36],[113.582,22.362],[113.581,22.361],[113.582,22.36]]]}}
                ]}
                """);

        GridsCli.Run refused = importFile(file);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.lines()).contains(
                "INVALID_GEOMETRY feature #1 \"唐家社区\" (440402104001): self-intersection at 113.5810000, 22.3610000");
        assertThat(load()).isEqualTo(before);

        GridsCli.Run run = importFile(file, "--repair");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith(
                "REPAIRED feature #1 \"唐家社区\" (440402104001): made valid with GeometryFixer (self-intersection at 113.5810000, 22.3610000): now 2 polygons"));
        assertThat(run.lines()).contains("after repair: 2 small grids in 1 big grid: 0 overlaps, 0 gaps, 0 other defects");
        assertThat(run.lines().get(run.lines().size() - 1)).startsWith("imported 2 small grids in 1 big grid into H2 local: ")
                .endsWith("; kept 1 grid head and 2 grid workers");
        District after = load();
        assertThat(after.adminCode()).isEqualTo(before.adminCode());
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.gridHeads()).isEqualTo(before.gridHeads());
        assertThat(after.gridWorkers()).isEqualTo(before.gridWorkers());
        assertThat(after.bigGrids().get(0).area()).isInstanceOf(MultiPolygon.class);
        assertThat(after.bigGrids().get(0).area().isValid()).isTrue();
        assertThat(after.bigGrids().get(0).name().en()).isEqualTo("Tangjia Community");
        assertThat(after.smallGrids().get(0).name().en()).as("no name_en: the name serves both").isEqualTo("唐家社区第1网格");
        assertThat(after.outline().getArea()).isCloseTo(after.bigGrids().get(0).area().getArea(), within(1e-15));
    }

    @Test
    void anImportThatWouldOrphanAWorkerIsRefused() throws IOException {
        Path file = files.resolve("merged.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"name":"唐家社区","code":"440402104001"},"geometry":{"type":"Polygon","coordinates":[[[113.58,22.36],[113.582,22.36],[113.582,22.362],[113.58,22.362],[113.58,22.36]]]}},
                {"type":"Feature","properties":{"name":"唐家社区第1网格","code":"440402104001001","parent":"440402104001"},"geometry":{"type":"Polygon","coordinates":[[[113.58,22.36],[113.582,22.36],[113.582,22.362],[113.58,22.362],[113.58,22.36]]]}}
                ]}
                """);

        GridsCli.Run run = importFile(file);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).isEqualTo("1 small grid in 1 big grid: 0 overlaps, 0 gaps, 0 other defects");
        Matcher m = Pattern.compile("ORPHANED_PEOPLE small grid 440402104001002 \"唐家社区第2网格\": not in the file, but "
                + "1 grid worker would lose their grid: W0002 黄丽 at (\\d+\\.\\d+), (\\d+\\.\\d+)").matcher(run.lines().get(1));
        assertThat(m.matches()).as(run.lines().get(1)).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(113.581, 113.582);
        assertThat(Double.parseDouble(m.group(2))).isBetween(22.360, 22.362);
        assertThat(run.lines().get(2)).startsWith("nothing imported: ");
        assertThat(load()).isEqualTo(before);
    }

    @Test
    void aGcj02FileImportsWithinAMetreOfItsWgs84Original() throws IOException {
        Path original = GridsCli.resource("good/small.geojson");
        Path gcj = files.resolve("small-gcj02.geojson");
        Files.writeString(gcj, GridsValidateCommandTest.toDatum(Files.readString(original), Datum.GCJ02));

        GridsCli.Run run = importFile(gcj, "--datum", "gcj02");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        District after = load();
        assertThat(after.smallGrids()).hasSize(4);
        assertThat(after.gridWorkers()).isEqualTo(before.gridWorkers());
        GridFile wgs = GridFileReader.read(original, Datum.WGS84);
        for (GridFeature f : wgs.features()) {
            Coordinate[] expected = f.geometry().getCoordinates();
            Coordinate[] actual = f.code().length() == 12
                    ? after.bigGridsByCode().get(f.code()).area().getCoordinates()
                    : after.smallGrid(new UnitGridCode(f.code())).orElseThrow().area().getCoordinates();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                double metres = new GeoPoint(expected[i].x, expected[i].y).distanceMetres(new GeoPoint(actual[i].x, actual[i].y));
                assertThat(metres).as(f.ref() + " vertex " + i).isLessThan(1.0);
            }
        }
    }

    @Test
    void anExportOfTheStoreImportsBackUnchanged() {
        Path exported = files.resolve("store.geojson");
        GridsCli.Run export = GridsCli.run("grids", "export", exported.toString(), "--data-dir", dataDir.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).isEqualTo("wrote 2 small grids in 1 big grid to " + exported + " (WGS-84)\n");

        GridsCli.Run run = importFile(exported);

        assertThat(run.exit()).as(run.out()).isZero();
        District after = load();
        assertThat(after.bigGrids()).isEqualTo(before.bigGrids());
        assertThat(after.smallGrids()).isEqualTo(before.smallGrids());
        assertThat(after.gridWorkers()).isEqualTo(before.gridWorkers());
        assertThat(after.outline().equalsTopo(before.outline())).isTrue();
    }

    private GridsCli.Run importFile(Path file, String... options) {
        String[] args = new String[4 + options.length];
        args[0] = "grids";
        args[1] = "import";
        args[2] = file.toString();
        args[3] = "--data-dir=" + dataDir;
        System.arraycopy(options, 0, args, 4, options.length);
        return GridsCli.run(args);
    }

    private District load() {
        try (Database db = Database.openH2(dataDir, new ChangeBus())) {
            return db.grids().loadDistrict().orElseThrow();
        }
    }

    private static Polygon box(double w, double s, double e, double n) {
        return F.createPolygon(new Coordinate[] {new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n),
                new Coordinate(w, n), new Coordinate(w, s)});
    }
}
