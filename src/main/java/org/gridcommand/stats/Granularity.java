package org.gridcommand.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a period is cut into time buckets: calendar days, ISO weeks (Monday first) or calendar months. */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** "day", "week" or "month" (any case). */
    public static Granularity parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Granularity g : values()) {
            if (g.name().equals(t)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown time bucket '" + text + "' (use "
                + Arrays.stream(values()).map(Granularity::word).collect(Collectors.joining(", ")) + ")");
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
