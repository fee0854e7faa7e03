package org.gridcommand.sla;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A case seen through its SLA: the stage now running (null when closed, voided or suspended) with its
 * status, and every stage measured so far (finished ones as MET or MET_LATE, in life-cycle order).
 */
public record SlaView(SlaStage stage, SlaStatus current, Map<SlaStage, SlaStatus> stages) {
    /** Overdue first (longest overrun first), then near due, then on time, by due time; no running stage last. */
    public static final Comparator<SlaView> MOST_URGENT_FIRST = Comparator
            .comparingInt(SlaView::urgencyRank)
            .thenComparing(v -> v.current == null ? Instant.MAX : v.current.due());

    public SlaView {
        stages = stages == null || stages.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(stages));
    }

    public boolean isRunning() {
        return current != null;
    }

    public Optional<SlaState> state() {
        return current == null ? Optional.empty() : Optional.of(current.state());
    }

    public Optional<Instant> due() {
        return current == null ? Optional.empty() : Optional.of(current.due());
    }

    private int urgencyRank() {
        if (current == null) {
            return 3;
        }
        return switch (current.state()) {
            case OVERDUE -> 0;
            case NEAR_DUE -> 1;
            default -> 2;
        };
    }
}
