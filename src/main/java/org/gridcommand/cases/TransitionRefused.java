package org.gridcommand.cases;

import java.util.Set;

/** An action the life cycle does not allow in the case's current state; nothing was changed. */
public final class TransitionRefused extends IllegalStateException {
    private final String caseId;
    private final CaseState state;
    private final CaseAction action;
    private final Set<CaseState> allowedFrom;

    public TransitionRefused(String caseId, CaseState state, CaseAction action, Set<CaseState> allowedFrom,
                             String message) {
        super(message);
        this.caseId = caseId;
        this.state = state;
        this.action = action;
        this.allowedFrom = Set.copyOf(allowedFrom);
    }

    public String caseId() {
        return caseId;
    }

    public CaseState state() {
        return state;
    }

    public CaseAction action() {
        return action;
    }

    /** The states the action is allowed from (empty: it never is, e.g. REPORT on a stored case). */
    public Set<CaseState> allowedFrom() {
        return allowedFrom;
    }
}
