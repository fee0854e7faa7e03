package org.gridcommand.store;

import static org.gridcommand.store.Columns.setEnum;
import static org.gridcommand.store.Columns.setInstant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.gridcommand.alarm.AlarmAckRepository;
import org.gridcommand.alarm.AlarmAcknowledgement;
import org.gridcommand.common.ChangeEvent;

/** V8's alarm_ack: inserted once per alarm key, read for the open cases; never changed. */
final class JdbcAlarmAckRepository implements AlarmAckRepository {
    private final Database db;

    JdbcAlarmAckRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(AlarmAcknowledgement a) {
        Objects.requireNonNull(a, "acknowledgement");
        int inserted = db.write("storing the acknowledgement of alarm " + a.alarmKey(), c -> {
            // INSERT … WHERE NOT EXISTS rather than catching the key violation: on PostgreSQL a failed statement
            // spoils the transaction. The key still stops two seats racing.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alarm_ack (alarm_key, case_id, kind, "
                    + "operator_name, role, acknowledged_at) SELECT CAST(? AS VARCHAR(120)), CAST(? AS VARCHAR(40)), "
                    + "CAST(? AS VARCHAR(30)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(40)), "
                    + "CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS "
                    + "(SELECT 1 FROM alarm_ack WHERE alarm_key = ?)")) {
                ps.setString(1, a.alarmKey());
                ps.setString(2, a.caseId());
                ps.setString(3, a.kind().name());
                ps.setString(4, a.operatorName());
                setEnum(ps, 5, a.role());
                setInstant(ps, 6, a.at());
                ps.setString(7, a.alarmKey());
                return ps.executeUpdate();
            }
        });
        if (inserted > 0) {
            db.publish(new ChangeEvent("alarm", a.alarmKey(), ChangeEvent.Kind.CREATED));
        }
    }

    @Override
    public Set<String> acknowledgedOnOpenCases() {
        return db.read("reading the acknowledged alarms", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.alarm_key FROM alarm_ack a JOIN cases k "
                    + "ON k.id = a.case_id WHERE k.state NOT IN ('CLOSED', 'VOIDED')");
                 ResultSet rs = ps.executeQuery()) {
                Set<String> keys = new HashSet<>();
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
                return keys;
            }
        });
    }
}
