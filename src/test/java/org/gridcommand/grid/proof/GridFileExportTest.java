package org.gridcommand.grid.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class GridFileExportTest {
    private static final GeometryFactory F = new GeometryFactory();

    private static Polygon box(double w, double s, double e, double n, boolean clockwise) {
        Coordinate[] c = clockwise
                ? new Coordinate[] {new Coordinate(w, s), new Coordinate(w, n), new Coordinate(e, n), new Coordinate(e, s), new Coordinate(w, s)}
                : new Coordinate[] {new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)};
        return F.createPolygon(c);
    }

    @Test
    void writesRfc7946OrderedRoundedAndReadableAgain() {
        LinearRing shell = box(113.58, 22.36, 113.582, 22.362, true).getExteriorRing();
        LinearRing lake = box(113.5805, 22.3605, 113.5815, 22.3615, false).getExteriorRing();
        BigGrid big = new BigGrid("440402104001", new BilingualName("唐家\"社区\"", "Tangjia Community"),
                F.createPolygon(shell, new LinearRing[] {lake}));
        BigGrid big2 = new BigGrid("440402104002", new BilingualName("唐乐社区", "Tangle Community"),
                box(113.582, 22.36, 113.583, 22.362, false));
        SmallGrid s2 = new SmallGrid(new UnitGridCode("440402104001002"), big.code(),
                new BilingualName("第2网格", "Grid 2"), box(113.581, 22.36, 113.582, 22.362, true));
        SmallGrid s1 = new SmallGrid(new UnitGridCode("440402104001001"), big.code(),
                new BilingualName("第1网格", "Grid 1"), box(113.58000001234, 22.36, 113.581, 22.362, false));

        String json = GeoJsonExport.toGeoJson(List.of(big2, big), List.of(s2, s1));

        assertThat(json).isEqualTo(GeoJsonExport.toGeoJson(List.of(big, big2), List.of(s1, s2)));
        List<String> lines = json.lines().toList();
        assertThat(lines.get(0)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[");
        assertThat(lines.get(1)).startsWith("{\"type\":\"Feature\",\"properties\":{\"name\":\"唐家\\\"社区\\\"\","
                + "\"name_en\":\"Tangjia Community\",\"code\":\"440402104001\",\"level\":\"big\"},");
        assertThat(lines.get(2)).contains("\"code\":\"440402104002\"");
        assertThat(lines.get(3)).contains("\"code\":\"440402104001001\",\"parent\":\"440402104001\",\"level\":\"small\"")
                .contains("[113.58,22.36]").doesNotContain("113.58000001234");
        assertThat(lines.get(4)).contains("\"code\":\"440402104001002\"");
        assertThat(lines.get(5)).isEqualTo("]}");

        GridFile back = GridFileReader.read(json.getBytes(StandardCharsets.UTF_8), "export.geojson", Datum.WGS84);
        assertThat(back.readDefects()).isEmpty();
        assertThat(back.features()).extracting(GridFeature::code)
                .containsExactly("440402104001", "440402104002", "440402104001001", "440402104001002");
        for (GridFeature f : back.features()) {
            for (Polygon p : ProofGeometry.parts(f.geometry())) {
                assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinates())).as(f.ref() + " shell").isTrue();
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    assertThat(Orientation.isCCW(p.getInteriorRingN(i).getCoordinates())).as(f.ref() + " hole").isFalse();
                }
            }
        }
        Geometry bigBack = back.features().get(0).geometry();
        assertThat(bigBack.norm().equalsExact(big.area().norm())).isTrue();
    }

    @Test
    void decimalsAreShortAndNeverScientific() {
        assertThat(GeoJsonExport.decimal(113.58)).isEqualTo("113.58");
        assertThat(GeoJsonExport.decimal(22.000000049)).isEqualTo("22");
        assertThat(GeoJsonExport.decimal(0.00000004)).isEqualTo("0");
        assertThat(GeoJsonExport.decimal(1e-7)).isEqualTo("0.0000001");
        assertThat(GeoJsonExport.decimal(-0.00000006)).isEqualTo("-0.0000001");
    }
}
