package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseService;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.Messages;
import org.gridcommand.common.Ulid;
import org.gridcommand.directory.DepartmentDirectory;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.AuditEntry;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.track.ShiftTable;
import org.gridcommand.feed.track.ShiftWindow;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.handover.HandoverAcknowledgement;
import org.gridcommand.handover.HandoverAlreadyAcknowledged;
import org.gridcommand.handover.HandoverBuilder;
import org.gridcommand.handover.HandoverHtml;
import org.gridcommand.handover.HandoverReport;
import org.gridcommand.handover.HandoverReport.Whereabouts;
import org.gridcommand.handover.HandoverService;
import org.gridcommand.handover.HandoverSettings;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.LogNotificationChannel;
import org.gridcommand.plans.PlanLibrary;
import org.gridcommand.plans.PlanService;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.sla.SlaState;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * Shift handover on real stores: the report built from crafted cases, plan, camera board, worker fixes and
 * trail (H2), and the incoming officer's acknowledgement, durable across a reopen, on H2 and PostgreSQL.
 */
class HandoverStoreTest {
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final Operator OUTGOING = new Operator("李交班", Role.DUTY_OFFICER);
    private static final Operator INCOMING = new Operator("王接班", Role.SHIFT_SUPERVISOR);
    private static final CategoryDictionary CATEGORIES = CategoryDictionary.loadDefault();

    /**
     * A store holding the fixture district, services on a hand-moved clock, and a builder over them. The clock starts
     * on a weekday afternoon, well inside the day shift: which shift is handed over, and which case is overdue in
     * working hours, must not depend on the hour or the day the test runs.
     */
    private static final class Seat implements AutoCloseable {
        final TestStore store;
        final ManualClock clock = ManualClock.dutyAfternoon();
        final District district = Fixtures.district();
        final List<Camera> cameras = Fixtures.cameras();
        final CameraStatusBoard board = new CameraStatusBoard();
        final Map<String, GpsFix> fixes = new HashMap<>();
        final ShiftTable shifts = ShiftTable.loadDefault();
        DutyService duty;
        PlanService plans;
        CaseService cases;
        HandoverBuilder builder;
        HandoverService service;

        Seat(Backend backend) {
            store = TestStores.open(backend);
            store.db.grids().replaceDistrict(district);
            store.db.cameras().saveAll(cameras);
            wire(store.db);
        }

        void wire(Database db) {
            duty = new DutyService(db.audit(), clock);
            plans = new PlanService(PlanLibrary.loadDefault(CATEGORIES, DepartmentDirectory.loadDefault()), db.plans(),
                    db.cases(), duty, clock, new LogNotificationChannel(), (c, exercise) -> "cap.xml",
                    PlanService.Mode.LIVE);
            cases = new CaseService(db.cases(), db.caseEvents(), duty, clock, plans.closeGuard());
            builder = new HandoverBuilder(new HandoverBuilder.Sources(db.cases(), db.plans()::findByCase,
                    db.handovers(), cameras, board::snapshot, () -> db.grids().findWorkers(),
                    id -> Optional.ofNullable(fixes.get(id)), new GridLocator(district)),
                    SlaEngine.loadDefault(CATEGORIES), CATEGORIES, HandoverSettings.loadDefault());
            service = new HandoverService(builder, db.handovers(), db.audit(), duty, shifts, clock, DISTRICT);
        }

        String newCase(Case c) {
            store.db.cases().create(c, new CaseEvent(Ulid.next(), c.id(), c.reportedAt(), "王一", null,
                    CaseAction.REPORT, null, c.state(), null, ActorKind.WORKER));
            return c.id();
        }

