package org.gridcommand.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridcommand.address.AddressKind;
import org.gridcommand.address.StandardAddress;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Makes the demo district's standard address register (shipped as {@code assets/demo/addresses.csv}): east-west
 * roads through each row of small grids, their door numbers rising eastwards (even on one side, as plates run),
 * one residential compound per small grid with six buildings of two units each, and in every community a school, a
 * market, a health station and the residents' committee on the north-south roads. Every point lies in the small
 * grid it is listed with. Drawn from one seeded random source in a fixed order, so the file is made again exactly
 * ({@code DemoAddressRegisterTest}).
 */
public final class DemoAddressGenerator {
    static final String TOWN = "唐家湾镇";
    /** East-west roads, north to south. */
    static final String[] ROADS_EW = {"鸡山路", "淇澳路", "唐淇路", "金凤路", "山房路", "大学路", "那洲路", "金鼎路",
            "官塘路", "永丰路", "会同路", "银星路"};
    /** North-south roads, west to east. */
    static final String[] ROADS_NS = {"中珠大道", "科技一路", "科技二路", "创新路", "宝山路", "翠微路", "港湾大道",
            "金峰路", "东岸路", "沙堤路", "后环路", "北沙路"};
    private static final String[] COMPOUND_PREFIXES = {"金湾", "海怡", "翠湖", "南山", "碧海", "华发", "中大", "东方",
            "星汇", "雅居", "锦绣", "水岸", "凤凰", "悦澜", "观海", "松林", "荔园", "榕树", "富华", "明珠", "绿洲", "嘉和",
            "丽景", "泰和"};
    private static final String[] COMPOUND_SUFFIXES = {"花园", "雅苑", "新村", "名苑", "山庄", "公寓"};
    private static final String[] POIS = {"小学", "市场", "社区卫生服务站", "社区居委会"};
    private static final int HOUSES_PER_GRID = 6;
    private static final int BUILDINGS = 6;
    private static final int UNITS = 2;
    private static final double METRES_PER_DEG_LAT = 110_574;

    private final SplittableRandom rnd;
    private final GeometryFactory geometry = new GeometryFactory();
    private int sequence;

    private DemoAddressGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    public static List<StandardAddress> generate(DemoDistrict demo, long seed) {
        return new DemoAddressGenerator(seed).build(demo);
    }

    /** A place on a road waiting for its door number (numbers are given once all places of the road are known). */
    private record Site(SmallGrid grid, GeoPoint point, String compound, String poi) {
    }

    private List<StandardAddress> build(DemoDistrict demo) {
        List<SmallGrid> grids = demo.district().smallGrids().stream()
                .sorted(Comparator.comparing(SmallGrid::code)).toList();
        Envelope box = demo.district().outline().getEnvelopeInternal();
        Map<String, List<Site>> ewSites = new LinkedHashMap<>();
        Map<String, List<Site>> nsSites = new LinkedHashMap<>();
        Map<String, String> communityOf = new LinkedHashMap<>();
        demo.district().bigGrids().forEach(b -> communityOf.put(b.code(), b.name().zh().replace("社区", "")));
        int compoundIndex = 0;
        for (SmallGrid grid : grids) {
            PreparedGeometry area = PreparedGeometryFactory.prepare(grid.area());
            Coordinate centre = grid.area().getInteriorPoint().getCoordinate();
            String road = ROADS_EW[band(centre.y, box.getMaxY(), box.getMinY(), ROADS_EW.length)];
            List<Site> sites = ewSites.computeIfAbsent(road, r -> new ArrayList<>());
            for (int h = 0; h < HOUSES_PER_GRID; h++) {
                sites.add(new Site(grid, pointIn(area, grid.area().getEnvelopeInternal()), null, null));
            }
            // 24 prefixes x 6 suffixes: a stride coprime with 144 spreads the names without repeating one.
            int n = (compoundIndex++ * 25) % (COMPOUND_PREFIXES.length * COMPOUND_SUFFIXES.length);
            String compound = COMPOUND_PREFIXES[n / COMPOUND_SUFFIXES.length] + COMPOUND_SUFFIXES[n % COMPOUND_SUFFIXES.length];
            sites.add(new Site(grid, pointIn(area, grid.area().getEnvelopeInternal()), compound, null));
        }
        for (var big : demo.district().bigGrids()) {
            List<SmallGrid> inBig = grids.stream().filter(g -> g.bigGridCode().equals(big.code())).toList();
            for (int p = 0; p < POIS.length; p++) {
                SmallGrid grid = inBig.get(p % inBig.size());
                PreparedGeometry area = PreparedGeometryFactory.prepare(grid.area());
                GeoPoint point = pointIn(area, grid.area().getEnvelopeInternal());
                String road = ROADS_NS[band(point.lon(), box.getMinX(), box.getMaxX(), ROADS_NS.length)];
                nsSites.computeIfAbsent(road, r -> new ArrayList<>())
                        .add(new Site(grid, point, null, communityOf.get(big.code()) + POIS[p]));
            }
        }
        List<StandardAddress> out = new ArrayList<>();
        number(ewSites, true, out);
        number(nsSites, false, out);
        return out;
    }

