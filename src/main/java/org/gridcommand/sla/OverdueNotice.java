package org.gridcommand.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A case's running stage went past its due time; sent once per case, stage and due time. */
public record OverdueNotice(String caseId, SlaStage stage, Instant due, Duration overrun) {
    /** The audit-trail action the caller records the notice under. */
    public static final String AUDIT_ACTION = "SLA_OVERDUE";

    public OverdueNotice {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(overrun, "overrun");
    }

    /** The audit line's detail, e.g. "HANDLE overdue: due 2026-11-27T02:30:00Z, overrun PT15M". */
    public String auditDetail() {
        return stage + " overdue: due " + due + ", overrun " + overrun;
    }
}
