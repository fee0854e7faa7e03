package org.gridcommand.handover;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;

/** What a handover reads beyond the other ports (the trail across cases) and keeps (acknowledgements). */
public interface HandoverRepository {
    /**
     * Stores an acknowledgement; durable when this returns.
     *
     * @throws HandoverAlreadyAcknowledged when the shift occurrence already has one (nothing is written)
     */
    void save(HandoverAcknowledgement acknowledgement);

    /** The acknowledgement of the shift occurrence that started at {@code shiftFrom}. */
    Optional<HandoverAcknowledgement> find(String shiftCode, Instant shiftFrom);

    /** Newest first. */
    List<HandoverAcknowledgement> findRecent(int limit);

    /** Trail lines of any case with one of the actions, at in [from, to), oldest first. */
    List<CaseEvent> caseEventsBetween(Instant from, Instant to, Set<CaseAction> actions);
}
