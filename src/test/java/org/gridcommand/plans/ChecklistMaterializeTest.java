package org.gridcommand.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.BilingualName;
import org.gridcommand.duty.Role;
import org.junit.jupiter.api.Test;

/**
 * How a plan becomes a checklist: which steps a level holds, their numbers and deadlines, and what a step behind
 * a branch is when its level is added after the branch was answered (the level raise of a running plan).
 */
class ChecklistMaterializeTest {
    private static final Instant ACTIVATED = Instant.parse("2025-07-15T00:47:00Z");
    private static final Instant RAISED = ACTIVATED.plus(Duration.ofMinutes(20));

    /** Phase 1: a IV check and a IV question; phase 2: a IV step behind "yes", a III step behind "yes" and one behind "no". */
    private static final PlanDefinition PLAN = new PlanDefinition("test-plan", "1", name("测试预案"),
            EmergencyClass.ACCIDENT_DISASTER, Map.of(EmergencyLevel.IV, name("IV"), EmergencyLevel.III, name("III"),
            EmergencyLevel.II, name("II"), EmergencyLevel.I, name("I")), List.of(
            new PhaseDefinition("one", name("接警核实"), List.of(
                    step("check", EmergencyLevel.IV, 5, StepKind.CHECK, List.of(), List.of()),
                    step("question", EmergencyLevel.IV, 10, StepKind.BRANCH, List.of("after-yes", "serious-yes"),
                            List.of("serious-no")))),
            new PhaseDefinition("two", name("先期处置"), List.of(
                    step("after-yes", EmergencyLevel.IV, 15, StepKind.CHECK, List.of(), List.of()),
                    step("serious-yes", EmergencyLevel.III, 30, StepKind.CHECK, List.of(), List.of()),
                    step("serious-no", EmergencyLevel.III, 30, StepKind.CHECK, List.of(), List.of())))));

    @Test
    void aLevelHoldsItsStepsNumberedByTheirPlaceInThePlan() {
        List<PlanStep> atIv = PlanService.materialize(PLAN, "run", EmergencyLevel.IV, ACTIVATED, Map.of());
        assertThat(atIv).extracting(PlanStep::key).containsExactly("check", "question", "after-yes");
        assertThat(atIv).extracting(PlanStep::number).containsExactly("1.1", "1.2", "2.1");
        assertThat(atIv).extracting(PlanStep::status).containsExactly(StepStatus.OPEN, StepStatus.OPEN,
                StepStatus.WAITING);
        assertThat(atIv.get(2).gateKey()).isEqualTo("question");
        assertThat(atIv.get(2).gateAnswer()).isEqualTo(Answer.YES);
        assertThat(atIv.get(1).dueAt()).isEqualTo(ACTIVATED.plus(Duration.ofMinutes(10)));

        List<PlanStep> atIii = PlanService.materialize(PLAN, "run", EmergencyLevel.III, ACTIVATED, Map.of());
        assertThat(atIii).extracting(PlanStep::number).as("a III step keeps its number at every level")
                .containsExactly("1.1", "1.2", "2.1", "2.2", "2.3");
    }

    @Test
    void stepsAddedByARaiseFollowTheAnswerAlreadyGiven() {
        Map<String, PlanStep> running = running(Answer.YES);
        List<PlanStep> added = PlanService.materialize(PLAN, "run", EmergencyLevel.III, RAISED, running);
        assertThat(added).extracting(PlanStep::key).containsExactly("serious-yes", "serious-no");
        assertThat(added).extracting(PlanStep::status).containsExactly(StepStatus.OPEN, StepStatus.SKIPPED);
        assertThat(added).allSatisfy(s -> {
            assertThat(s.addedAt()).isEqualTo(RAISED);
            assertThat(s.dueAt()).isEqualTo(RAISED.plus(Duration.ofMinutes(30)));
        });

        assertThat(PlanService.materialize(PLAN, "run", EmergencyLevel.III, RAISED, running(Answer.NO)))
                .extracting(PlanStep::status).containsExactly(StepStatus.SKIPPED, StepStatus.OPEN);
        assertThat(PlanService.materialize(PLAN, "run", EmergencyLevel.III, RAISED, running(null)))
                .extracting(PlanStep::status).containsExactly(StepStatus.WAITING, StepStatus.WAITING);
    }

    @Test
    void onlyOpenRequiredStepsKeepTheCaseOpen() {
        Map<String, PlanStep> running = running(null);
        PlanRun run = new PlanRun("run", "case", "test-plan", "1", name("测试预案"), EmergencyLevel.IV, ACTIVATED, "张值班",
                ACTIVATED, null, null, null, null);
        Checklist checklist = new Checklist(run, List.copyOf(running.values()));
        assertThat(checklist.requiredOpen()).extracting(PlanStep::key).containsExactly("question");
        assertThat(checklist.allowsClose()).isFalse();
        assertThat(checklist.overdue(ACTIVATED.plus(Duration.ofMinutes(11)))).extracting(PlanStep::key)
                .containsExactly("question");
        assertThat(checklist.overdue(ACTIVATED.plus(Duration.ofMinutes(10)))).as("due at, not yet over").isEmpty();
        assertThat(new Checklist(run.withOverride("李班长", Role.SHIFT_SUPERVISOR, RAISED, "误报"), checklist.steps())
                .allowsClose()).isTrue();
    }

    /** The IV checklist with "check" done and the question answered as given (null: not yet). */
    private static Map<String, PlanStep> running(Answer answer) {
        Map<String, PlanStep> steps = new LinkedHashMap<>();
        for (PlanStep s : PlanService.materialize(PLAN, "run", EmergencyLevel.IV, ACTIVATED, Map.of())) {
            PlanStep now = s;
            if (s.key().equals("check")) {
                now = s.withDone("张值班", Role.DUTY_OFFICER, ACTIVATED.plusSeconds(60), null, null);
            } else if (s.key().equals("question") && answer != null) {
                now = s.withDone("张值班", Role.DUTY_OFFICER, ACTIVATED.plusSeconds(120), answer, null);
            } else if (s.key().equals("after-yes") && answer != null) {
                now = s.withStatus(answer == Answer.YES ? StepStatus.OPEN : StepStatus.SKIPPED);
            }
            steps.put(now.key(), now);
        }
        return steps;
    }

    private static StepDefinition step(String key, EmergencyLevel level, int due, StepKind kind, List<String> yes,
                                       List<String> no) {
        return new StepDefinition(key, name(key), "DUTY_OFFICER", level, due, true, kind, null, List.of(), yes, no);
    }

    private static BilingualName name(String text) {
        return new BilingualName(text, text);
    }
}
