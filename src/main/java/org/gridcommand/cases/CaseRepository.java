package org.gridcommand.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface CaseRepository {
    /** Inserts many cases in batches, all in one transaction (demo seed, imports). */
    void insertAll(List<Case> cases);

    /** Inserts or updates one case; durable when this returns. */
    void save(Case aCase);

    Optional<Case> findById(String id);

    /** Open cases, plus every case reported at or after {@code since}; newest first. */
    List<Case> findOpenOrReportedSince(Instant since);

    long count();
}
