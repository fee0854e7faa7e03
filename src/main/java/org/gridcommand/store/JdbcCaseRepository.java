package org.gridcommand.store;

import static org.gridcommand.store.Columns.getEnum;
import static org.gridcommand.store.Columns.getInstant;
import static org.gridcommand.store.Columns.getPoint;
import static org.gridcommand.store.Columns.setEnum;
import static org.gridcommand.store.Columns.setInstant;
import static org.gridcommand.store.Columns.setPoint;
import static org.gridcommand.store.Columns.setString;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseRepository;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.ChangeEvent;

final class JdbcCaseRepository implements CaseRepository {
    private static final String COLUMNS = "id, channel, category_code, lon, lat, small_grid_code, address,"
            + " description, priority, state, reported_at, accepted_at, dispatched_at, closed_at, reported_by";
    private static final String INSERT = "INSERT INTO cases (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE cases SET channel = ?, category_code = ?, lon = ?, lat = ?,"
            + " small_grid_code = ?, address = ?, description = ?, priority = ?, state = ?, reported_at = ?,"
            + " accepted_at = ?, dispatched_at = ?, closed_at = ?, reported_by = ? WHERE id = ?";
    /** Open states come from CaseState.isOpen so a new state cannot silently drop out of the queue. */
    private static final List<String> OPEN_STATES = Arrays.stream(CaseState.values())
            .filter(CaseState::isOpen).map(Enum::name).toList();
    private static final String OPEN_OR_SINCE = "SELECT " + COLUMNS + " FROM cases WHERE state IN ("
            + OPEN_STATES.stream().map(s -> "?").collect(Collectors.joining(", ")) + ") OR reported_at >= ?"
            + " ORDER BY reported_at DESC, id DESC";

    private final Database db;

    JdbcCaseRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insertAll(List<Case> cases) {
        Objects.requireNonNull(cases, "cases");
        if (cases.isEmpty()) {
            return;
        }
        db.write("inserting " + cases.size() + " case(s)", c -> {
            Batch.insert(c, INSERT, cases, (ps, k) -> bindAll(ps, k, 1));
            return null;
        });
        db.publish(new ChangeEvent("case", null, ChangeEvent.Kind.BULK_LOADED));
    }

    @Override
    public void save(Case aCase) {
        Objects.requireNonNull(aCase, "aCase");
        boolean created = db.write("saving case " + aCase.id(), c -> {
            try (PreparedStatement update = c.prepareStatement(UPDATE)) {
                bindFields(update, aCase, 1);
                update.setString(15, aCase.id());
                if (update.executeUpdate() > 0) {
                    return false;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                bindAll(insert, aCase, 1);
                insert.executeUpdate();
            }
            return true;
        });
        db.publish(new ChangeEvent("case", aCase.id(), created ? ChangeEvent.Kind.CREATED : ChangeEvent.Kind.UPDATED));
    }

    @Override
    public Optional<Case> findById(String id) {
        return db.read("reading case " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cases WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<Case>empty();
                }
            }
        });
    }

    @Override
    public List<Case> findOpenOrReportedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return db.read("listing open and recent cases", c -> {
            try (PreparedStatement ps = c.prepareStatement(OPEN_OR_SINCE)) {
                int i = 1;
                for (String state : OPEN_STATES) {
                    ps.setString(i++, state);
                }
                setInstant(ps, i, since);
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

    @Override
    public long count() {
        return db.read("counting cases", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM cases")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void bindAll(PreparedStatement ps, Case k, int first) throws SQLException {
        ps.setString(first, k.id());
        bindFields(ps, k, first + 1);
    }

    /** Binds every column but the id, in COLUMNS order, starting at {@code first}. */
    private static void bindFields(PreparedStatement ps, Case k, int first) throws SQLException {
        int i = first;
        setEnum(ps, i++, k.channel());
        setString(ps, i++, k.categoryCode());
        setPoint(ps, i, k.location());
        i += 2;
        setString(ps, i++, k.smallGridCode());
        setString(ps, i++, k.address());
        setString(ps, i++, k.description());
        setEnum(ps, i++, k.priority());
        setEnum(ps, i++, k.state());
        setInstant(ps, i++, k.reportedAt());
        setInstant(ps, i++, k.acceptedAt());
        setInstant(ps, i++, k.dispatchedAt());
        setInstant(ps, i++, k.closedAt());
        setString(ps, i, k.reportedBy());
    }

    private static Case map(ResultSet rs) throws SQLException {
        return new Case(rs.getString("id"), getEnum(rs, "channel", Channel.class), rs.getString("category_code"),
                getPoint(rs, "lon", "lat"), rs.getString("small_grid_code"), rs.getString("address"),
                rs.getString("description"), getEnum(rs, "priority", Priority.class),
                getEnum(rs, "state", CaseState.class), getInstant(rs, "reported_at"),
                getInstant(rs, "accepted_at"), getInstant(rs, "dispatched_at"), getInstant(rs, "closed_at"),
                rs.getString("reported_by"));
    }
}
