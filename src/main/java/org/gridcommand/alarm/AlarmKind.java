package org.gridcommand.alarm;

/**
 * What needs the officer, in the order it needs them: an urgent case nobody has accepted yet, then a stage past
 * its due time, then a stage about to be.
 */
public enum AlarmKind {
    /** An URGENT case still REPORTED: someone must take it now. */
    URGENT_UNACCEPTED,
    /** A running SLA stage past its due time. */
    OVERDUE,
    /** A running SLA stage inside its near-due window. */
    NEAR_DUE
}
