package org.gridcommand.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Finds open cases whose running stage has gone past due and escalates each one once: first to the audit
 * trail (the caller wires {@code audit} to it, so the escalation is on record before anyone is told), then
 * to the listener (the console's supervisor notification). A case, stage and due time is announced once
 * however many scans see it; a new stage, or handling restarted by rework, has a new due time and may be
 * announced again. After a restart the caller can {@link #markNotified} what the audit trail already holds.
 */
public final class OverdueWatcher {
    private static final System.Logger LOG = System.getLogger(OverdueWatcher.class.getName());

    private record Key(String caseId, SlaStage stage, Instant due) {
    }

    private final Supplier<? extends Collection<SlaCase>> openCases;
    private final SlaEngine engine;
    private final Clock clock;
    private final Consumer<OverdueNotice> listener;
    private final Consumer<OverdueNotice> audit;
    private final Set<Key> notified = new HashSet<>();
    private ScheduledFuture<?> task;

    public OverdueWatcher(Supplier<? extends Collection<SlaCase>> openCases, SlaEngine engine, Clock clock,
                          Consumer<OverdueNotice> listener, Consumer<OverdueNotice> audit) {
        this.openCases = Objects.requireNonNull(openCases, "openCases");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * One pass: the notices emitted now, oldest due first. A case that cannot be assessed (say, its due time
     * falls into a year without a calendar) is logged and skipped so it does not hide the others; a notice
     * whose audit write fails is not counted as sent and is tried again next scan.
     */
    public synchronized List<OverdueNotice> scan() {
        Instant now = clock.instant();
        Collection<SlaCase> cases = openCases.get();
        List<OverdueNotice> found = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (SlaCase c : cases) {
            present.add(c.caseId());
            SlaView view;
            try {
                view = engine.assess(c, now);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot assess the SLA of case " + c.caseId() + ": " + e.getMessage());
                continue;
            }
            SlaStatus s = view.current();
            if (s != null && s.state() == SlaState.OVERDUE
                    && !notified.contains(new Key(c.caseId(), s.stage(), s.due()))) {
                found.add(new OverdueNotice(c.caseId(), s.stage(), s.due(), s.overrun()));
            }
        }
        // Keys of cases that left the open set can never match again; dropping them bounds the memory.
        notified.removeIf(k -> !present.contains(k.caseId()));
        found.sort(Comparator.comparing(OverdueNotice::due).thenComparing(OverdueNotice::caseId));

        List<OverdueNotice> sent = new ArrayList<>();
        for (OverdueNotice n : found) {
            try {
                audit.accept(n);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "could not record the overdue notice for case " + n.caseId()
                        + "; will retry on the next scan", e);
                continue;
            }
            notified.add(new Key(n.caseId(), n.stage(), n.due()));
            sent.add(n);
            try {
                listener.accept(n);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "overdue listener failed for case " + n.caseId(), e);
            }
        }
        return sent;
    }

    /** Records that this notice was already sent (e.g. found in the audit trail after a restart). */
    public synchronized void markNotified(String caseId, SlaStage stage, Instant due) {
        notified.add(new Key(caseId, stage, due));
    }

    /** Scans now and then every {@code period} on the executor until {@link #stop()}. */
    public synchronized void start(ScheduledExecutorService executor, Duration period) {
        if (task != null) {
            throw new IllegalStateException("the overdue watcher is already running");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("scan period must be positive: " + period);
        }
        // A scheduled task that throws is never run again, so a failed scan is logged, not rethrown.
        task = executor.scheduleAtFixedRate(() -> {
            try {
                scan();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "overdue scan failed", e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    public synchronized boolean isRunning() {
        return task != null;
    }
}
