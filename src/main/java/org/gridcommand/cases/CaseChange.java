package org.gridcommand.cases;

import java.util.Objects;

/** A case's new form and the trail line that explains it: the store writes both or neither. */
public record CaseChange(Case after, CaseEvent event) {
    public CaseChange {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(event, "event");
        if (!after.id().equals(event.caseId())) {
            throw new IllegalArgumentException("event " + event.id() + " is for case " + event.caseId()
                    + ", not " + after.id());
        }
    }
}
