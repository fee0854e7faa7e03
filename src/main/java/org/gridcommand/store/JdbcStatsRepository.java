package org.gridcommand.store;

import static org.gridcommand.store.Columns.setInstant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.stats.CaseFacts;
import org.gridcommand.stats.StatsRepository;

/**
 * Statistics reads: the case table's stage columns only (no descriptions, attachments or reporters), the
 * per-grid counts as one GROUP BY, sensor alarm instants, and a cheap "is there any GPS data" probe that
 * uses gps_fix's key order (worker number × 2^42 + epoch ms: one key range per worker).
 */
public final class JdbcStatsRepository implements StatsRepository {
    private static final String FACTS = "SELECT id, channel, category_code, small_grid_code, state, emergency_level,"
            + " assignee_kind, supervised, escalated, rework_count, reported_at, accepted_at, dispatched_at,"
            + " handling_started_at, fed_back_at, verified_at, closed_at, suspended_at FROM cases"
            + " WHERE reported_at >= ? AND reported_at < ? ORDER BY reported_at, id";
    private static final String BY_GRID = "SELECT small_grid_code, COUNT(*) FROM cases"
            + " WHERE reported_at >= ? AND reported_at < ? AND state <> ? AND small_grid_code IS NOT NULL"
            + " GROUP BY small_grid_code ORDER BY small_grid_code";
    /**
     * Every alarm stored by the field feed, and every case of the sensor channel that no stored alarm opened. A case
     * the feed opened from an alarm carries the alarm's sender and message id as its report id and the sensor as its
     * reporter (feed.SensorAlarms), so it is matched on the alarm table's key and counted once.
     */
    private static final String SENSOR_ALARMS = "SELECT at FROM sensor_alarm WHERE at >= ? AND at < ?"
            + " UNION ALL SELECT c.reported_at FROM cases c"
            + " WHERE c.channel = ? AND c.reported_at >= ? AND c.reported_at < ?"
            + " AND NOT EXISTS (SELECT 1 FROM sensor_alarm a WHERE a.sensor_id = c.reported_by"
            + " AND CONCAT(a.sensor_id, '/', a.message_id) = c.report_id)"
            + " ORDER BY 1";

    private final Database db;

    private JdbcStatsRepository(Database db) {
        this.db = db;
    }

    /** The statistics reads of an open store. */
    public static JdbcStatsRepository of(Database db) {
        return new JdbcStatsRepository(Objects.requireNonNull(db, "db"));
    }

    @Override
    public List<CaseFacts> casesReportedBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.read("reading case facts reported between " + from + " and " + to, c -> {
            List<CaseFacts> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(FACTS)) {
                setInstant(ps, 1, from);
                setInstant(ps, 2, to);
                ps.setFetchSize(5_000);
                try (ResultSet rs = ps.executeQuery()) {
                    // Columns by position, in the order of FACTS.
                    while (rs.next()) {
                        out.add(new CaseFacts(rs.getString(1), channel(rs.getString(2)), rs.getString(3),
                                rs.getString(4), CaseState.valueOf(rs.getString(5)), level(rs.getString(6)),
                                assignee(rs.getString(7)), rs.getBoolean(8), rs.getBoolean(9), rs.getInt(10),
                                instant(rs, 11), instant(rs, 12), instant(rs, 13), instant(rs, 14), instant(rs, 15),
                                instant(rs, 16), instant(rs, 17), instant(rs, 18)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Long> caseCountsBySmallGrid(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.read("counting cases per small grid between " + from + " and " + to, c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(BY_GRID)) {
                setInstant(ps, 1, from);
                setInstant(ps, 2, to);
                ps.setString(3, CaseState.VOIDED.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Instant> sensorAlarmTimes(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.read("reading sensor alarm times between " + from + " and " + to, c -> {
            List<Instant> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SENSOR_ALARMS)) {
                setInstant(ps, 1, from);
                setInstant(ps, 2, to);
                ps.setString(3, Channel.SENSOR.name());
                setInstant(ps, 4, from);
                setInstant(ps, 5, to);
                ps.setFetchSize(5_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(instant(rs, 1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Instant> firstCaseReportedAt() {
        return db.read("reading when the first case was reported", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(reported_at) FROM cases");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.<Instant>empty();
            }
        });
    }

    @Override
    public boolean anyGpsFixBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            return false;
        }
        long fromMs = ceilMillis(from);
        long toMs = ceilMillis(to);
        return db.read("looking for GPS fixes between " + from + " and " + to, c -> {
            List<Integer> workers = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT worker_no FROM gps_worker ORDER BY worker_no")) {
                while (rs.next()) {
                    workers.add(rs.getInt(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT fix_key FROM gps_fix WHERE fix_key >= ? AND fix_key < ? FETCH FIRST 1 ROWS ONLY")) {
                for (int worker : workers) {
                    ps.setLong(1, JdbcFeedStore.fixKey(worker, clamp(fromMs)));
                    ps.setLong(2, JdbcFeedStore.fixKey(worker, clamp(toMs)));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Channel channel(String name) {
        return Channel.valueOf(name);
    }

    private static EmergencyLevel level(String name) {
        return name == null ? null : EmergencyLevel.valueOf(name);
    }

    private static Assignee.Kind assignee(String name) {
        return name == null ? null : Assignee.Kind.valueOf(name);
    }

    /** The first whole millisecond at or after {@code t}, as the feed store keys fixes. */
    private static long ceilMillis(Instant t) {
        long ms = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }

    private static long clamp(long ms) {
        return Math.max(0, Math.min(JdbcFeedStore.MAX_TIME_MS + 1, ms));
    }
}
