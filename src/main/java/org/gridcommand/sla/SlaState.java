package org.gridcommand.sla;

/** Where a stage stands against its limit: the first three while it runs, the last two once it ended. */
public enum SlaState {
    ON_TIME, NEAR_DUE, OVERDUE, MET, MET_LATE;

    public boolean isRunning() {
        return this == ON_TIME || this == NEAR_DUE || this == OVERDUE;
    }
}