        /** Moves the clock to {@code minutes} after the start of the shift following the one running now. */
        void intoNextShift(int minutes) {
            ShiftWindow now = shifts.windowAt(clock.instant(), DISTRICT).orElseThrow();
            clock.advance(Duration.between(clock.instant(), now.to()).plusMinutes(minutes));
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @Test
    void reportListsOverdueCasesFirstOpenStepsLostCamerasAwayWorkersAndTheShiftsEvents() {
        try (Seat seat = new Seat(Backend.H2)) {
            seat.duty.signOn(OUTGOING);
            Instant now = seat.clock.instant();
            // Reported three days ago and never accepted: the acceptance stage is long overdue.
            String overdue = seat.newCase(Fixtures.aCase(Ulid.next(), CaseState.REPORTED, now.minus(Duration.ofDays(3)))
                    .toBuilder().priority(Priority.NORMAL).categoryCode("0101").build());
            String closed = seat.newCase(Fixtures.aCase(Ulid.next(), CaseState.CLOSED, now.minus(Duration.ofDays(2))));
            seat.clock.advance(Duration.ofMinutes(1));
            // A residential fire reported in this shift, its plan activated (required steps open) and escalated.
            String fire = seat.newCase(Fixtures.aCase(Ulid.next(), CaseState.REPORTED, seat.clock.instant())
                    .toBuilder().categoryCode("0601").build());
            seat.clock.advance(Duration.ofMinutes(1));
            Checklist checklist = seat.plans.activate(fire, "residential-fire", EmergencyLevel.IV);
            seat.clock.advance(Duration.ofMinutes(1));
            seat.cases.escalate(fire, "smoke on three floors");
            seat.clock.advance(Duration.ofMinutes(2));
            Instant lost = seat.clock.instant().minus(Duration.ofMinutes(1));
            seat.board.frameSeen(seat.cameras.get(1).id(), lost.minusSeconds(30));
            seat.board.signalLost(seat.cameras.get(1).id(), lost);
            seat.board.frameSeen(seat.cameras.get(0).id(), seat.clock.instant());
            // Wang Yi (own grid: Community 1 North) was last seen in Community 2; Zhao Si, on duty, never.
            GridWorker wang = seat.district.gridWorkers().get(0);
            GridWorker zhao = seat.district.gridWorkers().get(3);
            seat.fixes.put(wang.id(), new GpsFix("m1", wang.id(), seat.clock.instant().minusSeconds(60),
                    new GeoPoint(113.565, 22.255), 5));

            ShiftWindow shift = seat.shifts.windowAt(seat.clock.instant(), DISTRICT).orElseThrow();
            HandoverReport report = seat.service.prepare(shift);

            assertThat(report.handedOverBy()).isEqualTo(OUTGOING.name());
            assertThat(report.openCases()).extracting(HandoverReport.OpenCase::caseId).containsExactly(overdue, fire)
                    .doesNotContain(closed);
            assertThat(report.openCases().get(0).sla()).isEqualTo(SlaState.OVERDUE);
            // Overdue first, the longest overrun first; the count is the queue's SLA engine's own verdict.
            SlaEngine engine = SlaEngine.loadDefault(CATEGORIES);
            long overdueNow = java.util.stream.Stream.of(overdue, fire)
                    .map(id -> engine.assess(seat.store.db.cases().findById(id).orElseThrow(), seat.clock.instant()))
                    .filter(v -> v.state().orElse(null) == SlaState.OVERDUE).count();
            assertThat(report.overdueCases()).isEqualTo(overdueNow).isPositive();
            assertThat(report.openSteps()).hasSize(checklist.requiredOpen().size()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.caseId()).isEqualTo(fire));
            assertThat(report.offlineCameras()).singleElement().satisfies(c -> {
                assertThat(c.cameraId()).isEqualTo(seat.cameras.get(1).id());
                assertThat(c.lostSince()).isEqualTo(lost);
            });
            assertThat(report.workers()).extracting(HandoverReport.WorkerAway::workerId, HandoverReport.WorkerAway::whereabouts,
                    HandoverReport.WorkerAway::seenInGrid).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(wang.id(), Whereabouts.OFF_GRID, "440402001002001"),
                    org.assertj.core.groups.Tuple.tuple(zhao.id(), Whereabouts.NOT_SEEN, null));
            assertThat(report.events()).extracting(HandoverReport.NotableEvent::caseId, HandoverReport.NotableEvent::action)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(fire, CaseAction.REPORT),
                            org.assertj.core.groups.Tuple.tuple(fire, CaseAction.ACTIVATE_PLAN),
                            org.assertj.core.groups.Tuple.tuple(fire, CaseAction.ESCALATE));
            assertThat(report.digest()).hasSize(64).isEqualTo(seat.service.prepare(shift).digest());

