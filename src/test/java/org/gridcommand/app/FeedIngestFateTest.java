package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.feed.FeedDelivery;
import org.gridcommand.feed.FeedHealth;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedParser;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.LastFixes;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.QuarantineReason;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.feed.SensorAlarms;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.testing.SwitchableFeedStore;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each field message has its own fate, on the real ingest, the real intake and the real H2 demo store: a message
 * the store refuses is quarantined while every other message of its batch is stored and acknowledged; a store that
 * cannot write at all holds every acknowledgement back and says so, and the feed resumes by itself.
 */
class FeedIngestFateTest {
    /** A fixed moment (10:00 in the district): nothing here depends on when the test runs. */
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static Path dir;
    private static AppContext context;
    private static String district;
    private static SensorRegistry sensors;
    private static final AtomicInteger DELIVERIES = new AtomicInteger();

    private SwitchableFeedStore store;
    private FeedIngest ingest;
    private final Set<String> acked = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void openStore() throws Exception {
        dir = Files.createTempDirectory("gc-ingest-fate");
        context = AppContext.openDemo(dir, Locale.ENGLISH, CLOCK);
        context.duty().signOn(new Operator("张值班", Role.DUTY_OFFICER));
        district = context.district().adminCode();
        sensors = SensorRegistry.loadDemo();
    }

    @AfterAll
    static void closeStore() {
        context.close();
    }

