package org.gridcommand.plans;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseChange;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseRepository;
import org.gridcommand.cases.CaseStateMachine;
import org.gridcommand.cases.CloseGuard;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;

/**
 * Runs emergency plans on cases: suggests the fitting plan, activates it in one action, raises its level, ticks
 * steps, answers branches, keeps notes, performs the steps that act, and guards the case's close. Every change is
 * stamped with the operator on duty and this service's clock, and written durably (case, trail line and plan rows
 * in one transaction when the case changes). Plain Java, called off the FX thread.
 *
 * <p>In {@link Mode#DRILL} the service works on a drill's store (its cases and runs never reach the live store),
 * and its CAP exports say Exercise.
 */
public final class PlanService {
    /** Live data, or a drill (CAP status Exercise). */
    public enum Mode { LIVE, DRILL }

    /** The longest note a step keeps (the store's column), and the longest override reason. */
    public static final int MAX_NOTE = 2000;

    private final PlanLibrary library;
    private final PlanStore store;
    private final CaseRepository cases;
    private final DutyService duty;
    private final Clock clock;
    private final NotificationChannel channel;
    private final CapAlertExport capExport;
    private final Mode mode;

    public PlanService(PlanLibrary library, PlanStore store, CaseRepository cases, DutyService duty, Clock clock,
                       NotificationChannel channel, CapAlertExport capExport, Mode mode) {
        this.library = Objects.requireNonNull(library, "library");
        this.store = Objects.requireNonNull(store, "store");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.duty = Objects.requireNonNull(duty, "duty");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.capExport = Objects.requireNonNull(capExport, "capExport");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    public PlanLibrary library() {
        return library;
    }

    public Mode mode() {
        return mode;
    }

    public Clock clock() {
        return clock;
    }

    /** Who would be stamped on the next change (the view checks before it asks). */
    public Optional<Operator> operatorOnDuty() {
        return duty.onDuty();
    }

    /** The plan fitting the case (see {@link PlanLibrary#suggest}). */
    public Optional<PlanSuggestion> suggest(Case c) {
        return library.suggest(c);
    }

    public Optional<Checklist> checklist(String caseId) {
        return store.findByCase(Objects.requireNonNull(caseId, "caseId"));
    }

    public List<NotificationRecord> notifications(String runId) {
        return store.findNotifications(runId);
    }

    /** Refuses the close of a case whose plan has open required steps, unless a shift supervisor overrode. */
    public CloseGuard closeGuard() {
        return aCase -> store.findByCase(aCase.id()).ifPresent(checklist -> {
            if (!checklist.allowsClose()) {
                throw new RequiredStepsOpen(aCase.id(), checklist.run(), checklist.requiredOpen());
            }
        });
    }

    // ------------------------------------------------------------------ activation and level

    /** Activates the suggested plan at the suggested level: the officer's one action. */
    public Checklist activateSuggested(String caseId) {
        Operator operator = onDuty("activate a plan for case " + caseId);
        return store.apply(caseId, state -> {
            PlanSuggestion s = library.suggest(state.aCase()).orElseThrow(() -> new IllegalStateException(
                    "no plan fits case " + caseId + " (category " + state.aCase().categoryCode() + ", event class "
                            + state.aCase().eventClass() + "): choose one by name"));
            return activation(state, s.plan(), s.level(), operator);
        });
    }

    /**
     * Activates the plan for the case at {@code level} (null: the case's own level, or IV when it has none). The
     * case takes that level, and the plan's event class when it had none; the trail gets an ACTIVATE_PLAN line.
     *
     * @throws IllegalStateException when a plan already runs for the case, or the case is closed
     */
    public Checklist activate(String caseId, String planId, EmergencyLevel level) {
        Operator operator = onDuty("activate a plan for case " + caseId);
        PlanDefinition plan = library.find(planId).orElseThrow(() -> new IllegalArgumentException(
                "no plan " + planId + " in the plan library (plans: " + library.plans().stream()
                        .map(PlanDefinition::id).collect(Collectors.joining(", ")) + ")"));
        return store.apply(caseId, state -> activation(state, plan, level == null ? state.aCase().level() : level,
                operator));
    }

    private PlanUpdate activation(PlanState state, PlanDefinition plan, EmergencyLevel wanted, Operator operator) {
        Case current = state.aCase();
        state.checklist().ifPresent(existing -> {
            throw new IllegalStateException("case " + current.id() + " already runs plan " + existing.run().planId()
                    + " at level " + existing.run().level() + " (activated by " + existing.run().activatedBy() + " at "
                    + existing.run().activatedAt() + "): raise its level instead");
        });
        CaseStateMachine.check(current, CaseAction.ACTIVATE_PLAN);
        EmergencyLevel level = wanted == null ? EmergencyLevel.IV : wanted;
        Instant at = clock.instant();
        PlanRun run = new PlanRun(Ulid.next(), current.id(), plan.id(), plan.version(), plan.name(), level, at,
                operator.name(), at, null, null, null, null);
        List<PlanStep> steps = materialize(plan, run.id(), level, at, Map.of());
        Case next = current.toBuilder().level(level)
                .eventClass(current.eventClass() == null ? plan.eventClass() : current.eventClass()).build();
        String note = plan.name().zh() + " (" + plan.id() + " v" + plan.version() + "), level " + level + ", "
                + steps.stream().filter(s -> s.status() == StepStatus.OPEN).count() + " steps open";
        return new PlanUpdate(new CaseChange(next, line(current, operator, at, CaseAction.ACTIVATE_PLAN, note)), run,
                steps, List.of());
    }

    /**
     * Raises the run to a more serious level (IV → III, or further): the case takes the level, the steps of the
     * levels in between are added with deadlines counted from now, a supervisor's earlier override is withdrawn,
     * and the trail gets a RAISE_LEVEL line.
     */
    public Checklist raiseLevel(String caseId, EmergencyLevel to, String note) {
        Objects.requireNonNull(to, "to");
        Operator operator = onDuty("raise the level of case " + caseId);
        return store.apply(caseId, state -> {
            Case current = state.aCase();
            Checklist checklist = requireChecklist(state);
            PlanRun run = checklist.run();
            if (to.ordinal() >= run.level().ordinal()) {
                throw new IllegalArgumentException("case " + caseId + " runs plan " + run.planId() + " at level "
                        + run.level() + ": level " + to + " is not higher (I is the most serious)");
            }
            CaseStateMachine.check(current, CaseAction.RAISE_LEVEL);
            PlanDefinition plan = library.find(run.planId()).orElseThrow(() -> new IllegalStateException(
                    "plan " + run.planId() + " of case " + caseId + " is no longer in the plan library: its level-"
                            + to + " steps cannot be added"));
            Instant at = clock.instant();
            Map<String, PlanStep> existing = new LinkedHashMap<>();
            checklist.steps().forEach(s -> existing.put(s.key(), s));
            List<PlanStep> added = materialize(plan, run.id(), to, at, existing);
            String line = "level " + run.level() + " → " + to + " (" + plan.id() + " v" + plan.version() + "): "
                    + added.size() + (added.size() == 1 ? " step" : " steps") + " added"
                    + (run.overridden() ? "; the close-guard override is withdrawn" : "")
                    + (note == null || note.isBlank() ? "" : ": " + note.strip());
            return new PlanUpdate(new CaseChange(current.toBuilder().level(to).build(),
                    line(current, operator, at, CaseAction.RAISE_LEVEL, line)), run.withLevel(to, at), added, List.of());
        });
    }

    /**
     * The plan's steps at {@code level} that the run does not hold yet, numbered by their place in the plan,
     * due {@code dueMinutes} after {@code at}. A step behind a branch opens or is skipped at once when the branch
     * was already answered, else it waits.
     */
    static List<PlanStep> materialize(PlanDefinition plan, String runId, EmergencyLevel level, Instant at,
                                      Map<String, PlanStep> existing) {
        Map<String, PlanStep> all = new HashMap<>(existing);
        List<PlanStep> added = new ArrayList<>();
        int seq = 0;
        int phaseNumber = 0;
        for (PhaseDefinition phase : plan.phases()) {
            phaseNumber++;
            int stepNumber = 0;
            for (StepDefinition def : phase.steps()) {
                seq++;
                stepNumber++;
                if (!def.includedAt(level) || all.containsKey(def.key())) {
                    continue;
                }
                Optional<PlanDefinition.Gate> gate = plan.gateOf(def.key());
                StepStatus status = StepStatus.OPEN;
                if (gate.isPresent()) {
                    PlanStep branch = all.get(gate.get().branchKey());
                    Answer given = branch == null ? null : branch.answer();
                    status = given == null ? StepStatus.WAITING
                            : given == gate.get().answer() ? StepStatus.OPEN : StepStatus.SKIPPED;
                }
                PlanStep step = new PlanStep(runId, def.key(), seq, phaseNumber + "." + stepNumber, phase.key(),
                        phase.name(), def.title(), def.role(), def.kind(), def.action(), def.required(), def.level(),
                        def.dueMinutes(), at, at.plusSeconds(60L * def.dueMinutes()), def.contacts(), def.onYes(),
                        def.onNo(), gate.map(PlanDefinition.Gate::branchKey).orElse(null),
                        gate.map(PlanDefinition.Gate::answer).orElse(null), status, null, null, null, null, List.of(),
                        null);
                added.add(step);
                all.put(def.key(), step);
            }
        }
        return added;
    }

    // ------------------------------------------------------------------ the checklist

    /** Ticks a check (or, by hand, an action) step done; the note is optional. */
    public Checklist markDone(String caseId, String stepKey, String note) {
        Operator operator = onDuty("tick step " + stepKey + " of case " + caseId);
        return store.apply(caseId, state -> {
            PlanStep step = openStep(state, stepKey);
            if (step.kind() == StepKind.BRANCH) {
                throw new IllegalArgumentException("step " + step.number() + " (" + stepKey + ") of case " + caseId
                        + " is a yes/no question: answer it instead");
            }
            Instant at = clock.instant();
            PlanStep done = step.withDone(operator.name(), operator.role(), at, null,
                    step.kind() == StepKind.ACTION ? "done by hand" : null);
            return PlanUpdate.steps(List.of(done), notes(step, operator, at, note));
        });
    }

    /** Answers a branch step: it is done, the answer's steps open, the other answer's steps are skipped. */
    public Checklist answer(String caseId, String stepKey, Answer answer, String note) {
        Objects.requireNonNull(answer, "answer");
        Operator operator = onDuty("answer step " + stepKey + " of case " + caseId);
        return store.apply(caseId, state -> {
            PlanStep step = openStep(state, stepKey);
            if (step.kind() != StepKind.BRANCH) {
                throw new IllegalArgumentException("step " + step.number() + " (" + stepKey + ") of case " + caseId
                        + " is a " + step.kind() + " step, not a yes/no question");
            }
            Instant at = clock.instant();
            List<PlanStep> changed = new ArrayList<>();
            changed.add(step.withDone(operator.name(), operator.role(), at, answer, null));
            for (PlanStep s : requireChecklist(state).steps()) {
                if (stepKey.equals(s.gateKey()) && s.status() == StepStatus.WAITING) {
                    changed.add(s.withStatus(s.gateAnswer() == answer ? StepStatus.OPEN : StepStatus.SKIPPED));
                }
            }
            return PlanUpdate.steps(changed, notes(step, operator, at, note));
        });
    }

    /** Adds a line to a step's notes, stamped with the operator and the time; any step, while the case is open. */
    public Checklist addNote(String caseId, String stepKey, String note) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("a note for step " + stepKey + " of case " + caseId + " is empty");
        }
        Operator operator = onDuty("add a note to step " + stepKey + " of case " + caseId);
        return store.apply(caseId, state -> {
            requireOpenCase(state);
            PlanStep step = requireChecklist(state).require(stepKey);
            return PlanUpdate.steps(List.of(), notes(step, operator, clock.instant(), note));
        });
    }

    /**
     * A shift supervisor lets the case close with required steps open; the reason is kept on the run and in the
     * trail (OVERRIDE_CLOSE_GUARD), together with the steps that were open.
     */
    public Checklist overrideCloseGuard(String caseId, String reason) {
        Operator operator = onDuty("override the plan's close guard of case " + caseId);
        if (operator.role() != Role.SHIFT_SUPERVISOR) {
            throw new IllegalStateException("only a shift supervisor can override the plan's close guard of case "
                    + caseId + "; " + operator.name() + " is signed on as " + operator.role());
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("overriding the plan's close guard of case " + caseId
                    + " needs a reason");
        }
        if (reason.strip().length() > MAX_NOTE) {
            throw new IllegalArgumentException("the override reason for case " + caseId + " is "
                    + reason.strip().length() + " characters long; at most " + MAX_NOTE + " fit");
        }
        return store.apply(caseId, state -> {
            Case current = state.aCase();
            Checklist checklist = requireChecklist(state);
            CaseStateMachine.check(current, CaseAction.OVERRIDE_CLOSE_GUARD);
            List<PlanStep> open = checklist.requiredOpen();
            if (open.isEmpty()) {
                throw new IllegalStateException("case " + caseId + " has no open required plan step: nothing to override");
            }
            Instant at = clock.instant();
            String line = reason.strip() + " (open required steps: "
                    + open.stream().map(s -> s.number() + " " + s.title().zh()).collect(Collectors.joining("; ")) + ")";
            return new PlanUpdate(new CaseChange(current,
                    line(current, operator, at, CaseAction.OVERRIDE_CLOSE_GUARD, line)),
                    checklist.run().withOverride(operator.name(), operator.role(), at, reason.strip()), List.of(),
                    List.of());
        });
    }

    // ------------------------------------------------------------------ steps that act

    /**
     * Performs a NOTIFY or EXPORT_CAP step. Notify sends one message per contact of the call tree through the
     * channel (contacts already reached are not sent again), records each with its delivery state, and marks the
     * step done when every contact was reached; otherwise the step stays open and its outcome names the failures.
     * Export writes the CAP alert (Exercise in a drill) and marks the step done. Screen actions (cameras, cordon)
     * run in the view: see {@link #recordAction}.
     */
    public Checklist performAction(String caseId, String stepKey) {
        Operator operator = onDuty("run step " + stepKey + " of case " + caseId);
        Checklist checklist = store.findByCase(caseId).orElseThrow(() -> noPlan(caseId));
        PlanStep step = checklist.require(stepKey);
        requireOpen(step, caseId);
        if (step.kind() != StepKind.ACTION || step.action().onScreen()) {
            throw new IllegalArgumentException("step " + step.number() + " (" + stepKey + ") of case " + caseId
                    + " is " + (step.kind() == StepKind.ACTION ? "the screen action " + step.action()
                    + ": the console runs it and records the outcome" : "a " + step.kind() + " step, not an action"));
        }
        Case aCase = cases.findById(caseId).orElseThrow(() -> new NoSuchElementException("no case " + caseId));
        if (!aCase.isOpen()) {
            throw closedCase(aCase);
        }
        return switch (step.action()) {
            case NOTIFY -> notifyCallTree(aCase, checklist.run(), step, operator);
            case EXPORT_CAP -> {
                String outcome = capExport.export(aCase, mode == Mode.DRILL);
                yield completeAction(caseId, stepKey, operator, outcome);
            }
            case SHOW_CAMERAS, DRAW_CORDON -> throw new AssertionError("screen actions are refused above");
        };
    }

    /** Records a screen action (cameras on the wall, cordon tool) the console ran: the step is done with its outcome. */
    public Checklist recordAction(String caseId, String stepKey, String outcome) {
        Operator operator = onDuty("record step " + stepKey + " of case " + caseId);
        return store.apply(caseId, state -> {
            PlanStep step = openStep(state, stepKey);
            if (step.kind() != StepKind.ACTION || !step.action().onScreen()) {
                throw new IllegalArgumentException("step " + step.number() + " (" + stepKey + ") of case " + caseId
                        + " is not a screen action: " + (step.kind() == StepKind.ACTION ? "perform it" : "tick it"));
            }
            return PlanUpdate.steps(List.of(step.withDone(operator.name(), operator.role(), clock.instant(), null,
                    capped(outcome))), List.of());
        });
    }

    private Checklist completeAction(String caseId, String stepKey, Operator operator, String outcome) {
        return store.apply(caseId, state -> PlanUpdate.steps(List.of(openStep(state, stepKey)
                .withDone(operator.name(), operator.role(), clock.instant(), null, capped(outcome))), List.of()));
    }

    private Checklist notifyCallTree(Case aCase, PlanRun run, PlanStep step, Operator operator) {
        Set<ContactRef> reached = new HashSet<>();
        for (NotificationRecord r : store.findNotifications(run.id())) {
            if (r.notification().stepKey().equals(step.key()) && r.delivery().state().reached()) {
                reached.add(r.notification().contact());
            }
        }
        String message = message(aCase, run);
        List<String> failed = new ArrayList<>();
        int sent = 0;
        for (ContactRef contact : step.contacts()) {
            if (reached.contains(contact)) {
                continue;
            }
            Notification n = new Notification(Ulid.next(), aCase.id(), run.id(), step.key(), contact,
                    library.contactName(contact, java.util.Locale.SIMPLIFIED_CHINESE), library.contactAddress(contact),
                    message, clock.instant());
            Delivery delivery;
            try {
                delivery = Objects.requireNonNull(channel.send(n), "the channel answered nothing");
            } catch (RuntimeException e) {
                delivery = Delivery.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            store.recordNotification(new NotificationRecord(n, channel.name(), operator.name(), delivery));
            sent++;
            if (delivery.state().reached()) {
                reached.add(contact);
            } else {
                failed.add(contact.code() + " (" + delivery.detail() + ")");
            }
        }
        int total = step.contacts().size();
        String outcome = "notified " + reached.size() + " of " + total + " through " + channel.name()
                + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed));
        boolean allReached = reached.size() == total;
        int sentNow = sent;
        return store.apply(aCase.id(), state -> {
            PlanStep current = openStep(state, step.key());
            return PlanUpdate.steps(List.of(allReached
                    ? current.withDone(operator.name(), operator.role(), clock.instant(), null, capped(outcome))
                    : current.withOutcome(capped(outcome + " (" + sentNow + " sent now)"))), List.of());
        });
    }

    /** The message to the call tree, in the district's language: plan, level, place, what happened, case number (the id for a case not yet numbered). */
    String message(Case c, PlanRun run) {
        String place = c.address() == null || c.address().isBlank() ? "" : c.address().strip() + "，";
        String what = c.description() == null || c.description().isBlank() ? ""
                : abbreviate(c.description().strip(), 60) + "。";
        return (mode == Mode.DRILL ? "【演练】" : "") + "【" + run.planName().zh() + "】已启动" + run.level() + "级响应："
                + place + what + "请按预案职责响应。事件编号 " + (c.number() != null ? c.number() : c.id());
    }

    /** An outcome as the store keeps it: at most {@link #MAX_NOTE} characters. */
    private static String capped(String outcome) {
        return outcome == null ? null : abbreviate(outcome.strip(), MAX_NOTE);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    // ------------------------------------------------------------------ checks

    private Operator onDuty(String what) {
        return duty.onDuty().orElseThrow(() -> new IllegalStateException(
                "nobody is signed on at this seat: sign on before you " + what));
    }

    private static Checklist requireChecklist(PlanState state) {
        return state.checklist().orElseThrow(() -> noPlan(state.aCase().id()));
    }

    private static IllegalStateException noPlan(String caseId) {
        return new IllegalStateException("case " + caseId + " runs no emergency plan: activate one first");
    }

    private static void requireOpenCase(PlanState state) {
        if (!state.aCase().isOpen()) {
            throw closedCase(state.aCase());
        }
    }

    private static IllegalStateException closedCase(Case c) {
        return new IllegalStateException("case " + c.id() + " is " + c.state() + ": its plan can no longer change");
    }

    /** The step to act on, which must be open, on an open case with a plan. */
    private static PlanStep openStep(PlanState state, String stepKey) {
        requireOpenCase(state);
        PlanStep step = requireChecklist(state).require(stepKey);
        requireOpen(step, state.aCase().id());
        return step;
    }

    private static void requireOpen(PlanStep step, String caseId) {
        String which = "step " + step.number() + " (" + step.key() + ") of case " + caseId;
        switch (step.status()) {
            case OPEN -> { }
            case DONE -> throw new IllegalStateException(which + " was already done by " + step.doneBy() + " at "
                    + step.doneAt() + (step.answer() == null ? "" : " (answer " + step.answer() + ")"));
            case WAITING -> throw new IllegalStateException(which + " waits for the answer to step " + step.gateKey());
            case SKIPPED -> throw new IllegalStateException(which + " was skipped: step " + step.gateKey()
                    + " was answered the other way");
        }
    }

    /** The note as a list of zero or one, for the update. */
    private static List<StepNote> notes(PlanStep step, Operator operator, Instant at, String note) {
        if (note == null || note.isBlank()) {
            return List.of();
        }
        if (note.strip().length() > MAX_NOTE) {
            throw new IllegalArgumentException("the note for step " + step.number() + " (" + step.key() + ") is "
                    + note.strip().length() + " characters long; at most " + MAX_NOTE + " fit");
        }
        return List.of(new StepNote(Ulid.next(), step.runId(), step.key(), at, operator.name(), note.strip()));
    }

    private static CaseEvent line(Case current, Operator operator, Instant at, CaseAction action, String note) {
        return CaseEvent.byOfficer(Ulid.next(), current.id(), at, operator.name(), operator.role(), action, current.state(),
                current.state(), note);
    }
}
