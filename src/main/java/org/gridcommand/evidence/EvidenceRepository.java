package org.gridcommand.evidence;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;

/**
 * Where evidence is kept. Append-only, like the case trail it belongs to: evidence is never changed or removed.
 */
public interface EvidenceRepository {
    /**
     * Stores the evidence, its bytes and its trail line in one transaction under the case's row lock, durable
     * when this returns. {@code line} is asked for the trail line with the case's state as stored now; it may
     * refuse by throwing, and then nothing is written and the exception reaches the caller unchanged. The
     * line's id must be {@link Evidence#eventId()}.
     *
     * @throws java.util.NoSuchElementException when no case has the evidence's case id
     */
    void attach(Evidence evidence, byte[] content, Function<CaseState, CaseEvent> line);

    /** The case's evidence, oldest first (without the bytes). */
    List<Evidence> findByCase(String caseId);

    Optional<Evidence> findById(String evidenceId);

    /**
     * The stored bytes of the evidence.
     *
     * @throws java.util.NoSuchElementException when there is no such evidence
     */
    byte[] content(String evidenceId);

    long count();
}
