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

    /**
     * The acceptance case of a real boundary file: one MultiPolygon holds a ring that collapses to a line (13
     * positions around 2 distinct corners) and a ring that crosses itself. Validation names both, an import without
     * --repair refuses, and --repair imports it, reporting each repair with its areas.
     */
    @Test
    void repairLeavesOutACollapsedRingFixesASelfIntersectingOneAndImports() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            line.append(i == 0 ? "" : ",").append(i % 2 == 0 ? "[113.5805,22.3612]" : "[113.5815,22.3612]");
        }
        Path file = files.resolve("real-boundaries.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"name":"唐家社区","code":"440402104001"},"geometry":{"type":"MultiPolygon","coordinates":[
                  [[[113.58,22.36],[113.582,22.362],[113.582,22.36],[113.58,22.362],[113.58,22.36]]],
                  [[%s]]]}},
                {"type":"Feature","properties":{"name":"唐家社区第1网格","code":"440402104001001","parent":"440402104001"},"geometry":{"type":"Polygon","coordinates":[[[113.58,22.36],[113.581,22.361],[113.58,22.362],[113.58,22.36]]]}},
                {"type":"Feature","properties":{"name":"唐家社区第2网格","code":"440402104001002","parent":"440402104001"},"geometry":{"type":"Polygon","coordinates":[[[113.582,22.36],[113.582,22.362],[113.581,22.361],[113.582,22.36]]]}}
                ]}
                """.formatted(line));

        GridsCli.Run validate = GridsCli.run("grids", "validate", file.toString());
        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.lines()).containsExactly(
                "2 small grids in 1 big grid: 0 overlaps, 0 gaps, 2 other defects",
                "INVALID_GEOMETRY feature #1 \"唐家社区\" (440402104001): self-intersection at 113.5810000, 22.3610000",
                "TOO_FEW_POINTS feature #1 \"唐家社区\" (440402104001): ring 1 of polygon 2 has 13 positions with 2 "
                        + "distinct corners; a ring needs at least 4 positions around 3 distinct corners at 113.5809615, 22.3612000");

        GridsCli.Run refused = importFile(file);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.lines()).containsAll(validate.lines().subList(1, 3));
        assertThat(refused.lines().get(refused.lines().size() - 1)).startsWith("nothing imported: fix the defects above");
        assertThat(load()).isEqualTo(before);

        GridsCli.Run run = importFile(file, "--repair");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        List<String> repairs = run.lines().stream().filter(l -> l.startsWith("REPAIRED ")).toList();
        assertThat(repairs).hasSize(2);
        Matcher collapsed = Pattern.compile("REPAIRED feature #1 \"唐家社区\" \\(440402104001\\): left out polygon 2, whose "
                + "outer ring has 13 positions with 2 distinct corners \\(a line: 0\\.0 m²\\), as GeometryFixer leaves it "
                + "out; the rest: 1 polygon, (\\d+\\.\\d) m² as drawn").matcher(repairs.get(0));
        assertThat(collapsed.matches()).as(repairs.get(0)).isTrue();
        Matcher fixed = Pattern.compile("REPAIRED feature #1 \"唐家社区\" \\(440402104001\\): made valid with GeometryFixer "
                + "\\(self-intersection at 113\\.5810000, 22\\.3610000\\): now 2 polygons, (\\d+\\.\\d) m² "
                + "\\(as drawn: (\\d+\\.\\d) m²\\)").matcher(repairs.get(1));
        assertThat(fixed.matches()).as(repairs.get(1)).isTrue();
        // The bow-tie's two lobes are half of its 0.002° box: 206.000 m by 221.468 m at 22.361° N (see GridProofTest).
        double lobes = 206.000 * 221.468 / 2;
        assertThat(Double.parseDouble(collapsed.group(1))).as("the rest as drawn: both lobes").isCloseTo(lobes, within(1.0));
        assertThat(Double.parseDouble(fixed.group(1))).as("after GeometryFixer: both lobes kept").isCloseTo(lobes, within(1.0));
        assertThat(Double.parseDouble(fixed.group(2))).isCloseTo(lobes, within(1.0));
        assertThat(run.lines()).contains("after repair: 2 small grids in 1 big grid: 0 overlaps, 0 gaps, 0 other defects");
        assertThat(run.lines().get(run.lines().size() - 1)).startsWith("imported 2 small grids in 1 big grid into H2 local: ");
        District after = load();
        assertThat(after.gridWorkers()).isEqualTo(before.gridWorkers());
        assertThat(after.bigGrids()).singleElement().satisfies(big -> {
            assertThat(big.area()).isInstanceOf(MultiPolygon.class);
            assertThat(big.area().getNumGeometries()).as("the collapsed ring is gone, both lobes stay").isEqualTo(2);
            assertThat(big.area().isValid()).isTrue();
            assertThat(big.area().getArea()).isCloseTo(0.002 * 0.002 / 2, within(1e-12));
        });
    }

    /** A file that calls the code adcode, the name mingcheng and nests the parent in an object, as a city's file does. */
    @Test
    void aFileWithItsOwnPropertyNamesImportsWithTheFieldOptions() throws IOException {
        Path file = files.resolve("foreign.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"adcode":440402104001,"mingcheng":"唐家社区（新）","level":"community"},"geometry":{"type":"Polygon","coordinates":[[[113.58,22.36],[113.582,22.36],[113.582,22.362],[113.58,22.362],[113.58,22.36]]]}},
                {"type":"Feature","properties":{"adcode":"440402104001001","mingcheng":"南片","shangji":{"adcode":440402104001}},"geometry":{"type":"Polygon","coordinates":[[[113.58,22.36],[113.582,22.36],[113.582,22.361],[113.58,22.361],[113.58,22.36]]]}},
                {"type":"Feature","properties":{"adcode":"440402104001002","mingcheng":"北片","shangji":{"adcode":440402104001}},"geometry":{"type":"Polygon","coordinates":[[[113.58,22.361],[113.582,22.361],[113.582,22.362],[113.58,22.362],[113.58,22.361]]]}}
                ]}
                """);

        GridsCli.Run ours = importFile(file);
        assertThat(ours.exit()).isEqualTo(1);
        assertThat(ours.lines()).filteredOn(l -> l.startsWith("MISSING_NAME ")).hasSize(3);
        assertThat(load()).isEqualTo(before);

        GridsCli.Run misspelt = importFile(file, "--code-field", "adcod", "--name-field", "mingcheng");
        assertThat(misspelt.exit()).isEqualTo(1);
        assertThat(misspelt.lines()).containsExactly("0 small grids in 0 big grids: 0 overlaps, 0 gaps, 1 other defect",
                "UNREADABLE_FILE file \"foreign.geojson\": the code property \"adcod\" is in no feature; "
                        + "the features' properties are: adcode, mingcheng, level, shangji",
                "nothing imported: fix the defects above, or run again with --repair to repair what can be repaired");

        GridsCli.Run run = importFile(file, "--code-field", "ADCODE", "--name-field", "mingcheng",
                "--parent-field", "shangji.adcode");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.lines().get(0)).isEqualTo("2 small grids in 1 big grid: 0 overlaps, 0 gaps, 0 other defects");
        District after = load();
        assertThat(after.bigGrids()).extracting(g -> g.name().zh()).containsExactly("唐家社区（新）");
        assertThat(after.smallGrids()).extracting(g -> g.code().value() + " " + g.name().zh() + " " + g.bigGridCode())
                .containsExactly("440402104001001 南片 440402104001", "440402104001002 北片 440402104001");
        assertThat(after.gridWorkers()).isEqualTo(before.gridWorkers());
    }

    /** A CSV of small grids only, in its own column names: the small grids are replaced, the big grid stays. */
    @Test
    void aFileOfOneLevelReplacesThatLevelAndKeepsTheOther() throws IOException {
        Path smalls = files.resolve("smalls.csv");
        Files.writeString(smalls, """
                bianma,mingcheng,shangji,wkt
                440402104001001,南片,440402104001,"POLYGON ((113.58 22.36, 113.582 22.36, 113.582 22.361, 113.58 22.361, 113.58 22.36))"
                440402104001002,北片,440402104001,"POLYGON ((113.58 22.361, 113.582 22.361, 113.582 22.362, 113.58 22.362, 113.58 22.361))"
                """);
        String[] mapping = {"--level", "small", "--code-field", "bianma", "--name-field", "mingcheng",
            "--parent-field", "shangji"};

        GridsCli.Run validate = GridsCli.run(concat(new String[] {"grids", "validate", smalls.toString()}, mapping));
        assertThat(validate.exit()).as(validate.out()).isZero();
        assertThat(validate.out()).isEqualTo("2 small grids in 0 big grids: 0 overlaps, 0 gaps, 0 other defects\n");

        GridsCli.Run run = importFile(smalls, mapping);

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.lines()).containsExactly(
                "the file holds small grids only: keeping the store's 1 big grid as it is",
                "2 small grids in 1 big grid: 0 overlaps, 0 gaps, 0 other defects",
                run.lines().get(2));
        assertThat(run.lines().get(2)).startsWith("imported 2 small grids in 1 big grid into H2 local: ");
        District after = load();
        assertThat(after.bigGrids()).isEqualTo(before.bigGrids());
        assertThat(after.smallGrids()).extracting(g -> g.name().zh()).containsExactly("南片", "北片");
        assertThat(after.smallGrids().get(0).area().getEnvelopeInternal().getMaxY()).isEqualTo(22.361);

        // A small grid that leaves its big grid: the kept big grid is named as the store's.
        Path outside = files.resolve("outside.csv");
        Files.writeString(outside, Files.readString(smalls).replace("113.582 22.361, 113.58 22.361", "113.583 22.361, 113.58 22.361"));
        GridsCli.Run refused = importFile(outside, mapping);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.lines()).anySatisfy(l -> assertThat(l).startsWith("OUTSIDE_PARENT feature #1 \"南片\" "
                + "(440402104001001) and big grid 440402104001 \"唐家社区\" (kept from the store): "));
        assertThat(load()).isEqualTo(after);

        // And the other way round: a new outline for the big grid, its small grids kept.
        Path big = files.resolve("big.csv");
        Files.writeString(big, """
                bianma,mingcheng,wkt
                440402104001,唐家社区（新）,"POLYGON ((113.58 22.36, 113.582 22.36, 113.582 22.362, 113.58 22.362, 113.58 22.36))"
                """);
        GridsCli.Run bigRun = importFile(big, "--level", "big", "--code-field", "bianma", "--name-field", "mingcheng");
        assertThat(bigRun.exit()).as(bigRun.out()).isZero();
        assertThat(bigRun.lines().get(0)).isEqualTo("the file holds big grids only: keeping the store's 2 small grids as they are");
        assertThat(load().bigGrids()).extracting(g -> g.name().zh()).containsExactly("唐家社区（新）");
        assertThat(load().smallGrids()).isEqualTo(after.smallGrids());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
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
