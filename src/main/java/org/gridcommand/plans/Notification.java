package org.gridcommand.plans;

import java.time.Instant;
import java.util.Objects;

/** One message to one contact of a step's call tree, as handed to the notification channel. */
public record Notification(String id, String caseId, String runId, String stepKey, ContactRef contact,
                           String contactName, String address, String message, Instant at) {
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stepKey, "stepKey");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
