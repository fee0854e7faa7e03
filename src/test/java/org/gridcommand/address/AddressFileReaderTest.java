package org.gridcommand.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Register files: good rows get their small grid; every defect is named with its line, code and field. */
class AddressFileReaderTest {
    private static final GeometryFactory F = new GeometryFactory();
    private static final String BIG = "440402104001";
    private static final String WEST = BIG + "001";
    private static final String EAST = BIG + "002";
    private static final District DISTRICT = district();
    private static final String HEADER = "code,kind,town,road,number,compound,building,unit,poi,lon,lat,grid\n";

    @Test
    void aCleanFileGivesEveryAddressItsNameAndTheGridItsPointLiesIn() {
        AddressFile file = read("addresses.csv", HEADER
                + "A1,road,唐家湾镇,金鼎路,,,,,,113.5805,22.361,\n"
                + "A2,门牌,唐家湾镇,金鼎路,28号,,,,,113.5805,22.361," + WEST + "\n"
                + "A3,compound,唐家湾镇,金鼎路,30,金湾花园,,,,113.5815,22.361,\n"
                + "A4,building,唐家湾镇,金鼎路,30,金湾花园,３栋,,,113.5816,22.3611,\n"
                + "A5,unit,唐家湾镇,金鼎路,30,金湾花园,3,2,,113.5816,22.3611,\n"
                + "A6,poi,唐家湾镇,科技一路,8,,,,唐家小学,113.5806,22.3605,\n");

        assertThat(file.lines()).containsExactly("6 addresses: 0 errors, 0 warnings");
        assertThat(file.addresses()).extracting(StandardAddress::name).containsExactly(
                "唐家湾镇金鼎路", "唐家湾镇金鼎路28号", "唐家湾镇金鼎路30号金湾花园", "唐家湾镇金鼎路30号金湾花园3栋",
                "唐家湾镇金鼎路30号金湾花园3栋2单元", "唐家湾镇科技一路8号唐家小学");
        assertThat(file.addresses()).extracting(StandardAddress::smallGrid)
                .containsExactly(WEST, WEST, EAST, EAST, EAST, WEST);
        assertThat(file.addresses().get(1).houseNumber()).as("the unit word is not part of the number").isEqualTo("28");
        assertThat(file.addresses().get(3).building()).as("full-width digits read as ASCII").isEqualTo("3");
    }

    @Test
    void everyDefectIsNamedWithItsPlaceAndNothingBadIsKept() {
        AddressFile file = read("bad.csv", HEADER
                + "B1,house,唐家湾镇,金鼎路,28,,,,,113.5805,22.361,\n"
                + "B1,house,唐家湾镇,金鼎路,30,,,,,113.5806,22.361,\n"           // the same code again
                + "B3,house,唐家湾镇,,x,,,,,113.5805,22.361,\n"                  // no road, a number no plate has
                + "B4,villa,唐家湾镇,金鼎路,2,,,,,113.5805,22.361,\n"           // no such kind
                + "B5,house,唐家湾镇,金鼎路,28,,,,,113.5807,22.3612,\n"         // the same address as B1
                + "B6,house,唐家湾镇,金鼎路,40,,,,,22.361,113.5805,\n"          // swapped
                + "B7,house,唐家湾镇,金鼎路,42,,,,,113.5850,22.3650,\n"         // in the box's margin, in no grid
                + "B8,house,唐家湾镇,金鼎路,44,,,,,113.5815,22.361," + WEST + "\n" // the file's grid is wrong
                + "B9,unit,唐家湾镇,金鼎路,46,,,,,113.5815,22.361,\n"           // a unit with no building or unit
                + "B 10,road,唐家湾镇,大学路,,,,,,113.5815,22.361,\n");         // a code with a space

        assertThat(file.clean()).isFalse();
        assertThat(file.lines()).containsExactly(
                "10 addresses: 9 errors, 1 warning",
                "ERROR DUPLICATE_CODE line 3 (B1) code: the same code as line 2",
                "ERROR BAD_NUMBER line 4 (B3) number: \"x\" is not a house number as plates write it (28, 28-1, 28A)",
                "ERROR MISSING_PART line 4 (B3) road: a house address needs its road",
                "ERROR BAD_KIND line 5 (B4) kind: \"villa\" is not a kind of address (road, house, compound, building, "
                        + "unit, poi)",
                "ERROR DUPLICATE_ADDRESS line 6 (B5) name: the same address as line 2: 唐家湾镇金鼎路28号",
                "ERROR LAT_LON_SWAPPED line 7 (B6) lon, lat: lon 22.361, lat 113.5805: latitude and longitude look swapped",
                "ERROR OUTSIDE_GRIDS line 8 (B7) lon, lat: lies in no small grid of the district at 113.5850000, "
                        + "22.3650000",
                "WARNING GRID_MISMATCH line 9 (B8) grid: the file says " + WEST + " but the point lies in " + EAST
                        + " (唐家社区第2网格); " + EAST + " is taken",
                "ERROR MISSING_PART line 10 (B9) building, unit: a unit address needs its building and unit",
                "ERROR BAD_CODE line 11 (B 10) code: \"B 10\" has spaces or other characters a code must not have "
                        + "(letters, digits and . _ : - only)");
        assertThat(file.addresses()).as("the first of two with one code or one address is good").extracting(StandardAddress::code).containsExactly("B1", "B8");
        assertThat(file.addresses().get(1).smallGrid()).isEqualTo(EAST);
    }

