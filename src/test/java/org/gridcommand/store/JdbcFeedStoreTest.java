package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.common.ChangeEvent.Kind;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FeedDelivery;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.FeedStore.CommitResult;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.GpsTrack;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.QuarantineReason;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.feed.SensorAlarm;
import org.gridcommand.feed.WorkerStatus;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.junit.jupiter.api.Test;

/** The field feed's store on H2 and PostgreSQL: idempotent, all-or-nothing, exact round trips. */
class JdbcFeedStoreTest {
    /** The store keeps fix times to the millisecond. */
    private static final Instant T0 = Fixtures.NOW.truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(3));

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Positions with 7 decimals and accuracy with 1 decimal survive the fixed-point columns exactly. */
    private static GpsFix fix(String id, String worker, Instant at, double lon, double lat, double accuracy) {
        return new GpsFix(id, worker, at, new GeoPoint(lon, lat), accuracy);
    }

    /** A quarantined message as the ingest makes it: the sender the topic named, the whole payload's size and digest. */
    private static Quarantined quarantined(String topic, byte[] payload, Instant at, QuarantineReason reason,
                                           String detail, String sender, String id) {
        return Quarantined.of(new FeedDelivery(topic, payload, at, () -> { }), reason, detail, sender, id);
    }

    private static MessageKey key(String sender, String id) {
        return new MessageKey(sender, id);
    }

    private static FeedBatch accepted(List<? extends FieldMessage> messages) {
        return new FeedBatch(List.copyOf(messages), List.of());
    }

    private static List<GpsFix> walk(String prefix, String worker, int count, long startSecond, long stepSeconds) {
        List<GpsFix> fixes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fixes.add(fix(prefix + "-" + i, worker, at(startSecond + i * stepSeconds),
                    (1_135_500_001L + i * 13L) / 1e7, (222_700_002L + i * 7L) / 1e7, i % 3 == 0 ? Double.NaN : 3.5 + i % 40));
        }
        return fixes;
    }

    @OnEachStore
    void aBatchIsStoredAndReadBackExactly(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            FeedStore feed = store.db.feed();
            GpsFix a1 = fix("a1", "worker-a", at(10), 113.5512345, 22.2712345, 4.2);
            GpsFix a2 = fix("a2", "worker-a", at(20).plusMillis(123), -179.9999999, -89.9999999, Double.NaN);
            GpsFix a3 = fix("a3", "worker-a", at(30), 179.9999999, 89.9999999, 3276.7);
            GpsFix b1 = fix("b1", "worker-b", at(15), 113.5600001, 22.2599999, 0);
            WorkerStatus on = new WorkerStatus("s1", "worker-a", Fixtures.NOW.minusSeconds(100), true);
            SensorAlarm smoke = new SensorAlarm("al1", "SENSOR-0007", Fixtures.NOW.minusSeconds(50), "smoke",
                    new GeoPoint(113.5512345678901, 22.2712345678901), 87.25, "ppm");
            SensorAlarm gas = new SensorAlarm("al2", "SENSOR-0008", Fixtures.NOW.minusSeconds(40), "gas", null,
                    Double.NaN, null);
            Quarantined bad = quarantined("gc/v1/gps/worker-a", "{not json".getBytes(),
                    Fixtures.NOW.minusSeconds(5), QuarantineReason.MALFORMED_JSON, "payload is not JSON", "worker-a", "q1");

            // Out of time order on purpose: the store orders the track.
            CommitResult result = feed.commit(new FeedBatch(List.of(a3, b1, a1, on, smoke, a2, gas), List.of(bad)));

            assertThat(result).isEqualTo(new CommitResult(7, 0, 1));
            assertThat(feed.track("worker-a", at(0), at(60))).containsExactly(a1, a2, a3);
            assertThat(feed.track("worker-b", at(0), at(60))).containsExactly(b1);
            assertThat(feed.track("nobody", at(0), at(60))).isEmpty();
            assertThat(feed.lastFix("worker-a")).contains(a3);
            assertThat(feed.lastFix("nobody")).isEmpty();
            List<MessageKey> expected = List.of(key("worker-a", "a1"), key("worker-a", "a2"), key("worker-a", "a3"),
                    key("worker-b", "b1"), key("worker-a", "s1"), key("SENSOR-0007", "al1"), key("SENSOR-0008", "al2"),
                    key("worker-a", "q1"));
            List<MessageKey> asked = new ArrayList<>(expected);
            // The same ids from another sender, and an unknown id, have no receipt.
            asked.addAll(List.of(key("worker-b", "a1"), key("SENSOR-0008", "al1"), key("worker-a", "unknown")));
            assertThat(feed.received(asked)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(feed.quarantineCount()).isEqualTo(1);
            assertThat(feed.quarantine(10)).hasSize(1);
            assertSameQuarantined(feed.quarantine(10).get(0), bad);
            assertThat(statuses(store)).containsExactly("s1 worker-a " + on.at() + " true");
            assertThat(alarms(store)).containsExactly(
                    "al1 SENSOR-0007 " + smoke.at() + " smoke 113.5512345678901 22.2712345678901 87.25 ppm",
                    "al2 SENSOR-0008 " + gas.at() + " gas null null null null");
            assertThat(store.takeEvents()).contains(new ChangeEvent("quarantine", null, Kind.CREATED),
                    new ChangeEvent("sensor-alarm", null, Kind.CREATED));

            // Accuracy is kept in decimetres up to 3,276.7 m; anything coarser reads back as that.
            feed.commit(accepted(List.of(fix("a4", "worker-a", at(40), 113.55, 22.27, 5_000))));
            assertThat(feed.lastFix("worker-a").orElseThrow().accuracyMetres()).isEqualTo(3276.7);
        }
    }

    @OnEachStore
    void aRedeliveredBatchStoresNothingNewAndReportsDuplicates(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            FeedStore feed = store.db.feed();
            List<GpsFix> fixes = walk("m", "worker-a", 1_500, 0, 5);
            List<FieldMessage> messages = new ArrayList<>(fixes);
            messages.add(new WorkerStatus("st", "worker-a", at(1), true));
            messages.add(new SensorAlarm("al", "SENSOR-1", at(2), "water", new GeoPoint(113.56, 22.27), 1.5, "m"));
            List<Quarantined> bad = List.of(
                    quarantined("gc/v1/gps/x", new byte[] {1, 2}, at(3), QuarantineReason.UNKNOWN_WORKER, "x", "x", "qb"),
                    quarantined("gc/v1/gps/x", new byte[] {3}, at(4), QuarantineReason.MALFORMED_JSON, "no id", "x", null));
            FeedBatch batch = new FeedBatch(messages, bad);

            assertThat(feed.commit(batch)).isEqualTo(new CommitResult(1_502, 0, 2));
            store.takeEvents();
            // The same ids again: nothing is stored; the id-less bad message cannot be recognised, so it is kept again.
            assertThat(feed.commit(batch)).isEqualTo(new CommitResult(0, 1_503, 1));

            assertThat(feed.track("worker-a", at(0), at(10_000))).isEqualTo(fixes);
            assertThat(count(store, "gps_fix")).isEqualTo(1_500);
            assertThat(count(store, "worker_status_change")).isEqualTo(1);
            assertThat(count(store, "sensor_alarm")).isEqualTo(1);
            assertThat(count(store, "feed_receipt")).isEqualTo(1_503);
            assertThat(feed.quarantineCount()).isEqualTo(3);
            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("quarantine", null, Kind.CREATED));
        }
    }

    @OnEachStore
    void aBatchMixingDuplicatesAndNewIdsStoresOnlyTheNew(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            FeedStore feed = store.db.feed();
            List<GpsFix> first = walk("m", "worker-a", 600, 0, 5);
            feed.commit(accepted(first.subList(0, 400)));

            // 200 redelivered, 200 new, and one new id given twice in the same batch.
            List<GpsFix> mixed = new ArrayList<>(first.subList(200, 600));
            mixed.add(first.get(599));
            CommitResult result = feed.commit(accepted(mixed));

            assertThat(result).isEqualTo(new CommitResult(200, 201, 0));
            assertThat(feed.track("worker-a", at(0), at(10_000))).isEqualTo(first);
            assertThat(count(store, "feed_receipt")).isEqualTo(600);
        }
    }

    @OnEachStore
    void aResentFixOfTheSameWorkerAndMillisecondUnderANewIdIsADuplicate(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            FeedStore feed = store.db.feed();
            GpsFix original = fix("orig", "worker-a", at(10), 113.55, 22.27, 5);
            GpsFix again = fix("again", "worker-a", at(10), 113.56, 22.28, 5);
            GpsFix sameBatch = fix("twin", "worker-a", at(20), 113.55, 22.27, 5);
            GpsFix twin = fix("twin-2", "worker-a", at(20), 113.57, 22.29, 5);
            feed.commit(accepted(List.of(original)));

            assertThat(feed.commit(accepted(List.of(again, sameBatch, twin)))).isEqualTo(new CommitResult(1, 2, 0));
            assertThat(feed.track("worker-a", at(0), at(60))).containsExactly(original, sameBatch);
            // Both got receipts: a redelivery of either is recognised by id.
            assertThat(feed.received(List.of(key("worker-a", "again"), key("worker-a", "twin-2"))))
                    .containsExactlyInAnyOrder(key("worker-a", "again"), key("worker-a", "twin-2"));
        }
    }

    @OnEachStore
    void quarantinedMessagesKeepTheirPayloadBytesExactlyNewestFirst(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            FeedStore feed = store.db.feed();
            byte[] everyByte = new byte[256];
            for (int i = 0; i < everyByte.length; i++) {
                everyByte[i] = (byte) i;
            }
            byte[] big = new byte[200_000];
            new Random(5).nextBytes(big);
            List<Quarantined> bad = List.of(
                    quarantined("gc/v1/gps/w1", everyByte, at(1), QuarantineReason.MALFORMED_JSON,
                            "not UTF-8 at byte 128", "w1", "q-1"),
                    quarantined("gc/v1/status/w2", new byte[0], at(3), QuarantineReason.SCHEMA_VIOLATION,
                            "field \"onDuty\" is missing", "w2", null),
                    quarantined("gc/v1/gps/w3", big, at(2), QuarantineReason.IMPOSSIBLE_JUMP,
                            "4.2 km in 5 s from the previous fix", "w3", "q-3"),
                    quarantined("unknown/topic", "{\"中文\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            at(2), QuarantineReason.UNKNOWN_TOPIC, "detail 详情", null, "q-4"));

            assertThat(feed.commit(new FeedBatch(List.of(), bad))).isEqualTo(new CommitResult(0, 0, 4));

            List<Quarantined> newestFirst = feed.quarantine(10);
            assertThat(newestFirst).hasSize(4);
            assertSameQuarantined(newestFirst.get(0), bad.get(1));
            // Same instant: the later stored comes first.
            assertSameQuarantined(newestFirst.get(1), bad.get(3));
            assertSameQuarantined(newestFirst.get(2), bad.get(2));
            assertSameQuarantined(newestFirst.get(3), bad.get(0));
            assertThat(feed.quarantine(2)).hasSize(2);
            assertThat(feed.quarantine(0)).isEmpty();
            assertThat(feed.quarantineCount()).isEqualTo(4);
            // A quarantined message with a sender and an id gets a receipt; one whose topic named no sender cannot.
            assertThat(feed.received(List.of(key("w1", "q-1"), key("w3", "q-3")))).hasSize(2);
            // A large payload keeps its first 4 KiB with the whole payload's size and SHA-256.
            Quarantined kept = newestFirst.get(2);
            assertThat(kept.payload()).isEqualTo(java.util.Arrays.copyOf(big, Quarantined.KEPT_BYTES));
            assertThat(kept.payloadSize()).isEqualTo(200_000);
            assertThat(kept.payloadSha256()).isEqualTo(sha256(big));
            assertThat(kept.truncated()).isTrue();
            assertThat(newestFirst.get(3).payloadSha256()).isEqualTo(sha256(everyByte));
            assertThat(newestFirst.get(3).truncated()).isFalse();
        }
    }

    @OnEachStore
    void workerPositionAndDutyFollowOnlyTheNewestMessage(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            District district = Fixtures.district();
            store.db.grids().replaceDistrict(district);
            GridWorker worker = district.gridWorkers().get(1); // off duty, no position yet
            GridWorker other = district.gridWorkers().get(3);
            String id = worker.id();
            FeedStore feed = store.db.feed();
            store.takeEvents();

            feed.commit(accepted(List.of(
                    fix("f3", id, at(30), 113.5533333, 22.2733333, 5),
                    fix("f1", id, at(10), 113.5511111, 22.2711111, 5),
                    new WorkerStatus("s2", id, at(20), false),
                    new WorkerStatus("s1", id, at(5), true))));
            assertThat(workerNow(store, id)).isEqualTo(new GridWorker(id, worker.name(), worker.phone(),
                    worker.smallGrid(), DutyStatus.OFF_DUTY, new GeoPoint(113.5533333, 22.2733333)));
            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("worker", id, Kind.UPDATED));

            // Older than what is stored: kept in the track, but the worker does not move back.
            feed.commit(accepted(List.of(fix("f2", id, at(25), 113.5522222, 22.2722222, 5),
                    new WorkerStatus("s0", id, at(15), true))));
            assertThat(workerNow(store, id).lastPosition()).isEqualTo(new GeoPoint(113.5533333, 22.2733333));
            assertThat(workerNow(store, id).dutyStatus()).isEqualTo(DutyStatus.OFF_DUTY);
            assertThat(store.takeEvents()).isEmpty();
            assertThat(feed.track(id, at(0), at(60))).extracting(GpsFix::messageId).containsExactly("f1", "f2", "f3");

            feed.commit(accepted(List.of(fix("f4", id, at(40), 113.5544444, 22.2744444, 5),
                    new WorkerStatus("s3", id, at(35), true),
                    fix("g1", other.id(), at(40), 113.5744444, 22.2744444, Double.NaN))));
            assertThat(workerNow(store, id).lastPosition()).isEqualTo(new GeoPoint(113.5544444, 22.2744444));
            assertThat(workerNow(store, id).dutyStatus()).isEqualTo(DutyStatus.ON_DUTY);
            assertThat(workerNow(store, other.id()).lastPosition()).isEqualTo(new GeoPoint(113.5744444, 22.2744444));
            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("worker", null, Kind.UPDATED));
            // A worker the layout does not know still gets its track; the layout is left alone.
            feed.commit(accepted(List.of(fix("x1", "stranger", at(50), 113.56, 22.27, 5))));
            assertThat(feed.lastFix("stranger")).isPresent();
            assertThat(store.db.grids().findWorkers()).hasSize(4);
        }
    }

    @OnEachStore
    void trackReturnsTimeOrderWithinAHalfOpenWindow(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            FeedStore feed = store.db.feed();
            List<GpsFix> fixes = walk("t", "worker-a", 10, 0, 10);
            List<GpsFix> shuffled = new ArrayList<>(fixes);
            Collections.shuffle(shuffled, new Random(3));
            feed.commit(accepted(shuffled.subList(0, 5)));
            feed.commit(accepted(shuffled.subList(5, 10)));
            feed.commit(accepted(walk("o", "worker-b", 10, 0, 10)));

            assertThat(feed.track("worker-a", at(20), at(50))).isEqualTo(fixes.subList(2, 5));
            // Sub-millisecond bounds: from is inclusive, to exclusive, at full Instant precision.
            assertThat(feed.track("worker-a", at(20).plusNanos(1), at(50).plusNanos(1))).isEqualTo(fixes.subList(3, 6));
            assertThat(feed.track("worker-a", at(20).minusNanos(1), at(50).minusNanos(1))).isEqualTo(fixes.subList(2, 5));
            assertThat(feed.track("worker-a", at(0), at(1_000))).isEqualTo(fixes);
            assertThat(feed.track("worker-a", at(50), at(50))).isEmpty();
            assertThat(feed.track("worker-a", at(60), at(50))).isEmpty();
            assertThat(feed.lastFix("worker-a")).contains(fixes.get(9));
        }
    }

    @OnEachStore
    void retentionDeletesExactlyTheOldFixesInBoundedSteps(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            FeedStore feed = store.db.feed();
            // worker-a: 25,000 fixes a second apart, more than two retention steps before the cutoff.
            List<GpsFix> a = walk("a", "worker-a", 25_000, 0, 1);
            for (int from = 0; from < a.size(); from += 1_000) {
                feed.commit(accepted(a.subList(from, from + 1_000)));
            }
            List<GpsFix> b = walk("b", "worker-b", 30, 0, 1_000);
            feed.commit(accepted(b));
            Instant cutoff = at(22_500);

            long deleted = feed.deleteFixesBefore(cutoff);

            assertThat(deleted).isEqualTo(22_500 + 23);
            assertThat(feed.track("worker-a", at(0), at(100_000))).isEqualTo(a.subList(22_500, 25_000));
            assertThat(feed.track("worker-b", at(0), at(100_000))).isEqualTo(b.subList(23, 30));
            assertThat(feed.deleteFixesBefore(cutoff)).isZero();
            // A cutoff inside a millisecond keeps the fix of that millisecond (it is not before the cutoff).
            assertThat(feed.deleteFixesBefore(at(22_500).plusNanos(1))).isEqualTo(1);
            assertThat(feed.lastFix("worker-a")).contains(a.get(24_999));
        }
    }

    @OnEachStore
    void aFailureMidBatchLeavesNothingOfTheBatch(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            District district = Fixtures.district();
            store.db.grids().replaceDistrict(district);
            GridWorker worker = district.gridWorkers().get(0);
            FeedStore feed = store.db.feed();
            store.takeEvents();
            List<FieldMessage> messages = new ArrayList<>(walk("m", worker.id(), 1_200, 0, 5));
            messages.add(new WorkerStatus("st", worker.id(), Fixtures.NOW, false));
            // Inserted after the fixes and the status: the kind breaks its column's length.
            messages.add(new SensorAlarm("al", "S0001", at(1), "k".repeat(500), null, Double.NaN, null));
            Quarantined bad = quarantined("t", new byte[] {1}, at(2), QuarantineReason.MALFORMED_JSON, "d", "w", "q");

            assertThatThrownBy(() -> feed.commit(new FeedBatch(messages, List.of(bad))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("storing a feed batch");

            assertThat(count(store, "gps_fix")).isZero();
            assertThat(count(store, "gps_worker")).isZero();
            assertThat(count(store, "worker_status_change")).isZero();
            assertThat(count(store, "sensor_alarm")).isZero();
            assertThat(count(store, "feed_receipt")).isZero();
            assertThat(feed.quarantineCount()).isZero();
            assertThat(feed.received(List.of(key(worker.id(), "m-0"), key(worker.id(), "st"), key("w", "q")))).isEmpty();
            assertThat(workerNow(store, worker.id())).isEqualTo(worker);
            assertThat(store.takeEvents()).isEmpty();

            // The same batch without the bad alarm goes in whole: the failed attempt left no receipts behind.
            List<FieldMessage> fixed = messages.subList(0, messages.size() - 1);
            assertThat(feed.commit(new FeedBatch(fixed, List.of(bad)))).isEqualTo(new CommitResult(1_201, 0, 1));
            assertThat(feed.track(worker.id(), at(0), at(100_000))).hasSize(1_200);
        }
    }

    @OnEachStore
    void concurrentCommitsOfTheSameMessagesStoreEachOnce(Backend backend) throws Exception {
        try (TestStore store = TestStores.open(backend)) {
            FeedStore feed = store.db.feed();
            // Ten workers new to the store: the two commits also race for worker numbers.
            List<GpsFix> fixes = new ArrayList<>();
            for (int w = 0; w < 10; w++) {
                fixes.addAll(walk("c" + w, "racer-" + w, 100, 0, 5));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Callable<CommitResult> commit = () -> feed.commit(accepted(fixes));
                List<java.util.concurrent.Future<CommitResult>> results = pool.invokeAll(List.of(commit, commit));
                int stored = 0;
                int duplicates = 0;
                for (java.util.concurrent.Future<CommitResult> r : results) {
                    stored += r.get().stored();
                    duplicates += r.get().duplicates();
                }
                assertThat(stored).isEqualTo(1_000);
                assertThat(duplicates).isEqualTo(1_000);
            } finally {
                pool.shutdownNow();
            }
            assertThat(count(store, "gps_fix")).isEqualTo(1_000);
            assertThat(count(store, "gps_worker")).isEqualTo(10);
            for (int w = 0; w < 10; w++) {
                assertThat(feed.track("racer-" + w, at(0), at(10_000))).isEqualTo(fixes.subList(w * 100, w * 100 + 100));
            }
        }
    }

    @Test
    void acceptedMessagesNeedAUsableId() {
        try (TestStore store = TestStores.open(Backend.H2)) {
            assertThatThrownBy(() -> store.db.feed().commit(accepted(List.of(
                    fix("x".repeat(201), "w", at(0), 113.5, 22.2, 1))))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.db.feed().commit(accepted(List.of(
                    fix("old", "w", Instant.parse("1969-12-31T23:59:59Z"), 113.5, 22.2, 1)))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.db.feed().commit(new FeedBatch(List.of(), List.of()))).isEqualTo(new CommitResult(0, 0, 0));
        }
    }

    @OnEachStore
    void aTrackUploadIsStoredAsItsFixesUnderOneReceiptAndOnlyOnce(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            FeedStore feed = store.db.feed();
            List<GpsFix> fixes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                fixes.add(fix("T-1", "W0042", at(i * 5L), 113.55 + i * 1e-5, 22.27, 4.0));
            }
            GpsTrack upload = new GpsTrack("T-1", "W0042", at(295), fixes);
            assertThat(feed.commit(accepted(List.of(upload)))).isEqualTo(new CommitResult(60, 0, 0));
            assertThat(feed.received(List.of(key("W0042", "T-1")))).containsExactly(key("W0042", "T-1"));
            assertThat(feed.track("W0042", at(0), at(300))).hasSize(60)
                    .extracting(GpsFix::messageId).containsOnly("T-1");
            // The broker redelivers the upload: nothing new.
            assertThat(feed.commit(accepted(List.of(upload))).stored()).isZero();
            assertThat(feed.track("W0042", at(0), at(300))).hasSize(60);
        }
    }

    private static void assertSameQuarantined(Quarantined actual, Quarantined expected) {
        // byte[] in a record compares by identity: compare field by field.
        assertThat(actual.topic()).isEqualTo(expected.topic());
        assertThat(actual.payload()).isEqualTo(expected.payload());
        assertThat(actual.receivedAt()).isEqualTo(expected.receivedAt());
        assertThat(actual.reason()).isEqualTo(expected.reason());
        assertThat(actual.detail()).isEqualTo(expected.detail());
        assertThat(actual.messageId()).isEqualTo(expected.messageId());
        assertThat(actual.senderId()).isEqualTo(expected.senderId());
        assertThat(actual.payloadSize()).isEqualTo(expected.payloadSize());
        assertThat(actual.payloadSha256()).isEqualTo(expected.payloadSha256());
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static GridWorker workerNow(TestStore store, String id) {
        return store.db.grids().findWorkers().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    static long count(TestStore store, String table) {
        return store.db.read("counting " + table, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<String> statuses(TestStore store) {
        return store.db.read("reading statuses", c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT message_id, worker_id, at, on_duty FROM worker_status_change ORDER BY message_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + Columns.getInstant(rs, "at") + " "
                            + rs.getBoolean(4));
                }
            }
            return rows;
        });
    }

    private static List<String> alarms(TestStore store) {
        return store.db.read("reading alarms", c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id, sensor_id, at, kind, lon, lat, reading,"
                    + " unit FROM sensor_alarm ORDER BY message_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(java.util.stream.Stream.of(rs.getString(1), rs.getString(2),
                            Columns.getInstant(rs, "at"), rs.getString(4), rs.getObject(5), rs.getObject(6),
                            rs.getObject(7), rs.getString(8)).map(String::valueOf).collect(Collectors.joining(" ")));
                }
            }
            return rows;
        });
    }
}
