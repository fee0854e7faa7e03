package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseService;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.TransitionRefused;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.common.ChangeEvent.Kind;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.gridcommand.testing.ManualClock;

class CaseServiceTest {
    private static final Operator ZHANG = new Operator("张值班", Role.DUTY_OFFICER);
    private static final Operator LI = new Operator("李班长", Role.SHIFT_SUPERVISOR);

    /** A fresh store, a clock stepping one minute per action, and a case just reported. */
    private static final class Fixture implements AutoCloseable {
        final TestStore store;
        final ManualClock clock = new ManualClock(Fixtures.NOW);
        final DutyService duty;
        final CaseService service;
        final String id;

        Fixture(Backend backend) {
            store = TestStores.open(backend);
            duty = new DutyService(store.db.audit(), clock);
            service = new CaseService(store.db.cases(), store.db.caseEvents(), duty, clock);
            Case reported = Fixtures.aCase(Ulid.next(), CaseState.REPORTED, Fixtures.NOW).toBuilder()
                    .acceptedAt(null).dispatchedAt(null).build();
            store.db.cases().create(reported, new CaseEvent(Ulid.next(), reported.id(), Fixtures.NOW, "王一", null,
                    CaseAction.REPORT, null, CaseState.REPORTED, null, ActorKind.WORKER));
            id = reported.id();
            store.takeEvents();
        }

        Instant tick() {
            return clock.advance(Duration.ofMinutes(1));
        }

        Case stored() {
            return store.db.cases().findById(id).orElseThrow();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @OnEachStore
    void fullLifeCycleStampsEveryStageAndTheOperator(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            f.duty.signOn(ZHANG);
            Instant accepted = f.tick();
            f.service.accept(f.id, "受理");
            Instant dispatched = f.tick();
            Case afterDispatch = f.service.dispatch(f.id, Assignee.department("FIRE"), "119 已出警");
            Instant started = f.tick();
            f.service.startHandling(f.id);
            f.duty.signOn(LI);
            Instant fedBack = f.tick();
            f.service.feedBack(f.id, "明火已扑灭");
            Instant verified = f.tick();
            f.service.verify(f.id, true, "现场核查通过");
            Instant closed = f.tick();
            Case done = f.service.close(f.id);

            assertThat(afterDispatch.assignee()).isEqualTo(Assignee.department("FIRE"));
            assertThat(done).isEqualTo(f.stored());
            assertThat(done.state()).isEqualTo(CaseState.CLOSED);
            assertThat(done.acceptedAt()).isEqualTo(accepted);
            assertThat(done.dispatchedAt()).isEqualTo(dispatched);
            assertThat(done.handlingStartedAt()).isEqualTo(started);
            assertThat(done.fedBackAt()).isEqualTo(fedBack);
            assertThat(done.verifiedAt()).isEqualTo(verified);
            assertThat(done.closedAt()).isEqualTo(closed);
            assertThat(done.reworkCount()).isZero();

            List<CaseEvent> trail = f.service.trail(f.id);
            assertThat(trail).extracting(CaseEvent::action).containsExactly(CaseAction.REPORT, CaseAction.ACCEPT,
                    CaseAction.DISPATCH, CaseAction.START_HANDLING, CaseAction.FEED_BACK, CaseAction.VERIFY,
                    CaseAction.CLOSE);
            assertThat(trail).extracting(CaseEvent::toState).containsExactly(CaseState.REPORTED, CaseState.ACCEPTED,
                    CaseState.DISPATCHED, CaseState.IN_HANDLING, CaseState.FED_BACK, CaseState.VERIFIED,
                    CaseState.CLOSED);
            assertThat(trail.subList(1, trail.size())).extracting(CaseEvent::fromState).containsExactly(
                    CaseState.REPORTED, CaseState.ACCEPTED, CaseState.DISPATCHED, CaseState.IN_HANDLING,
                    CaseState.FED_BACK, CaseState.VERIFIED);
            assertThat(trail.subList(1, trail.size())).extracting(CaseEvent::at)
                    .containsExactly(accepted, dispatched, started, fedBack, verified, closed);
            assertThat(trail.subList(1, 4)).allSatisfy(e -> {
                assertThat(e.operatorName()).isEqualTo("张值班");
                assertThat(e.role()).isEqualTo(Role.DUTY_OFFICER);
            });
            assertThat(trail.subList(4, 7)).allSatisfy(e -> {
                assertThat(e.operatorName()).isEqualTo("李班长");
                assertThat(e.role()).isEqualTo(Role.SHIFT_SUPERVISOR);
            });
            assertThat(trail.get(2).note()).isEqualTo("to department FIRE: 119 已出警");
            assertThat(trail.get(4).note()).isEqualTo("明火已扑灭");
            assertThat(trail.get(6).note()).isNull();
            // One change event per transition, each naming the case.
            assertThat(f.store.takeEvents().stream().filter(e -> e.entity().equals("case")).toList())
                    .hasSize(6).containsOnly(new ChangeEvent("case", f.id, Kind.UPDATED));
        }
    }

