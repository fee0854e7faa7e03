package org.gridcommand.cases;

import java.time.Instant;
import java.util.Objects;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.Role;

/**
 * One line of a case's append-only trail. {@code actorKind} says what acted (an officer, a grid worker, a sensor,
 * the system …) and {@code operatorName} who: the officer's name, the worker's or sensor's id, or the rule. role
 * is set only for an officer on duty. actorKind is null only on lines written before it was recorded. fromState is
 * null for REPORT; flag actions (supervise, escalate, merge) keep fromState == toState.
 */
public record CaseEvent(String id, String caseId, Instant at, String operatorName, Role role, CaseAction action,
                        CaseState fromState, CaseState toState, String note, ActorKind actorKind) {
    public CaseEvent {
        if (role != null && actorKind != null && actorKind != ActorKind.OFFICER) {
            throw new IllegalArgumentException("only an officer's line carries a role, not a " + actorKind + "'s");
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(toState, "toState");
    }

    /** A line by an officer on duty. */
    public static CaseEvent byOfficer(String id, String caseId, Instant at, String name, Role role, CaseAction action,
                                      CaseState fromState, CaseState toState, String note) {
        Objects.requireNonNull(role, "an officer's line needs the officer's role");
        return new CaseEvent(id, caseId, at, name, role, action, fromState, toState, note, ActorKind.OFFICER);
    }
}
