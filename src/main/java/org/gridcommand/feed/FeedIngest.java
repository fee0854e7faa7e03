package org.gridcommand.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * The field feed's intake loop: deliveries from the transport are taken in batches (as many as have arrived, up to
 * {@link Settings#maxBatch}), parsed, case reports submitted through the intake service, everything else committed
 * to the {@link FeedStore} in one durable transaction, and only then is every delivery of the batch acknowledged.
 * So an acknowledged message is always stored (or quarantined with its reason), and a message the process never got
 * to commit is redelivered by the broker and recognised by its receipt.
 *
 * <p><b>Every message has its own fate</b>: stored, quarantined with its reason, or left unacknowledged because the
 * store is unavailable — one message never holds back another. When a commit fails, the store is probed with a
 * small write of its own ({@link FeedStore#probe}):
 * <ul>
 * <li>the probe fails too: the store is unavailable (disk full, database gone). Nothing more is acknowledged; the
 * unsettled messages are retried with back-off (1 s doubling to 10 s) and the broker keeps the rest. The feed's
 * {@link FeedHealth} says so in words until a commit succeeds again.</li>
 * <li>the probe succeeds: something in the batch is what the store refuses. The batch is halved and each half
 * committed on its own, down to the single message; a message the store refuses alone, twice, while it accepts
 * other writes, is quarantined as {@link QuarantineReason#STORE_REFUSED} with the store's words, and everything
 * else is stored. A few bad messages among 2,000 cost a few dozen commits, once.</li>
 * </ul>
 * A case report or an alarm's case that the intake cannot create for a reason other than its own checks is judged
 * the same way: probe, retry once, then {@code STORE_REFUSED}.
 *
 * <p>Field reports that may duplicate an open case are created anyway, saying so in their trail and naming the rule:
 * there is no officer at the feed to decide, and the queue offers the merge. The trail line stays the reporter's.
 */
public final class FeedIngest implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FeedIngest.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);
    /** Trim the quarantine to its cap after this many new quarantined messages (a flood stays bounded). */
    private static final int TRIM_EVERY = 1_000;
    static final String DUPLICATE_RULE = "the field feed never holds a report back; the queue offers the merge";
    static final String REPEAT_ALARM_RULE = "a repeat alarm nearby is merged into its open case";

    /** Parses one delivery (the protocol's {@code FeedParser} in production). */
    @FunctionalInterface
    public interface Parser {
        ParseOutcome parse(FeedDelivery delivery);
    }

    /**
     * @param maxBatch      deliveries per commit at most
     * @param maxBytes      payload bytes per commit at most (a track upload carries up to 120 fixes): bounds how
     *                      long one transaction runs, and so how long the messages behind it wait
     * @param readLimit     payloads larger than this are kept only as a prefix with their size and digest the moment
     *                      they arrive (the parser refuses them unread anyway)
     * @param quarantineCap the quarantine is trimmed to this many messages, oldest first, while a flood goes on
     */
    public record Settings(int maxBatch, long maxBytes, int readLimit, long quarantineCap) {
        public static final long DEFAULT_QUARANTINE_CAP = 50_000;
        public static final Settings DEFAULT = new Settings(2_000, 1L << 20);

        public Settings {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
            }
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
            }
            if (readLimit < 1) {
                throw new IllegalArgumentException("readLimit must be at least 1, got " + readLimit);
            }
            if (quarantineCap < 1) {
                throw new IllegalArgumentException("quarantineCap must be at least 1, got " + quarantineCap);
            }
        }

        public Settings(int maxBatch, long maxBytes) {
            this(maxBatch, maxBytes, FeedParserSettings.DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_QUARANTINE_CAP);
        }

        /** One commit per message: the naive path the benchmark compares with. */
        public static Settings onePerCommit() {
            return new Settings(1, Long.MAX_VALUE);
        }

        public Settings withQuarantineCap(long cap) {
            return new Settings(maxBatch, maxBytes, readLimit, cap);
        }
    }

    /** Counters since start, for the console's feed status and the benchmark. */
    public record Stats(long received, long stored, long duplicates, long quarantined, long reports, long commits,
                        long failedCommits, long storeRefused, long acknowledged) {
        /** Deliveries received and not yet acknowledged (waiting, being committed, or held while the store is down). */
        public long unacknowledged() {
            return received - acknowledged;
        }
    }

    private final Parser parser;
    private final FeedStore store;
    private final IntakeService intake;
    private final LastFixes lastFixes;
    private final Settings settings;
    private final Consumer<List<FieldMessage>> onStored;
    private final Function<SensorAlarm, Optional<CaseReport>> alarmCases;
    private final Clock clock;
    private final BlockingQueue<FeedDelivery> queue = new LinkedBlockingQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong failedCommits = new AtomicLong();
    private final AtomicLong storeRefused = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final Thread worker;
    private volatile boolean running = true;
    /** When the oldest delivery of the batch in hand arrived; null when the ingest holds none. */
    private volatile Instant batchSince;
    /** The store's last failure in words, and since when it lasts; null while the store works. */
    private volatile String storeProblem;
    private volatile Instant storeProblemSince;
    private volatile Throwable storeFailure;
    private int quarantinedSinceTrim;

    public FeedIngest(Parser parser, FeedStore store, IntakeService intake, LastFixes lastFixes, Settings settings,
                      Consumer<List<FieldMessage>> onStored) {
        this(parser, store, intake, lastFixes, settings, onStored, alarm -> Optional.empty(), Clock.systemUTC());
    }

    /**
     * @param onStored   told, on the ingest thread, of the accepted messages of each committed batch (e.g. to move
     *                   workers on the map) — a redelivery of a message stored before is among them, so listeners
     *                   must be idempotent; must not block
     * @param alarmCases the case a sensor alarm opens, if any; an alarm is stored as an alarm either way, and a
     *                   repeat of an open alarm case nearby is merged into it
     * @param clock      for the age of what waits unacknowledged
     */
    public FeedIngest(Parser parser, FeedStore store, IntakeService intake, LastFixes lastFixes, Settings settings,
                      Consumer<List<FieldMessage>> onStored, Function<SensorAlarm, Optional<CaseReport>> alarmCases,
                      Clock clock) {
        this.alarmCases = Objects.requireNonNull(alarmCases, "alarmCases");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.store = Objects.requireNonNull(store, "store");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.lastFixes = Objects.requireNonNull(lastFixes, "lastFixes");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onStored = Objects.requireNonNull(onStored, "onStored");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker = new Thread(this::run, "gc-feed-ingest");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * From the transport's thread: never blocks (the broker's in-flight window bounds what can be waiting). A payload
     * larger than the parser reads is cut to its prefix, size and digest here, before it waits.
     */
    public void offer(FeedDelivery delivery) {
        received.incrementAndGet();
        queue.add(delivery.boundedTo(settings.readLimit()));
    }

    public Stats stats() {
        return new Stats(received.get(), stored.get(), duplicates.get(), quarantined.get(), reports.get(),
                commits.get(), failedCommits.get(), storeRefused.get(), acknowledged.get());
    }

    /** Deliveries received and not yet taken into a batch. */
    public int backlog() {
        return queue.size();
    }

    /** The feed's state now: counts, the oldest unacknowledged delivery, the store's trouble in words. */
    public FeedHealth health() {
        Instant oldest = batchSince;
        if (oldest == null) {
            FeedDelivery next = queue.peek();
            oldest = next == null ? null : next.receivedAt();
        }
        Stats s = stats();
        return new FeedHealth(clock.instant(), s, oldest, storeProblem, storeProblemSince, storeFailure);
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
                batchSince = first.receivedAt();
                long bytes = first.payload().length;
                FeedDelivery more;
                while (batch.size() < settings.maxBatch() && bytes < settings.maxBytes()
                        && (more = queue.poll()) != null) {
                    batch.add(more);
                    bytes += more.payload().length;
                }
                settleWithRetry(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // A defect here must not end the loop: what was not acknowledged is redelivered after a reconnect.
                LOG.log(System.Logger.Level.ERROR, "field feed: the intake loop hit a defect; it goes on", e);
            } finally {
                batch.clear();
                batchSince = null;
            }
        }
    }

    /** Settles the batch, retrying what the unavailable store left unsettled, until all is settled or the feed closes. */
    private void settleWithRetry(List<FeedDelivery> batch) throws InterruptedException {
        Duration wait = FIRST_RETRY;
        List<FeedDelivery> pending = batch;
        while (running) {
            pending = settle(pending);
            if (pending.isEmpty()) {
                if (storeProblem != null) {
                    LOG.log(System.Logger.Level.INFO, "field feed: the store works again; storing resumed");
                    storeProblem = null;
                    storeProblemSince = null;
                    storeFailure = null;
                }
                return;
            }
            batchSince = pending.get(0).receivedAt();
            failedCommits.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "field feed: " + pending.size() + " message(s) not stored and not"
                    + " acknowledged (" + storeProblem + "); retrying in " + wait.toSeconds() + " s");
            long until = System.nanoTime() + wait.toNanos();
            while (running && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
            wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
        }
    }

    /**
     * Settles what it can of the batch and acknowledges it; returns the deliveries left unsettled because the store
     * is unavailable (empty when everything is stored or quarantined).
     */
    private List<FeedDelivery> settle(List<FeedDelivery> batch) {
        Batch work;
        try {
            work = Batch.parse(batch, parser, lastFixes);
        } catch (RuntimeException e) {
            // The parser's own look-ups (known worker, last fix) failed: the store is unavailable.
            unavailable(e);
            return batch;
        }
        try {
            runIntake(work);
            commitAll(work.storable(), work);
        } catch (StoreUnavailable e) {
            unavailable(e.getCause());
        }
        return finish(work);
    }

    // ---------------------------------------------------------------- the intake service's part

    /** Reports and alarm cases through the intake, one by one (each its own durable transaction, idempotent by id). */
    private void runIntake(Batch work) {
        for (Item item : work.items()) {
            if (item.settled || item.isRepeat()) {
                continue;
            }
            if (item.message instanceof FieldReport report) {
                intakeWithJudgement(item, () -> {
                    submitReport(report);
                    return null;
                });
                if (!item.hasQuarantine()) {
                    item.settled = true; // the intake committed it: nothing for the feed store
                }
            } else if (item.message instanceof SensorAlarm alarm) {
                Optional<CaseReport> caseReport = alarmCases.apply(alarm);
                if (caseReport.isPresent()) {
                    intakeWithJudgement(item, () -> {
                        openAlarmCase(caseReport.get());
                        return null;
                    });
                }
            }
        }
    }

    /**
     * Runs one intake call. The intake's own refusal quarantines the message (INTAKE_REFUSED); any other failure is
     * judged: the store unavailable (the probe fails: {@link StoreUnavailable}), or this message refused (it fails
     * again alone while the store writes: STORE_REFUSED).
     */
    private void intakeWithJudgement(Item item, java.util.function.Supplier<Void> call) {
        try {
            call.get();
        } catch (IntakeRejected e) {
            item.quarantine(QuarantineReason.INTAKE_REFUSED, e.getMessage(), item.message instanceof SensorAlarm);
        } catch (RuntimeException first) {
            probeOrThrow(first);
            try {
                call.get();
            } catch (IntakeRejected e) {
                item.quarantine(QuarantineReason.INTAKE_REFUSED, e.getMessage(), item.message instanceof SensorAlarm);
            } catch (RuntimeException again) {
                probeOrThrow(again);
                item.refuse(again, item.message instanceof SensorAlarm);
            }
        }
    }

    private void submitReport(FieldReport report) {
        IntakeResult r = intake.submit(report.report());
        if (r.outcome() == IntakeResult.Outcome.POSSIBLE_DUPLICATE) {
            intake.createAnywayByRule(report.report(), DUPLICATE_RULE);
        }
        reports.incrementAndGet();
    }

    /**
     * The case of a sensor alarm; the same sensor (or one nearby) alarming again while the case is open adds to that
     * case instead of opening another.
     */
    private void openAlarmCase(CaseReport report) {
        IntakeResult r = intake.submit(report);
        if (r.outcome() == IntakeResult.Outcome.POSSIBLE_DUPLICATE) {
            intake.mergeIntoByRule(r.possibleDuplicateOf().orElseThrow(), report, REPEAT_ALARM_RULE);
        }
        reports.incrementAndGet();
    }

    // ---------------------------------------------------------------- the feed store's part

    /**
     * Commits the items in one transaction; on failure, probes the store and halves the items, down to the single
     * message, which is retried once and then quarantined as STORE_REFUSED.
     */
    private void commitAll(List<Item> items, Batch work) {
        if (items.isEmpty()) {
            return;
        }
        RuntimeException failure;
        try {
            commit(items);
            return;
        } catch (RuntimeException e) {
            failure = e;
        }
        probeOrThrow(failure);
        if (items.size() > 1) {
            int half = items.size() / 2;
            commitAll(items.subList(0, half), work);
            commitAll(items.subList(half, items.size()), work);
            return;
        }
        Item item = items.get(0);
        try {
            commit(items); // once more alone: a failure that passed is not the message's fault
            return;
        } catch (RuntimeException again) {
            probeOrThrow(again);
            item.refuse(again, false);
        }
        try {
            commit(items);
        } catch (RuntimeException e) {
            throw new StoreUnavailable(e); // not even its quarantine record could be written
        }
    }

    /** One durable transaction of these items' rows; marks them settled and counts what the store did. */
    private void commit(List<Item> items) {
        List<FieldMessage> accepted = new ArrayList<>();
        List<Quarantined> rejected = new ArrayList<>();
        for (Item item : items) {
            item.rows(accepted, rejected);
        }
        FeedStore.CommitResult result = store.commit(new FeedBatch(accepted, rejected));
        commits.incrementAndGet();
        stored.addAndGet(result.stored());
        duplicates.addAndGet(result.duplicates());
        quarantined.addAndGet(result.quarantined());
        quarantinedSinceTrim += result.quarantined();
        for (Item item : items) {
            item.settled = true;
        }
    }

    /** The store takes a small write of its own: the failure was about the data. Else: it is unavailable. */
    private void probeOrThrow(RuntimeException failure) {
        try {
            store.probe();
        } catch (RuntimeException probe) {
            failure.addSuppressed(probe);
            throw new StoreUnavailable(failure);
        }
    }

    private void unavailable(Throwable cause) {
        String words = FeedHealth.words(cause);
        if (storeProblem == null) {
            storeProblemSince = clock.instant();
            LOG.log(System.Logger.Level.ERROR, "field feed: the store is unavailable: " + words
                    + "; messages are kept unacknowledged at the broker until it works again");
        }
        storeProblem = words;
        storeFailure = cause;
    }

    // ---------------------------------------------------------------- acknowledging

    /** Acknowledges every settled delivery (and its repeats in the batch), tells the listener; returns the rest. */
    private List<FeedDelivery> finish(Batch work) {
        List<FeedDelivery> unsettled = new ArrayList<>();
        List<FieldMessage> storedMessages = new ArrayList<>();
        int unacknowledged = 0;
        String why = null;
        for (Item item : work.items()) {
            if (!item.settledWithTwin()) {
                unsettled.add(item.delivery);
                continue;
            }
            if (item.refused) {
                storeRefused.incrementAndGet();
            }
            if (item.isRepeat()) {
                duplicates.incrementAndGet(); // counted once it is settled, not on every retry of its batch
            }
            if (!item.isRepeat() && item.message != null && !(item.message instanceof FieldReport)
                    && !item.hasQuarantineOnly()) {
                storedMessages.add(item.message);
            }
            try {
                item.delivery.ack().run();
                acknowledged.incrementAndGet();
            } catch (RuntimeException e) {
                acknowledged.incrementAndGet(); // stored: a lost ack only means a redelivery the receipts absorb
                unacknowledged++;
                why = e.getMessage();
            }
        }
        if (unacknowledged > 0) {
            LOG.log(System.Logger.Level.INFO, "field feed: " + unacknowledged + " acknowledgement(s) not sent ("
                    + why + "); the broker will redeliver and the store will skip them");
        }
        if (!storedMessages.isEmpty()) {
            try {
                onStored.accept(storedMessages);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "field feed: a listener failed", e);
            }
        }
        trimQuarantineIfDue();
        return unsettled;
    }

    private void trimQuarantineIfDue() {
        if (quarantinedSinceTrim < TRIM_EVERY) {
            return;
        }
        quarantinedSinceTrim = 0;
        try {
            long gone = store.trimQuarantine(settings.quarantineCap(), Instant.EPOCH);
            if (gone > 0) {
                LOG.log(System.Logger.Level.INFO, "field feed: quarantine trimmed to its " + settings.quarantineCap()
                        + " newest messages (" + gone + " oldest deleted; their receipts stay)");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "field feed: trimming the quarantine failed; trying again later: "
                    + FeedHealth.words(e));
        }
    }

    /** Stops taking new batches; a batch being committed finishes (and is acknowledged) first. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.join(TimeUnit.SECONDS.toMillis(30));
    }

    // ---------------------------------------------------------------- one batch

    /** The store cannot write at all: stop here, acknowledge what is settled, retry the rest later. */
    private static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** One delivery and what becomes of it. */
    private static final class Item {
        final FeedDelivery delivery;
        final FieldMessage message;
        /** The first delivery of the same key in this batch: this one is settled with it. */
        final Item twinOf;
        Quarantined quarantine;
        /** True when the quarantine row comes besides the message (an alarm stored, its case refused). */
        boolean alsoStore;
        boolean refused;
        boolean settled;

        Item(FeedDelivery delivery, FieldMessage message, Quarantined quarantine, Item twinOf) {
            this.delivery = delivery;
            this.message = message;
            this.quarantine = quarantine;
            this.twinOf = twinOf;
        }

        boolean isRepeat() {
            return twinOf != null;
        }

        boolean settledWithTwin() {
            return twinOf != null ? twinOf.settled : settled;
        }

        boolean hasQuarantine() {
            return quarantine != null;
        }

        boolean hasQuarantineOnly() {
            return quarantine != null && !alsoStore;
        }

        /**
         * Quarantines the message. {@code keepMessage}: an alarm stays stored as an alarm, and the quarantine row
         * (without a receipt of its own, since the alarm has one) says that it opened no case.
         */
        void quarantine(QuarantineReason reason, String detail, boolean keepMessage) {
            String what = message instanceof SensorAlarm a
                    ? "alarm " + a.messageId() + " of sensor " + a.sensorId()
                    + (keepMessage ? " is stored, but opens no case: " : ": ")
                    : message == null ? "" : kindOf(message) + " " + message.messageId() + ": ";
            alsoStore = keepMessage;
            String sender = message == null ? null : message.senderId();
            // A row beside a stored alarm must not take the alarm's receipt: it gets no message id.
            quarantine = Quarantined.of(delivery, reason, clip(what + detail), sender,
                    keepMessage || message == null ? null : message.messageId());
        }

        void refuse(RuntimeException cause, boolean keepMessage) {
            refused = true;
            quarantine(QuarantineReason.STORE_REFUSED, "the store refused it twice while it accepted other writes ("
                    + FeedHealth.words(cause) + ")", keepMessage);
        }

        void rows(List<FieldMessage> accepted, List<Quarantined> rejected) {
            if (quarantine != null) {
                rejected.add(quarantine);
            }
            if (message != null && !(message instanceof FieldReport) && (quarantine == null || alsoStore)) {
                accepted.add(message);
            }
        }

        private static String kindOf(FieldMessage m) {
            return m instanceof GpsFix ? "gps" : m instanceof GpsTrack ? "track" : m instanceof WorkerStatus ? "status"
                    : m instanceof FieldReport ? "report" : "alarm";
        }

        private static String clip(String detail) {
            return detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
        }
    }

    /**
     * What makes two deliveries of one batch the same message. Reports are settled by the case intake (idempotent
     * by report id), everything else by a receipt keyed by sender and id, so the two never share a key: a report
     * that reuses its sender's fix id (a protocol slip) must still open its case, as it does when the two arrive
     * in different batches, instead of being acknowledged as the fix's repeat.
     */
    private record TwinKey(boolean report, MessageKey message) {
        static TwinKey receipted(MessageKey message) {
            return message == null ? null : new TwinKey(false, message);
        }
    }

    /** A batch parsed: its items in arrival order. */
    private record Batch(List<Item> items) {
        static Batch parse(List<FeedDelivery> deliveries, Parser parser, LastFixes lastFixes) {
            List<Item> items = new ArrayList<>(deliveries.size());
            Map<TwinKey, Item> firsts = new HashMap<>();
            for (FeedDelivery d : deliveries) {
                ParseOutcome outcome = parser.parse(d);
                if (outcome instanceof ParseOutcome.Rejected r) {
                    TwinKey key = TwinKey.receipted(MessageKey.of(r.quarantined()));
                    Item twin = key == null ? null : firsts.get(key);
                    Item item = new Item(d, null, r.quarantined(), twin);
                    if (twin == null && key != null) {
                        firsts.put(key, item);
                    }
                    items.add(item);
                } else if (outcome instanceof ParseOutcome.Accepted a) {
                    FieldMessage m = a.message();
                    TwinKey key = m instanceof FieldReport ? new TwinKey(true, MessageKey.of(m))
                            : TwinKey.receipted(MessageKey.of(m));
                    Item twin = firsts.get(key);
                    Item item = new Item(d, m, null, twin);
                    // A twin: the same message twice in one batch, a redelivery that overtook the ack.
                    if (twin == null) {
                        firsts.put(key, item);
                        if (m instanceof GpsFix fix) {
                            lastFixes.accept(fix);
                        } else if (m instanceof GpsTrack track) {
                            track.fixes().forEach(lastFixes::accept);
                        }
                    }
                    items.add(item);
                }
            }
            return new Batch(items);
        }

        /** The items whose rows go to the feed store: not settled by the intake, not repeats. */
        List<Item> storable() {
            List<Item> out = new ArrayList<>();
            for (Item item : items) {
                if (!item.settled && !item.isRepeat()) {
                    out.add(item);
                }
            }
            return out;
        }
    }
}
