package org.gridcommand.plans;

/** Where a step of a running plan stands. */
public enum StepStatus {
    /** Behind a branch nobody has answered yet: not to be done (yet), never blocks a close. */
    WAITING,
    /** To be done; an open required step keeps the case from closing. */
    OPEN,
    DONE,
    /** Its branch was answered the other way: not to be done. */
    SKIPPED
}
