package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseService;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.common.Ulid;
import org.gridcommand.directory.DepartmentDirectory;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.plans.Answer;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.ContactRef;
import org.gridcommand.plans.Delivery;
import org.gridcommand.plans.DeliveryState;
import org.gridcommand.plans.LogNotificationChannel;
import org.gridcommand.plans.Notification;
import org.gridcommand.plans.NotificationChannel;
import org.gridcommand.plans.NotificationRecord;
import org.gridcommand.plans.PlanDefinition;
import org.gridcommand.plans.PlanLibrary;
import org.gridcommand.plans.PlanService;
import org.gridcommand.plans.PlanStep;
import org.gridcommand.plans.RequiredStepsOpen;
import org.gridcommand.plans.StepStatus;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Emergency plans on a real store, H2 and PostgreSQL: activation, branching, level escalation, the steps that
 * act (the log notification channel for real, a failing gateway), and the close guard with its override.
 */
class PlanRunStoreTest {
    private static final Operator ZHANG = new Operator("张值班", Role.DUTY_OFFICER);
    private static final Operator LI = new Operator("李班长", Role.SHIFT_SUPERVISOR);
    private static PlanLibrary library;
    /** One store per backend for the class: every test works on cases of its own. */
    private static final Map<Backend, TestStore> STORES = new EnumMap<>(Backend.class);

    @BeforeAll
    static void loadLibrary() {
        library = PlanLibrary.loadDefault(CategoryDictionary.loadDefault(), DepartmentDirectory.loadDefault());
    }

    @AfterAll
    static void closeStores() {
        STORES.values().forEach(TestStore::close);
        STORES.clear();
    }

    /** A fresh residential-fire case in the backend's store, a clock stepping by hand, and the services on it. */
    private static final class Fixture implements AutoCloseable {
        final TestStore store;
        final ManualClock clock = new ManualClock(Fixtures.NOW);
        final DutyService duty;
        final List<Boolean> capExports = new ArrayList<>();
        final CaseService cases;
        PlanService plans;
        final String id;

        Fixture(Backend backend, CaseState state) {
            this(backend, state, new LogNotificationChannel(), PlanService.Mode.LIVE);
        }

        Fixture(Backend backend, CaseState state, NotificationChannel channel, PlanService.Mode mode) {
            store = STORES.computeIfAbsent(backend, TestStores::open);
            duty = new DutyService(store.db.audit(), clock);
            plans = new PlanService(library, store.db.plans(), store.db.cases(), duty, clock, channel,
                    (c, exercise) -> {
                        capExports.add(exercise);
                        return "CAP-" + c.id() + ".xml" + (exercise ? " (Exercise)" : " (Actual)");
                    }, mode);
            cases = new CaseService(store.db.cases(), store.db.caseEvents(), duty, clock, plans.closeGuard());
            id = newCase(state);
            duty.signOn(ZHANG);
            store.takeEvents();
        }

        String newCase(CaseState state) {
            Case c = Fixtures.aCase(Ulid.next(), state, Fixtures.NOW).toBuilder().categoryCode("0601")
                    .address("香洲区唐家湾镇金鼎花园 3 栋").description("3 栋 12 楼住户厨房起火，有浓烟").build();
            store.db.cases().create(c, new CaseEvent(Ulid.next(), c.id(), Fixtures.NOW, "王一", null,
                    CaseAction.REPORT, null, c.state(), null, ActorKind.WORKER));
            return c.id();
        }

        Instant tick(int minutes) {
            return clock.advance(Duration.ofMinutes(minutes));
        }

        Case stored() {
            return store.db.cases().findById(id).orElseThrow();
        }

        List<CaseEvent> trail() {
            return store.db.caseEvents().findByCase(id);
        }

        /** Does every open required step the way its kind asks (branches answered "no"). */
        Checklist doAllRequired() {
            Checklist checklist = plans.checklist(id).orElseThrow();
            while (!checklist.requiredOpen().isEmpty()) {
                PlanStep s = checklist.requiredOpen().get(0);
                checklist = switch (s.kind()) {
                    case CHECK -> plans.markDone(id, s.key(), null);
                    case BRANCH -> plans.answer(id, s.key(), Answer.NO, null);
                    case ACTION -> s.action().onScreen() ? plans.recordAction(id, s.key(), "done on screen")
                            : plans.performAction(id, s.key());
                };
            }
            return checklist;
        }

        @Override
        public void close() {
            store.takeEvents();
        }
    }

