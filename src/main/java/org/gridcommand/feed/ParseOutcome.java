package org.gridcommand.feed;

/** What parsing one MQTT message gave: an accepted field message, or a quarantined one with its reason. */
public sealed interface ParseOutcome {
    record Accepted(FieldMessage message) implements ParseOutcome {
    }

    record Rejected(Quarantined quarantined) implements ParseOutcome {
    }
}
