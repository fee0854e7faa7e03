package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Attachment;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseChange;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.ReportIdTaken;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.common.ChangeEvent.Kind;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.Role;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;

/** The life-cycle columns and queries of the case store, on both vendors. */
class JdbcCaseLifeCycleTest {
    private static final Instant T = Fixtures.NOW;

    /** Every field set, none at its default: a column left out of the mapping cannot hide. */
    static Case everything(String id, String reportId) {
        return Case.builder().id(id).channel(org.gridcommand.cases.Channel.VIDEO_ANALYTICS).reportId(reportId)
                .categoryCode("0601").location(new org.gridcommand.geo.GeoPoint(113.5531234567891, 22.2712345678912))
                .smallGridCode("440402001001001").outsideDistrict(false).address("莲花路 88 号")
                .reportedBy("44040200001310000001").reporterName("王一").reporterContact("13900000001")
                .description("烟雾识别告警").attachments(List.of(
                        new Attachment("IMG_1.jpg", "image/jpeg", 2_345_678, "ab".repeat(32)),
                        new Attachment("clip.mp4", "video/mp4", 9_000_000, null)))
                .priority(org.gridcommand.cases.Priority.URGENT).eventClass(EmergencyClass.ACCIDENT_DISASTER)
                .level(EmergencyLevel.III).state(CaseState.SUSPENDED).stateReason("等待审批")
                .suspendedFrom(CaseState.IN_HANDLING).assignee(Assignee.worker("W-0001")).supervised(true)
                .escalated(true).reworkCount(2).reportedAt(T).acceptedAt(T.plusSeconds(1))
                .dispatchedAt(T.plusSeconds(2)).handlingStartedAt(T.plusSeconds(3)).fedBackAt(T.plusSeconds(4))
                .verifiedAt(T.plusSeconds(5)).closedAt(null).voidedAt(T.plusSeconds(6)).suspendedAt(T.plusSeconds(7))
                .build();
    }

    private static CaseEvent reportLine(Case c) {
        return new CaseEvent(Ulid.next(), c.id(), c.reportedAt(), "W-0001", null, CaseAction.REPORT, null,
                CaseState.REPORTED, null, ActorKind.WORKER);
    }

    @OnEachStore
    void everyFieldRoundTrips(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            Case c = everything(Ulid.next(), "VA-1");
            Case stored = store.db.cases().create(c, reportLine(c));
            assertThat(stored.number()).as("the store gives the number").matches("000000-\\d{8}-0001");
            assertThat(stored).isEqualTo(c.toBuilder().number(stored.number()).build());
            assertThat(store.db.cases().findById(c.id())).contains(stored);
            assertThat(store.db.cases().findByReportId("VA-1")).contains(stored);
            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("case", c.id(), Kind.CREATED));

            Case bare = Fixtures.outsideCase(T);
            store.db.cases().insertAll(List.of(bare));
            Case loaded = store.db.cases().findById(bare.id()).orElseThrow();
            assertThat(loaded).isEqualTo(bare);
            assertThat(loaded.outsideDistrict()).isTrue();
            assertThat(loaded.attachments()).isEmpty();
            assertThat(loaded.assignee()).isNull();
        }
    }

    @OnEachStore
    void aReportIdIsStoredOnce(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            Case first = everything(Ulid.next(), "GW-7");
            store.db.cases().create(first, reportLine(first));
            Case second = everything(Ulid.next(), "GW-7");
            assertThatThrownBy(() -> store.db.cases().create(second, reportLine(second)))
                    .isInstanceOf(ReportIdTaken.class)
                    .hasMessageContaining("GW-7");
            assertThat(store.db.cases().count()).isEqualTo(1);
            assertThat(store.db.caseEvents().count()).isEqualTo(1);
            // Cases without a channel key do not collide with each other.
            store.db.cases().create(everything(Ulid.next(), null), reportLine(first));
        }
    }

    @OnEachStore
    void aFailingChangeLeavesCaseAndTrailAsTheyWere(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            Case fresh = everything(Ulid.next(), null);
            Case c = store.db.cases().create(fresh, reportLine(fresh));
            // A trail line whose id is already used fails inside the transaction, after the case update.
            CaseEvent clash = store.db.caseEvents().findByCase(c.id()).get(0);
            assertThatThrownBy(() -> store.db.cases().apply(c.id(), current -> new CaseChange(
                    current.withState(CaseState.IN_HANDLING),
                    CaseEvent.byOfficer(clash.id(), c.id(), T, "x", Role.DUTY_OFFICER, CaseAction.RESUME,
                            CaseState.SUSPENDED, CaseState.IN_HANDLING, null))))
                    .isInstanceOf(StoreException.class);
            assertThat(store.db.cases().findById(c.id())).contains(c);
            assertThat(store.db.caseEvents().findByCase(c.id())).hasSize(1);
        }
    }

    @OnEachStore
    void queriesByStateTimeAndMajorCategory(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            Case fireOpen = Fixtures.aCase(Ulid.next(), CaseState.DISPATCHED, T.minus(Duration.ofMinutes(30)))
                    .toBuilder().categoryCode("0601").build();
            Case gasOpen = Fixtures.aCase(Ulid.next(), CaseState.REPORTED, T.minus(Duration.ofMinutes(10)))
                    .toBuilder().categoryCode("0606").build();
            Case fireClosed = Fixtures.aCase(Ulid.next(), CaseState.CLOSED, T.minus(Duration.ofMinutes(20)))
                    .toBuilder().categoryCode("0601").build();
            Case disputeOpen = Fixtures.aCase(Ulid.next(), CaseState.SUSPENDED, T.minus(Duration.ofMinutes(5)))
                    .toBuilder().categoryCode("0301").build();
            Case oldFire = Fixtures.aCase(Ulid.next(), CaseState.ACCEPTED, T.minus(Duration.ofDays(2)))
                    .toBuilder().categoryCode("0602").build();
            Case voided = Fixtures.aCase(Ulid.next(), CaseState.VOIDED, T.minus(Duration.ofHours(1)));
            store.db.cases().insertAll(List.of(fireOpen, gasOpen, fireClosed, disputeOpen, oldFire, voided));

            assertThat(store.db.cases().findOpenInMajorReportedBetween("06", T.minus(Duration.ofHours(2)), T))
                    .containsExactly(gasOpen, fireOpen);
            assertThat(store.db.cases().findOpen()).containsExactly(disputeOpen, gasOpen, fireOpen, oldFire);
            assertThat(store.db.cases().findByState(CaseState.CLOSED, CaseState.VOIDED))
                    .containsExactly(fireClosed, voided);
            assertThat(store.db.cases().findByState()).isEmpty();
            // [from, to): the case reported exactly at "to" belongs to the next range.
            assertThat(store.db.cases().findReportedBetween(T.minus(Duration.ofHours(1)), T.minus(Duration.ofMinutes(10))))
                    .containsExactly(voided, fireOpen, fireClosed);
            assertThatThrownBy(() -> store.db.cases().findOpenInMajorReportedBetween("0%", T, T))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