            String html = HandoverHtml.render(report, null, Messages.forLocale(Locale.ENGLISH), DISTRICT);
            assertThat(html).contains(overdue, fire, "class=\"overdue\"", "Open cases: 2 (" + overdueNow + " overdue)",
                    "Outside own grid, in 440402001002001", report.digest());
        }
    }

    @Test
    void aWorkerWhoseLastFixIsOlderThanTheLimitCountsAsNotSeen() {
        try (Seat seat = new Seat(Backend.H2)) {
            GridWorker wang = seat.district.gridWorkers().get(0);
            Duration limit = HandoverSettings.loadDefault().workerNotSeenAfter();
            // In his own grid, but too long ago.
            seat.fixes.put(wang.id(), new GpsFix("m1", wang.id(), seat.clock.instant().minus(limit).minusSeconds(1),
                    new GeoPoint(113.55, 22.28), 5));
            HandoverReport report = seat.service.prepare(seat.shifts.windowAt(seat.clock.instant(), DISTRICT).orElseThrow());
            assertThat(report.workers()).filteredOn(w -> w.workerId().equals(wang.id()))
                    .singleElement().extracting(HandoverReport.WorkerAway::whereabouts).isEqualTo(Whereabouts.NOT_SEEN);
        }
    }

    @OnEachStore
    void theIncomingOfficersAcknowledgementIsDurableAndHappensOncePerShift(Backend backend) throws Exception {
        try (Seat seat = new Seat(backend)) {
            seat.duty.signOn(OUTGOING);
            ShiftWindow outgoingShift = seat.shifts.windowAt(seat.clock.instant(), DISTRICT).orElseThrow();
            seat.intoNextShift(10);
            seat.duty.signOn(INCOMING);

            HandoverReport pending = seat.service.pending().orElseThrow();
            assertThat(pending.shift()).isEqualTo(outgoingShift);
            assertThat(pending.handedOverBy()).isEqualTo(OUTGOING.name());
            HandoverAcknowledgement ack = seat.service.acknowledge(pending);

            // Reopen the store: the record survives and still matches the report read.
            Database reopened = reopen(seat.store);
            try {
                seat.wire(reopened);
                seat.duty.signOn(INCOMING);
                HandoverAcknowledgement stored = reopened.handovers()
                        .find(outgoingShift.shift().code(), outgoingShift.from()).orElseThrow();
                assertThat(stored).isEqualTo(ack);
                assertThat(stored.handedOverBy()).isEqualTo(OUTGOING.name());
                assertThat(stored.takenOverBy()).isEqualTo(INCOMING.name());
                assertThat(stored.takenOverRole()).isEqualTo(Role.SHIFT_SUPERVISOR);
                assertThat(stored.acknowledgedAt()).isEqualTo(seat.clock.instant());
                assertThat(stored.reportDigest()).isEqualTo(pending.digest());
                assertThat(stored.reportText()).isEqualTo(pending.text());
                assertThat(stored.intact()).isTrue();
                assertThat(reopened.handovers().findRecent(5)).containsExactly(stored);
                assertThat(reopened.audit().findRecent(10)).extracting(AuditEntry::action)
                        .contains(HandoverService.AUDIT_ACTION);

                assertThat(seat.service.pending()).isEmpty();
                assertThatThrownBy(() -> seat.service.acknowledge(pending))
                        .isInstanceOf(HandoverAlreadyAcknowledged.class)
                        .hasMessageContaining("already taken over by " + INCOMING.name());
                assertThat(reopened.handovers().findRecent(5)).hasSize(1);
            } finally {
                if (reopened != seat.store.db) {
                    reopened.close();
                }
            }
        }
    }

    @Test
    void nobodySignedOnCannotTakeOver() {
        try (Seat seat = new Seat(Backend.H2)) {
            HandoverReport report = seat.service.prepare();
            assertThatThrownBy(() -> seat.service.acknowledge(report)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nobody is signed on");
            assertThat(seat.store.db.handovers().findRecent(5)).isEmpty();
        }
    }

    @Test
    void brokenSettingsNameTheFileAndTheField() throws Exception {
        var file = Files.createTempFile("handover", ".json");
        try {
            Files.writeString(file, "{\"workerNotSeenAfterMinutes\": 30, \"offerWithinMinutes\": 60,"
                    + " \"notableActions\": [\"ESCALATE\", \"EXPLODE\"]}");
            assertThatThrownBy(() -> HandoverSettings.load(file)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.getFileName().toString())
                    .hasMessageContaining("notableActions entry 2: 'EXPLODE'");
            Files.writeString(file, "{\"workerNotSeenAfterMinutes\": 0, \"offerWithinMinutes\": 60, \"notableActions\": []}");
            assertThatThrownBy(() -> HandoverSettings.load(file)).hasMessageContaining("\"workerNotSeenAfterMinutes\" is 0");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The same store opened afresh: H2 closes the file and opens it again (then the test store's handle is the
     * new one); PostgreSQL opens a second connection onto the same schema.
     */
    private static Database reopen(TestStore store) {
        if (store.h2Dir != null) {
            store.db.close();
            return Database.openH2(store.h2Dir, new ChangeBus());
        }
        return Database.open(TestStores.PG_URL, TestStores.PG_USER, TestStores.PG_PASSWORD, store.pgSchema,
                new ChangeBus());
    }
}
