package org.gridcommand.store;

import static org.gridcommand.store.Columns.getEnum;
import static org.gridcommand.store.Columns.getInstant;
import static org.gridcommand.store.Columns.getPoint;
import static org.gridcommand.store.Columns.setDouble;
import static org.gridcommand.store.Columns.setEnum;
import static org.gridcommand.store.Columns.setInstant;
import static org.gridcommand.store.Columns.setPoint;
import static org.gridcommand.store.Columns.setString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseChange;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.CaseRepository;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.MergedReport;
import org.gridcommand.cases.Priority;
import org.gridcommand.cases.ReportIdTaken;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.geo.Datum;

final class JdbcCaseRepository implements CaseRepository {
    /** Column order is the binding order of {@link #bindFields}; the id is always first. */
    private static final List<String> COLUMN_LIST = List.of("id", "channel", "report_id", "category_code", "lon", "lat",
            "small_grid_code", "outside_district", "address", "reported_by", "reporter_name", "reporter_contact",
            "description", "attachments", "priority", "event_class", "emergency_level", "state", "state_reason",
            "suspended_from", "assignee_kind", "assignee_code", "supervised", "escalated", "rework_count",
            "reported_at", "accepted_at", "dispatched_at", "handling_started_at", "fed_back_at", "verified_at",
            "closed_at", "voided_at", "suspended_at");
    private static final String COLUMNS = String.join(", ", COLUMN_LIST);
    /** The number is written once, on insert (CaseNumbers gives it); an update never touches it. */
    private static final String INSERT = "INSERT INTO cases (" + COLUMNS + ", case_number) VALUES ("
            + COLUMN_LIST.stream().map(c -> "?").collect(Collectors.joining(", ")) + ", ?)";
    private static final String UPDATE = "UPDATE cases SET "
            + COLUMN_LIST.stream().skip(1).map(c -> c + " = ?").collect(Collectors.joining(", ")) + " WHERE id = ?";
    private static final String SELECT = "SELECT " + COLUMNS + ", case_number FROM cases";
    /** Open states come from CaseState.isOpen so a new state cannot silently drop out of the queue. */
    private static final List<CaseState> OPEN = Arrays.stream(CaseState.values()).filter(CaseState::isOpen).toList();
    private static final String OPEN_IN = inList(OPEN.size());
    private static final String OPEN_OR_SINCE = SELECT + " WHERE state IN " + OPEN_IN + " OR reported_at >= ?"
            + " ORDER BY reported_at DESC, id DESC";
    private static final String OPEN_IN_MAJOR = SELECT + " WHERE state IN " + OPEN_IN
            + " AND category_code LIKE ? AND reported_at >= ? AND reported_at <= ? ORDER BY reported_at DESC, id DESC";

    private static final String REPORT_COLUMNS = "id, case_id, merged_at, channel, report_id, category_code, lon, lat,"
            + " datum, address, reporter_name, reporter_contact, reported_by, description, attachments, priority,"
            + " event_class, emergency_level, reported_at";
    /** SQLSTATE for a unique or primary-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    /** Days whose case-number row exists (CaseNumbers.prepareDays), so later cases of a day skip that step. */
    private final java.util.Set<String> numberedDays = java.util.concurrent.ConcurrentHashMap.newKeySet();

    JdbcCaseRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insertAll(List<Case> cases) {
        Objects.requireNonNull(cases, "cases");
        if (cases.isEmpty()) {
            return;
        }
        String operation = "inserting " + cases.size() + " case(s)";
        CaseNumbers.prepareDays(db, numberedDays, cases, operation);
        db.write(operation, c -> {
            Batch.insert(c, INSERT, CaseNumbers.assign(c, cases), JdbcCaseRepository::bindAll);
            return null;
        });
        db.publish(new ChangeEvent("case", null, ChangeEvent.Kind.BULK_LOADED));
    }

    @Override
    public void save(Case aCase) {
        Objects.requireNonNull(aCase, "aCase");
        CaseNumbers.prepareDays(db, numberedDays, List.of(aCase), "saving case " + aCase.id());
        boolean created = db.write("saving case " + aCase.id(), c -> {
            if (update(c, aCase)) {
                return false;
            }
            insert(c, aCase);
            return true;
        });
        db.publish(new ChangeEvent("case", aCase.id(), created ? ChangeEvent.Kind.CREATED : ChangeEvent.Kind.UPDATED));
    }

