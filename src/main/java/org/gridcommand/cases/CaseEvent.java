package org.gridcommand.cases;

import java.time.Instant;
import java.util.Objects;
import org.gridcommand.duty.Role;

/**
 * One line of a case's append-only trail. role is null when the line was not written by an operator on
 * duty (a report arriving from a channel is stamped with its reporter). fromState is null for REPORT;
 * flag actions (supervise, escalate, merge) keep fromState == toState.
 */
public record CaseEvent(String id, String caseId, Instant at, String operatorName, Role role, CaseAction action,
                        CaseState fromState, CaseState toState, String note) {
    public CaseEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(toState, "toState");
    }
}
