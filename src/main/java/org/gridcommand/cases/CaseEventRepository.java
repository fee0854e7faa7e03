package org.gridcommand.cases;

import java.util.List;

/**
 * The case trail, read side. Lines are written only together with the case change they explain
 * ({@link CaseRepository#apply}, {@link CaseRepository#create}, {@link CaseRepository#mergeReport}),
 * so a trail line never exists without its change, nor a change without its line.
 */
public interface CaseEventRepository {
    /** The case's trail, oldest first. */
    List<CaseEvent> findByCase(String caseId);

    long count();
}
