package org.gridcommand.store;

import static org.gridcommand.store.Columns.getInstant;
import static org.gridcommand.store.Columns.setInstant;
import static org.gridcommand.store.Columns.setString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.common.Ulid;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.GpsTrack;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.QuarantineReason;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.feed.SensorAlarm;
import org.gridcommand.feed.WorkerStatus;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.DutyStatus;

/**
 * The field feed's store (V3__field_feed.sql, V7__feed_per_sender.sql). A commit is one transaction: a receipt for
 * every new message key (sender and id), the messages themselves (multi-row INSERTs in JDBC batches), the workers' last position and duty
 * state moved forward, then a durable commit and the change events. Redeliveries are rare, so the first
 * attempt assumes none and lets the receipts' primary key catch one; then the transaction is rolled back
 * and run again with a look-up of the existing receipts, skipping (and counting) the duplicates.
 *
 * <p>GPS fixes are compact rows keyed by one BIGINT made of worker number and epoch ms ({@link #fixKey}):
 * positions in 1e-7 degrees, accuracy in decimetres, so an instant is kept to the millisecond and a
 * position to about a centimetre. A fix of the
 * same worker and millisecond as a stored one (a device resending a fix under a new id) is skipped as a
 * duplicate instead of failing the whole batch on the primary key.
 */
final class JdbcFeedStore implements FeedStore {
    /** The longest message id a receipt can hold (the parser must quarantine longer ones). */
    static final int MAX_MESSAGE_ID = 200;
    /** Fixes per retention transaction: bounded, so a large cleanup never holds a huge transaction. */
    static final int RETENTION_BATCH = 10_000;
    /** Ids of one sender per receipt look-up statement (fixed, so the statement is prepared once and reused). */
    private static final int LOOKUP_CHUNK = 100;
    /** A concurrent commit of the same ids or a new worker number loses the race: run it again. */
    private static final int ATTEMPTS = 5;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ACCURACY_DM = Short.MAX_VALUE;

    private static final String LOOKUP = "SELECT message_id FROM feed_receipt WHERE sender_id = ? AND message_id IN ("
            + "?, ".repeat(LOOKUP_CHUNK - 1) + "?)";
    /** Rows per multi-row INSERT of fixes and receipts. */
    private static final int ROWS_PER_INSERT = 100;
    private static final String INSERT_FIXES =
            "INSERT INTO gps_fix (fix_key, lon_e7, lat_e7, accuracy_dm, message_id)";
    private static final String INSERT_FIX_IF_NEW = "INSERT INTO gps_fix (fix_key, lon_e7, lat_e7, accuracy_dm,"
            + " message_id) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM gps_fix WHERE fix_key = ?)";
    private static final String INSERT_STATUS =
            "INSERT INTO worker_status_change (message_id, worker_id, at, on_duty) VALUES (?, ?, ?, ?)";
    /** The longest sender id (the topic level's limit). */
    static final int MAX_SENDER_ID = 64;
    private static final String INSERT_ALARM = "INSERT INTO sensor_alarm (message_id, sensor_id, at, kind, lon, lat,"
            + " reading, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String QUARANTINE_COLUMNS = "id, topic, payload, received_at, reason, detail, message_id,"
            + " payload_size, payload_sha256, sender_id";
    private static final String INSERT_QUARANTINE = "INSERT INTO feed_quarantine (" + QUARANTINE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_RECEIPTS = "INSERT INTO feed_receipt (sender_id, message_id, received_at)";
    private static final String MOVE_WORKER = "UPDATE grid_worker SET last_lon = ?, last_lat = ?, last_fix_at = ?"
            + " WHERE id = ? AND (last_fix_at IS NULL OR last_fix_at < ?)";
    private static final String DUTY_WORKER = "UPDATE grid_worker SET duty_status = ?, duty_changed_at = ?"
            + " WHERE id = ? AND (duty_changed_at IS NULL OR duty_changed_at < ?)";
    private static final String FIX_COLUMNS = "fix_key, lon_e7, lat_e7, accuracy_dm, message_id";
    /** fix_key = worker number * 2^42 + epoch ms: 42 bits of milliseconds reach the year 2109. */
    static final int TIME_BITS = 42;
    static final long MAX_TIME_MS = (1L << TIME_BITS) - 1;

    private final Database db;
    /** worker id → worker number; numbers never change once committed, so the cache never goes stale. */
    private final Map<String, Integer> workerNumbers = new ConcurrentHashMap<>();

