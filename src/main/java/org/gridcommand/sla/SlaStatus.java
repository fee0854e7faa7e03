package org.gridcommand.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stage measured against its limit. end is null while the stage runs. remaining is the wall-clock time
 * left until due (at {@code now} while running, at {@code end} once met), overrun the wall-clock time past
 * due (until now, or until end for MET_LATE); the one that does not apply is zero.
 */
public record SlaStatus(SlaStage stage, SlaLimit limit, SlaState state, Instant start, Instant nearDueAt,
                        Instant due, Instant end, Duration remaining, Duration overrun) {
    public SlaStatus {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(nearDueAt, "nearDueAt");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(overrun, "overrun");
    }

    public boolean isRunning() {
        return end == null;
    }

    public boolean isLate() {
        return state == SlaState.OVERDUE || state == SlaState.MET_LATE;
    }
}
