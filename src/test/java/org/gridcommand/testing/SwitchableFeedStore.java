package org.gridcommand.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.Quarantined;

/**
 * For tests of the feed: the real store behind a switch. The first commit can be held until released (so that what
 * is offered meanwhile arrives as one batch), and while {@link #down} is set every write fails as a full disk does
 * (the simulated part; tests that use it say so in their names). Reads always reach the real store.
 */
public final class SwitchableFeedStore implements FeedStore {
    public static final String WORDS = "the disk holding the local store is full (No space left on device)";
    public final AtomicBoolean down = new AtomicBoolean();
    private final FeedStore real;
    private final CountDownLatch firstCommit = new CountDownLatch(1);
    private final AtomicInteger commits = new AtomicInteger();
    private volatile boolean holding;

    public SwitchableFeedStore(FeedStore real) {
        this.real = real;
    }

    public void holdFirstCommit() {
        holding = true;
    }

    public void releaseFirstCommit() {
        firstCommit.countDown();
    }

    private void check() {
        if (down.get()) {
            throw new IllegalStateException(WORDS);
        }
    }

    @Override
    public CommitResult commit(FeedBatch batch) {
        if (holding && commits.getAndIncrement() == 0) {
            try {
                firstCommit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
