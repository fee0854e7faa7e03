package org.gridcommand.plans;

/** What a plan step asks of the officer. */
public enum StepKind {
    /** A manual check: the officer does it and ticks it. */
    CHECK,
    /** A yes/no question; each answer opens the steps listed for it and skips the other answer's. */
    BRANCH,
    /** The console does it in one action (cameras on the wall, notify the call tree, CAP alert, cordon tool). */
    ACTION
}
