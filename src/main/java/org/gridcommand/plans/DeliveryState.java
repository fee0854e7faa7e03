package org.gridcommand.plans;

/** What became of a notification. */
public enum DeliveryState {
    /** Written down only: the seat has no gateway (the log channel); the officer phones the contact. */
    RECORDED,
    /** Handed to a gateway, no confirmation yet. */
    SENT,
    /** The gateway confirmed delivery. */
    DELIVERED,
    /** Not sent; the detail says why. A retry of the step tries the failed contacts again. */
    FAILED;

    /** Whether the contact counts as notified (the step is done once every contact is). */
    public boolean reached() {
        return this != FAILED;
    }
}
