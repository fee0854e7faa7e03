package org.gridcommand.app;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gridcommand.sla.OverdueNotice;

/**
 * When the application runs the overdue escalation: while at least one console holds the watch
 * ({@link #hold()}: a console window holds it from opening to closing), {@link OverdueEscalation} scans the
 * store on a thread of its own, first after the start-up delay and then every period, and each notice it
 * escalates is told to every subscriber. The rule and its trail lines stay in {@link OverdueEscalation}; the
 * notice strip on screen is only a subscriber, so escalation does not depend on a widget being built or shown.
 */
public final class OverdueWatch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OverdueWatch.class.getName());

    /** The first scan waits for the console's first frame and queue load; the notice is not a start-up race. */
    public static final Duration FIRST_SCAN_DELAY = Duration.ofSeconds(2);
    /** How long closing waits for a scan that is writing a trail line before the store closes under it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final OverdueEscalation escalation;
    private final Duration firstDelay;
    private final Duration period;
    private final List<Consumer<OverdueNotice>> subscribers = new CopyOnWriteArrayList<>();
    private int holders;
    private ScheduledExecutorService scanner;
    private boolean closed;

    /**
     * @param escalation makes the escalation, given the listener this watch passes every notice through
     */
    public OverdueWatch(Function<Consumer<OverdueNotice>, OverdueEscalation> escalation, Duration firstDelay,
                        Duration period) {
        this.firstDelay = Objects.requireNonNull(firstDelay, "firstDelay");
        this.period = Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("scan period must be positive: " + period);
        }
        this.escalation = Objects.requireNonNull(escalation.apply(this::tell), "escalation");
    }

    /** Tells {@code listener} each notice escalated from now on (on the scanner's thread); returns the way out. */
    public Runnable subscribe(Consumer<OverdueNotice> listener) {
        Objects.requireNonNull(listener, "listener");
        subscribers.add(listener);
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                subscribers.remove(listener);
            }
        };
    }

    /**
     * Keeps the escalation scanning until the returned release is run (once; later runs do nothing). The first
     * holder starts the scans, the last release stops them; a scan already running finishes its write.
     */
    public synchronized Runnable hold() {
        if (closed) {
            throw new IllegalStateException("the overdue watch is closed");
        }
        holders++;
        if (scanner == null) {
            scanner = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gc-overdue");
                t.setDaemon(true);
                return t;
            });
            escalation.start(scanner, firstDelay, period);
            LOG.log(System.Logger.Level.DEBUG, "overdue scan every " + period.toSeconds() + " s");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release();
            }
        };
    }

    /** True while scans are scheduled (some console holds the watch). */
    public synchronized boolean isRunning() {
        return scanner != null;
    }

    /** The escalation this watch runs (a test or a command may scan once itself). */
    public OverdueEscalation escalation() {
        return escalation;
    }

    private synchronized void release() {
        if (holders == 0) {
            return;   // closed meanwhile: nothing is held any more
        }
        holders--;
        if (holders == 0) {
            stopScanning();
        }
    }

    /** Stops the scans for good and waits (a little) for one still writing, so the store can close after it. */
    @Override
    public void close() {
        ScheduledExecutorService stopped;
        synchronized (this) {
            closed = true;
            holders = 0;
            stopped = stopScanning();
        }
        if (stopped != null) {
            try {
                if (!stopped.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "an overdue scan was still running when the store closed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscribers.clear();
    }

    private ScheduledExecutorService stopScanning() {
        ScheduledExecutorService stopped = scanner;
        if (stopped != null) {
            escalation.stop();
            // shutdown, not shutdownNow: interrupting a scan in the middle of a store read would close H2's file.
            stopped.shutdown();
            scanner = null;
        }
        return stopped;
    }

    private void tell(OverdueNotice notice) {
        for (Consumer<OverdueNotice> subscriber : subscribers) {
            try {
                subscriber.accept(notice);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "an overdue notice subscriber failed for case " + notice.caseId(), e);
            }
        }
    }
}
