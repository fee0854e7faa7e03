package org.gridcommand.plans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.BilingualName;

/**
 * One emergency plan (应急预案) of the library: its event class, what each response level means (who leads),
 * and its phases of steps. {@code version} is the plan's own revision ("2025.1"); a run keeps the version it
 * was started from.
 */
public record PlanDefinition(String id, String version, BilingualName name, EmergencyClass eventClass,
                             Map<EmergencyLevel, BilingualName> levels, List<PhaseDefinition> phases) {
    public PlanDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventClass, "eventClass");
        levels = Collections.unmodifiableMap(new EnumMap<>(levels));
        phases = List.copyOf(phases);
    }

    /** A gate: the branch step and the answer that open a step. */
    public record Gate(String branchKey, Answer answer) {
    }

    /** Every step in plan order, phase after phase. */
    public List<StepDefinition> steps() {
        List<StepDefinition> all = new ArrayList<>();
        phases.forEach(p -> all.addAll(p.steps()));
        return all;
    }

    public Optional<StepDefinition> step(String key) {
        return steps().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The phase a step belongs to. */
    public PhaseDefinition phaseOf(String stepKey) {
        for (PhaseDefinition p : phases) {
            for (StepDefinition s : p.steps()) {
                if (s.key().equals(stepKey)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("plan " + id + " has no step " + stepKey);
    }

    /** The branch answer that opens the step, if the step waits behind one (the loader allows at most one). */
    public Optional<Gate> gateOf(String stepKey) {
        for (StepDefinition s : steps()) {
            for (Answer a : Answer.values()) {
                if (s.opens(a).contains(stepKey)) {
                    return Optional.of(new Gate(s.key(), a));
                }
            }
        }
        return Optional.empty();
    }

    /** Steps per phase key, in order: what a run at the level holds. */
    public Map<String, List<StepDefinition>> stepsAt(EmergencyLevel level) {
        Map<String, List<StepDefinition>> result = new LinkedHashMap<>();
        for (PhaseDefinition p : phases) {
            List<StepDefinition> in = p.steps().stream().filter(s -> s.includedAt(level)).toList();
            if (!in.isEmpty()) {
                result.put(p.key(), in);
            }
        }
        return result;
    }
}
