package org.gridcommand.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.PlanStep;
import org.gridcommand.plans.StepStatus;

/**
 * How the room did: for each milestone of the scenario (and each plan step with a target), the time from the
 * incident's injection to the moment it was reached, against the scenario's target. A milestone not reached
 * has no time and is not met.
 */
public record DrillScore(Instant injectedAt, List<Line> lines) {
    /** One scored milestone: {@code key} is the milestone's file name, or "step:" and the plan step's key. */
    public record Line(String key, String label, Instant reachedAt, Duration took, Duration target) {
        public boolean reached() {
            return took != null;
        }

        public boolean met() {
            return took != null && (target == null || took.compareTo(target) <= 0);
        }
    }

    public DrillScore {
        lines = List.copyOf(lines);
    }

    /** What happened, as the drill store recorded it; each instant is drill time, null when not (yet) reached. */
    public record Facts(Instant reported, Instant accepted, Instant located, Instant cameraShown, Instant closed,
                        Optional<Checklist> plan) {
    }

    public static DrillScore of(DrillScenario scenario, Instant injectedAt, Facts facts) {
        List<Line> lines = new ArrayList<>();
        add(lines, scenario, injectedAt, Milestone.REPORTED, facts.reported());
        add(lines, scenario, injectedAt, Milestone.ACCEPTED, facts.accepted());
        add(lines, scenario, injectedAt, Milestone.LOCATED, facts.located());
        add(lines, scenario, injectedAt, Milestone.CAMERA_SHOWN, facts.cameraShown());
        add(lines, scenario, injectedAt, Milestone.PLAN_ACTIVATED,
                facts.plan().map(c -> c.run().activatedAt()).orElse(null));
        if (facts.plan().isPresent()) {
            for (PlanStep step : facts.plan().get().steps()) {
                Duration target = scenario.stepTargets().get(step.key());
                // A step behind the branch answered the other way was never to be done: not scored.
                if (step.status() == StepStatus.SKIPPED || step.status() == StepStatus.WAITING
                        || (target == null && !step.required())) {
                    continue;
                }
                Instant done = step.doneAt();
                lines.add(new Line("step:" + step.key(), step.number() + " " + step.title().zh() + " / "
                        + step.title().en(), done, since(injectedAt, done), target));
            }
        } else {
            scenario.stepTargets().forEach((key, target) -> lines.add(new Line("step:" + key, key, null, null, target)));
        }
        add(lines, scenario, injectedAt, Milestone.CLOSED, facts.closed());
        return new DrillScore(injectedAt, lines);
    }

    public long metCount() {
        return lines.stream().filter(Line::met).count();
    }

    public Optional<Line> line(String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    private static void add(List<Line> lines, DrillScenario scenario, Instant injectedAt, Milestone m, Instant at) {
        lines.add(new Line(m.fileName(), m.fileName(), at, since(injectedAt, at), scenario.targets().get(m)));
    }

    private static Duration since(Instant from, Instant at) {
        if (at == null || from == null) {
            return null;
        }
        // A milestone stamped a moment before the injection (clock granularity) took no time.
        return at.isBefore(from) ? Duration.ZERO : Duration.between(from, at);
    }
}
