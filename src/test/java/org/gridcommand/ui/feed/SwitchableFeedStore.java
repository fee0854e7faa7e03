package org.gridcommand.ui.feed;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.Quarantined;

/**
 * The real store behind a switch: while {@link #down} is set every write fails as a full disk does (the simulated
 * part); reads always reach the real store, as they do on a full disk.
 */
final class SwitchableFeedStore implements FeedStore {
    static final String WORDS = "the disk holding the local store is full (No space left on device)";
    final AtomicBoolean down = new AtomicBoolean();
    private final FeedStore real;

    SwitchableFeedStore(FeedStore real) {
        this.real = real;
    }

    private void check() {
        if (down.get()) {
            throw new IllegalStateException(WORDS);
        }
    }

    @Override
    public CommitResult commit(FeedBatch batch) {
        check();
        return real.commit(batch);
    }

    @Override
    public void probe() {
        check();
        real.probe();
    }

    @Override
    public List<GpsFix> track(String workerId, Instant from, Instant to) {
        return real.track(workerId, from, to);
    }

    @Override
    public Optional<GpsFix> lastFix(String workerId) {
        return real.lastFix(workerId);
    }

    @Override
    public List<Quarantined> quarantine(int limit) {
        return real.quarantine(limit);
    }

    @Override
    public long quarantineCount() {
        return real.quarantineCount();
    }

    @Override
    public long trimQuarantine(long keepAtMost, Instant olderThan) {
        check();
        return real.trimQuarantine(keepAtMost, olderThan);
    }

    @Override
    public long deleteFixesBefore(Instant cutoff) {
        check();
        return real.deleteFixesBefore(cutoff);
    }

    @Override
    public long deleteReceiptsBefore(Instant cutoff) {
        check();
        return real.deleteReceiptsBefore(cutoff);
    }

    @Override
    public Set<MessageKey> received(Collection<MessageKey> keys) {
        return real.received(keys);
    }
}