    JdbcFeedStore(Database db) {
        this.db = db;
    }

    @Override
    public CommitResult commit(FeedBatch batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return new CommitResult(0, 0, 0);
        }
        for (FieldMessage m : batch.accepted()) {
            checkKey(m);
            List<GpsFix> timed = m instanceof GpsFix f ? List.of(f) : m instanceof GpsTrack t ? t.fixes() : List.of();
            for (GpsFix f : timed) {
                if (f.at().isBefore(Instant.EPOCH) || f.at().toEpochMilli() > MAX_TIME_MS) {
                    throw new IllegalArgumentException("GPS fix " + f.messageId() + " of worker " + f.workerId()
                            + " is timed " + f.at() + ": the store keeps fixes timed from 1970 to 2109 only");
                }
            }
        }
        for (Quarantined q : batch.quarantined()) {
            Objects.requireNonNull(q.receivedAt(), "quarantined receivedAt");
            Objects.requireNonNull(q.reason(), "quarantined reason");
        }
        String operation = "storing a feed batch of " + batch.accepted().size() + " message(s) and "
                + batch.quarantined().size() + " quarantined";
        for (int attempt = 1; ; attempt++) {
            Map<String, Integer> numbered = new HashMap<>();
            // Optimistic first attempt: no receipt look-up, plain multi-row INSERTs. A unique violation means
            // a redelivery (a receipt exists), a fix of the same worker and millisecond stored under another
            // id, or a concurrent commit that won a race: the transaction is rolled back and the next attempt
            // looks the receipts up and checks each fix before inserting it.
            boolean careful = attempt > 1;
            try {
                Outcome outcome = db.write(operation, c -> store(c, batch, numbered, careful));
                workerNumbers.putAll(numbered);
                publish(outcome);
                return outcome.result;
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** What one commit changed, for the result and the change events. */
    private record Outcome(CommitResult result, Set<String> movedWorkers, boolean alarms, boolean quarantined) {
    }

    private Outcome store(Connection c, FeedBatch batch, Map<String, Integer> numbered, boolean careful)
            throws SQLException {
        Instant now = Instant.now();
        // Keys already received, in the store or earlier in this batch, are duplicates.
        Set<MessageKey> keys = new LinkedHashSet<>();
        batch.accepted().forEach(m -> keys.add(MessageKey.of(m)));
        batch.quarantined().forEach(q -> {
            MessageKey key = receiptKey(q);
            if (key != null) {
                keys.add(key);
            }
        });
        Set<MessageKey> seen = careful ? receivedIn(c, keys) : new HashSet<>();
        int duplicates = 0;
        List<GpsFix> fixes = new ArrayList<>();
        List<WorkerStatus> statuses = new ArrayList<>();
        List<SensorAlarm> alarms = new ArrayList<>();
        List<Quarantined> quarantined = new ArrayList<>();
        List<MessageKey> receipts = new ArrayList<>();
        for (FieldMessage m : batch.accepted()) {
            MessageKey key = MessageKey.of(m);
            if (!seen.add(key)) {
                duplicates++;
                continue;
            }
            receipts.add(key);
            if (m instanceof GpsFix f) {
                fixes.add(f);
            } else if (m instanceof GpsTrack t) {
                // One receipt for the upload; its fixes are rows like any other.
                fixes.addAll(t.fixes());
            } else if (m instanceof WorkerStatus s) {
                statuses.add(s);
            } else if (m instanceof SensorAlarm a) {
                alarms.add(a);
            } else {
                // FeedBatch already refuses FieldReport; a new message type must be given a table first.
                throw new IllegalArgumentException("the feed store cannot store " + m.getClass().getSimpleName()
                        + " " + m.messageId());
            }
        }
        for (Quarantined q : batch.quarantined()) {
            MessageKey key = receiptKey(q);
            if (key != null) {
                if (!seen.add(key)) {
                    duplicates++;
                    continue;
                }
                receipts.add(key);
            }
            quarantined.add(q);
        }

        // Receipts first: on the optimistic attempt a redelivery fails here, before any other work.
        insertRows(c, INSERT_RECEIPTS, 3, receipts, (ps, i, key) -> {
            ps.setString(i, key.senderId());
            ps.setString(i + 1, key.messageId());
            setInstant(ps, i + 2, now);
        });
        int storedFixes = insertFixes(c, fixes, numbered, careful);
        duplicates += fixes.size() - storedFixes;
        Batch.insert(c, INSERT_STATUS, statuses, (ps, s) -> {
            ps.setString(1, s.messageId());
            ps.setString(2, s.workerId());
            setInstant(ps, 3, s.at());
            ps.setBoolean(4, s.onDuty());
        });
        Batch.insert(c, INSERT_ALARM, alarms, (ps, a) -> {
            ps.setString(1, a.messageId());
            ps.setString(2, a.sensorId());
            setInstant(ps, 3, a.at());
            ps.setString(4, a.kind());
            Columns.setPoint(ps, 5, a.position());
            Columns.setDouble(ps, 7, Double.isNaN(a.value()) ? null : a.value());
            setString(ps, 8, a.unit());
        });
        Batch.insert(c, INSERT_QUARANTINE, quarantined, (ps, q) -> {
            ps.setString(1, Ulid.next());
            setString(ps, 2, q.topic());
            if (q.payload() == null) {
                ps.setNull(3, Types.VARBINARY);
            } else {
                ps.setBytes(3, q.payload());
            }
            setInstant(ps, 4, q.receivedAt());
            ps.setString(5, q.reason().name());
            setString(ps, 6, q.detail());
            setString(ps, 7, q.messageId());
            ps.setLong(8, q.payloadSize());
            setString(ps, 9, q.payloadSha256());
            setString(ps, 10, q.senderId());
        });

        Set<String> moved = new HashSet<>();
        moved.addAll(moveWorkers(c, fixes));
        moved.addAll(dutyWorkers(c, statuses));
        CommitResult result = new CommitResult(storedFixes + statuses.size() + alarms.size(),
                duplicates, quarantined.size());
        return new Outcome(result, moved, !alarms.isEmpty(), !quarantined.isEmpty());
    }

    /**
     * Inserts the fixes; a fix whose worker and millisecond came earlier in the batch, or (when careful) is
     * already stored, is skipped. Returns how many went in.
     */
    private int insertFixes(Connection c, List<GpsFix> fixes, Map<String, Integer> numbered, boolean careful)
            throws SQLException {
        if (fixes.isEmpty()) {
            return 0;
        }
        Map<String, Integer> numbers = workerNumbers(c, fixes, numbered);
        Set<Long> keys = new HashSet<>();
        List<FixRow> rows = new ArrayList<>(fixes.size());
        for (GpsFix f : fixes) {
            FixRow row = new FixRow(fixKey(numbers.get(f.workerId()), f.at().toEpochMilli()), e7(f.position().lon()),
                    e7(f.position().lat()), accuracyDm(f.accuracyMetres()), f.messageId());
            if (keys.add(row.key)) {
                rows.add(row);
            }
        }
        if (!careful) {
            insertRows(c, INSERT_FIXES, 5, rows, (ps, i, row) -> {
                bindFix(ps, i, row);
            });
            return rows.size();
        }
        int stored = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT_FIX_IF_NEW)) {
            int pending = 0;
            for (FixRow row : rows) {
                bindFix(ps, 1, row);
                ps.setLong(6, row.key);
                ps.addBatch();
                if (++pending == Database.BATCH_SIZE) {
                    stored += inserted(ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                stored += inserted(ps.executeBatch());
            }
        }
        return stored;
    }

    private record FixRow(long key, int lonE7, int latE7, Integer accuracyDm, String messageId) {
    }

    private static void bindFix(PreparedStatement ps, int i, FixRow row) throws SQLException {
        ps.setLong(i, row.key);
        ps.setInt(i + 1, row.lonE7);
        ps.setInt(i + 2, row.latE7);
        if (row.accuracyDm == null) {
            ps.setNull(i + 3, Types.SMALLINT);
        } else {
            ps.setShort(i + 3, row.accuracyDm.shortValue());
        }
        ps.setString(i + 4, row.messageId);
    }

    @FunctionalInterface
    private interface RowBinder<T> {
        /** Binds one row's values from parameter {@code first} on. */
        void bind(PreparedStatement ps, int first, T item) throws SQLException;
    }

    /**
     * Inserts with multi-row {@code INSERT ... VALUES (..), (..)} statements of {@link #ROWS_PER_INSERT} rows,
     * batched: a fraction of the statements and round trips of one row per statement, on both vendors.
     */
    private static <T> void insertRows(Connection c, String head, int columns, List<T> items, RowBinder<T> binder)
            throws SQLException {
        int full = items.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(head + values(columns, ROWS_PER_INSERT))) {
                int pending = 0;
                for (int s = 0; s < full; s++) {
                    for (int r = 0; r < ROWS_PER_INSERT; r++) {
                        binder.bind(ps, r * columns + 1, items.get(s * ROWS_PER_INSERT + r));
                    }
                    ps.addBatch();
                    if (++pending * ROWS_PER_INSERT >= Database.BATCH_SIZE) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
        int rest = items.size() - full * ROWS_PER_INSERT;
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(head + values(columns, rest))) {
                for (int r = 0; r < rest; r++) {
                    binder.bind(ps, r * columns + 1, items.get(full * ROWS_PER_INSERT + r));
                }
                ps.executeUpdate();
            }
        }
    }

    private static String values(int columns, int rows) {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        StringBuilder sql = new StringBuilder(" VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    private static int inserted(int[] counts) {
        int n = 0;
        for (int count : counts) {
            // SUCCESS_NO_INFO says a row may have gone in; neither vendor answers that for this statement.
            n += count > 0 ? count : (count == Statement.SUCCESS_NO_INFO ? 1 : 0);
        }
        return n;
    }

    /** The numbers of the batch's workers, giving new ones the next free numbers (recorded in {@code numbered}). */
    private Map<String, Integer> workerNumbers(Connection c, List<GpsFix> fixes, Map<String, Integer> numbered)
            throws SQLException {
        Map<String, Integer> numbers = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (GpsFix f : fixes) {
            Integer n = workerNumbers.get(f.workerId());
            if (n != null) {
                numbers.put(f.workerId(), n);
            } else {
                unknown.add(f.workerId());
            }
        }
        if (unknown.isEmpty()) {
            return numbers;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT worker_no FROM gps_worker WHERE worker_id = ?")) {
            for (String id : List.copyOf(unknown)) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        numbers.put(id, rs.getInt(1));
                        numbered.put(id, rs.getInt(1));
                        unknown.remove(id);
                    }
                }
            }
        }
        if (unknown.isEmpty()) {
            return numbers;
        }
        int next;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(worker_no) FROM gps_worker")) {
            rs.next();
            next = rs.getInt(1) + 1; // NULL reads as 0: the first worker is number 1
        }
        Map<String, Integer> fresh = new LinkedHashMap<>();
        for (String id : unknown) {
            fresh.put(id, next++);
        }
        // Two commits giving the same number collide on the primary key; commit() runs the loser again.
        Batch.insert(c, "INSERT INTO gps_worker (worker_no, worker_id) VALUES (?, ?)", fresh.entrySet(), (ps, e) -> {
            ps.setInt(1, e.getValue());
            ps.setString(2, e.getKey());
        });
        numbers.putAll(fresh);
        numbered.putAll(fresh);
        return numbers;
    }

    /** Moves each worker's last position to its newest fix in the batch, if newer than the stored one. */
    private static Set<String> moveWorkers(Connection c, List<GpsFix> fixes) throws SQLException {
        Map<String, GpsFix> newest = new HashMap<>();
        for (GpsFix f : fixes) {
            newest.merge(f.workerId(), f, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        List<GpsFix> rows = List.copyOf(newest.values());
        return updated(c, MOVE_WORKER, rows, GpsFix::workerId, (ps, f) -> {
            // Stored as the decoded fixed-point value, so the map shows exactly what the track holds.
            ps.setDouble(1, e7(f.position().lon()) / 1e7);
            ps.setDouble(2, e7(f.position().lat()) / 1e7);
            setInstant(ps, 3, f.at());
            ps.setString(4, f.workerId());
            setInstant(ps, 5, f.at());
        });
    }

    /** Sets each worker's duty state from its newest status change in the batch, if newer than the stored one. */
    private static Set<String> dutyWorkers(Connection c, List<WorkerStatus> statuses) throws SQLException {
        Map<String, WorkerStatus> newest = new HashMap<>();
        for (WorkerStatus s : statuses) {
            newest.merge(s.workerId(), s, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        List<WorkerStatus> rows = List.copyOf(newest.values());
        return updated(c, DUTY_WORKER, rows, WorkerStatus::workerId, (ps, s) -> {
            ps.setString(1, (s.onDuty() ? DutyStatus.ON_DUTY : DutyStatus.OFF_DUTY).name());
            setInstant(ps, 2, s.at());
            ps.setString(3, s.workerId());
            setInstant(ps, 4, s.at());
        });
    }

    /** Runs a batched UPDATE per row and returns the worker ids whose row changed. */
    private static <T> Set<String> updated(Connection c, String sql, List<T> rows,
                                           java.util.function.Function<T, String> workerId,
                                           Batch.Binder<? super T> binder) throws SQLException {
        Set<String> changed = new HashSet<>();
        if (rows.isEmpty()) {
            return changed;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < rows.size(); from += Database.BATCH_SIZE) {
                List<T> chunk = rows.subList(from, Math.min(rows.size(), from + Database.BATCH_SIZE));
                for (T row : chunk) {
                    binder.bind(ps, row);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                        changed.add(workerId.apply(chunk.get(i)));
                    }
                }
            }
        }
        return changed;
    }

    private void publish(Outcome outcome) {
        Set<String> moved = outcome.movedWorkers;
        if (moved.size() == 1) {
            db.publish(new ChangeEvent("worker", moved.iterator().next(), ChangeEvent.Kind.UPDATED));
        } else if (!moved.isEmpty()) {
            db.publish(new ChangeEvent("worker", null, ChangeEvent.Kind.UPDATED));
        }
        if (outcome.alarms) {
            db.publish(new ChangeEvent("sensor-alarm", null, ChangeEvent.Kind.CREATED));
        }
        if (outcome.quarantined) {
            db.publish(new ChangeEvent("quarantine", null, ChangeEvent.Kind.CREATED));
        }
    }

    @Override
    public void probe() {
        db.putMeta("feed.probe", Instant.now().toString());
    }

    @Override
    public List<GpsFix> track(String workerId, Instant from, Instant to) {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.read("reading the track of " + workerId, c -> {
            Optional<Integer> worker = workerNumber(c, workerId);
            List<GpsFix> fixes = new ArrayList<>();
            if (worker.isEmpty() || !from.isBefore(to)) {
                return fixes;
            }
            // [from, to) in instants is [ceil(from), ceil(to)) in whole milliseconds.
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FIX_COLUMNS + " FROM gps_fix"
                    + " WHERE fix_key >= ? AND fix_key < ? ORDER BY fix_key")) {
                ps.setLong(1, fixKey(worker.get(), clampMillis(ceilMillis(from))));
                ps.setLong(2, fixKey(worker.get(), clampMillis(ceilMillis(to))));
                ps.setFetchSize(2_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fixes.add(fix(rs, workerId));
                    }
                }
            }
            return fixes;
        });
    }

    @Override
    public Optional<GpsFix> lastFix(String workerId) {
        Objects.requireNonNull(workerId, "workerId");
        return db.read("reading the last fix of " + workerId, c -> {
            Optional<Integer> worker = workerNumber(c, workerId);
            if (worker.isEmpty()) {
                return Optional.<GpsFix>empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FIX_COLUMNS + " FROM gps_fix"
                    + " WHERE fix_key >= ? AND fix_key < ? ORDER BY fix_key DESC FETCH FIRST 1 ROWS ONLY")) {
                ps.setLong(1, fixKey(worker.get(), 0));
                ps.setLong(2, fixKey(worker.get() + 1, 0));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(fix(rs, workerId)) : Optional.<GpsFix>empty();
                }
            }
        });
    }

    @Override
    public List<Quarantined> quarantine(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return db.read("reading the quarantine", c -> {
            List<Quarantined> list = new ArrayList<>();
            if (limit == 0) {
                return list;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + QUARANTINE_COLUMNS + " FROM feed_quarantine"
                    + " ORDER BY received_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] payload = rs.getBytes("payload");
                        long size = rs.getLong("payload_size");
                        if (rs.wasNull()) {
                            size = payload == null ? 0 : payload.length;
                        }
                        list.add(new Quarantined(rs.getString("topic"), payload, size, rs.getString("payload_sha256"),
                                getInstant(rs, "received_at"), reason(rs.getString("reason")),
                                rs.getString("detail"), rs.getString("sender_id"), rs.getString("message_id")));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public long quarantineCount() {
        return db.read("counting the quarantine", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM feed_quarantine")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Deletes per worker, oldest first, at most {@link #RETENTION_BATCH} fixes per durable transaction: the
     * bound of each step is the RETENTION_BATCH-th oldest fix before the cutoff, found on the primary key.
     */
    @Override
    public long deleteFixesBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        long cutoffMs = clampMillis(ceilMillis(cutoff)); // at < cutoff  ⇔  ms < ceil(cutoff)
        List<Integer> workers = db.read("listing tracked workers", c -> {
            List<Integer> list = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT worker_no FROM gps_worker ORDER BY worker_no")) {
                while (rs.next()) {
                    list.add(rs.getInt(1));
                }
            }
            return list;
        });
        long deleted = 0;
        for (int worker : workers) {
            while (true) {
                int n = db.write("deleting fixes before " + cutoff + " of worker number " + worker, c -> {
                    long low = fixKey(worker, 0);
                    long bound = fixKey(worker, cutoffMs) - 1;
                    try (PreparedStatement ps = c.prepareStatement("SELECT fix_key FROM gps_fix"
                            + " WHERE fix_key >= ? AND fix_key <= ? ORDER BY fix_key"
                            + " OFFSET " + (RETENTION_BATCH - 1) + " ROWS FETCH NEXT 1 ROWS ONLY")) {
                        ps.setLong(1, low);
                        ps.setLong(2, bound);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                bound = rs.getLong(1);
                            }
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM gps_fix WHERE fix_key >= ? AND fix_key <= ?")) {
                        ps.setLong(1, low);
                        ps.setLong(2, bound);
                        return ps.executeUpdate();
                    }
                });
                deleted += n;
                if (n < RETENTION_BATCH) {
                    break;
                }
            }
        }
        return deleted;
    }

    @Override
    public Set<MessageKey> received(Collection<MessageKey> keys) {
        Objects.requireNonNull(keys, "keys");
        Set<MessageKey> wanted = new LinkedHashSet<>();
        for (MessageKey key : keys) {
            if (receiptable(key)) {
                wanted.add(key);
            }
        }
        if (wanted.isEmpty()) {
            return Set.of();
        }
        return db.read("looking up " + wanted.size() + " message receipt(s)", c -> Set.copyOf(receivedIn(c, wanted)));
    }

    /**
     * The keys among {@code keys} that have a receipt: per sender, {@link #LOOKUP_CHUNK} ids at a time, so each
     * look-up is a range of the receipts' primary key (sender, id).
     */
    private static Set<MessageKey> receivedIn(Connection c, Collection<MessageKey> keys) throws SQLException {
        Set<MessageKey> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        Map<String, List<String>> bySender = new LinkedHashMap<>();
        for (MessageKey key : keys) {
            bySender.computeIfAbsent(key.senderId(), k -> new ArrayList<>()).add(key.messageId());
        }
        try (PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            for (Map.Entry<String, List<String>> sender : bySender.entrySet()) {
                List<String> all = sender.getValue();
                for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
                    List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
                    ps.setString(1, sender.getKey());
                    for (int i = 0; i < LOOKUP_CHUNK; i++) {
                        // A short chunk repeats its last id: same statement, same answer.
                        ps.setString(i + 2, chunk.get(Math.min(i, chunk.size() - 1)));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new MessageKey(sender.getKey(), rs.getString(1)));
                        }
                    }
                }
            }
        }
        return found;
    }

    @Override
    public long trimQuarantine(long keepAtMost, Instant olderThan) {
        if (keepAtMost < 0) {
            throw new IllegalArgumentException("keepAtMost must not be negative: " + keepAtMost);
        }
        Objects.requireNonNull(olderThan, "olderThan");
        long deleted = 0;
        while (true) {
            // Bounded steps, each its own transaction, like the GPS retention: a large trim never holds one long
            // transaction in front of the feed. ULID ids sort by the time the store made them.
            int n = db.write("trimming the feed quarantine", c -> {
                int gone;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM feed_quarantine WHERE id IN (SELECT id"
                        + " FROM feed_quarantine WHERE received_at < ? ORDER BY id FETCH FIRST "
                        + RETENTION_BATCH + " ROWS ONLY)")) {
                    setInstant(ps, 1, olderThan);
                    gone = ps.executeUpdate();
                }
                if (gone > 0) {
                    return gone;
                }
                long count;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM feed_quarantine")) {
                    rs.next();
                    count = rs.getLong(1);
                }
                long excess = Math.min(RETENTION_BATCH, count - keepAtMost);
                if (excess <= 0) {
                    return 0;
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM feed_quarantine WHERE id IN (SELECT id"
                        + " FROM feed_quarantine ORDER BY id FETCH FIRST " + excess + " ROWS ONLY)")) {
                    return ps.executeUpdate();
                }
            });
            deleted += n;
            if (n == 0) {
                break;
            }
        }
        if (deleted > 0) {
            db.publish(new ChangeEvent("quarantine", null, ChangeEvent.Kind.DELETED));
        }
        return deleted;
    }

    @Override
    public long deleteReceiptsBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        long deleted = 0;
        while (true) {
            int n = db.write("deleting feed receipts before " + cutoff, c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM feed_receipt WHERE received_at < ?"
                        + " AND received_at <= (SELECT MAX(received_at) FROM (SELECT received_at FROM feed_receipt"
                        + " WHERE received_at < ? ORDER BY received_at FETCH FIRST " + RETENTION_BATCH
                        + " ROWS ONLY) oldest)")) {
                    setInstant(ps, 1, cutoff);
                    setInstant(ps, 2, cutoff);
                    return ps.executeUpdate();
                }
            });
            deleted += n;
            if (n == 0) {
                return deleted;
            }
        }
    }

    private Optional<Integer> workerNumber(Connection c, String workerId) throws SQLException {
        Integer cached = workerNumbers.get(workerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT worker_no FROM gps_worker WHERE worker_id = ?")) {
            ps.setString(1, workerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int n = rs.getInt(1);
                workerNumbers.put(workerId, n);
                return Optional.of(n);
            }
        }
    }

    private static GpsFix fix(ResultSet rs, String workerId) throws SQLException {
        Instant at = Instant.ofEpochMilli(rs.getLong(1) & MAX_TIME_MS);
        GeoPoint position = new GeoPoint(rs.getInt(2) / 1e7, rs.getInt(3) / 1e7);
        short accuracy = rs.getShort(4);
        double metres = rs.wasNull() ? Double.NaN : accuracy / 10.0;
        return new GpsFix(rs.getString(5), workerId, at, position, metres);
    }

    private static int e7(double degrees) {
        return (int) Math.round(degrees * 1e7);
    }

    private static Integer accuracyDm(double metres) {
        if (Double.isNaN(metres)) {
            return null;
        }
        long dm = Math.round(metres * 10);
        return (int) Math.max(0, Math.min(MAX_ACCURACY_DM, dm));
    }

    /**
     * The key of a worker's fix: the worker number in the high bits, epoch milliseconds in the low 42, so the
     * primary key orders by worker, then time. A single BIGINT key is the row key of H2's table itself (a
     * composite key would be a second index pointing at rows stored in arrival order), so one worker's day
     * is a contiguous range of the table: a few pages, even cold.
     */
    static long fixKey(int workerNo, long epochMs) {
        return ((long) workerNo << TIME_BITS) + epochMs;
    }

    private static long clampMillis(long ms) {
        return Math.max(0, Math.min(MAX_TIME_MS + 1, ms));
    }

    /** The first whole millisecond at or after {@code t}. */
    private static long ceilMillis(Instant t) {
        long ms = t.toEpochMilli(); // floors towards the past for sub-millisecond parts
        return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }

    private static boolean receiptable(MessageKey key) {
        return key != null && !key.messageId().isEmpty() && key.messageId().length() <= MAX_MESSAGE_ID
                && !key.senderId().isEmpty() && key.senderId().length() <= MAX_SENDER_ID;
    }

    /** The receipt key of a quarantined message, or null when it cannot have one (no sender or id, or too long). */
    private static MessageKey receiptKey(Quarantined q) {
        MessageKey key = MessageKey.of(q);
        return receiptable(key) ? key : null;
    }

    private static void checkKey(FieldMessage m) {
        String messageId = m.messageId();
        if (messageId == null || messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID) {
            throw new IllegalArgumentException("an accepted field message needs a message id of 1 to "
                    + MAX_MESSAGE_ID + " characters: " + messageId);
        }
        String sender = m.senderId();
        if (sender == null || sender.isEmpty() || sender.length() > MAX_SENDER_ID) {
            throw new IllegalArgumentException("an accepted field message needs a sender id of 1 to "
                    + MAX_SENDER_ID + " characters: " + sender);
        }
    }

    /** A reason written by this or a later version; an unknown one (a newer console wrote it) reads as a schema violation. */
    private static QuarantineReason reason(String name) {
        try {
            return QuarantineReason.valueOf(name);
        } catch (IllegalArgumentException e) {
            return QuarantineReason.SCHEMA_VIOLATION;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
