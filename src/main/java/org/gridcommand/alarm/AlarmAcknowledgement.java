package org.gridcommand.alarm;

import java.time.Instant;
import java.util.Objects;
import org.gridcommand.duty.Role;

/** An officer saw an alarm and took it in hand: kept in the store, so the list after a restart leaves it out. */
public record AlarmAcknowledgement(String alarmKey, String caseId, AlarmKind kind, String operatorName, Role role,
                                   Instant at) {
    public AlarmAcknowledgement {
        Objects.requireNonNull(alarmKey, "alarmKey");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(at, "at");
    }
}
