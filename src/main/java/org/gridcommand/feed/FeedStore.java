package org.gridcommand.feed;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the field feed lands (implemented in {@code store}). Every write returns only once it is durable,
 * because the MQTT message is acknowledged to the broker after it and a redelivery must find it.
 */
public interface FeedStore {
    /**
     * Stores one batch in one transaction: the GPS fixes, status changes and alarms, the quarantined
     * messages, and a receipt for every {@link MessageKey} (sender and id) in the batch. A message whose key
     * already has a receipt (a redelivery) is skipped, so nothing is ever stored twice. Returns once the
     * transaction is durable. Throws when the store cannot take the batch, whether because it is unavailable
     * or because it refuses something in it; nothing of the batch is stored then.
     */
    CommitResult commit(FeedBatch batch);

    /**
     * A small durable write of the store's own that touches no field data (a heartbeat): it succeeds exactly when the
     * store can write now. The ingest asks it after a failed commit, to tell a store that refuses one message from a
     * store that is unavailable (disk full, server gone).
     */
    void probe();

    /** One worker's fixes with {@code from <= at < to}, in time order. */
    List<GpsFix> track(String workerId, Instant from, Instant to);

    /** The worker's latest stored fix (for the jump check after a restart). */
    Optional<GpsFix> lastFix(String workerId);

    /** The newest quarantined messages first, at most {@code limit}. */
    List<Quarantined> quarantine(int limit);

    long quarantineCount();

    /**
     * Keeps the quarantine bounded: deletes what was quarantined before {@code olderThan}, then the oldest beyond
     * {@code keepAtMost} messages. Returns how many went. Their receipts stay, so a redelivery is still skipped.
     */
    long trimQuarantine(long keepAtMost, Instant olderThan);

    /** Retention: deletes fixes older than {@code cutoff}; returns how many went. */
    long deleteFixesBefore(Instant cutoff);

    /**
     * Retention of receipts: deletes those written before {@code cutoff}. A receipt only has to outlive the
     * broker's redelivery of its message, which comes within the session's lifetime, not years later.
     */
    long deleteReceiptsBefore(Instant cutoff);

    /** Which of these keys already have a receipt. */
    Set<MessageKey> received(Collection<MessageKey> keys);

    /** What {@link #commit} did: stored messages, duplicates skipped (by key), quarantined. */
    record CommitResult(int stored, int duplicates, int quarantined) {
    }
}
