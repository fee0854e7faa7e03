package org.gridcommand.plans;

import java.util.Objects;
import java.util.Optional;
import org.gridcommand.cases.Case;

/** What a plan change is decided on: the case as stored (under its row lock) and its checklist, if a plan runs. */
public record PlanState(Case aCase, Checklist checklistOrNull) {
    public PlanState {
        Objects.requireNonNull(aCase, "aCase");
    }

    public Optional<Checklist> checklist() {
        return Optional.ofNullable(checklistOrNull);
    }
}
