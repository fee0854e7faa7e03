package org.gridcommand.store;

import static org.gridcommand.store.Columns.getInstant;
import static org.gridcommand.store.Columns.setInstant;
import static org.gridcommand.store.Columns.setString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.evidence.Evidence;
import org.gridcommand.evidence.EvidenceRepository;

/**
 * Case evidence on H2 and PostgreSQL: the record in {@code case_evidence}, the bytes in
 * {@code case_evidence_content} (see V4), the trail line in {@code case_event}, all in one transaction under
 * the case's row lock. Nothing here updates or deletes: evidence, like the trail, is kept as it was attached.
 */
final class JdbcEvidenceRepository implements EvidenceRepository {
    private static final String COLUMNS = "id, case_id, event_id, camera_id, camera_name, taken_at, attached_at,"
            + " operator_name, media_type, width, height, size_bytes, sha256";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM case_evidence";

    private final Database db;

    JdbcEvidenceRepository(Database db) {
        this.db = db;
    }

    @Override
    public void attach(Evidence evidence, byte[] content, Function<CaseState, CaseEvent> line) {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(line, "line");
        if (content.length != evidence.sizeBytes()) {
            throw new IllegalArgumentException("evidence " + evidence.id() + " says " + evidence.sizeBytes()
                    + " bytes but " + content.length + " were given");
        }
        db.write("attaching evidence " + evidence.id() + " (camera " + evidence.cameraId() + ") to case "
                + evidence.caseId(), c -> {
            // The row lock orders this with the case's own changes: a case closed at another seat meanwhile
            // is judged closed here, and the line's state is the one stored.
            CaseState state;
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM cases WHERE id = ? FOR UPDATE")) {
                ps.setString(1, evidence.caseId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NoSuchElementException("no case " + evidence.caseId()
                                + " to attach evidence " + evidence.id() + " to");
                    }
                    state = CaseState.valueOf(rs.getString(1));
                }
            }
            CaseEvent event = Objects.requireNonNull(line.apply(state), "line returned null");
            if (!event.id().equals(evidence.eventId()) || !event.caseId().equals(evidence.caseId())) {
                throw new IllegalArgumentException("evidence " + evidence.id() + " names trail line "
                        + evidence.eventId() + " of case " + evidence.caseId() + ", but the line made is "
                        + event.id() + " of case " + event.caseId());
            }
            JdbcCaseEventRepository.insert(c, event);
            insert(c, evidence);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO case_evidence_content (evidence_id, content) VALUES (?, ?)")) {
                ps.setString(1, evidence.id());
                ps.setBytes(2, content);
                ps.executeUpdate();
            }
            return null;
        });
        // The case's trail grew: its detail view reloads. Listeners of evidence get the new item.
        db.publish(new ChangeEvent("case", evidence.caseId(), ChangeEvent.Kind.UPDATED));
        db.publish(new ChangeEvent("evidence", evidence.id(), ChangeEvent.Kind.CREATED));
    }

    private static void insert(Connection c, Evidence e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_evidence (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.id());
            ps.setString(2, e.caseId());
            ps.setString(3, e.eventId());
            ps.setString(4, e.cameraId());
            setString(ps, 5, e.cameraName());
            setInstant(ps, 6, e.takenAt());
            setInstant(ps, 7, e.attachedAt());
            ps.setString(8, e.operatorName());
            ps.setString(9, e.mediaType());
            ps.setInt(10, e.width());
            ps.setInt(11, e.height());
            ps.setLong(12, e.sizeBytes());
            ps.setString(13, e.sha256());
            ps.executeUpdate();
        }
    }

    @Override
    public List<Evidence> findByCase(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return db.read("reading the evidence of case " + caseId, c -> {
            // ULID ids break ties between items attached in the same millisecond, in the order they were made.
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE case_id = ? ORDER BY attached_at, id")) {
                ps.setString(1, caseId);
                List<Evidence> result = new ArrayList<>();
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
    public Optional<Evidence> findById(String evidenceId) {
        Objects.requireNonNull(evidenceId, "evidenceId");
        return db.read("reading evidence " + evidenceId, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
                ps.setString(1, evidenceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<Evidence>empty();
                }
            }
        });
    }

    @Override
    public byte[] content(String evidenceId) {
        Objects.requireNonNull(evidenceId, "evidenceId");
        return db.read("reading the picture of evidence " + evidenceId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT content FROM case_evidence_content WHERE evidence_id = ?")) {
                ps.setString(1, evidenceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NoSuchElementException("no evidence " + evidenceId);
                    }
                    return rs.getBytes(1);
                }
            }
        });
    }

    @Override
    public long count() {
        return db.read("counting evidence", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM case_evidence")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Evidence map(ResultSet rs) throws SQLException {
        return new Evidence(rs.getString("id"), rs.getString("case_id"), rs.getString("event_id"),
                rs.getString("camera_id"), rs.getString("camera_name"), getInstant(rs, "taken_at"),
                getInstant(rs, "attached_at"), rs.getString("operator_name"), rs.getString("media_type"),
                rs.getInt("width"), rs.getInt("height"), rs.getLong("size_bytes"), rs.getString("sha256"));
    }
}