    @AfterEach
    void closeIngest() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
    }

    /**
     * The ingest as a seat runs it, but with time windows as wide as a careless centre might set (100 years), so a
     * fix from 1960 passes every check of the parser and reaches the store, which cannot key a fix before 1970.
     */
    private void startIngest() {
        store = new SwitchableFeedStore(context.database().feed());
        LastFixes last = new LastFixes(store::lastFix);
        FeedParser parser = FeedTestSeats.carelessParser(context, sensors, last);
        ingest = new FeedIngest(parser::parse, store, context.intake(), last, FeedIngest.Settings.DEFAULT,
                stored -> { }, alarm -> SensorAlarms.toReport(alarm, sensors), CLOCK);
    }

    @Test
    void aMessageTheStoreRefusesIsQuarantinedAndEveryOtherMessageOfItsBatchIsStoredAndAcknowledged() throws Exception {
        startIngest();
        GridWorker walker = context.district().gridWorkers().get(11);
        GridWorker careless = context.district().gridWorkers().get(12);
        GridWorker reporter = context.district().gridWorkers().get(13);
        String run = "fate-" + System.nanoTime();
        List<FeedDelivery> deliveries = new ArrayList<>();
        Instant start = NOW.minus(Duration.ofHours(1));
        for (int i = 0; i < 100; i++) {
            deliveries.add(delivery(FeedTopic.Kind.GPS, walker.id(), fix(run + "-" + i, walker, start.plusSeconds(10L * i),
                    FeedTestSeats.place(context, walker).lat() + i * 0.00001)));
            if (i == 50) {
                // Passes the parser (inside the 100-year window), refused by the store: before 1970.
                deliveries.add(delivery(FeedTopic.Kind.GPS, careless.id(), fix(run + "-poison", careless,
                        Instant.parse("1960-05-01T00:00:00Z"), FeedTestSeats.place(context, careless).lat())));
            }
            if (i == 70) {
                deliveries.add(delivery(FeedTopic.Kind.REPORT, reporter.id(), report(run + "-report", reporter,
                        NOW.minusSeconds(30))));
            }
        }
        // The first commit waits until every delivery is queued: the rest arrive as one batch, poison inside.
        store.holdFirstCommit();
        deliveries.forEach(ingest::offer);
        store.releaseFirstCommit();

        waitUntil("every delivery acknowledged", () -> acked.size() == deliveries.size());

        assertThat(context.database().feed().track(walker.id(), start, NOW)).hasSize(100);
        Quarantined poison = context.database().feed().quarantine(20).stream()
                .filter(q -> (run + "-poison").equals(q.messageId())).findFirst().orElseThrow();
        assertThat(poison.reason()).isEqualTo(QuarantineReason.STORE_REFUSED);
        assertThat(poison.senderId()).isEqualTo(careless.id());
        assertThat(poison.detail()).startsWith("gps " + run + "-poison: the store refused it twice")
                .contains("1970");
        assertThat(poison.payloadSha256()).hasSize(64);
        Case reported = context.database().cases().findByReportId(reporter.id() + "/" + run + "-report").orElseThrow();
        assertThat(reported.reportedBy()).isEqualTo(reporter.id());
        FeedIngest.Stats stats = ingest.stats();
        assertThat(stats.storeRefused()).isEqualTo(1);
        assertThat(stats.unacknowledged()).isZero();
        // Halving finds one bad message among 101 in a handful of commits, not one commit per message.
        assertThat(stats.commits()).isLessThanOrEqualTo(2 + 2 * 7 + 2);
        assertThat(ingest.health().storeUnavailable()).isFalse();
        // Redelivered after a restart: the poison's receipt makes it a no-op, nothing is quarantined twice.
        long quarantined = context.database().feed().quarantineCount();
        acked.clear();
        List<FeedDelivery> again = List.of(deliveries.get(51), deliveries.get(52));
        again.forEach(ingest::offer);
        waitUntil("the redelivery acknowledged", () -> acked.size() == 2);
        assertThat(context.database().feed().quarantineCount()).isEqualTo(quarantined);
    }

    @Test
    void whileTheStoreCannotWriteNothingIsAcknowledgedTheHealthSaysWhyAndTheFeedResumesByItself_storeFailureSimulated()
            throws Exception {
        startIngest();
        GridWorker walker = context.district().gridWorkers().get(21);
        String run = "down-" + System.nanoTime();
        store.down.set(true);
        List<FeedDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            deliveries.add(delivery(FeedTopic.Kind.GPS, walker.id(), fix(run + "-" + i, walker,
                    NOW.minusSeconds(600 - 10L * i), FeedTestSeats.place(context, walker).lat())));
        }
        deliveries.forEach(ingest::offer);

        waitUntil("the feed says the store is unavailable", () -> ingest.health().storeUnavailable());
        FeedHealth health = ingest.health();
        assertThat(health.storeProblem()).isEqualTo(SwitchableFeedStore.WORDS);
        assertThat(health.storeProblemSince()).isEqualTo(NOW);
        assertThat(health.stats().unacknowledged()).isEqualTo(30);
        assertThat(health.level(new org.gridcommand.feed.FeedAlertSettings(Duration.ofSeconds(30), Duration.ofSeconds(60))))
                .isEqualTo(FeedHealth.Level.ALERT);
        assertThat(acked).isEmpty();
        assertThat(context.database().feed().received(keys(walker, run, 30))).isEmpty();
        // Nothing was quarantined for it: an unavailable store is not the messages' fault.
        assertThat(context.database().feed().quarantine(50)).noneMatch(q -> q.messageId() != null
                && q.messageId().startsWith(run));

        store.down.set(false);
        waitUntil("every delivery acknowledged after the store came back", () -> acked.size() == 30);
        assertThat(context.database().feed().received(keys(walker, run, 30))).hasSize(30);
        assertThat(ingest.health().storeUnavailable()).isFalse();
        assertThat(ingest.health().stats().unacknowledged()).isZero();
    }

    @Test
    void aFieldReportThatMayDuplicateAnOpenCaseIsCreatedUnderTheWorkersNameNotTheOfficersOnDuty() throws Exception {
        startIngest();
        GridWorker first = context.district().gridWorkers().get(31);
        GridWorker second = context.district().gridWorkers().get(32);
        String run = "actor-" + System.nanoTime();
        ingest.offer(delivery(FeedTopic.Kind.REPORT, first.id(), report(run + "-1", first, NOW.minusSeconds(60))));
        waitUntil("the first report acknowledged", () -> acked.size() == 1);
        // The same category at the same place a minute later, from another worker: a possible duplicate.
        String nearby = report(run + "-2", first, NOW.minusSeconds(30)).replace(first.id(), second.id());
        ingest.offer(delivery(FeedTopic.Kind.REPORT, second.id(), nearby));
        waitUntil("the second report acknowledged", () -> acked.size() == 2);

        Case c = context.database().cases().findByReportId(second.id() + "/" + run + "-2").orElseThrow();
        CaseEvent line = context.caseService().trail(c.id()).get(0);
        assertThat(line.action()).isEqualTo(CaseAction.REPORT);
        assertThat(line.actorKind()).isEqualTo(ActorKind.WORKER);
        assertThat(line.operatorName()).isEqualTo(second.id());
        assertThat(line.role()).isNull();
        assertThat(line.note()).contains("created although it may duplicate an open case (the field feed never holds a"
                + " report back").contains("received via field feed, topic gc/v1/" + district + "/report/" + second.id()
                + ", message " + run + "-2");
    }

    @Test
    void twoDevicesUsingTheSameMessageIdAreTwoMessages() throws Exception {
        startIngest();
        GridWorker a = context.district().gridWorkers().get(41);
        GridWorker b = context.district().gridWorkers().get(42);
        String id = "same-" + System.nanoTime();
        ingest.offer(delivery(FeedTopic.Kind.GPS, a.id(), fix(id, a, NOW.minusSeconds(20), FeedTestSeats.place(context, a).lat())));
        ingest.offer(delivery(FeedTopic.Kind.GPS, b.id(), fix(id, b, NOW.minusSeconds(20), FeedTestSeats.place(context, b).lat())));
        ingest.offer(delivery(FeedTopic.Kind.REPORT, a.id(), report(id + "r", a, NOW.minusSeconds(10))));
        ingest.offer(delivery(FeedTopic.Kind.REPORT, b.id(), report(id + "r", b, NOW.minusSeconds(10))));
        waitUntil("all four acknowledged", () -> acked.size() == 4);

        assertThat(context.database().feed().received(List.of(new MessageKey(a.id(), id), new MessageKey(b.id(), id))))
                .hasSize(2);
        assertThat(context.database().feed().lastFix(a.id()).map(GpsFix::messageId)).contains(id);
        assertThat(context.database().feed().lastFix(b.id()).map(GpsFix::messageId)).contains(id);
        Case ofA = context.database().cases().findByReportId(a.id() + "/" + id + "r").orElseThrow();
        Case ofB = context.database().cases().findByReportId(b.id() + "/" + id + "r").orElseThrow();
        assertThat(ofA.id()).isNotEqualTo(ofB.id());
    }

    @Test
    void aReportThatReusesItsSendersFixIdInTheSameBatchStillOpensItsCase() throws Exception {
        startIngest();
        GridWorker w = context.district().gridWorkers().get(43);
        String id = "slip-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        GridWorker other = context.district().gridWorkers().get(44);
        List<FeedDelivery> deliveries = List.of(
                delivery(FeedTopic.Kind.GPS, other.id(), fix(id + "-first", other, NOW.minusSeconds(30),
                        FeedTestSeats.place(context, other).lat())),
                delivery(FeedTopic.Kind.GPS, w.id(), fix(id, w, NOW.minusSeconds(20), FeedTestSeats.place(context, w).lat())),
                delivery(FeedTopic.Kind.REPORT, w.id(), report(id, w, NOW.minusSeconds(10))));
        // The first commit is held until all are queued, so the fix and the report are parsed as one batch: the
        // case this guards against.
        store.holdFirstCommit();
        deliveries.forEach(ingest::offer);
        store.releaseFirstCommit();
        waitUntil("all acknowledged", () -> acked.size() == 3);

        assertThat(context.database().feed().received(List.of(new MessageKey(w.id(), id)))).hasSize(1);
        assertThat(context.database().cases().findByReportId(w.id() + "/" + id)).isPresent();
        assertThat(ingest.stats().duplicates()).isZero();
    }

    // ---------------------------------------------------------------- messages

    private FeedDelivery delivery(FeedTopic.Kind kind, String sender, String payload) {
        String topic = FeedTopic.of(district, kind, sender).topic();
        String mark = topic + " #" + DELIVERIES.incrementAndGet();
        return new FeedDelivery(topic, payload.getBytes(StandardCharsets.UTF_8), NOW, () -> acked.add(mark));
    }

    private static String fix(String id, GridWorker w, Instant at, double lat) {
        return String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\",\"lon\":%.7f,"
                + "\"lat\":%.7f}", id, w.id(), at, FeedTestSeats.place(context, w).lon(), lat);
    }

    private static String report(String id, GridWorker w, Instant at) {
        return String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\",\"category\":\"0101\","
                + "\"lon\":%.7f,\"lat\":%.7f,\"description\":\"井盖缺失 / manhole cover missing\"}", id, w.id(),
                at.truncatedTo(ChronoUnit.SECONDS), FeedTestSeats.place(context, w).lon(), FeedTestSeats.place(context, w).lat());
    }

    private static List<MessageKey> keys(GridWorker w, String run, int n) {
        List<MessageKey> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(new MessageKey(w.id(), run + "-" + i));
        }
        return keys;
    }

    private void waitUntil(String what, BooleanSupplier condition) {
        Wait.until(() -> what + "; " + ingest.health(), Duration.ofMinutes(1), condition);
    }
}
