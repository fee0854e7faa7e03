package org.gridcommand.duty;

import java.time.Instant;

/** One line of the append-only audit trail: who did what, to what, when. */
public record AuditEntry(String id, Instant at, String operatorName, Role role, String action,
                         String subjectId, String detail) {
}
