package org.gridcommand.stats;

import java.time.Instant;
import java.util.Objects;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyLevel;

/**
 * What statistics need of a case: where and how it came in, its state and stage instants, and the flags
 * the indicators count. A narrow read of the case table (no texts, attachments or reporter details), so
 * a three-year history loads in a fraction of a second. smallGridCode is null outside the district;
 * assigneeKind and level are null when not set.
 */
public record CaseFacts(String id, Channel channel, String categoryCode, String smallGridCode, CaseState state,
                        EmergencyLevel level, Assignee.Kind assigneeKind, boolean supervised, boolean escalated,
                        int reworkCount, Instant reportedAt, Instant acceptedAt, Instant dispatchedAt,
                        Instant handlingStartedAt, Instant fedBackAt, Instant verifiedAt, Instant closedAt,
                        Instant suspendedAt) {
    public CaseFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /** The facts of a whole case (tests, and callers that already hold cases). */
    public static CaseFacts of(Case c) {
        return new CaseFacts(c.id(), c.channel(), c.categoryCode(), c.smallGridCode(), c.state(), c.level(),
                c.assignee() == null ? null : c.assignee().kind(), c.supervised(), c.escalated(), c.reworkCount(),
                c.reportedAt(), c.acceptedAt(), c.dispatchedAt(), c.handlingStartedAt(), c.fedBackAt(),
                c.verifiedAt(), c.closedAt(), c.suspendedAt());
    }

    /** Voided (作废) cases are cancelled reports: counted as reported, left out of every indicator. */
    public boolean isVoided() {
        return state == CaseState.VOIDED;
    }
}
