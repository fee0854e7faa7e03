package org.gridcommand.plans;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plan runs, their steps and the notifications sent for them. One store per database: a drill's runs live in
 * the drill's store beside its cases, never in the live one.
 */
public interface PlanStore {
    /** The case's plan run and its steps, if a plan was ever activated for it. */
    Optional<Checklist> findByCase(String caseId);

    /**
     * Changes a case's plan under the case's row lock: reads the case and its checklist as stored, hands them to
     * {@code change} and writes what it returns in one transaction, durable when this returns, then publishes
     * {@code ChangeEvent("plan", caseId, UPDATED)} (and {@code "case"} when the case changed). An exception thrown
     * by {@code change} rolls back and reaches the caller unchanged.
     *
     * @return the checklist as stored afterwards
     * @throws java.util.NoSuchElementException when no case has this id
     */
    Checklist apply(String caseId, Function<PlanState, PlanUpdate> change);

    /** Keeps one notification and its delivery state; durable when this returns. */
    void recordNotification(NotificationRecord record);

    /** The run's notifications, oldest first. */
    List<NotificationRecord> findNotifications(String runId);
}
