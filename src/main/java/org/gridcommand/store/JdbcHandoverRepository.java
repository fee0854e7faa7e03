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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.Role;
import org.gridcommand.handover.HandoverAcknowledgement;
import org.gridcommand.handover.HandoverAlreadyAcknowledged;
import org.gridcommand.handover.HandoverRepository;

/** Acknowledgements are inserted and read, never changed; the trail is read across cases by time. */
final class JdbcHandoverRepository implements HandoverRepository {
    private static final String COLUMNS = "id, shift_code, shift_from, shift_to, handed_over_by, taken_over_by, "
            + "taken_over_role, acknowledged_at, report_sha256, report_text";
    private static final String EVENT_COLUMNS = "id, case_id, at, operator_name, role, action, from_state, to_state, note, actor_kind";

    private final Database db;

    JdbcHandoverRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(HandoverAcknowledgement a) {
        Objects.requireNonNull(a, "acknowledgement");
        db.write("storing the handover of the " + a.shiftCode() + " shift starting " + a.shiftFrom(), c -> {
            // Checked inside the transaction; the unique constraint still stops a second seat racing this one.
            Optional<HandoverAcknowledgement> existing = find(c, a.shiftCode(), a.shiftFrom());
            if (existing.isPresent()) {
                throw new HandoverAlreadyAcknowledged(existing.get());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO shift_handover (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, a.id());
                ps.setString(2, a.shiftCode());
                setInstant(ps, 3, a.shiftFrom());
                setInstant(ps, 4, a.shiftTo());
                setString(ps, 5, a.handedOverBy());
                ps.setString(6, a.takenOverBy());
                setEnum(ps, 7, a.takenOverRole());
                setInstant(ps, 8, a.acknowledgedAt());
                ps.setString(9, a.reportDigest());
                ps.setString(10, a.reportText());
                ps.executeUpdate();
            }
            return null;
        });
        db.publish(new ChangeEvent("handover", a.id(), ChangeEvent.Kind.CREATED));
    }

    @Override
    public Optional<HandoverAcknowledgement> find(String shiftCode, Instant shiftFrom) {
        Objects.requireNonNull(shiftCode, "shiftCode");
        Objects.requireNonNull(shiftFrom, "shiftFrom");
        return db.read("reading the handover of the " + shiftCode + " shift starting " + shiftFrom,
                c -> find(c, shiftCode, shiftFrom));
    }

    private static Optional<HandoverAcknowledgement> find(Connection c, String shiftCode, Instant shiftFrom)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM shift_handover WHERE shift_code = ? AND shift_from = ?")) {
            ps.setString(1, shiftCode);
            setInstant(ps, 2, shiftFrom);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<HandoverAcknowledgement> findRecent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return db.read("reading recent handovers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM shift_handover ORDER BY acknowledged_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                List<HandoverAcknowledgement> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<CaseEvent> caseEventsBetween(Instant from, Instant to, Set<CaseAction> actions) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (actions.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(actions.size(), "?"));
        return db.read("reading the case trail from " + from + " to " + to, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM case_event"
                    + " WHERE at >= ? AND at < ? AND action IN (" + marks + ") ORDER BY at, id")) {
                setInstant(ps, 1, from);
                setInstant(ps, 2, to);
                int i = 3;
                for (CaseAction a : actions) {
                    ps.setString(i++, a.name());
                }
                List<CaseEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CaseEvent(rs.getString("id"), rs.getString("case_id"), getInstant(rs, "at"),
                                rs.getString("operator_name"), getEnum(rs, "role", Role.class),
                                getEnum(rs, "action", CaseAction.class), getEnum(rs, "from_state", CaseState.class),
                                getEnum(rs, "to_state", CaseState.class), rs.getString("note"),
                                getEnum(rs, "actor_kind", ActorKind.class)));
                    }
                }
                return out;
            }
        });
    }

    private static HandoverAcknowledgement row(ResultSet rs) throws SQLException {
        return new HandoverAcknowledgement(rs.getString("id"), rs.getString("shift_code"), getInstant(rs, "shift_from"),
                getInstant(rs, "shift_to"), rs.getString("handed_over_by"), rs.getString("taken_over_by"),
                getEnum(rs, "taken_over_role", Role.class), getInstant(rs, "acknowledged_at"),
                rs.getString("report_sha256"), rs.getString("report_text"));
    }
}