    /** Which of {@code bands} equal bands between from and to the value falls in. */
    private static int band(double value, double from, double to, int bands) {
        int b = (int) Math.floor((value - from) / (to - from) * bands);
        return Math.max(0, Math.min(bands - 1, b));
    }

    private void number(Map<String, List<Site>> roads, boolean eastWest, List<StandardAddress> out) {
        for (Map.Entry<String, List<Site>> e : roads.entrySet()) {
            String road = e.getKey();
            List<Site> sites = new ArrayList<>(e.getValue());
            sites.sort(Comparator.comparingDouble(s -> eastWest ? s.point().lon() : -s.point().lat()));
            Site middle = sites.get(sites.size() / 2);
            out.add(address(AddressKind.ROAD, middle, road, null, null, null, null, null, middle.point()));
            int number = 0;
            for (Site s : sites) {
                number += 2 * (1 + rnd.nextInt(3));
                String no = Integer.toString(number);
                if (s.compound() != null) {
                    out.add(address(AddressKind.COMPOUND, s, road, no, s.compound(), null, null, null, s.point()));
                    PreparedGeometry area = PreparedGeometryFactory.prepare(s.grid().area());
                    for (int b = 1; b <= BUILDINGS; b++) {
                        GeoPoint at = near(area, s.point(), 70);
                        out.add(address(AddressKind.BUILDING, s, road, no, s.compound(), Integer.toString(b), null,
                                null, at));
                        for (int u = 1; u <= UNITS; u++) {
                            out.add(address(AddressKind.UNIT, s, road, no, s.compound(), Integer.toString(b),
                                    Integer.toString(u), null, at));
                        }
                    }
                } else if (s.poi() != null) {
                    out.add(address(AddressKind.POI, s, road, no, null, null, null, s.poi(), s.point()));
                } else {
                    out.add(address(AddressKind.HOUSE, s, road, no, null, null, null, null, s.point()));
                }
            }
        }
    }

    private StandardAddress address(AddressKind kind, Site site, String road, String number, String compound,
                                    String building, String unit, String poi, GeoPoint point) {
        String code = DemoDistrictGenerator.ADMIN_CODE + DemoDistrictGenerator.STREET_CODE
                + String.format("%07d", ++sequence);
        String name = StandardAddress.composeName(TOWN, road, number, compound, building, unit, poi);
        return new StandardAddress(code, kind, name, TOWN, road, number, compound, building, unit, poi, point,
                site.grid().code().value());
    }

    private GeoPoint pointIn(PreparedGeometry area, Envelope box) {
        // Keep off the grid's edge by a tenth of its box, so a point never sits on a boundary line.
        double mx = box.getWidth() * 0.1;
        double my = box.getHeight() * 0.1;
        for (int tries = 0; tries < 1000; tries++) {
            double lon = box.getMinX() + mx + rnd.nextDouble() * (box.getWidth() - 2 * mx);
            double lat = box.getMinY() + my + rnd.nextDouble() * (box.getHeight() - 2 * my);
            if (area.containsProperly(point(lon, lat))) {
                return new GeoPoint(round(lon), round(lat));
            }
        }
        Coordinate c = area.getGeometry().getInteriorPoint().getCoordinate();
        return new GeoPoint(round(c.x), round(c.y));
    }

    private GeoPoint near(PreparedGeometry area, GeoPoint centre, double metres) {
        double dLat = metres / METRES_PER_DEG_LAT;
        double dLon = dLat / Math.cos(Math.toRadians(centre.lat()));
        for (int tries = 0; tries < 200; tries++) {
            double lon = centre.lon() + (rnd.nextDouble() * 2 - 1) * dLon;
            double lat = centre.lat() + (rnd.nextDouble() * 2 - 1) * dLat;
            if (area.containsProperly(point(lon, lat))) {
                return new GeoPoint(round(lon), round(lat));
            }
        }
        return centre;
    }

    private Point point(double lon, double lat) {
        return geometry.createPoint(new Coordinate(round(lon), round(lat)));
    }

    /** Seven decimals (about a centimetre), as the CSV writes them, so the file reads back to the same points. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
