package org.gridcommand.plans;

import java.util.List;
import org.gridcommand.cases.CaseChange;

/**
 * What one plan change writes, all in one transaction: the case's new form with its trail line (activation,
 * level raise, override; null for a step tick), the run (inserted or updated; null: unchanged), the steps
 * added or changed, and the notes added.
 */
public record PlanUpdate(CaseChange caseChange, PlanRun run, List<PlanStep> steps, List<StepNote> notes) {
    public PlanUpdate {
        steps = steps == null ? List.of() : List.copyOf(steps);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static PlanUpdate steps(List<PlanStep> changed, List<StepNote> notes) {
        return new PlanUpdate(null, null, changed, notes);
    }
}
