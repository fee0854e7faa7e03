package org.gridcommand.store;

import static org.gridcommand.store.Columns.getEnum;
import static org.gridcommand.store.Columns.getInstant;
import static org.gridcommand.store.Columns.setEnum;
import static org.gridcommand.store.Columns.setInstant;
import static org.gridcommand.store.Columns.setString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseEventRepository;
import org.gridcommand.cases.CaseState;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.Role;

/**
 * Reads the case trail. Lines are inserted only by {@link JdbcCaseRepository}, inside the transaction of
 * the change they explain; nothing here updates or deletes, because the trail is evidence.
 */
final class JdbcCaseEventRepository implements CaseEventRepository {
    private static final String COLUMNS = "id, case_id, at, operator_name, role, action, from_state, to_state, note, actor_kind";

    private final Database db;

    JdbcCaseEventRepository(Database db) {
        this.db = db;
    }

    /** Appends one line on the caller's transaction. */
    static void insert(Connection c, CaseEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO case_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.id());
            ps.setString(2, e.caseId());
            setInstant(ps, 3, e.at());
            ps.setString(4, e.operatorName());
            setEnum(ps, 5, e.role());
            setEnum(ps, 6, e.action());
            setEnum(ps, 7, e.fromState());
            setEnum(ps, 8, e.toState());
            setString(ps, 9, e.note());
            setEnum(ps, 10, e.actorKind());
            ps.executeUpdate();
        }
    }

    @Override
    public List<CaseEvent> findByCase(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return db.read("reading the trail of case " + caseId, c -> {
            // ULID ids break ties between lines stamped in the same instant, in the order they were made.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM case_event WHERE case_id = ? ORDER BY at, id")) {
                ps.setString(1, caseId);
                List<CaseEvent> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new CaseEvent(rs.getString("id"), rs.getString("case_id"), getInstant(rs, "at"),
                                rs.getString("operator_name"), getEnum(rs, "role", Role.class),
                                getEnum(rs, "action", CaseAction.class), getEnum(rs, "from_state", CaseState.class),
                                getEnum(rs, "to_state", CaseState.class), rs.getString("note"),
                                getEnum(rs, "actor_kind", ActorKind.class)));
                    }
                }
                return result;
            }
        });
    }

    @Override
    public long count() {
        return db.read("counting case trail lines", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM case_event")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
