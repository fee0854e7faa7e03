package org.gridcommand.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

public interface CaseRepository {
    /** Inserts many cases in batches, all in one transaction (demo seed, imports). No trail lines. */
    void insertAll(List<Case> cases);

    /** Inserts or updates one case without a trail line (imports, fixtures); durable when this returns. */
    void save(Case aCase);

    /**
     * Inserts a new case and its first trail line in one transaction; durable when this returns.
     *
     * @return the case as stored: with the readable number the store gave it
     * @throws ReportIdTaken when a case or merged report with the same report id is already stored
     */
    Case create(Case aCase, CaseEvent event);

    /**
     * Changes one case under a row lock: reads its stored form, hands it to {@code change}, and writes the
     * returned case and trail line in one transaction, durable when this returns. An exception thrown by
     * {@code change} rolls back and reaches the caller unchanged, so a refused transition changes nothing.
     *
     * @throws java.util.NoSuchElementException when no case has this id
     */
    CaseChange apply(String caseId, Function<Case, CaseChange> change);

    /**
     * Keeps a duplicate report on the case and writes its trail line, in one transaction.
     *
     * @throws ReportIdTaken when the report's id is already stored
     * @throws java.util.NoSuchElementException when the case does not exist
     */
    void mergeReport(MergedReport report, CaseEvent event);

    /** Reports merged into the case, in the order they were merged. */
    List<MergedReport> findMergedReports(String caseId);

    Optional<Case> findById(String id);

    /** The case created from, or the case that absorbed, the report with this channel key. */
    Optional<Case> findByReportId(String reportId);

    /** Open cases, plus every case reported at or after {@code since}; newest first. */
    List<Case> findOpenOrReportedSince(Instant since);

    /** Cases in any of the given states, newest first. */
    List<Case> findByState(CaseState... states);

    /** Every open case (see {@link CaseState#isOpen}), newest first. */
    List<Case> findOpen();

    /** Cases reported in [from, to), oldest first (statistics, reports). */
    List<Case> findReportedBetween(Instant from, Instant to);

    /**
     * Open cases whose category is the major class or one of its minors, reported in [from, to], newest
     * first: the candidates of the duplicate check.
     */
    List<Case> findOpenInMajorReportedBetween(String majorCode, Instant from, Instant to);

    long count();
}
