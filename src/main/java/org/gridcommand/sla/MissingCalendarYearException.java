package org.gridcommand.sla;

/**
 * A due time or a working-day question fell into a year that has no calendar file. The State Council
 * publishes each year's holidays only in the November before, so this is an expected operating condition
 * (someone must add the new file), not a programming error; callers may catch it and show it.
 */
public final class MissingCalendarYearException extends IllegalStateException {
    private final int year;

    public MissingCalendarYearException(int year) {
        super("no working calendar for " + year + ": add assets/calendar/cn-" + year + ".json");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
