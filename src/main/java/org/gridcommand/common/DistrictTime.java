package org.gridcommand.common;

import java.time.ZoneId;

/**
 * The district's own time zone, in one place: shift times, "today", report months, the demo's days, CAP alerts'
 * offsets and the clock on screen all follow it. Here in {@code common} so that domain packages, the demo and the
 * composition root can all use it without importing one another.
 */
public final class DistrictTime {
    /** The zone's name, a constant so that help texts (annotations) can say it too. */
    public static final String ZONE_ID = "Asia/Shanghai";
    /** China Standard Time, UTC+8 all year (no daylight saving since 1991). */
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private DistrictTime() {
    }
}
