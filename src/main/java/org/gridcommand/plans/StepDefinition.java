package org.gridcommand.plans;

import java.util.List;
import java.util.Objects;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.BilingualName;

/**
 * A step as the plan file writes it. {@code level} is the least serious response level that includes the step:
 * a IV step is in every run, a II step only once the run is at II or I. The deadline is {@code dueMinutes}
 * after the level that brought the step in was activated. {@code action} is set for ACTION steps only;
 * {@code onYes}/{@code onNo} (the step keys each answer opens) for BRANCH steps only.
 */
public record StepDefinition(String key, BilingualName title, String role, EmergencyLevel level, int dueMinutes,
                             boolean required, StepKind kind, ActionKind action, List<ContactRef> contacts,
                             List<String> onYes, List<String> onNo) {
    public StepDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        onYes = onYes == null ? List.of() : List.copyOf(onYes);
        onNo = onNo == null ? List.of() : List.copyOf(onNo);
    }

    /** Whether a run at {@code runLevel} includes this step (I is the most serious level). */
    public boolean includedAt(EmergencyLevel runLevel) {
        return level.ordinal() >= runLevel.ordinal();
    }

    /** The steps the answer opens. */
    public List<String> opens(Answer answer) {
        return answer == Answer.YES ? onYes : onNo;
    }
}