    // ------------------------------------------------------------------ activation

    @OnEachStore
    void theSuggestedPlanStartsInOneActionWithItsDeadlinesAndATrailLine(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.ACCEPTED)) {
            Instant at = f.tick(2);
            Checklist checklist = f.plans.activateSuggested(f.id);

            PlanDefinition fire = library.find("residential-fire").orElseThrow();
            assertThat(checklist.run().planId()).isEqualTo("residential-fire");
            assertThat(checklist.run().planVersion()).isEqualTo(fire.version());
            assertThat(checklist.run().level()).isEqualTo(EmergencyLevel.IV);
            assertThat(checklist.run().activatedAt()).isEqualTo(at);
            assertThat(checklist.run().activatedBy()).isEqualTo("张值班");
            assertThat(checklist.steps()).extracting(PlanStep::key).containsExactlyElementsOf(
                    fire.steps().stream().filter(s -> s.level() == EmergencyLevel.IV).map(s -> s.key()).toList());
            PlanStep cameras = checklist.require("cameras");
            assertThat(cameras.number()).isEqualTo("1.2");
            assertThat(cameras.dueAt()).isEqualTo(at.plus(Duration.ofMinutes(3)));
            assertThat(cameras.status()).isEqualTo(StepStatus.OPEN);
            assertThat(checklist.require("medical").status()).as("behind 'are people trapped?'")
                    .isEqualTo(StepStatus.WAITING);
            assertThat(checklist.require("notify-leaders").contacts()).contains(ContactRef.leader("TOWN_DUTY_LEADER"));

            Case graded = f.stored();
            assertThat(graded.level()).isEqualTo(EmergencyLevel.IV);
            assertThat(graded.eventClass()).isEqualTo(EmergencyClass.ACCIDENT_DISASTER);
            CaseEvent line = f.trail().get(f.trail().size() - 1);
            assertThat(line.action()).isEqualTo(CaseAction.ACTIVATE_PLAN);
            assertThat(line.at()).isEqualTo(at);
            assertThat(line.operatorName()).isEqualTo("张值班");
            assertThat(line.fromState()).isEqualTo(CaseState.ACCEPTED).isEqualTo(line.toState());
            assertThat(line.note()).startsWith("住宅火灾事故应急预案 (residential-fire v" + fire.version() + "), level IV");
            assertThat(f.store.takeEvents()).contains(new ChangeEvent("plan", f.id, ChangeEvent.Kind.UPDATED),
                    new ChangeEvent("case", f.id, ChangeEvent.Kind.UPDATED));
            assertThat(f.plans.checklist(f.id)).as("read back").contains(checklist);

            assertThatThrownBy(() -> f.plans.activate(f.id, "typhoon-flood", null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already runs plan residential-fire at level IV")
                    .hasMessageContaining("raise its level instead");
            assertThatThrownBy(() -> f.plans.activate(f.id, "forest-fire", null))
                    .hasMessageStartingWith("no plan forest-fire in the plan library (plans: residential-fire, ");
        }
    }

    @OnEachStore
    void aPlanStartsAtTheLevelAskedAndNeverOnAClosedCase(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.ACCEPTED)) {
            Checklist checklist = f.plans.activate(f.id, "residential-fire", EmergencyLevel.III);
            assertThat(checklist.run().level()).isEqualTo(EmergencyLevel.III);
            assertThat(checklist.step("cap")).as("a level-III step").isPresent();
            assertThat(checklist.step("notify-district")).as("a level-II step").isEmpty();
            assertThat(f.stored().level()).isEqualTo(EmergencyLevel.III);

            String closed = f.newCase(CaseState.CLOSED);
            assertThatThrownBy(() -> f.plans.activateSuggested(closed))
                    .hasMessageContaining("no plan fits case " + closed);
            assertThatThrownBy(() -> f.plans.activate(closed, "residential-fire", null))
                    .hasMessageContaining("case " + closed + " is CLOSED: cannot activate plan");
            assertThat(f.plans.checklist(closed)).isEmpty();
        }
    }

    // ------------------------------------------------------------------ branching

    @OnEachStore
    void aYesOpensTheAnswersStepsAndANoSkipsThem(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.ACCEPTED)) {
            f.plans.activateSuggested(f.id);
            assertThatThrownBy(() -> f.plans.markDone(f.id, "medical", null)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("step 3.3 (medical) of case " + f.id + " waits for the answer to step trapped");
            assertThatThrownBy(() -> f.plans.markDone(f.id, "trapped", null))
                    .hasMessageContaining("is a yes/no question: answer it instead");

            Instant answered = f.tick(4);
            Checklist checklist = f.plans.answer(f.id, "trapped", Answer.YES, "12 楼 2 人被困");
            PlanStep trapped = checklist.require("trapped");
            assertThat(trapped.status()).isEqualTo(StepStatus.DONE);
            assertThat(trapped.answer()).isEqualTo(Answer.YES);
            assertThat(trapped.doneBy()).isEqualTo("张值班");
            assertThat(trapped.doneRole()).isEqualTo(Role.DUTY_OFFICER);
            assertThat(trapped.doneAt()).isEqualTo(answered);
            assertThat(trapped.notes()).singleElement().satisfies(n -> {
                assertThat(n.text()).isEqualTo("12 楼 2 人被困");
                assertThat(n.by()).isEqualTo("张值班");
                assertThat(n.at()).isEqualTo(answered);
            });
            assertThat(checklist.require("guide-rescue").status()).isEqualTo(StepStatus.OPEN);
            assertThat(checklist.require("medical").status()).isEqualTo(StepStatus.OPEN);
            assertThat(checklist.requiredOpen()).extracting(PlanStep::key).contains("guide-rescue", "medical");
            assertThatThrownBy(() -> f.plans.answer(f.id, "trapped", Answer.NO, null))
                    .hasMessageStartingWith("step 1.4 (trapped) of case " + f.id + " was already done by 张值班 at ")
                    .hasMessageEndingWith("(answer YES)");

            String other = f.newCase(CaseState.ACCEPTED);
            f.plans.activateSuggested(other);
            Checklist no = f.plans.answer(other, "trapped", Answer.NO, null);
            assertThat(no.require("medical").status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(no.require("guide-rescue").status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(no.requiredOpen()).extracting(PlanStep::key).doesNotContain("medical", "guide-rescue");
            assertThatThrownBy(() -> f.plans.markDone(other, "medical", null))
                    .hasMessageContaining("was skipped: step trapped was answered the other way");
        }
    }

    // ------------------------------------------------------------------ level escalation

    @OnEachStore
    void raisingTheLevelAddsItsStepsFromNowAndKeepsTheTrail(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.DISPATCHED)) {
            Instant activated = f.tick(1);
            f.plans.activateSuggested(f.id);
            f.plans.markDone(f.id, "confirm", "金鼎花园 3 栋 12 楼");
            Instant raised = f.tick(10);
            Checklist checklist = f.plans.raiseLevel(f.id, EmergencyLevel.III, "火势蔓延至 13 楼");

            PlanDefinition fire = library.find("residential-fire").orElseThrow();
            List<String> levelThree = fire.steps().stream().filter(s -> s.level() == EmergencyLevel.III)
                    .map(s -> s.key()).toList();
            assertThat(levelThree).isNotEmpty();
            assertThat(checklist.run().level()).isEqualTo(EmergencyLevel.III);
            assertThat(checklist.run().levelSince()).isEqualTo(raised);
            assertThat(checklist.run().activatedAt()).isEqualTo(activated);
            for (String key : levelThree) {
                PlanStep s = checklist.require(key);
                assertThat(s.addedAt()).as(key).isEqualTo(raised);
                assertThat(s.dueAt()).as(key + " counts from the raise").isEqualTo(raised.plus(Duration.ofMinutes(
                        s.dueMinutes())));
            }
            assertThat(checklist.require("cameras").dueAt()).as("level-IV steps keep their deadline")
                    .isEqualTo(activated.plus(Duration.ofMinutes(3)));
            assertThat(checklist.require("confirm").status()).isEqualTo(StepStatus.DONE);
            assertThat(checklist.steps()).as("still in plan order").isSortedAccordingTo(
                    java.util.Comparator.comparingInt(PlanStep::seq));
            assertThat(f.stored().level()).isEqualTo(EmergencyLevel.III);
            CaseEvent line = f.trail().get(f.trail().size() - 1);
            assertThat(line.action()).isEqualTo(CaseAction.RAISE_LEVEL);
            assertThat(line.at()).isEqualTo(raised);
            assertThat(line.note()).isEqualTo("level IV → III (residential-fire v" + fire.version() + "): "
                    + levelThree.size() + " steps added: 火势蔓延至 13 楼");

            assertThatThrownBy(() -> f.plans.raiseLevel(f.id, EmergencyLevel.IV, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("case " + f.id + " runs plan residential-fire at level III: level IV is not higher "
                            + "(I is the most serious)");
            Checklist top = f.plans.raiseLevel(f.id, EmergencyLevel.I, null);
            assertThat(top.steps()).hasSize(fire.steps().size());
            assertThat(f.trail()).extracting(CaseEvent::action).containsSubsequence(CaseAction.ACTIVATE_PLAN,
                    CaseAction.RAISE_LEVEL, CaseAction.RAISE_LEVEL);
        }
    }

    // ------------------------------------------------------------------ close guard and override

    @OnEachStore
    void aCaseWithOpenRequiredStepsCannotCloseUntilTheyAreDone(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.VERIFIED)) {
            f.plans.activateSuggested(f.id);
            int linesBefore = f.trail().size();
            assertThatThrownBy(() -> f.cases.close(f.id))
                    .isInstanceOf(RequiredStepsOpen.class)
                    .hasMessageStartingWith("case " + f.id + " cannot close: ")
                    .hasMessageContaining("of plan 住宅火灾事故应急预案 (residential-fire) are open: 1.1 确认报警信息")
                    .hasMessageEndingWith("Do them, or a shift supervisor overrides the plan's close guard with a reason.");
            assertThat(f.stored().state()).isEqualTo(CaseState.VERIFIED);
            assertThat(f.trail()).hasSize(linesBefore);

            Checklist done = f.doAllRequired();
            assertThat(done.requiredOpen()).isEmpty();
            assertThat(done.steps()).filteredOn(s -> !s.required()).allMatch(s -> s.status() != StepStatus.DONE);
            Case closed = f.cases.close(f.id);
            assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
            assertThatThrownBy(() -> f.plans.addNote(f.id, "report-update", "too late"))
                    .hasMessage("case " + f.id + " is CLOSED: its plan can no longer change");
        }
    }

    @OnEachStore
    void aShiftSupervisorOverridesWithAReasonAndTheTrailKeepsIt(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.VERIFIED)) {
            f.plans.activateSuggested(f.id);
            assertThatThrownBy(() -> f.plans.overrideCloseGuard(f.id, "火已扑灭"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("only a shift supervisor can override the plan's close guard of case " + f.id
                            + "; 张值班 is signed on as DUTY_OFFICER");
            f.duty.signOn(LI);
            assertThatThrownBy(() -> f.plans.overrideCloseGuard(f.id, "  "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");

            Instant at = f.tick(30);
            Checklist overridden = f.plans.overrideCloseGuard(f.id, "误报：厨房油烟，消防已核实无火情");
            assertThat(overridden.run().overridden()).isTrue();
            assertThat(overridden.run().overrideBy()).isEqualTo("李班长");
            assertThat(overridden.run().overrideRole()).isEqualTo(Role.SHIFT_SUPERVISOR);
            assertThat(overridden.run().overrideAt()).isEqualTo(at);
            assertThat(overridden.run().overrideReason()).isEqualTo("误报：厨房油烟，消防已核实无火情");
            CaseEvent line = f.trail().get(f.trail().size() - 1);
            assertThat(line.action()).isEqualTo(CaseAction.OVERRIDE_CLOSE_GUARD);
            assertThat(line.operatorName()).isEqualTo("李班长");
            assertThat(line.role()).isEqualTo(Role.SHIFT_SUPERVISOR);
            assertThat(line.note()).startsWith("误报：厨房油烟，消防已核实无火情 (open required steps: 1.1 确认报警信息");

            assertThat(f.cases.close(f.id).state()).isEqualTo(CaseState.CLOSED);
            assertThat(f.trail()).extracting(CaseEvent::action).endsWith(CaseAction.ACTIVATE_PLAN,
                    CaseAction.OVERRIDE_CLOSE_GUARD, CaseAction.CLOSE);
        }
    }

    @OnEachStore
    void aLaterRaiseWithdrawsTheOverride(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.VERIFIED)) {
            f.duty.signOn(LI);
            f.plans.activateSuggested(f.id);
            f.plans.overrideCloseGuard(f.id, "领导同意先行结案");
            Checklist raised = f.plans.raiseLevel(f.id, EmergencyLevel.III, null);
            assertThat(raised.run().overridden()).isFalse();
            assertThat(f.trail().get(f.trail().size() - 1).note()).contains("the close-guard override is withdrawn");
            assertThatThrownBy(() -> f.cases.close(f.id)).isInstanceOf(RequiredStepsOpen.class);
            f.doAllRequired();
            assertThatThrownBy(() -> f.plans.overrideCloseGuard(f.id, "again"))
                    .hasMessage("case " + f.id + " has no open required plan step: nothing to override");
            assertThat(f.cases.close(f.id).state()).isEqualTo(CaseState.CLOSED);
        }
    }

    // ------------------------------------------------------------------ steps that act

    @OnEachStore
    void theLogChannelRecordsEveryNotificationOfTheCallTree(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.ACCEPTED)) {
            Checklist checklist = f.plans.activateSuggested(f.id);
            Instant sent = f.tick(3);
            Checklist after = f.plans.performAction(f.id, "notify-leaders");

            PlanStep step = after.require("notify-leaders");
            assertThat(step.status()).isEqualTo(StepStatus.DONE);
            assertThat(step.doneAt()).isEqualTo(sent);
            assertThat(step.outcome()).isEqualTo("notified 4 of 4 through log");
            List<NotificationRecord> records = f.plans.notifications(checklist.run().id());
            assertThat(records).hasSize(4).allSatisfy(r -> {
                assertThat(r.channel()).isEqualTo("log");
                assertThat(r.sentBy()).isEqualTo("张值班");
                assertThat(r.delivery().state()).isEqualTo(DeliveryState.RECORDED);
                assertThat(r.notification().at()).isEqualTo(sent);
                assertThat(r.notification().stepKey()).isEqualTo("notify-leaders");
                assertThat(r.notification().message()).isEqualTo("【住宅火灾事故应急预案】已启动IV级响应：香洲区唐家湾镇金鼎花园 3 栋，"
                        + "3 栋 12 楼住户厨房起火，有浓烟。请按预案职责响应。事件编号 "
                        + f.store.db.cases().findById(f.id).orElseThrow().number());
            });
            assertThat(records).extracting(r -> r.notification().contact()).containsExactly(
                    ContactRef.leader("TOWN_DUTY_LEADER"), ContactRef.leader("SAFETY_DEPUTY"),
                    ContactRef.leader("COMMUNITY_SECRETARY"), ContactRef.department("EMERGENCY"));
            assertThat(records.get(0).notification().contactName()).isEqualTo("镇带班领导");
            assertThat(records.get(0).notification().address()).isEqualTo("0756-3361001");
            assertThat(records.get(3).notification().address()).isEqualTo("12350");
            assertThat(records.get(0).delivery().detail()).isEqualTo("logged; no gateway at this seat: call 0756-3361001");

            assertThatThrownBy(() -> f.plans.performAction(f.id, "notify-leaders"))
                    .hasMessageContaining("was already done by 张值班");
            assertThatThrownBy(() -> f.plans.performAction(f.id, "cameras"))
                    .hasMessageContaining("is the screen action SHOW_CAMERAS: the console runs it and records the outcome");
            assertThatThrownBy(() -> f.plans.recordAction(f.id, "confirm", "x"))
                    .hasMessageContaining("is not a screen action: tick it");
            Checklist shown = f.plans.recordAction(f.id, "cameras", "3 covering cameras on the wall");
            assertThat(shown.require("cameras").outcome()).isEqualTo("3 covering cameras on the wall");
        }
    }

    @OnEachStore
    void aFailingGatewayLeavesTheStepOpenAndARetryCallsOnlyWhoWasMissed(Backend backend) {
        AtomicReference<String> down = new AtomicReference<>("SAFETY_DEPUTY");
        List<String> calls = new ArrayList<>();
        NotificationChannel gateway = new NotificationChannel() {
            @Override
            public String name() {
                return "sms-gateway";
            }

            @Override
            public Delivery send(Notification n) {
                calls.add(n.contact().code());
                if (n.contact().code().equals(down.get())) {
                    throw new IllegalStateException("gateway timeout after 5 s");
                }
                return new Delivery(DeliveryState.SENT, "msg-" + calls.size());
            }
        };
        try (Fixture f = new Fixture(backend, CaseState.ACCEPTED, gateway, PlanService.Mode.LIVE)) {
            String runId = f.plans.activateSuggested(f.id).run().id();
            PlanStep first = f.plans.performAction(f.id, "notify-leaders").require("notify-leaders");
            assertThat(first.status()).isEqualTo(StepStatus.OPEN);
            assertThat(first.outcome()).isEqualTo("notified 3 of 4 through sms-gateway; failed: SAFETY_DEPUTY "
                    + "(IllegalStateException: gateway timeout after 5 s) (4 sent now)");
            assertThat(f.plans.notifications(runId)).extracting(r -> r.delivery().state()).containsExactly(
                    DeliveryState.SENT, DeliveryState.FAILED, DeliveryState.SENT, DeliveryState.SENT);

            down.set(null);
            calls.clear();
            PlanStep retried = f.plans.performAction(f.id, "notify-leaders").require("notify-leaders");
            assertThat(calls).containsExactly("SAFETY_DEPUTY");
            assertThat(retried.status()).isEqualTo(StepStatus.DONE);
            assertThat(retried.outcome()).isEqualTo("notified 4 of 4 through sms-gateway");
            assertThat(f.plans.notifications(runId)).hasSize(5).last()
                    .satisfies(r -> assertThat(r.delivery()).isEqualTo(new Delivery(DeliveryState.SENT, "msg-1")));
        }
    }

    @OnEachStore
    void aDrillExportsExerciseAlertsAndSaysSoInItsMessages(Backend backend) {
        try (Fixture drill = new Fixture(backend, CaseState.ACCEPTED, new LogNotificationChannel(),
                PlanService.Mode.DRILL)) {
            String runId = drill.plans.activate(drill.id, "residential-fire", EmergencyLevel.III).run().id();
            PlanStep cap = drill.plans.performAction(drill.id, "cap").require("cap");
            assertThat(drill.capExports).containsExactly(true);
            assertThat(cap.outcome()).isEqualTo("CAP-" + drill.id + ".xml (Exercise)");
            drill.plans.performAction(drill.id, "notify-town-heads");
            assertThat(drill.plans.notifications(runId)).allSatisfy(r ->
                    assertThat(r.notification().message()).startsWith("【演练】【住宅火灾事故应急预案】已启动III级响应"));
        }
        try (Fixture live = new Fixture(backend, CaseState.ACCEPTED)) {
            live.plans.activate(live.id, "residential-fire", EmergencyLevel.III);
            live.plans.performAction(live.id, "cap");
            assertThat(live.capExports).containsExactly(false);
        }
    }

    @OnEachStore
    void notesAreKeptWithTheirAuthorAndNobodyActsWithoutSigningOn(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.ACCEPTED)) {
            f.plans.activateSuggested(f.id);
            Instant first = f.tick(1);
            f.plans.markDone(f.id, "fire-called", "119 已于 08:46 接警");
            f.duty.signOn(LI);
            Instant second = f.tick(1);
            Checklist checklist = f.plans.addNote(f.id, "fire-called", "消防车 2 辆出动");
            assertThat(checklist.require("fire-called").notes()).extracting(n -> n.by() + "@" + n.at() + ": " + n.text())
                    .containsExactly("张值班@" + first + ": 119 已于 08:46 接警", "李班长@" + second + ": 消防车 2 辆出动");
            assertThat(checklist.require("fire-called").doneBy()).isEqualTo("张值班");
            assertThatThrownBy(() -> f.plans.addNote(f.id, "fire-called", " ")).hasMessageContaining("is empty");
            assertThatThrownBy(() -> f.plans.addNote(f.id, "fire-called", "x".repeat(2001)))
                    .hasMessageContaining("2001 characters long; at most 2000 fit");
            assertThatThrownBy(() -> f.plans.markDone(f.id, "no-such-step", null))
                    .hasMessage("the plan residential-fire of case " + f.id + " has no step no-such-step at level IV");

            PlanService unsigned = new PlanService(library, f.store.db.plans(), f.store.db.cases(),
                    new DutyService(f.store.db.audit(), f.clock), f.clock, new LogNotificationChannel(),
                    (c, e) -> "", PlanService.Mode.LIVE);
            assertThatThrownBy(() -> unsigned.markDone(f.id, "confirm", null))
                    .hasMessage("nobody is signed on at this seat: sign on before you tick step confirm of case " + f.id);
        }
    }

    @OnEachStore
    void aCaseWithoutAPlanClosesAsBefore(Backend backend) {
        try (Fixture f = new Fixture(backend, CaseState.VERIFIED)) {
            assertThat(f.plans.checklist(f.id)).isEmpty();
            assertThat(f.cases.close(f.id).state()).isEqualTo(CaseState.CLOSED);
            assertThatThrownBy(() -> f.plans.raiseLevel(f.id, EmergencyLevel.III, null))
                    .hasMessage("case " + f.id + " runs no emergency plan: activate one first");
        }
    }
}
