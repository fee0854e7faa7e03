package org.gridcommand.sla;

import java.time.Instant;
import java.util.Objects;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;

/**
 * What the SLA engine needs of a case: its category, state and stage instants. A plain snapshot, so the
 * watcher and the queue can hand over rows from any source (store, view model, test) without the whole Case.
 * reworkedAt is when handling restarted after the last failed verification (null if never reworked): rework
 * gets a fresh handling limit from then.
 */
public record SlaCase(String caseId, String categoryCode, CaseState state, Instant reportedAt, Instant acceptedAt,
                      Instant dispatchedAt, Instant fedBackAt, Instant verifiedAt, Instant closedAt,
                      Instant reworkedAt) {
    public SlaCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    public SlaCase(String caseId, String categoryCode, CaseState state, Instant reportedAt, Instant acceptedAt,
                   Instant dispatchedAt, Instant fedBackAt, Instant verifiedAt, Instant closedAt) {
        this(caseId, categoryCode, state, reportedAt, acceptedAt, dispatchedAt, fedBackAt, verifiedAt, closedAt, null);
    }

    /** The case's state machine stamps handlingStartedAt again on rework (and clears fedBackAt). */
    public static SlaCase of(Case c) {
        return new SlaCase(c.id(), c.categoryCode(), c.state(), c.reportedAt(), c.acceptedAt(), c.dispatchedAt(),
                c.fedBackAt(), c.verifiedAt(), c.closedAt(), c.reworkCount() > 0 ? c.handlingStartedAt() : null);
    }
}
