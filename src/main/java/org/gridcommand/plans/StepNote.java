package org.gridcommand.plans;

import java.time.Instant;
import java.util.Objects;

/** A note on a plan step: who wrote what, when. Notes are only ever added, like the case trail. */
public record StepNote(String id, String runId, String stepKey, Instant at, String by, String text) {
    public StepNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stepKey, "stepKey");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(text, "text");
    }
}
