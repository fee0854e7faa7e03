package org.gridcommand.plans;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A plan run and its steps in plan order: what the plan panel shows and the close guard reads. */
public record Checklist(PlanRun run, List<PlanStep> steps) {
    public Checklist {
        Objects.requireNonNull(run, "run");
        steps = steps.stream().sorted(Comparator.comparingInt(PlanStep::seq)).toList();
    }

    public Optional<PlanStep> step(String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The step, or an exception naming the case and the plan. */
    public PlanStep require(String key) {
        return step(key).orElseThrow(() -> new IllegalArgumentException("the plan " + run.planId() + " of case "
                + run.caseId() + " has no step " + key + " at level " + run.level()));
    }

    /** Required steps still open: what keeps the case from closing. */
    public List<PlanStep> requiredOpen() {
        return steps.stream().filter(PlanStep::blocksClose).toList();
    }

    public List<PlanStep> overdue(Instant now) {
        return steps.stream().filter(s -> s.overdueAt(now)).toList();
    }

    /** Whether the case may close: no required step open, or a shift supervisor overrode the guard. */
    public boolean allowsClose() {
        return run.overridden() || requiredOpen().isEmpty();
    }

    public long requiredCount() {
        return steps.stream().filter(s -> s.required() && s.status() != StepStatus.SKIPPED
                && s.status() != StepStatus.WAITING).count();
    }

    public long requiredDone() {
        return steps.stream().filter(s -> s.required() && s.status() == StepStatus.DONE).count();
    }
}
