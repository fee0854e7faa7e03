package org.gridcommand.store;

import static org.gridcommand.store.Columns.getEnum;
import static org.gridcommand.store.Columns.getInstant;
import static org.gridcommand.store.Columns.setEnum;
import static org.gridcommand.store.Columns.setInstant;
import static org.gridcommand.store.Columns.setString;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.duty.AuditEntry;
import org.gridcommand.duty.AuditRepository;
import org.gridcommand.duty.Role;

/** Insert and select only: the trail is evidence, so nothing here can change or remove a line. */
final class JdbcAuditRepository implements AuditRepository {
    private static final String COLUMNS = "id, at, operator_name, role, action, subject_id, detail";

    private final Database db;

    JdbcAuditRepository(Database db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        db.write("appending audit entry " + entry.action(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, entry.id());
                setInstant(ps, 2, entry.at());
                ps.setString(3, entry.operatorName());
                setEnum(ps, 4, entry.role());
                ps.setString(5, entry.action());
                setString(ps, 6, entry.subjectId());
                setString(ps, 7, entry.detail());
                ps.executeUpdate();
            }
            return null;
        });
        db.publish(new ChangeEvent("audit", entry.id(), ChangeEvent.Kind.CREATED));
    }

    @Override
    public List<AuditEntry> findRecent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return db.read("reading the audit trail", c -> {
            // FETCH FIRST is the standard spelling both vendors accept (LIMIT is an extension on H2).
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_log ORDER BY at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                List<AuditEntry> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new AuditEntry(rs.getString("id"), getInstant(rs, "at"),
                                rs.getString("operator_name"), getEnum(rs, "role", Role.class),
                                rs.getString("action"), rs.getString("subject_id"), rs.getString("detail")));
                    }
                }
                return result;
            }
        });
    }
}
