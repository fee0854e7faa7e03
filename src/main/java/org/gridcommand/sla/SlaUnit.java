package org.gridcommand.sla;

/** How a limit counts time: around the clock, or only inside the working calendar. */
public enum SlaUnit {
    NATURAL_MINUTES, WORKING_HOURS, WORKING_DAYS;

    public boolean isWorkingTime() {
        return this != NATURAL_MINUTES;
    }
}
