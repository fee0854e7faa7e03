package org.gridcommand.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CaseStateMachine;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.SensorAlarm;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.store.Database;
import org.gridcommand.store.JdbcStatsRepository;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Crafted data for the statistics tests: a district of two big and three small grids, October 2026 cases
 * each built to sit on one edge of a KPI definition (see {@link #october()}), November cases with known
 * response times, and throw-away stores (H2 in a temp folder, PostgreSQL in a fresh schema).
 */
public final class StatsFixtures {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final CategoryDictionary DICT = CategoryDictionary.loadDefault();
    static final SlaEngine SLA = SlaEngine.loadDefault(DICT);
    /** Well after the crafted months: October's figures are taken at 1 November 00:00, November's at 1 December. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T04:00:00Z"), ZoneOffset.UTC);

    public static final String BIG_1 = "440402001001";
    public static final String BIG_2 = "440402001002";
    public static final String G1 = "440402001001001";
    public static final String G2 = "440402001001002";
    public static final String G3 = "440402001002001";
    /** A grid of an earlier layout: not in the district any more, its cases keep the code. */
    public static final String OLD_GRID = "440402001003001";

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private StatsFixtures() {
    }

    /** A district-local time, e.g. "2026-10-08T14:30". */
    public static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    static Polygon box(double west, double south, double east, double north) {
        return GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(west, south), new Coordinate(east, south),
                new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)});
    }

    /** Three small grids of about 1 km² near Zhuhai; one worker in each. */
    public static District district() {
        Polygon g1 = box(113.540, 22.270, 113.550, 22.280);
        Polygon g2 = box(113.550, 22.270, 113.560, 22.280);
        Polygon g3 = box(113.560, 22.270, 113.570, 22.280);
        BigGrid b1 = new BigGrid(BIG_1, new BilingualName("一社区", "Community 1"), box(113.540, 22.270, 113.560, 22.280));
        BigGrid b2 = new BigGrid(BIG_2, new BilingualName("二社区", "Community 2"), g3);
        List<SmallGrid> smalls = List.of(
                new SmallGrid(new UnitGridCode(G1), BIG_1, new BilingualName("一社区西片", "Community 1 West"), g1),
                new SmallGrid(new UnitGridCode(G2), BIG_1, new BilingualName("一社区东片", "Community 1 East"), g2),
                new SmallGrid(new UnitGridCode(G3), BIG_2, new BilingualName("二社区全域", "Community 2"), g3));
        List<GridHead> heads = List.of(new GridHead("H1", new BilingualName("陈网格长", "Chen"), null, BIG_1),
                new GridHead("H2", new BilingualName("李网格长", "Li"), null, BIG_2));
        List<GridWorker> workers = List.of(
                new GridWorker("W1", new BilingualName("王一", "Wang Yi"), null, new UnitGridCode(G1), DutyStatus.ON_DUTY, null),
                new GridWorker("W2", new BilingualName("王二", "Wang Er"), null, new UnitGridCode(G2), DutyStatus.ON_DUTY, null),
                new GridWorker("W3", new BilingualName("张三", "Zhang San"), null, new UnitGridCode(G3), DutyStatus.ON_DUTY, null));
        return new District("440402", new BilingualName("测试区", "Test District"),
                GEOMETRY.createMultiPolygon(new Polygon[] {g1, g2, g3}), List.of(b1, b2), smalls, heads, workers);
    }

    static Case.Builder reported(String id, Channel channel, String category, String grid, String reportedAt) {
        return Case.builder().id(id).channel(channel).categoryCode(category).smallGridCode(grid)
                .outsideDistrict(grid == null).location(grid == null ? new GeoPoint(113.4, 22.1) : new GeoPoint(113.545, 22.275))
                .priority(Priority.NORMAL).state(CaseState.REPORTED).reportedAt(at(reportedAt));
    }

    /** Stamps a whole life cycle; null skips a stage (and everything after it is given explicitly). */
    static Case closed(Case.Builder b, String accepted, String dispatched, Assignee to, String fedBack,
                       String verified, String closed) {
        return b.state(CaseState.CLOSED).acceptedAt(at(accepted)).dispatchedAt(at(dispatched)).assignee(to)
                .handlingStartedAt(at(dispatched)).fedBackAt(at(fedBack)).verifiedAt(at(verified))
                .closedAt(at(closed)).build();
    }

    static final Assignee WORKER = Assignee.worker("W1");
    static final Assignee DEPARTMENT = Assignee.department("URBAN");

    /**
     * October 2026 (National Day holiday 1–7 October, Saturday 10 October a make-up working day), figures
     * taken at 1 November 00:00. Limits (assets/sla/limits.json): 0102 street light ACCEPT 30 natural min,
     * DISPATCH 1 working hour, HANDLE 2 working days (14 h), VERIFY and CLOSE 1 working day (7 h); 0201
     * exposed rubbish HANDLE 4 working hours; 0601 residential fire ACCEPT 3, DISPATCH 5, HANDLE 120 natural
     * minutes. Working hours 08:30–12:00 and 14:00–17:30. The verdicts each case is built for are in
     * KpiDefinitionsTest.
     */
    public static List<Case> october() {
        List<Case> cases = new ArrayList<>();
        // A: accepted exactly at the 30-minute limit; everything else well in time.
        cases.add(closed(reported("A", Channel.GRID_WORKER, "0102", G1, "2026-10-12T09:00"),
                "2026-10-12T09:30", "2026-10-12T10:00", WORKER, "2026-10-12T16:00", "2026-10-13T09:00", "2026-10-13T10:00"));
        // B: accepted one minute over the limit.
        cases.add(closed(reported("B", Channel.HOTLINE, "0102", G1, "2026-10-12T09:00"),
                "2026-10-12T09:31", "2026-10-12T10:01", DEPARTMENT, "2026-10-12T16:00", "2026-10-13T09:00", "2026-10-13T10:00"));
        // C: reported on a holiday; 4 working hours from dispatch run 08:30–12:00 and 14:00–14:30 on 8 October:
        // fed back exactly at the due time.
        cases.add(closed(reported("C", Channel.VIDEO_ANALYTICS, "0201", G2, "2026-10-05T10:00"),
                "2026-10-05T10:10", "2026-10-05T10:20", DEPARTMENT, "2026-10-08T14:30", "2026-10-08T15:00", "2026-10-08T15:30"));
        // D: as C, fed back one minute after the due time.
        cases.add(closed(reported("D", Channel.SENSOR, "0201", G2, "2026-10-05T10:00"),
                "2026-10-05T10:10", "2026-10-05T10:20", DEPARTMENT, "2026-10-08T14:31", "2026-10-08T15:00", "2026-10-08T15:30"));
        // E: dispatched Friday 17:00; the make-up Saturday is a working day, so handling was due Saturday 12:00
        // and Monday 09:00 is late (it would be on time if Saturday were a weekend day).
        cases.add(closed(reported("E", Channel.DUTY_OFFICER, "0201", G1, "2026-10-09T16:40"),
                "2026-10-09T16:50", "2026-10-09T17:00", WORKER, "2026-10-12T09:00", "2026-10-12T10:00", "2026-10-12T11:00"));
        // E2: as E, fed back on the make-up Saturday at 12:00, the end of the morning period: on time.
        cases.add(closed(reported("E2", Channel.GRID_WORKER, "0201", G1, "2026-10-09T16:40"),
                "2026-10-09T16:50", "2026-10-09T17:00", WORKER, "2026-10-10T12:00", "2026-10-10T14:30", "2026-10-10T15:00"));
        // F: voided two hours after the report (its acceptance would be late): left out of every indicator.
        cases.add(reported("F", Channel.HOTLINE, "0102", G2, "2026-10-13T08:00").state(CaseState.VOIDED)
                .stateReason("重复上报").voidedAt(at("2026-10-13T10:00")).closedAt(at("2026-10-13T10:00")).build());
        // G: reworked once after a failed verification, taken through the life cycle's own state machine.
        cases.add(reworked());
        // I: dispatched 20 October, never fed back: handling overdue since 22 October 09:20.
        cases.add(reported("I", Channel.GRID_WORKER, "0102", G1, "2026-10-20T09:00").state(CaseState.DISPATCHED)
                .acceptedAt(at("2026-10-20T09:10")).dispatchedAt(at("2026-10-20T09:20")).assignee(DEPARTMENT)
                .supervised(true).build());
        // J: fed back on 2 November, in time, but after the period: handling was running and not yet due.
        cases.add(closed(reported("J", Channel.GRID_WORKER, "0102", G1, "2026-10-30T09:00"),
                "2026-10-30T09:10", "2026-10-30T09:20", WORKER, "2026-11-02T10:00", "2026-11-02T11:00", "2026-11-02T12:00"));
        // K: a fire on 31 October 21:00, handling due 23:05, fed back after midnight: late at the period's end. The
        // field feed opened it from smoke alarm AL5 (its report id is the alarm's sender/message id, as SensorAlarms
        // makes it); D above has no stored alarm behind it.
        cases.add(closed(reported("K", Channel.SENSOR, "0601", G2, "2026-10-31T21:00").escalated(true)
                        .reportId("S0002/AL5").reportedBy("S0002"),
                "2026-10-31T21:02", "2026-10-31T21:05", DEPARTMENT, "2026-11-01T00:30", "2026-11-02T09:00", "2026-11-02T10:00"));
        // L: suspended (挂账) while in handling: its handling clock stopped, so no verdict.
        cases.add(reported("L", Channel.HOTLINE, "0102", G2, "2026-10-21T09:00").state(CaseState.SUSPENDED)
                .suspendedFrom(CaseState.IN_HANDLING).stateReason("等待上级审批")
                .acceptedAt(at("2026-10-21T09:10")).dispatchedAt(at("2026-10-21T09:20")).assignee(DEPARTMENT)
                .handlingStartedAt(at("2026-10-21T10:00")).suspendedAt(at("2026-10-21T11:00")).build());
        // N: reported from outside the district (no grid), everything in time.
        cases.add(closed(reported("N", Channel.HOTLINE, "0102", null, "2026-10-22T09:00"),
                "2026-10-22T09:20", "2026-10-22T09:30", DEPARTMENT, "2026-10-22T15:00", "2026-10-23T09:00", "2026-10-23T09:30"));
        return cases;
    }

    /** Accepted, dispatched, fed back, sent back to handling (REWORK), fed back again, verified, closed. */
    static Case reworked() {
        Case g = reported("G", Channel.GRID_WORKER, "0102", G2, "2026-10-14T09:00").build();
        g = CaseStateMachine.apply(g, CaseAction.ACCEPT, at("2026-10-14T09:05"), null, null);
        g = CaseStateMachine.apply(g, CaseAction.DISPATCH, at("2026-10-14T09:20"), null, WORKER);
        g = CaseStateMachine.apply(g, CaseAction.START_HANDLING, at("2026-10-14T10:00"), null, null);
        g = CaseStateMachine.apply(g, CaseAction.FEED_BACK, at("2026-10-14T15:00"), null, null);
        g = CaseStateMachine.apply(g, CaseAction.REWORK, at("2026-10-15T09:00"), null, null);
        g = CaseStateMachine.apply(g, CaseAction.FEED_BACK, at("2026-10-15T16:00"), null, null);
        g = CaseStateMachine.apply(g, CaseAction.VERIFY, at("2026-10-16T09:00"), null, null);
        return CaseStateMachine.apply(g, CaseAction.CLOSE, at("2026-10-16T10:00"), null, null);
    }

    /**
     * November 2026: twenty street-light cases (one per day from 2 November) accepted i minutes after the
     * report, dispatched 10 minutes later and closed i hours after the report (i = 1..20); one voided case
     * whose times must not count; one case on a grid of an earlier layout.
     */
    public static List<Case> november() {
        List<Case> cases = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Instant r = at("2026-11-02T09:00").plusSeconds(86_400L * (i - 1));
            cases.add(Case.builder().id(String.format(Locale.ROOT, "NOV%02d", i)).channel(Channel.GRID_WORKER)
                    .categoryCode("0102").smallGridCode(G3).location(new GeoPoint(113.565, 22.275))
                    .priority(Priority.NORMAL).state(CaseState.CLOSED).reportedAt(r)
                    .acceptedAt(r.plusSeconds(60L * i)).dispatchedAt(r.plusSeconds(60L * i + 600)).assignee(WORKER)
                    .closedAt(r.plusSeconds(3_600L * i)).build());
        }
        cases.add(reported("NOVX", Channel.HOTLINE, "0102", G3, "2026-11-03T09:00").state(CaseState.VOIDED)
                .voidedAt(at("2026-11-20T09:00")).closedAt(at("2026-11-20T09:00")).stateReason("不属实").build());
        cases.add(closed(reported("OLD", Channel.GRID_WORKER, "0203", OLD_GRID, "2026-11-04T09:00"),
                "2026-11-04T09:10", "2026-11-04T09:20", WORKER, "2026-11-04T15:00", "2026-11-05T09:00", "2026-11-05T10:00"));
        return cases;
    }

    public static List<FieldMessage> alarms() {
        return List.of(alarm("AL1", "S0001", "2026-10-03T02:00"), alarm("AL2", "S0001", "2026-10-15T12:00"),
                alarm("AL3", "S0001", "2026-10-31T23:59"), alarm("AL4", "S0001", "2026-11-01T00:00"),
                alarm("AL5", "S0002", "2026-10-31T21:00"));
    }

    private static SensorAlarm alarm(String id, String sensor, String at) {
        return new SensorAlarm(id, sensor, at(at), "SMOKE", new GeoPoint(113.545, 22.275), Double.NaN, null);
    }

    /** A throw-away store: H2 in a temp folder or PostgreSQL in a fresh schema, dropped on close. */
    static final class Store implements AutoCloseable {
        final Database db;
        private final Path dir;
        private final String schema;

        private Store(Database db, Path dir, String schema) {
            this.db = db;
            this.dir = dir;
            this.schema = schema;
        }

        static Store h2() {
            try {
                Path dir = Files.createTempDirectory("gc-stats-test");
                return new Store(Database.openH2(dir, new ChangeBus()), dir, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static final String PG_URL = System.getProperty("gc.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        static final String PG_USER = System.getProperty("gc.test.pg.user", "postgres");
        static final String PG_PASSWORD = System.getProperty("gc.test.pg.password", "");

        /** PostgreSQL is required, never skipped: the centre runs on it. */
        static Store postgres() {
            String schema = "gc_stats_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return new Store(Database.open(PG_URL, PG_USER, PG_PASSWORD, schema, new ChangeBus()), null, schema);
        }

        /** The district, the crafted cases and the alarms. */
        Store seed(List<Case> cases) {
            db.grids().replaceDistrict(district());
            db.cases().insertAll(cases);
            db.feed().commit(new FeedBatch(alarms(), List.of()));
            return this;
        }

        StatsService service() {
            return new StatsService(JdbcStatsRepository.of(db), SLA, DICT, district(), StatsSettings.loadDefault(),
                    SafetyIndexRules.loadDefault(DICT), CLOCK);
        }

        @Override
        public void close() {
            db.close();
            if (schema != null) {
                Properties p = new Properties();
                p.setProperty("user", PG_USER);
                p.setProperty("password", PG_PASSWORD);
                try (Connection c = DriverManager.getConnection(PG_URL, p); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("could not drop test schema " + schema, e);
                }
            }
            if (dir != null) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
