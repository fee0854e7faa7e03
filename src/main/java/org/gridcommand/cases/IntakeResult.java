package org.gridcommand.cases;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.grid.LocationAnswer;

/**
 * What became of a report.
 *
 * @param outcome    see {@link Outcome}
 * @param aCase      the case created, found again or merged into; null for POSSIBLE_DUPLICATE
 * @param duplicates for POSSIBLE_DUPLICATE, the open cases it may duplicate, nearest first; else empty
 * @param location   where the report's point lies on the grid; null when the report was already received
 */
public record IntakeResult(Outcome outcome, Case aCase, List<DuplicateCandidate> duplicates, LocationAnswer location) {
    public enum Outcome {
        /** A new case is in the queue. */
        CREATED,
        /** The report id was seen before: this is the case it made (or was merged into); nothing stored. */
        ALREADY_RECEIVED,
        /** Nothing stored: the caller chooses {@code createAnyway} or {@code mergeInto}. */
        POSSIBLE_DUPLICATE,
        /** The report was kept on an existing case. */
        MERGED
    }

    public IntakeResult {
        Objects.requireNonNull(outcome, "outcome");
        duplicates = List.copyOf(duplicates);
        if ((outcome == Outcome.POSSIBLE_DUPLICATE) != (aCase == null)) {
            throw new IllegalArgumentException(outcome + (aCase == null ? " needs a case" : " has no case"));
        }
        if (outcome == Outcome.POSSIBLE_DUPLICATE && duplicates.isEmpty()) {
            throw new IllegalArgumentException("a possible duplicate needs at least one candidate");
        }
    }

    /** The nearest open case this report may duplicate. */
    public Optional<String> possibleDuplicateOf() {
        return duplicates.isEmpty() ? Optional.empty() : Optional.of(duplicates.get(0).aCase().id());
    }

    public Optional<Case> caseIfStored() {
        return Optional.ofNullable(aCase);
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }
}