    @Test
    void geoJsonPointsReadLikeRowsAndGcj02IsConvertedToWgs84() {
        // GCJ-02 moves points in China by a few hundred metres; the register keeps WGS-84 like the grids.
        AddressFile file = read("addresses.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [113.5854, 22.3583]},
                   "properties": {"code": "G1", "kind": "house", "road": "金鼎路", "number": "28", "datum": "gcj02"}},
                  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[113.58, 22.36], [113.581, 22.36]]},
                   "properties": {"code": "G2", "kind": "road", "road": "大学路"}},
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [113.5805, 22.361]},
                   "properties": {"code": "G3", "kind": "poi", "poi": "唐家小学", "colour": "red"}}
                ]}""");

        assertThat(file.lines()).containsExactly(
                "3 addresses: 1 error, 1 warning",
                "ERROR BAD_ROW feature #2 (G2): is not a point feature (geometry LineString)",
                "WARNING UNKNOWN_COLUMN feature #3 colour: not an address property (ignored wherever it appears); "
                        + "the properties are code, kind, name, town, road, number, compound, building, unit, poi, "
                        + "datum, grid");
        assertThat(file.addresses()).extracting(StandardAddress::code).containsExactly("G1", "G3");
        StandardAddress house = file.addresses().get(0);
        assertThat(house.point().lon()).isBetween(113.579, 113.582);
        assertThat(house.point().lat()).isBetween(22.360, 22.362);
    }

    @Test
    void aFileThatIsNoRegisterSaysSoInOneLine() {
        assertThat(read("x.csv", "id,name\n1,a\n").lines()).containsExactly("0 addresses: 1 error, 0 warnings",
                "ERROR MISSING_COLUMN line 1: the header has no code, kind, lon, lat columns; columns found: id, name");
        assertThat(read("x.geojson", "[1, 2]").lines()).containsExactly("0 addresses: 1 error, 0 warnings",
                "ERROR UNREADABLE_FILE file \"x.geojson\": not a GeoJSON FeatureCollection of address points");
        assertThat(read("x.csv", "").clean()).isFalse();
        assertThat(read("x.csv", HEADER).lines()).containsExactly("0 addresses: 1 error, 0 warnings",
                "ERROR UNREADABLE_FILE file \"x.csv\": holds no addresses");
    }

    private static AddressFile read(String name, String content) {
        return AddressFileReader.read(content.getBytes(StandardCharsets.UTF_8), name, Datum.WGS84, DISTRICT);
    }

    private static District district() {
        BigGrid big = new BigGrid(BIG, new BilingualName("唐家社区", "Tangjia Community"), box(113.580, 22.360, 113.582, 22.362));
        SmallGrid west = new SmallGrid(new UnitGridCode(WEST), BIG, new BilingualName("唐家社区第1网格", "Grid 1"),
                box(113.580, 22.360, 113.581, 22.362));
        SmallGrid east = new SmallGrid(new UnitGridCode(EAST), BIG, new BilingualName("唐家社区第2网格", "Grid 2"),
                box(113.581, 22.360, 113.582, 22.362));
        return new District("440402", new BilingualName("唐家湾镇", "Tangjiawan Town"), big.area(),
                List.of(big), List.of(west, east), List.of(), List.of());
    }

    private static Polygon box(double x0, double y0, double x1, double y1) {
        return F.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
                new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }
}
