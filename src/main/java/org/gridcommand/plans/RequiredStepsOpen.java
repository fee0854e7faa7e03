package org.gridcommand.plans;

import java.util.List;
import java.util.stream.Collectors;
import org.gridcommand.cases.CloseBlocked;

/** A close refused because required steps of the case's plan are open and no shift supervisor overrode. */
public final class RequiredStepsOpen extends CloseBlocked {
    private final List<PlanStep> open;

    public RequiredStepsOpen(String caseId, PlanRun run, List<PlanStep> open) {
        super(caseId, "case " + caseId + " cannot close: " + open.size() + " required "
                + (open.size() == 1 ? "step" : "steps") + " of plan " + run.planName().zh() + " (" + run.planId()
                + ") " + (open.size() == 1 ? "is" : "are") + " open: "
                + open.stream().map(s -> s.number() + " " + s.title().zh()).collect(Collectors.joining("; "))
                + ". Do them, or a shift supervisor overrides the plan's close guard with a reason.");
        this.open = List.copyOf(open);
    }

    /** The open required steps, in plan order. */
    public List<PlanStep> openSteps() {
        return open;
    }
}
