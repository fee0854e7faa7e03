package org.gridcommand.stats;

/** Where one SLA stage of one case stands at the moment the figures are taken. */
public enum StageOutcome {
    /** Finished within its limit (finishing exactly at the due time is on time). */
    ON_TIME,
    /** Finished after its due time, or still running past it. */
    LATE,
    /** Running and not yet due, or its clock stopped by suspension (挂账): no verdict yet. */
    PENDING,
    /** The case never reached the stage (or the stage's end is stamped before its start). */
    NOT_REACHED,
    /** A working-time limit in a year without a working calendar: no due time can be computed. */
    NOT_ASSESSABLE;

    /** Counts in an on-time rate's denominator. */
    public boolean isDecided() {
        return this == ON_TIME || this == LATE;
    }
}
