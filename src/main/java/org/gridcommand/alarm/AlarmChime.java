package org.gridcommand.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * When the seat chimes: at once for an urgent alarm it has not chimed for, then again every repeat interval while
 * any urgent alarm stays unacknowledged, and never once they are all acknowledged (or taken: accepted). Overdue
 * and near-due alarms are shown, not rung: a room of overdue notices ringing all night would be switched off.
 * Plain Java on the caller's instants, so a test drives it with a manual clock. Not thread-safe: one caller.
 */
public final class AlarmChime {
    private final Duration repeat;
    private final Set<String> rung = new HashSet<>();
    private Instant last;

    public AlarmChime(Duration repeat) {
        this.repeat = Objects.requireNonNull(repeat, "repeat");
    }

    /**
     * Whether to chime now, given the keys of the urgent alarms pending at {@code now}; remembers that it did.
     */
    public boolean shouldChime(Set<String> pendingUrgentKeys, Instant now) {
        rung.retainAll(pendingUrgentKeys);
        if (pendingUrgentKeys.isEmpty()) {
            last = null;
            return false;
        }
        boolean fresh = !rung.containsAll(pendingUrgentKeys);
        boolean again = last == null || !now.isBefore(last.plus(repeat));
        if (fresh || again) {
            rung.addAll(pendingUrgentKeys);
            last = now;
            return true;
        }
        return false;
    }
}