    @Override
    public Case create(Case aCase, CaseEvent event) {
        Objects.requireNonNull(aCase, "aCase");
        Objects.requireNonNull(event, "event");
        Case stored;
        CaseNumbers.prepareDays(db, numberedDays, List.of(aCase), "creating case " + aCase.id());
        try {
            stored = db.write("creating case " + aCase.id(), c -> {
                if (aCase.reportId() != null && mergedCaseOf(c, aCase.reportId()).isPresent()) {
                    throw new ReportIdTaken(aCase.reportId(), null);
                }
                Case numbered = insert(c, aCase);
                JdbcCaseEventRepository.insert(c, event);
                return numbered;
            });
        } catch (StoreException e) {
            throw reportIdTakenOr(e, aCase.reportId());
        }
        db.publish(new ChangeEvent("case", aCase.id(), ChangeEvent.Kind.CREATED));
        return stored;
    }

    @Override
    public CaseChange apply(String caseId, Function<Case, CaseChange> change) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(change, "change");
        CaseChange done = db.write("changing case " + caseId, c -> {
            // The row lock makes the check and the write one step: two seats cannot both accept a case.
            Case current = lockForUpdate(c, caseId);
            CaseChange result = Objects.requireNonNull(change.apply(current), "change returned null");
            if (!result.after().id().equals(caseId)) {
                throw new IllegalArgumentException("a change of case " + caseId + " returned case " + result.after().id());
            }
            write(c, result);
            return result;
        });
        db.publish(new ChangeEvent("case", caseId, ChangeEvent.Kind.UPDATED));
        return done;
    }

    /**
     * Reads the case under a row lock on the caller's transaction (the plan store changes a case together
     * with its own rows).
     *
     * @throws NoSuchElementException when no case has this id
     */
    static Case lockForUpdate(Connection c, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ? FOR UPDATE")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no case " + caseId);
                }
                return map(rs);
            }
        }
    }

    /** Writes a case's new form and its trail line on the caller's transaction (the case must be locked). */
    static void write(Connection c, CaseChange change) throws SQLException {
        String caseId = change.event().caseId();
        if (!update(c, change.after())) {
            throw new NoSuchElementException("no case " + caseId);
        }
        JdbcCaseEventRepository.insert(c, change.event());
    }

    @Override
    public void mergeReport(MergedReport merged, CaseEvent event) {
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(event, "event");
        String reportId = merged.report().reportId();
        try {
            db.write("merging a report into case " + merged.caseId(), c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM cases WHERE id = ? FOR UPDATE")) {
                    ps.setString(1, merged.caseId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new NoSuchElementException("no case " + merged.caseId());
                        }
                    }
                }
                if (reportId != null && caseWithReportId(c, reportId).isPresent()) {
                    throw new ReportIdTaken(reportId, null);
                }
                insertReport(c, merged);
                JdbcCaseEventRepository.insert(c, event);
                return null;
            });
        } catch (StoreException e) {
            throw reportIdTakenOr(e, reportId);
        }
        db.publish(new ChangeEvent("case", merged.caseId(), ChangeEvent.Kind.UPDATED));
    }

    @Override
    public List<MergedReport> findMergedReports(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return db.read("reading the reports merged into case " + caseId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REPORT_COLUMNS
                    + " FROM case_report WHERE case_id = ? ORDER BY merged_at, id")) {
                ps.setString(1, caseId);
                List<MergedReport> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(mapReport(rs));
                    }
                }
                return result;
            }
        });
    }

    @Override
    public Optional<Case> findById(String id) {
        return db.read("reading case " + id, c -> findById(c, id));
    }

    @Override
    public Optional<Case> findByReportId(String reportId) {
        Objects.requireNonNull(reportId, "reportId");
        return db.read("looking up report id " + reportId, c -> {
            Optional<Case> own = caseWithReportId(c, reportId);
            if (own.isPresent()) {
                return own;
            }
            Optional<String> mergedInto = mergedCaseOf(c, reportId);
            return mergedInto.isPresent() ? findById(c, mergedInto.get()) : Optional.<Case>empty();
        });
    }

    @Override
    public List<Case> findOpenOrReportedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return query("listing open and recent cases", OPEN_OR_SINCE, ps -> {
            int i = bindStates(ps, 1, OPEN);
            setInstant(ps, i, since);
        });
    }

    @Override
    public List<Case> findByState(CaseState... states) {
        List<CaseState> wanted = List.of(states);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return query("listing cases by state", SELECT + " WHERE state IN " + inList(wanted.size())
                + " ORDER BY reported_at DESC, id DESC", ps -> bindStates(ps, 1, wanted));
    }

    @Override
    public List<Case> findOpen() {
        return findByState(OPEN.toArray(CaseState[]::new));
    }

    @Override
    public List<Case> findReportedBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return query("listing cases reported between " + from + " and " + to,
                SELECT + " WHERE reported_at >= ? AND reported_at < ? ORDER BY reported_at, id", ps -> {
                    setInstant(ps, 1, from);
                    setInstant(ps, 2, to);
                });
    }

    @Override
    public List<Case> findOpenInMajorReportedBetween(String majorCode, Instant from, Instant to) {
        Objects.requireNonNull(majorCode, "majorCode");
        if (!majorCode.matches("[0-9A-Za-z]+")) {
            // The code goes into a LIKE pattern: anything but plain code characters would be a wildcard.
            throw new IllegalArgumentException("not a category code: " + majorCode);
        }
        return query("listing open cases of category " + majorCode, OPEN_IN_MAJOR, ps -> {
            int i = bindStates(ps, 1, OPEN);
            ps.setString(i++, majorCode + "%");
            setInstant(ps, i++, from);
            setInstant(ps, i, to);
        });
    }

    @Override
    public long count() {
        return db.read("counting cases", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM cases")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Case> query(String operation, String sql, Binder binder) {
        return db.read(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<Case> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(map(rs));
                    }
                }
                return result;
            }
        });
    }

    private static String inList(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }

    private static int bindStates(PreparedStatement ps, int first, List<CaseState> states) throws SQLException {
        int i = first;
        for (CaseState s : states) {
            ps.setString(i++, s.name());
        }
        return i;
    }

    private static Optional<Case> findById(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Case> caseWithReportId(Connection c, String reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE report_id = ?")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<String> mergedCaseOf(Connection c, String reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id FROM case_report WHERE report_id = ?")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** A unique violation on a report id is the expected race of two submits; anything else stays a failure. */
    private static RuntimeException reportIdTakenOr(StoreException e, String reportId) {
        if (reportId != null && e.getCause() instanceof SQLException sql
                && UNIQUE_VIOLATION.equals(sql.getSQLState())
                && String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("report_id_uq")) {
            return new ReportIdTaken(reportId, e);
        }
        return e;
    }

    private static boolean update(Connection c, Case k) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            int next = bindFields(update, k, 1);
            update.setString(next, k.id());
            return update.executeUpdate() > 0;
        }
    }

    /** Inserts the case with its number (given now when it has none); returns it as stored. */
    private static Case insert(Connection c, Case k) throws SQLException {
        Case numbered = CaseNumbers.assign(c, List.of(k)).get(0);
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            bindAll(insert, numbered);
            insert.executeUpdate();
        }
        return numbered;
    }

    private static void bindAll(PreparedStatement ps, Case k) throws SQLException {
        ps.setString(1, k.id());
        int next = bindFields(ps, k, 2);
        setString(ps, next, k.number());
    }

    /** Binds every column but the id, in COLUMN_LIST order, from {@code first}; returns the next index. */
    private static int bindFields(PreparedStatement ps, Case k, int first) throws SQLException {
        int i = first;
        setEnum(ps, i++, k.channel());
        setString(ps, i++, k.reportId());
        setString(ps, i++, k.categoryCode());
        setPoint(ps, i, k.location());
        i += 2;
        setString(ps, i++, k.smallGridCode());
        ps.setBoolean(i++, k.outsideDistrict());
        setString(ps, i++, k.address());
        setString(ps, i++, k.reportedBy());
        setString(ps, i++, k.reporterName());
        setString(ps, i++, k.reporterContact());
        setString(ps, i++, k.description());
        setString(ps, i++, CaseJson.attachments(k.attachments()));
        setEnum(ps, i++, k.priority());
        setEnum(ps, i++, k.eventClass());
        setEnum(ps, i++, k.level());
        setEnum(ps, i++, k.state());
        setString(ps, i++, k.stateReason());
        setEnum(ps, i++, k.suspendedFrom());
        setEnum(ps, i++, k.assignee() == null ? null : k.assignee().kind());
        setString(ps, i++, k.assignee() == null ? null : k.assignee().code());
        ps.setBoolean(i++, k.supervised());
        ps.setBoolean(i++, k.escalated());
        ps.setInt(i++, k.reworkCount());
        setInstant(ps, i++, k.reportedAt());
        setInstant(ps, i++, k.acceptedAt());
        setInstant(ps, i++, k.dispatchedAt());
        setInstant(ps, i++, k.handlingStartedAt());
        setInstant(ps, i++, k.fedBackAt());
        setInstant(ps, i++, k.verifiedAt());
        setInstant(ps, i++, k.closedAt());
        setInstant(ps, i++, k.voidedAt());
        setInstant(ps, i++, k.suspendedAt());
        return i;
    }

    private static Case map(ResultSet rs) throws SQLException {
        Assignee.Kind assigneeKind = getEnum(rs, "assignee_kind", Assignee.Kind.class);
        String assigneeCode = rs.getString("assignee_code");
        return new Case(rs.getString("id"), getEnum(rs, "channel", Channel.class), rs.getString("report_id"),
                rs.getString("category_code"), getPoint(rs, "lon", "lat"), rs.getString("small_grid_code"),
                rs.getBoolean("outside_district"), rs.getString("address"), rs.getString("reported_by"),
                rs.getString("reporter_name"), rs.getString("reporter_contact"), rs.getString("description"),
                CaseJson.attachments(rs.getString("attachments")), getEnum(rs, "priority", Priority.class),
                getEnum(rs, "event_class", EmergencyClass.class), getEnum(rs, "emergency_level", EmergencyLevel.class),
                getEnum(rs, "state", CaseState.class), rs.getString("state_reason"),
                getEnum(rs, "suspended_from", CaseState.class),
                assigneeKind == null ? null : new Assignee(assigneeKind, assigneeCode),
                rs.getBoolean("supervised"), rs.getBoolean("escalated"), rs.getInt("rework_count"),
                getInstant(rs, "reported_at"), getInstant(rs, "accepted_at"), getInstant(rs, "dispatched_at"),
                getInstant(rs, "handling_started_at"), getInstant(rs, "fed_back_at"), getInstant(rs, "verified_at"),
                getInstant(rs, "closed_at"), getInstant(rs, "voided_at"), getInstant(rs, "suspended_at"),
                rs.getString("case_number"));
    }

    private static void insertReport(Connection c, MergedReport m) throws SQLException {
        CaseReport r = m.report();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_report (" + REPORT_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setString(i++, m.id());
            ps.setString(i++, m.caseId());
            setInstant(ps, i++, m.mergedAt());
            setEnum(ps, i++, r.channel());
            setString(ps, i++, r.reportId());
            setString(ps, i++, r.categoryCode());
            setDouble(ps, i++, r.lon());
            setDouble(ps, i++, r.lat());
            setEnum(ps, i++, r.datum());
            setString(ps, i++, r.address());
            setString(ps, i++, r.reporterName());
            setString(ps, i++, r.reporterContact());
            setString(ps, i++, r.reportedBy());
            setString(ps, i++, r.description());
            setString(ps, i++, CaseJson.attachments(r.attachments()));
            setEnum(ps, i++, r.priority());
            setEnum(ps, i++, r.eventClass());
            setEnum(ps, i++, r.level());
            setInstant(ps, i, r.reportedAt());
            ps.executeUpdate();
        }
    }

    private static MergedReport mapReport(ResultSet rs) throws SQLException {
        double lon = rs.getDouble("lon");
        Double lonValue = rs.wasNull() ? null : lon;
        double lat = rs.getDouble("lat");
        Double latValue = rs.wasNull() ? null : lat;
        CaseReport report = new CaseReport(getEnum(rs, "channel", Channel.class), rs.getString("report_id"),
                rs.getString("category_code"), lonValue, latValue, getEnum(rs, "datum", Datum.class),
                rs.getString("address"), rs.getString("reporter_name"), rs.getString("reporter_contact"),
                rs.getString("reported_by"), rs.getString("description"),
                CaseJson.attachments(rs.getString("attachments")), getEnum(rs, "priority", Priority.class),
                getEnum(rs, "event_class", EmergencyClass.class), getEnum(rs, "emergency_level", EmergencyLevel.class),
                getInstant(rs, "reported_at"), null);
        return new MergedReport(rs.getString("id"), rs.getString("case_id"), getInstant(rs, "merged_at"), report);
    }
}
