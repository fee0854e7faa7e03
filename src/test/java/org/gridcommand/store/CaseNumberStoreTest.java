package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseChange;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;

/**
 * Readable case numbers on real stores: district code, the report's day in the district's zone, that day's sequence;
 * given on insert, kept on every change, unique when two seats store cases at once, and given once to the cases a
 * store held before numbers existed.
 */
class CaseNumberStoreTest {
    /** 2026-12-07 23:30 in Zhuhai (UTC+8) is 15:30 UTC: the day is the district's, not UTC's. */
    private static final Instant LATE_EVENING = Instant.parse("2026-12-07T15:30:00Z");
    private static final Instant AFTER_MIDNIGHT = Instant.parse("2026-12-07T16:10:00Z");

    @OnEachStore
    void eachDayCountsFromOneAndANumberNeverChanges(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            Case first = create(store.db, LATE_EVENING);
            Case second = create(store.db, LATE_EVENING.plusSeconds(60));
            Case nextDay = create(store.db, AFTER_MIDNIGHT);
            assertThat(first.number()).isEqualTo("000000-20261207-0001");
            assertThat(second.number()).isEqualTo("000000-20261207-0002");
            assertThat(nextDay.number()).as("after midnight in the district").isEqualTo("000000-20261208-0001");

            Case imported = Fixtures.aCase(Ulid.next(), CaseState.CLOSED, LATE_EVENING.plusSeconds(900));
            store.db.cases().insertAll(List.of(
                    Fixtures.aCase(Ulid.next(), CaseState.CLOSED, LATE_EVENING.plusSeconds(600)).toBuilder().number(null).build(),
                    imported,
                    Fixtures.aCase(Ulid.next(), CaseState.CLOSED, LATE_EVENING.plusSeconds(300)).toBuilder().number(null).build()));
            assertThat(store.db.cases().findById(imported.id()).orElseThrow().number())
                    .as("a number brought along is kept").isEqualTo(imported.number());
            List<String> evening = store.db.cases().findOpenOrReportedSince(LATE_EVENING.minusSeconds(1)).stream()
                    .filter(c -> c.reportedAt().isBefore(AFTER_MIDNIGHT) && !c.id().equals(imported.id())).sorted(
                            java.util.Comparator.comparing(Case::reportedAt)).map(Case::number).toList();
            assertThat(evening).as("a batch is numbered in report order after what is there")
                    .containsExactly("000000-20261207-0001", "000000-20261207-0002", "000000-20261207-0003",
                            "000000-20261207-0004");

            store.db.cases().apply(first.id(), c -> new CaseChange(c.toBuilder().state(CaseState.ACCEPTED)
                    .number("forged").build(), new CaseEvent(Ulid.next(), c.id(), LATE_EVENING.plusSeconds(90), "林值班",
                    null, CaseAction.ACCEPT, CaseState.REPORTED, CaseState.ACCEPTED, null, ActorKind.OFFICER)));
            assertThat(store.db.cases().findById(first.id()).orElseThrow().number())
                    .as("a change never renumbers").isEqualTo("000000-20261207-0001");
        }
    }

    @OnEachStore
    void twoSeatsStoringAtOnceNeverDrawTheSameNumber(Backend backend) throws Exception {
        try (TestStore store = TestStores.open(backend)) {
            create(store.db, LATE_EVENING);
            Database otherSeat = store.h2Dir != null ? store.db : Database.open(TestStores.PG_URL, TestStores.PG_USER,
                    TestStores.PG_PASSWORD, store.pgSchema, new ChangeBus());
            ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
            ExecutorService seats = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Database seat : List.of(store.db, otherSeat)) {
                    done.add(seats.submit(() -> {
                        for (int i = 0; i < 15; i++) {
                            Instant at = LATE_EVENING.plusSeconds(i);
                            numbers.add(create(seat, at).number());
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                seats.shutdownNow();
                if (otherSeat != store.db) {
                    otherSeat.close();
                }
            }
            assertThat(numbers).hasSize(30).doesNotHaveDuplicates()
                    .allMatch(n -> n.startsWith("000000-20261207-"));
        }
    }

    @OnEachStore
    void casesStoredBeforeNumbersExistedAreNumberedOnceAtTheNextOpen(Backend backend) throws Exception {
        try (TestStore store = TestStores.open(backend)) {
            Case older = create(store.db, LATE_EVENING);
            store.db.write("forgetting numbers, as a store from before V10", c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE cases SET case_number = NULL");
                    st.executeUpdate("DELETE FROM case_number_seq");
                    st.executeUpdate("DELETE FROM meta WHERE meta_key = '" + CaseNumbers.META_BACKFILLED + "'");
                }
                return null;
            });
            assertThat(store.db.cases().findById(older.id()).orElseThrow().number()).isNull();

            CaseNumbers.backfill(store.db);
            assertThat(store.db.cases().findById(older.id()).orElseThrow().number()).isEqualTo("000000-20261207-0001");
            Case after = create(store.db, LATE_EVENING);
            assertThat(after.number()).isEqualTo("000000-20261207-0002");
        }
    }

    private static Case create(Database db, Instant reportedAt) {
        Case c = Fixtures.aCase(Ulid.next(), CaseState.REPORTED, reportedAt).toBuilder().number(null).build();
        return db.cases().create(c, new CaseEvent(Ulid.next(), c.id(), reportedAt, "W-0001", null, CaseAction.REPORT,
                null, CaseState.REPORTED, null, ActorKind.WORKER));
    }
}