    @OnEachStore
    void failedVerificationSendsTheCaseBackToHandling(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            f.duty.signOn(ZHANG);
            toFedBack(f);
            Instant rework = f.tick();
            Case reworked = f.service.verify(f.id, false, "垃圾未清理干净");

            assertThat(reworked.state()).isEqualTo(CaseState.IN_HANDLING);
            assertThat(reworked.reworkCount()).isEqualTo(1);
            assertThat(reworked.handlingStartedAt()).isEqualTo(rework);
            assertThat(reworked.fedBackAt()).isNull();
            assertThat(f.stored()).isEqualTo(reworked);
            CaseEvent last = last(f);
            assertThat(last.action()).isEqualTo(CaseAction.REWORK);
            assertThat(last.fromState()).isEqualTo(CaseState.FED_BACK);
            assertThat(last.toState()).isEqualTo(CaseState.IN_HANDLING);
            assertThat(last.note()).isEqualTo("垃圾未清理干净");

            f.tick();
            f.service.feedBack(f.id, "已重新清理");
            f.tick();
            assertThat(f.service.verify(f.id, true, null).state()).isEqualTo(CaseState.VERIFIED);
            assertThat(f.stored().reworkCount()).isEqualTo(1);
        }
    }

    @OnEachStore
    void suspendKeepsTheReasonAndResumeGoesBack(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            f.duty.signOn(ZHANG);
            f.tick();
            f.service.accept(f.id);
            f.tick();
            f.service.dispatch(f.id, Assignee.worker("W1"));
            f.tick();
            f.service.startHandling(f.id);
            assertThatThrownBy(() -> f.service.suspend(f.id, " "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a reason is required");
            Instant suspendedAt = f.tick();
            Case suspended = f.service.suspend(f.id, "需多部门协调");
            assertThat(suspended.state()).isEqualTo(CaseState.SUSPENDED);
            assertThat(suspended.stateReason()).isEqualTo("需多部门协调");
            assertThat(suspended.suspendedAt()).isEqualTo(suspendedAt);
            assertThat(suspended.suspendedFrom()).isEqualTo(CaseState.IN_HANDLING);
            assertThat(f.stored()).isEqualTo(suspended);
            assertThat(last(f).note()).isEqualTo("需多部门协调");

            f.tick();
            Case resumed = f.service.resume(f.id, "协调完毕");
            assertThat(resumed.state()).isEqualTo(CaseState.IN_HANDLING);
            assertThat(resumed.stateReason()).isNull();
            assertThat(f.stored()).isEqualTo(resumed);
            assertThat(last(f).fromState()).isEqualTo(CaseState.SUSPENDED);
            assertThat(last(f).toState()).isEqualTo(CaseState.IN_HANDLING);
        }
    }

    @OnEachStore
    void voidNeedsAReasonAndEndsTheCase(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            f.duty.signOn(ZHANG);
            assertThatThrownBy(() -> f.service.voidCase(f.id, null)).isInstanceOf(IllegalArgumentException.class);
            assertThat(f.stored().state()).isEqualTo(CaseState.REPORTED);
            Instant at = f.tick();
            Case voided = f.service.voidCase(f.id, "重复上报");
            assertThat(voided.state()).isEqualTo(CaseState.VOIDED);
            assertThat(voided.stateReason()).isEqualTo("重复上报");
            assertThat(voided.voidedAt()).isEqualTo(at);
            assertThat(voided.closedAt()).isEqualTo(at);
            assertThat(f.stored()).isEqualTo(voided);
            assertThat(last(f).action()).isEqualTo(CaseAction.VOID);
            assertThat(last(f).note()).isEqualTo("重复上报");
        }
    }

