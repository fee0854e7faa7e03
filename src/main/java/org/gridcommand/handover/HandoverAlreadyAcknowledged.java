package org.gridcommand.handover;

/** A shift occurrence is handed over once: a second acknowledgement is refused and names the first. */
public final class HandoverAlreadyAcknowledged extends RuntimeException {
    private final HandoverAcknowledgement existing;

    public HandoverAlreadyAcknowledged(HandoverAcknowledgement existing) {
        super("the " + existing.shiftCode() + " shift starting " + existing.shiftFrom() + " was already taken over by "
                + existing.takenOverBy() + " at " + existing.acknowledgedAt());
        this.existing = existing;
    }

    public HandoverAcknowledgement existing() {
        return existing;
    }
}
