package org.gridcommand.plans;

import java.util.List;
import java.util.Objects;
import org.gridcommand.common.BilingualName;

/** A phase of a plan (接警核实, 信息报告, 先期处置, 应急响应, 善后处置 …) and its steps in order. */
public record PhaseDefinition(String key, BilingualName name, List<StepDefinition> steps) {
    public PhaseDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
    }
}
