package org.gridcommand.cases;

import java.time.Instant;
import java.util.Objects;

/** A report kept whole on the case it was merged into as a duplicate. */
public record MergedReport(String id, String caseId, Instant mergedAt, CaseReport report) {
    public MergedReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(mergedAt, "mergedAt");
        Objects.requireNonNull(report, "report");
    }
}
