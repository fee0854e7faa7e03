package org.gridcommand.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.IntakeRejected;
import org.gridcommand.cases.IntakeResult;
import org.gridcommand.cases.IntakeService;

/**
 * The field feed's intake loop: deliveries from the transport are taken in batches (as many as have
 * arrived, up to {@link Settings#maxBatch}), parsed, case reports submitted through the intake service,
 * everything else committed to the {@link FeedStore} in one durable transaction, and only then is every
 * delivery of the batch acknowledged. So an acknowledged message is always stored, and a message the
 * process never got to commit is redelivered by the broker and deduplicated by its id.
 *
 * <p>A bad message never stops the loop: it is quarantined with its reason and acknowledged like any other.
 * A store that fails (disk full, database gone) stops acknowledging: the batch is retried with back-off
 * (1 s doubling to 30 s) and nothing is dropped; the broker holds the rest.
 *
 * <p>Field reports that may duplicate an open case are created anyway, saying so in their trail: there is
 * no officer at the feed to decide, and the queue offers the merge.
 */
public final class FeedIngest implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FeedIngest.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    /** Parses one message (the protocol's {@code FeedParser} in production). */
    @FunctionalInterface
    public interface Parser {
        ParseOutcome parse(String topic, byte[] payload, Instant receivedAt);
    }

    /**
     * @param maxBatch deliveries per commit at most
     * @param maxBytes payload bytes per commit at most (a track upload carries up to 120 fixes): bounds how
     *                 long one transaction runs, and so how long the messages behind it wait
     */
    public record Settings(int maxBatch, long maxBytes) {
        public static final Settings DEFAULT = new Settings(2_000, 1L << 20);

        public Settings {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
            }
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
            }
        }

        /** One commit per message: the naive path the benchmark compares with. */
        public static Settings onePerCommit() {
            return new Settings(1, Long.MAX_VALUE);
        }
    }

    /** Counters since start, for the console's feed status and the benchmark. */
    public record Stats(long received, long stored, long duplicates, long quarantined, long reports, long commits,
                        long failedCommits) {
    }

    private final Parser parser;
    private final FeedStore store;
    private final IntakeService intake;
    private final LastFixes lastFixes;
    private final Settings settings;
    private final Consumer<List<FieldMessage>> onStored;
    private final Function<SensorAlarm, Optional<CaseReport>> alarmCases;
    private final BlockingQueue<FeedDelivery> queue = new LinkedBlockingQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong failedCommits = new AtomicLong();
    private final Thread worker;
    private volatile boolean running = true;

    /**
     * @param onStored told, on the ingest thread, of the accepted messages of each committed batch (e.g. to
     *                 move workers on the map) — a redelivery of a message stored before is among them, so
     *                 listeners must be idempotent; must not block
     */
    public FeedIngest(Parser parser, FeedStore store, IntakeService intake, LastFixes lastFixes, Settings settings,
                      Consumer<List<FieldMessage>> onStored) {
        this(parser, store, intake, lastFixes, settings, onStored, alarm -> Optional.empty());
    }

    /**
     * @param alarmCases the case a sensor alarm opens, if any; an alarm is stored as an alarm either way, and a
     *                   repeat of an open alarm case nearby is merged into it
     */
    public FeedIngest(Parser parser, FeedStore store, IntakeService intake, LastFixes lastFixes, Settings settings,
                      Consumer<List<FieldMessage>> onStored, Function<SensorAlarm, Optional<CaseReport>> alarmCases) {
        this.alarmCases = Objects.requireNonNull(alarmCases, "alarmCases");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.store = Objects.requireNonNull(store, "store");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.lastFixes = Objects.requireNonNull(lastFixes, "lastFixes");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onStored = Objects.requireNonNull(onStored, "onStored");
        this.worker = new Thread(this::run, "gc-feed-ingest");
        worker.setDaemon(true);
        worker.start();
    }

    /** From the transport's thread: never blocks (the broker's in-flight window bounds what can be waiting). */
    public void offer(FeedDelivery delivery) {
        received.incrementAndGet();
        queue.add(delivery);
    }

    public Stats stats() {
        return new Stats(received.get(), stored.get(), duplicates.get(), quarantined.get(), reports.get(),
                commits.get(), failedCommits.get());
    }

    /** Deliveries received and not yet committed and acknowledged. */
    public int backlog() {
        return queue.size();
    }

    private void run() {
        List<FeedDelivery> batch = new ArrayList<>();
        while (running) {
            try {
                FeedDelivery first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long bytes = first.payload().length;
                FeedDelivery more;
                while (batch.size() < settings.maxBatch() && bytes < settings.maxBytes()
                        && (more = queue.poll()) != null) {
                    batch.add(more);
                    bytes += more.payload().length;
                }
                commitWithRetry(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commitWithRetry(List<FeedDelivery> batch) throws InterruptedException {
        Duration wait = FIRST_RETRY;
        while (running) {
            try {
                process(batch);
                return;
            } catch (RuntimeException e) {
                failedCommits.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "field feed: a batch of " + batch.size()
                        + " messages could not be stored; not acknowledged, retrying in " + wait.toSeconds() + " s", e);
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    /** Parses, stores durably, then acknowledges the whole batch. Throws (acknowledging nothing) if the store fails. */
    private void process(List<FeedDelivery> batch) {
        List<FieldMessage> accepted = new ArrayList<>();
        List<FeedDelivery> reportDeliveries = new ArrayList<>();
        List<FieldReport> fieldReports = new ArrayList<>();
        List<Quarantined> rejected = new ArrayList<>();
        Set<String> idsInBatch = new HashSet<>();
        int repeats = 0;
        for (FeedDelivery d : batch) {
            ParseOutcome outcome = parser.parse(d.topic(), d.payload(), d.receivedAt());
            if (outcome instanceof ParseOutcome.Rejected r) {
                String id = r.quarantined().messageId();
                if (id != null && !idsInBatch.add(id)) {
                    repeats++;
                    continue;
                }
                rejected.add(r.quarantined());
            } else if (outcome instanceof ParseOutcome.Accepted a) {
                FieldMessage m = a.message();
                if (!idsInBatch.add(m.messageId())) {
                    repeats++; // the same message twice in one batch: a redelivery that overtook the ack
                    continue;
                }
                if (m instanceof FieldReport report) {
                    fieldReports.add(report);
                    reportDeliveries.add(d);
                } else {
                    accepted.add(m);
                    if (m instanceof GpsFix fix) {
                        lastFixes.accept(fix);
                    } else if (m instanceof GpsTrack track) {
                        track.fixes().forEach(lastFixes::accept);
                    }
                }
            }
        }
        for (int i = 0; i < fieldReports.size(); i++) {
            submit(fieldReports.get(i), reportDeliveries.get(i), rejected);
        }
        for (FieldMessage m : accepted) {
            if (m instanceof SensorAlarm alarm) {
                alarmCases.apply(alarm).ifPresent(this::openAlarmCase);
            }
        }
        FeedStore.CommitResult result = store.commit(new FeedBatch(accepted, rejected));
        commits.incrementAndGet();
        stored.addAndGet(result.stored());
        duplicates.addAndGet(result.duplicates() + repeats);
        quarantined.addAndGet(result.quarantined());
        int unacknowledged = 0;
        String why = null;
        for (FeedDelivery d : batch) {
            try {
                d.ack().run();
            } catch (RuntimeException e) {
                unacknowledged++;
                why = e.getMessage();
            }
        }
        if (unacknowledged > 0) {
            // The data is stored: a lost ack only means a redelivery, which the receipts absorb.
            LOG.log(System.Logger.Level.INFO, "field feed: " + unacknowledged + " acknowledgement(s) not sent ("
                    + why + "); the broker will redeliver and the store will skip them");
        }
        if (!accepted.isEmpty()) {
            try {
                onStored.accept(accepted);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "field feed: a listener failed", e);
            }
        }
    }

    /** One report through the intake service (its own durable transaction, idempotent by report id). */
    private void submit(FieldReport report, FeedDelivery delivery, List<Quarantined> rejected) {
        try {
            IntakeResult r = intake.submit(report.report());
            if (r.outcome() == IntakeResult.Outcome.POSSIBLE_DUPLICATE) {
                intake.createAnyway(report.report());
            }
            reports.incrementAndGet();
        } catch (IntakeRejected e) {
            rejected.add(new Quarantined(delivery.topic(), delivery.payload(), delivery.receivedAt(),
                    QuarantineReason.INTAKE_REFUSED, e.getMessage(), report.messageId()));
        }
    }

    /**
     * The case of a sensor alarm; the same sensor (or one nearby) alarming again while the case is open adds
     * to that case instead of opening another. An alarm the intake refuses is logged; it is stored as an alarm.
     */
    private void openAlarmCase(CaseReport report) {
        try {
            IntakeResult r = intake.submit(report);
            if (r.outcome() == IntakeResult.Outcome.POSSIBLE_DUPLICATE) {
                intake.mergeInto(r.possibleDuplicateOf().orElseThrow(), report);
            }
            reports.incrementAndGet();
        } catch (IntakeRejected e) {
            LOG.log(System.Logger.Level.WARNING, "field feed: sensor alarm " + report.reportId()
                    + " opens no case: " + e.getMessage());
        }
    }

    /** Stops taking new batches; a batch being committed finishes (and is acknowledged) first. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.join(TimeUnit.SECONDS.toMillis(30));
    }
}
