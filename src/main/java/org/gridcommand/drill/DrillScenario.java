package org.gridcommand.drill;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.gridcommand.common.BilingualName;

/**
 * A drill scenario as the trainer wrote it ({@code assets/scenarios/*.json}): when in the day it starts, the
 * timeline of injected events, which of them is the incident the room must handle, the plan it expects, and
 * the targets each milestone is scored against (time from the incident's injection).
 */
public record DrillScenario(String id, BilingualName name, String description, LocalTime startsAt,
                            List<ScriptedEvent> events, int incidentEvent, String expectedPlan,
                            Map<Milestone, Duration> targets, Map<String, Duration> stepTargets) {
    public DrillScenario {
        events = List.copyOf(events);
        targets = Map.copyOf(targets);
        stepTargets = Map.copyOf(stepTargets);
    }

    /** The report that becomes the drill's case. */
    public ScriptedEvent incident() {
        return events.get(incidentEvent);
    }

    /** When the last event is due: the drill's scripted part is over after it. */
    public Duration length() {
        return events.stream().map(ScriptedEvent::offset).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