    @OnEachStore
    void aRefusalChangesNothing(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            // Nobody signed on: refused before anything is read or written.
            assertThatThrownBy(() -> f.service.accept(f.id))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nobody is signed on");
            f.duty.signOn(ZHANG);
            f.tick();
            f.service.voidCase(f.id, "测试");
            Case before = f.stored();
            List<CaseEvent> trailBefore = f.service.trail(f.id);
            long eventsBefore = f.store.db.caseEvents().count();
            f.store.takeEvents();

            f.tick();
            assertThatThrownBy(() -> f.service.dispatch(f.id, Assignee.department("FIRE")))
                    .isInstanceOf(TransitionRefused.class)
                    .hasMessage("case " + f.id + " is VOIDED: cannot dispatch (dispatch is allowed from ACCEPTED)");
            assertThatThrownBy(() -> f.service.supervise(f.id))
                    .isInstanceOf(TransitionRefused.class)
                    .hasMessageContaining("cannot supervise");
            assertThatThrownBy(() -> f.service.accept("01NOSUCHCASE0000000000000"))
                    .isInstanceOf(java.util.NoSuchElementException.class);

            assertThat(f.stored()).isEqualTo(before);
            assertThat(f.service.trail(f.id)).isEqualTo(trailBefore);
            assertThat(f.store.db.caseEvents().count()).isEqualTo(eventsBefore);
            assertThat(f.store.takeEvents()).noneMatch(e -> e.entity().equals("case"));
        }
    }

    @OnEachStore
    void superviseAndEscalateFlagAnOpenCase(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            f.duty.signOn(LI);
            f.tick();
            Case supervised = f.service.supervise(f.id, "请加快处置");
            f.tick();
            Case escalated = f.service.escalate(f.id, "报区应急办");
            assertThat(supervised.supervised()).isTrue();
            assertThat(escalated.escalated()).isTrue();
            assertThat(escalated.supervised()).isTrue();
            assertThat(escalated.state()).isEqualTo(CaseState.REPORTED);
            assertThat(f.service.trail(f.id)).extracting(CaseEvent::action)
                    .containsExactly(CaseAction.REPORT, CaseAction.SUPERVISE, CaseAction.ESCALATE);
            assertThat(last(f).fromState()).isEqualTo(CaseState.REPORTED).isEqualTo(last(f).toState());
        }
    }

    @OnEachStore
    void twoSeatsAcceptingAtOnceMakeOneAcceptance(Backend backend) throws Exception {
        try (Fixture f = new Fixture(backend)) {
            f.duty.signOn(ZHANG);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Case>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return f.service.accept(f.id);
                    }));
                }
                start.countDown();
                int accepted = 0;
                int refused = 0;
                for (Future<Case> r : results) {
                    try {
                        r.get(30, TimeUnit.SECONDS);
                        accepted++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(TransitionRefused.class);
                        refused++;
                    }
                }
                assertThat(accepted).isEqualTo(1);
                assertThat(refused).isEqualTo(3);
            } finally {
                pool.shutdownNow();
            }
            assertThat(f.service.trail(f.id)).extracting(CaseEvent::action)
                    .containsExactly(CaseAction.REPORT, CaseAction.ACCEPT);
        }
    }

    private static void toFedBack(Fixture f) {
        f.tick();
        f.service.accept(f.id);
        f.tick();
        f.service.dispatch(f.id, Assignee.worker("W1"));
        f.tick();
        f.service.startHandling(f.id);
        f.tick();
        f.service.feedBack(f.id, "已处理");
    }

    private static CaseEvent last(Fixture f) {
        List<CaseEvent> trail = f.service.trail(f.id);
        return trail.get(trail.size() - 1);
    }
}
