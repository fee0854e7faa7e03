package org.gridcommand.feed;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the field feed lands (implemented in {@code store}). Every write returns only once it is durable,
 * because the MQTT message is acknowledged to the broker after it and a redelivery must find it.
 */
public interface FeedStore {
    /**
     * Stores one batch in one transaction: the GPS fixes, status changes and alarms, the quarantined
     * messages, and a receipt for every message id in the batch. A message whose id already has a receipt
     * (a redelivery) is skipped, so nothing is ever stored twice. Returns once the transaction is durable.
     */
    CommitResult commit(FeedBatch batch);

    /** One worker's fixes with {@code from <= at < to}, in time order. */
    List<GpsFix> track(String workerId, Instant from, Instant to);

    /** The worker's latest stored fix (for the jump check after a restart). */
    Optional<GpsFix> lastFix(String workerId);

    /** The newest quarantined messages first, at most {@code limit}. */
    List<Quarantined> quarantine(int limit);

    long quarantineCount();

    /** Retention: deletes fixes older than {@code cutoff}; returns how many went. */
    long deleteFixesBefore(Instant cutoff);

    /** Which of these message ids already have a receipt. */
    Collection<String> received(Collection<String> messageIds);

    /** What {@link #commit} did: stored messages, duplicates skipped (by id), quarantined. */
    record CommitResult(int stored, int duplicates, int quarantined) {
    }
}
