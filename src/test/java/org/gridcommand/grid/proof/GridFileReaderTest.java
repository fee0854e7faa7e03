package org.gridcommand.grid.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridcommand.grid.proof.ProofFiles.box;
import static org.gridcommand.grid.proof.ProofFiles.csv;
import static org.gridcommand.grid.proof.ProofFiles.feature;
import static org.gridcommand.grid.proof.ProofFiles.geojson;
import static org.gridcommand.grid.proof.ProofFiles.polygon;
import static org.gridcommand.grid.proof.ProofFiles.props;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GridFileReaderTest {

    @Test
    void readsGeoJsonPropertiesAndShapes() {
        GridFile file = geojson(
                box("\"name\":\"唐家社区\",\"name_en\":\"Tangjia Community\",\"code\":440402104001", 113.58, 22.36, 113.582, 22.362),
                feature("\"Name\":\"ignored\",\"name\":\"第1网格\",\"code\":\"440402104001001\",\"parent\":\"440402104001\"",
                        "MultiPolygon", "[[[[113.58,22.36],[113.581,22.36],[113.581,22.361],[113.58,22.36]]],"
                                + "[[[113.581,22.361],[113.582,22.361],[113.582,22.362],[113.581,22.361]]]]"));

        assertThat(file.readDefects()).isEmpty();
        GridFeature big = file.features().get(0);
        assertThat(big.index()).isEqualTo(1);
        assertThat(big.name()).isEqualTo("唐家社区");
        assertThat(big.nameEn()).isEqualTo("Tangjia Community");
        assertThat(big.code()).as("a numeric code reads as its digits").isEqualTo("440402104001");
        assertThat(big.geometry()).isInstanceOf(Polygon.class);
        assertThat(big.geometry().getSRID()).isEqualTo(4326);
        GridFeature small = file.features().get(1);
        assertThat(small.name()).isEqualTo("第1网格");
        assertThat(small.parent()).isEqualTo("440402104001");
        assertThat(small.geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(small.ref()).isEqualTo("feature #2 \"第1网格\" (440402104001001)");
    }

    @Test
    void readsCsvWithQuotedWktHolesSemicolonsAndUnquotedTails() {
        GridFile file = csv("name,name_en,code,parent,wkt\n"
                + "\"A, with comma\",\"A \"\"quoted\"\"\",440402104001001,,\"POLYGON ((113.58 22.36, 113.582 22.36, "
                + "113.582 22.362, 113.58 22.362, 113.58 22.36), (113.5805 22.3605, 113.5805 22.3615, 113.5815 22.3615, "
                + "113.5815 22.3605, 113.5805 22.3605))\"\n"
                + "B,,440402104001002,,SRID=4326;MULTIPOLYGON Z (((113.582 22.36 0, 113.583 22.36 0, 113.583 22.361 0, 113.582 22.36 0)))\n"
                + "\n"
                + "C,,440402104001003,,POLYGON ((113.583 22.36, 113.584 22.36, 113.584 22.361, 113.583 22.36))\n");

        assertThat(file.readDefects()).isEmpty();
        assertThat(file.features()).extracting(GridFeature::name).containsExactly("A, with comma", "B", "C");
        assertThat(file.features().get(0).nameEn()).isEqualTo("A \"quoted\"");
        assertThat(((Polygon) file.features().get(0).geometry()).getNumInteriorRing()).isEqualTo(1);
        assertThat(file.features().get(1).geometry()).as("one part: a polygon").isInstanceOf(Polygon.class);
        assertThat(file.features().get(2).index()).as("blank lines are no features").isEqualTo(3);
        assertThat(file.features().get(2).geometry().getCoordinates()).hasSize(4);

        GridFile semicolons = csv("name;code;wkt\nA;440402104001001;POLYGON ((113.58 22.36, 113.581 22.36, 113.581 22.361, 113.58 22.36))\n");
        assertThat(semicolons.readDefects()).isEmpty();
        assertThat(semicolons.features().get(0).code()).isEqualTo("440402104001001");
    }

    @Test
    void readsACsvThatExcelSavedAsGb18030() {
        String text = "\uFEFFname,code,wkt\n唐家社区第1网格,440402104001001,\"POLYGON ((113.58 22.36, 113.581 22.36, 113.581 22.361, 113.58 22.36))\"\n";
        GridFile file = GridFileReader.read(text.getBytes(Charset.forName("GB18030")), "grids.csv", Datum.WGS84);
        assertThat(file.readDefects()).isEmpty();
        assertThat(file.features().get(0).name()).isEqualTo("唐家社区第1网格");
    }

    @Test
    void brokenRingsBecomeDefectsWithTheReadingThatWasMeant() {
        GridFile file = geojson(
                feature(props("unclosed", "440402104001001", null), "Polygon",
                        "[[[113.58,22.36],[113.581,22.36],[113.581,22.361],[113.58,22.361]]]"),
                feature(props("swapped", "440402104001002", null), "Polygon",
                        "[[[113.581,22.36],[113.582,22.36],[22.361,113.582],[113.581,22.361],[113.581,22.36]]]"),
                feature(props("too few", "440402104001003", null), "Polygon",
                        "[[[113.582,22.36],[113.583,22.36],[113.582,22.36]]]"),
                feature(props("not numbers", "440402104001004", null), "Polygon",
                        "[[[113.583,22.36],[\"113.584\",22.36],[NaN,22.361],[113.583,22.361],[113.583,22.36]]]"),
                feature(props("short position", "440402104001005", null), "Polygon",
                        "[[[113.584,22.36],[113.585],[113.585,22.361],[113.584,22.36]]]"),
                feature(props("point", "440402104001006", null), "Point", "[113.58,22.36]"),
                "{\"type\":\"Feature\",\"properties\":{\"name\":\"no geometry\"},\"geometry\":null}",
                "42",
                feature(props("null island", "440402104001007", null), "Polygon",
                        "[[[113.585,22.36],[0,0],[113.586,22.361],[113.585,22.36]]]"));

        List<GridFeature> f = file.features();
        assertThat(kinds(f.get(0))).containsExactly(DefectKind.UNCLOSED_RING);
        assertThat(f.get(0).geometry().getCoordinates()).as("closed for the checks").hasSize(5);
        assertThat(f.get(0).geometry().isValid()).isTrue();

        assertThat(kinds(f.get(1))).containsExactly(DefectKind.LAT_LON_SWAPPED);
        Defect swapped = f.get(1).readDefects().get(0);
        assertThat(swapped.lon()).isEqualTo(113.582);
        assertThat(swapped.lat()).isEqualTo(22.361);
        assertThat(swapped.detail()).contains("vertex 3 of ring 1");
        assertThat(f.get(1).geometry().getCoordinates()[2]).isEqualTo(new Coordinate(113.582, 22.361));

        assertThat(kinds(f.get(2))).containsExactly(DefectKind.TOO_FEW_POINTS);
        assertThat(f.get(2).geometry()).isNull();

        assertThat(kinds(f.get(3))).containsExactly(DefectKind.COORDINATE_OUT_OF_RANGE);
        assertThat(f.get(3).readDefects().get(0).detail()).startsWith("2 of 5 positions").contains("not a number");
        assertThat(f.get(3).readDefects().get(0).lon()).as("placed among the good positions").isBetween(113.583, 113.584);
        assertThat(f.get(3).geometry()).isNull();

        assertThat(kinds(f.get(4))).containsExactly(DefectKind.COORDINATE_OUT_OF_RANGE);
        assertThat(kinds(f.get(5))).containsExactly(DefectKind.INVALID_GEOMETRY);
        assertThat(f.get(5).readDefects().get(0).detail()).contains("Point").contains("Polygon or MultiPolygon");
        assertThat(kinds(f.get(6))).containsExactly(DefectKind.INVALID_GEOMETRY);
        assertThat(f.get(6).name()).isEqualTo("no geometry");
        assertThat(kinds(f.get(7))).containsExactly(DefectKind.INVALID_GEOMETRY);
        assertThat(kinds(f.get(8))).containsExactly(DefectKind.COORDINATE_OUT_OF_RANGE);
        assertThat(f.get(8).readDefects().get(0).detail()).contains("more than 5°");
    }

    /** As GeometryFixer reads it: a polygon whose ring collapsed to a line is left out, the rest is the grid. */
    @Test
    void aCollapsedPolygonOfAMultiPolygonIsLeftOutOfTheReading() {
        GridFile file = geojson(feature(props("two parts", null, null), "MultiPolygon",
                "[[[[113.58,22.36],[113.581,22.36],[113.581,22.361],[113.58,22.36]]],"
                        + "[[[113.582,22.36],[113.583,22.36],[113.582,22.36],[113.583,22.36],[113.582,22.36]]]]"));

        GridFeature f = file.features().get(0);
        assertThat(f.readDefects()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DefectKind.TOO_FEW_POINTS);
            assertThat(d.detail()).startsWith("ring 1 of polygon 2 has 5 positions with 2 distinct corners; ");
            assertThat(d.lon()).isBetween(113.582, 113.583);
        });
        assertThat(f.usable()).isTrue();
        assertThat(f.geometry()).isInstanceOf(Polygon.class);
        assertThat(f.geometry().getEnvelopeInternal().getMaxX()).isEqualTo(113.581);
    }

    @Test
    void aFileWithItsOwnPropertyNamesIsReadWithTheFieldsItNames() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + feature("\"AdCode\":440402104001001,\"mingcheng\":\"第1网格\",\"shangji\":{\"AdCode\":440402104001}",
                        "Polygon", "[[[113.58,22.36],[113.581,22.36],[113.581,22.361],[113.58,22.36]]]") + "]}";
        GridFields fields = new GridFields("adcode", "MingCheng", "shangji.adcode", GridLevel.SMALL);

        GridFile file = GridFileReader.read(json.getBytes(StandardCharsets.UTF_8), "city.geojson", Datum.WGS84, fields);

        assertThat(file.readDefects()).isEmpty();
        GridFeature f = file.features().get(0);
        assertThat(f.code()).isEqualTo("440402104001001");
        assertThat(f.name()).isEqualTo("第1网格");
        assertThat(f.parent()).as("a dotted name reaches into the object").isEqualTo("440402104001");
        assertThat(f.level()).isEqualTo(GridLevel.SMALL);

        GridFile ours = GridFileReader.read(json.getBytes(StandardCharsets.UTF_8), "city.geojson", Datum.WGS84);
        assertThat(ours.features().get(0).code()).isNull();
        assertThat(ours.features().get(0).level()).isNull();

        GridFile misspelt = GridFileReader.read(json.getBytes(StandardCharsets.UTF_8), "city.geojson", Datum.WGS84,
                new GridFields("adcod", null, "parent.adcode", null));
        assertThat(misspelt.features()).isEmpty();
        assertThat(misspelt.readDefects()).singleElement().satisfies(d -> assertThat(d.toLine()).isEqualTo(
                "UNREADABLE_FILE file \"city.geojson\": the code property \"adcod\" and the parent property "
                        + "\"parent.adcode\" are in no feature; the features' properties are: adcode, mingcheng, shangji"));

        String text = "BianMa;MingCheng;wkt\n440402104001;唐家社区;POLYGON ((113.58 22.36, 113.581 22.36, 113.581 22.361, 113.58 22.36))\n";
        GridFile csv = GridFileReader.read(text.getBytes(StandardCharsets.UTF_8), "city.csv", Datum.WGS84,
                new GridFields("bianma", "mingcheng", null, GridLevel.BIG));
        assertThat(csv.readDefects()).isEmpty();
        assertThat(csv.features()).singleElement().satisfies(g -> {
            assertThat(g.code()).isEqualTo("440402104001");
            assertThat(g.name()).isEqualTo("唐家社区");
            assertThat(g.level()).isEqualTo(GridLevel.BIG);
        });
        GridFile noColumn = GridFileReader.read(text.getBytes(StandardCharsets.UTF_8), "city.csv", Datum.WGS84,
                new GridFields("adcode", null, null, null));
        assertThat(noColumn.readDefects()).singleElement().satisfies(d -> assertThat(d.detail()).isEqualTo(
                "the header (line 1) has no code column \"adcode\"; columns found: BianMa, MingCheng, wkt"));
    }

    /** WKT is parsed by JTS's WKTReader; what does not parse is a defect of its feature naming the line. */
    @Test
    void wktTheReaderCannotParseIsNamedWithItsLine() {
        GridFile file = csv("name,wkt\n"
                + "A,\"POLYGON ((113.58 22.36, 113.581 22.36, 113.581 22.361, 113.58 22.36)) and more\"\n"
                + "B,\"POLYGON ((113.58 22.36, 113.581 22.36\"\n"
                + "C,\"POLYGON ((113.58 22.36, 113.58l 22.36, 113.581 22.361, 113.58 22.36))\"\n"
                + "D,\"POLYGON ((113.58 22.36, NaN 22.36, 113.581 22.361, 113.58 22.36))\"\n"
                + "E,\"POINT (113.58 22.36)\"\n");

        assertThat(file.readDefects()).extracting(Defect::toLine).containsExactly(
                "INVALID_GEOMETRY feature #1 \"A\": the WKT has text after the geometry: \"and more\" (line 2)",
                "INVALID_GEOMETRY feature #2 \"B\": the WKT does not parse: it ends before the geometry does (line 3)",
                "INVALID_GEOMETRY feature #3 \"C\": the WKT does not parse: invalid number: 113.58l (line 4)",
                file.readDefects().get(3).toLine(),
                "INVALID_GEOMETRY feature #5 \"E\": is a POINT; a grid must be a POLYGON or MULTIPOLYGON (line 6)");
        assertThat(file.readDefects().get(3).kind()).isEqualTo(DefectKind.COORDINATE_OUT_OF_RANGE);
        assertThat(file.readDefects().get(3).detail()).isEqualTo(
                "1 of 4 positions cannot be a place in the district; first: vertex 2 of ring 1 is (NaN, 22.36): not a number");
    }

    @Test
    void aWholeFileWrittenLatitudeFirstIsRecognised() {
        GridFile file = geojson(
                feature(props("A", null, null), "Polygon", "[[[22.36,113.58],[22.36,113.581],[22.361,113.581],[22.36,113.58]]]"),
                feature(props("B", null, null), "Polygon", "[[[22.36,113.581],[22.36,113.582],[22.361,113.582],[22.36,113.581]]]"));
        assertThat(file.readDefects()).extracting(Defect::kind)
                .containsExactly(DefectKind.LAT_LON_SWAPPED, DefectKind.LAT_LON_SWAPPED);
        assertThat(file.features().get(0).geometry().getEnvelopeInternal().getMinX()).isEqualTo(113.58);
    }

    @Test
    void malformedJsonIsOneDefectNamingLineAndColumn() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[\n  {\"type\":\"Feature\",\n   \"properties\": {\"name\": \"A\"}}}\n]}";
        GridFile file = GridFileReader.read(json.getBytes(StandardCharsets.UTF_8), "bad.geojson", Datum.WGS84);
        assertThat(file.features()).isEmpty();
        assertThat(file.readDefects()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DefectKind.UNREADABLE_FILE);
            assertThat(d.featureRef()).isEqualTo("file \"bad.geojson\"");
            assertThat(d.detail()).startsWith("not valid JSON at line 3, column ");
            assertThat(d.detail()).doesNotContain("Source").doesNotContain("Exception");
            assertThat(d.hasPlace()).isFalse();
        });
    }

    @Test
    void contentThatIsNoGridFileIsOneDefect() {
        for (String content : List.of("", "[]", "{\"type\":\"Topology\"}", "{\"type\":\"FeatureCollection\"}",
                "{\"type\":\"FeatureCollection\",\"features\":[]}", "{} trailing", "\u0000\u0001binary")) {
            GridFile file = GridFileReader.read(content.getBytes(StandardCharsets.UTF_8), "x.geojson", Datum.WGS84);
            assertThat(file.readDefects()).as(content).singleElement()
                    .extracting(Defect::kind).isEqualTo(DefectKind.UNREADABLE_FILE);
        }
        GridFile noWkt = csv("name,code\nA,440402104001001\n");
        assertThat(noWkt.readDefects()).singleElement().satisfies(d -> assertThat(d.detail()).contains("no wkt column"));
        GridFile openQuote = csv("name,wkt\n\"A,POLYGON ((1 2, 3 4, 5 6, 1 2))\n");
        assertThat(openQuote.readDefects()).singleElement().satisfies(d -> assertThat(d.detail()).contains("line 2"));
        GridFile badWkt = csv("name,wkt\nA,\"POLYGON ((113.58 22.36, 113.581 22.36\"\nB,LINESTRING (1 2, 3 4)\n");
        assertThat(badWkt.features()).hasSize(2);
        assertThat(badWkt.readDefects()).extracting(Defect::kind)
                .containsExactly(DefectKind.INVALID_GEOMETRY, DefectKind.INVALID_GEOMETRY);
        assertThat(badWkt.readDefects().get(0).detail()).contains("line 2");
    }

    @Test
    void convertsGcj02AndBd09ToWgs84() {
        // The public reference vector: WGS-84 (116.404, 39.915) is GCJ-02 (116.41024449916938, 39.91640428150164).
        GridFile file = geojson(Datum.GCJ02, feature(props("A", null, null), "Polygon",
                "[[[116.41024449916938,39.91640428150164],[116.42,39.9164],[116.42,39.93],[116.41024449916938,39.91640428150164]]]"));
        Coordinate first = file.features().get(0).geometry().getCoordinates()[0];
        assertThat(first.x).isCloseTo(116.404, within(1e-6));
        assertThat(first.y).isCloseTo(39.915, within(1e-6));

        double[] bd = ChinaDatums.fromWgs84(113.58, 22.36, Datum.BD09);
        GridFile baidu = geojson(Datum.BD09, polygon(props("B", null, null), new double[][] {
                {bd[0], bd[1]}, {bd[0] + 0.001, bd[1]}, {bd[0], bd[1] + 0.001}, {bd[0], bd[1]}}));
        Coordinate b = baidu.features().get(0).geometry().getCoordinates()[0];
        assertThat(b.x).isCloseTo(113.58, within(1e-6));
        assertThat(b.y).isCloseTo(22.36, within(1e-6));
    }

    private static List<DefectKind> kinds(GridFeature f) {
        return f.readDefects().stream().map(Defect::kind).toList();
    }
}
