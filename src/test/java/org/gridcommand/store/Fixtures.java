package org.gridcommand.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.Ulid;
import org.gridcommand.directory.Resource;
import org.gridcommand.directory.ResourceKind;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Small hand-made data: a district of 2 big and 3 small grids near Zhuhai, and things inside it. */
final class Fixtures {
    static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** Stores keep microseconds (PostgreSQL's and H2's default precision), so test instants do too. */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private Fixtures() {
    }

    /** Awkward decimals on purpose: WKT must carry full double precision both ways. */
    static Polygon box(double west, double south, double east, double north) {
        return GEOMETRY.createPolygon(new Coordinate[] {
                new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
                new Coordinate(west, north), new Coordinate(west, south)});
    }

    static District district() {
        double w = 113.5431234567891;
        double m = 113.5612345678912;
        double e = 113.5798765432109;
        double s = 22.2512345678901;
        double mid = 22.2698765432101;
        double n = 22.2887654321098;
        Polygon westBig = box(w, s, m, n);
        // The east big grid has a hole (a lake nobody patrols) to check interior rings survive.
        LinearRing shell = box(m, s, e, n).getExteriorRing();
        LinearRing hole = box(113.57, 22.26, 113.575, 22.265).getExteriorRing();
        Polygon eastBig = GEOMETRY.createPolygon(shell, new LinearRing[] {hole});
        BigGrid big1 = new BigGrid("440402001001", new BilingualName("拱北第一社区", "Gongbei Community 1"), westBig);
        BigGrid big2 = new BigGrid("440402001002", new BilingualName("拱北第二社区", "Gongbei Community 2"), eastBig);
        SmallGrid s1 = new SmallGrid(new UnitGridCode("440402001001001"), big1.code(),
                new BilingualName("一社区北片", "Community 1 North"), box(w, mid, m, n));
        SmallGrid s2 = new SmallGrid(new UnitGridCode("440402001001002"), big1.code(),
                new BilingualName("一社区南片", "Community 1 South"), box(w, s, m, mid));
        SmallGrid s3 = new SmallGrid(new UnitGridCode("440402001002001"), big2.code(),
                new BilingualName("二社区", "Community 2"), eastBig);
        List<GridHead> heads = List.of(
                new GridHead(Ulid.next(), new BilingualName("陈网格长", "Chen"), "13800000001", big1.code()),
                new GridHead(Ulid.next(), new BilingualName("李网格长", "Li"), null, big2.code()));
        // Listed in the order the store returns them: by small grid, then id (ULIDs rise as they are made).
        List<GridWorker> workers = List.of(
                new GridWorker(Ulid.next(), new BilingualName("王一", "Wang Yi"), "13900000001", s1.code(),
                        DutyStatus.ON_DUTY, new GeoPoint(113.5501234567891, 22.2801234567891)),
                new GridWorker(Ulid.next(), new BilingualName("王二", "Wang Er"), "13900000002", s1.code(),
                        DutyStatus.OFF_DUTY, null),
                new GridWorker(Ulid.next(), new BilingualName("张三", "Zhang San"), null, s2.code(),
                        DutyStatus.OFF_DUTY, null),
                new GridWorker(Ulid.next(), new BilingualName("赵四", "Zhao Si"), "13900000004", s3.code(),
                        DutyStatus.ON_DUTY, new GeoPoint(113.57, 22.27)));
        return new District("440402", new BilingualName("香洲区", "Xiangzhou District"),
                GEOMETRY.createMultiPolygon(new Polygon[] {westBig, eastBig}),
                List.of(big1, big2), List.of(s3, s1, s2), heads, workers);
    }

    static List<Camera> cameras() {
        return List.of(
                new Camera("44040200001310000001", new BilingualName("拱北口岸东", "Gongbei Port East"),
                        new GeoPoint(113.5512345678901, 22.2723456789012), 45.5, 60, 120.25,
                        "rtsp://10.0.0.1/main", "rtsp://10.0.0.1/sub", "gongbei", "440402001001001"),
                new Camera("44040200001320000002", new BilingualName("莲花路", "Lianhua Road"),
                        new GeoPoint(113.56, 22.26), 270, 90, 80, null, "rtsp://10.0.0.2/sub", null, null),
                new Camera(Ulid.next(), new BilingualName("临时球机", "Temporary dome"),
                        new GeoPoint(113.571, 22.281), 0, 360, 50, "rtsp://10.0.0.3/main", null, "mobile",
                        "440402001002001"));
    }

    static List<Resource> resources() {
        return List.of(
                new Resource(Ulid.next(), ResourceKind.FIRE_STATION, new BilingualName("拱北消防站", "Gongbei Fire Station"),
                        new GeoPoint(113.552, 22.266), "119"),
                new Resource(Ulid.next(), ResourceKind.HOSPITAL, new BilingualName("人民医院", "People's Hospital"),
                        new GeoPoint(113.561, 22.279), "0756-2222569"),
                new Resource(Ulid.next(), ResourceKind.HYDRANT, new BilingualName("消火栓 17", "Hydrant 17"),
                        new GeoPoint(113.5531234567891, 22.2612345678901), null));
    }

    /** A case as imported from another system: it carries its own number, which the store keeps. */
    static Case aCase(String id, CaseState state, Instant reportedAt) {
        return new Case(id, Channel.GRID_WORKER, "0301", new GeoPoint(113.555, 22.275), "440402001001001",
                "拱北莲花路 88 号", "小区火情 / fire in a residential community", Priority.URGENT, state,
                reportedAt, reportedAt.plusSeconds(60), reportedAt.plusSeconds(120),
                state == CaseState.CLOSED ? reportedAt.plusSeconds(900) : null, "王一")
                .toBuilder().number(importedNumber(id)).build();
    }

    /** A number from elsewhere, unique per case id. */
    static String importedNumber(String id) {
        return "IMP-" + id;
    }

    /** Reported by hotline from outside the district: no grid, and no stage reached yet. */
    static Case outsideCase(Instant reportedAt) {
        String id = Ulid.next();
        return new Case(id, Channel.HOTLINE, "0101", new GeoPoint(113.4, 22.1), null, null, null,
                Priority.NORMAL, CaseState.REPORTED, reportedAt, null, null, null, null)
                .toBuilder().number(importedNumber(id)).build();
    }

    /** Any number of plausible cases over the last three years, reproducible from the seed. */
    static List<Case> generatedCases(int count, long seed) {
        Random random = new Random(seed);
        CaseState[] states = CaseState.values();
        Channel[] channels = Channel.values();
        Priority[] priorities = Priority.values();
        Instant start = NOW.minus(Duration.ofDays(3 * 365));
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant reported = start.plusSeconds(random.nextInt(3 * 365 * 24 * 3600));
            CaseState state = states[random.nextInt(states.length)];
            boolean outside = random.nextInt(50) == 0;
            cases.add(new Case(Ulid.next(), channels[random.nextInt(channels.length)],
                    String.format("%02d%02d", 1 + random.nextInt(6), 1 + random.nextInt(6)),
                    new GeoPoint(113.54 + random.nextDouble() * 0.04, 22.25 + random.nextDouble() * 0.04),
                    outside ? null : String.format("440402001%03d%03d", 1 + random.nextInt(16), 1 + random.nextInt(9)),
                    "地址 " + i, "generated case " + i, priorities[random.nextInt(priorities.length)], state,
                    reported, reported.plusSeconds(300), state.isOpen() ? null : reported.plusSeconds(600),
                    state == CaseState.CLOSED ? reported.plusSeconds(7200) : null, "seed"));
        }
        return cases;
    }
}
