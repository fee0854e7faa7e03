package org.gridcommand.wall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;

/**
 * The latest things that happened to cases, read from the instants each case keeps for its life-cycle
 * stages (reported, accepted, dispatched, handling, fed back, verified, closed, voided), newest first. The wall
 * shows them without reading the trail, so it costs nothing beyond the queue it already follows.
 */
public final class RecentEvents {
    /** One stage reached by one case at one instant. */
    public record Event(Instant at, Case source, CaseState stage) {
    }

    private RecentEvents() {
    }

    /** The {@code limit} newest events not after {@code now}. */
    public static List<Event> latest(Collection<Case> cases, Instant now, int limit) {
        List<Event> all = new ArrayList<>();
        for (Case c : cases) {
            add(all, c, c.reportedAt(), CaseState.REPORTED, now);
            add(all, c, c.acceptedAt(), CaseState.ACCEPTED, now);
            add(all, c, c.dispatchedAt(), CaseState.DISPATCHED, now);
            add(all, c, c.handlingStartedAt(), CaseState.IN_HANDLING, now);
            add(all, c, c.fedBackAt(), CaseState.FED_BACK, now);
            add(all, c, c.verifiedAt(), CaseState.VERIFIED, now);
            add(all, c, c.closedAt(), CaseState.CLOSED, now);
            add(all, c, c.voidedAt(), CaseState.VOIDED, now);
        }
        all.sort(Comparator.comparing(Event::at).reversed()
                .thenComparing(e -> e.stage().ordinal(), Comparator.reverseOrder())
                .thenComparing(e -> e.source().id()));
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }

    private static void add(List<Event> to, Case c, Instant at, CaseState stage, Instant now) {
        if (at != null && !at.isAfter(now)) {
            to.add(new Event(at, c, stage));
        }
    }
}
