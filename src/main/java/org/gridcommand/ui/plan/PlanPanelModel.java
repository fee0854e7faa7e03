package org.gridcommand.ui.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.plans.ActionKind;
import org.gridcommand.plans.Answer;
import org.gridcommand.plans.CameraWall;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.ContactRef;
import org.gridcommand.plans.CordonTool;
import org.gridcommand.plans.PlanDefinition;
import org.gridcommand.plans.PlanRun;
import org.gridcommand.plans.PlanService;
import org.gridcommand.plans.PlanStep;
import org.gridcommand.plans.PlanSuggestion;
import org.gridcommand.plans.StepKind;
import org.gridcommand.plans.StepNote;
import org.gridcommand.plans.StepStatus;
import org.gridcommand.plans.SuggestionRule;
import org.gridcommand.fx.UiExecutor;

/**
 * The emergency-plan panel's state for the selected case: nothing selected, the suggested plan with its one
 * activation, or the running checklist (phase headers, steps, deadlines counted against the clock every second),
 * plus the level raise, the supervisor's override and notes, asked for in the panel's prompt line. Every service
 * call runs off the FX thread, one at a time; the results come back to the FX thread.
 */
public final class PlanPanelModel {
    private static final System.Logger LOG = System.getLogger(PlanPanelModel.class.getName());
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** What the panel shows. */
    public enum View { NO_CASE, LOADING, NO_PLAN, SUGGESTED, RUNNING }

    /** What the prompt line asks for. */
    public enum Prompt { NONE, NOTE, RAISE, OVERRIDE }

    private final PlanService service;
    private final Messages text;
    private final Clock clock;
    private final ZoneId zone;
    private final UiExecutor ui;
    private final Locale locale;

    private final ObjectProperty<Case> selectedCase = new SimpleObjectProperty<>(this, "case");
    private final ReadOnlyObjectWrapper<View> view = new ReadOnlyObjectWrapper<>(this, "view", View.NO_CASE);
    private final ReadOnlyObjectWrapper<PlanSuggestion> suggestion = new ReadOnlyObjectWrapper<>(this, "suggestion");
    private final ReadOnlyObjectWrapper<Checklist> checklist = new ReadOnlyObjectWrapper<>(this, "checklist");
    private final ObservableList<PlanRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PlanRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper levelText = new ReadOnlyStringWrapper(this, "levelText", "");
    private final ReadOnlyStringWrapper levelLead = new ReadOnlyStringWrapper(this, "levelLead", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper activation = new ReadOnlyStringWrapper(this, "activation", "");
    private final ReadOnlyStringWrapper overrideLine = new ReadOnlyStringWrapper(this, "overrideLine", "");
    private final ReadOnlyStringWrapper suggestionText = new ReadOnlyStringWrapper(this, "suggestionText", "");
    private final ReadOnlyStringWrapper suggestionReason = new ReadOnlyStringWrapper(this, "suggestionReason", "");
    private final ReadOnlyStringWrapper raiseText = new ReadOnlyStringWrapper(this, "raiseText", "");
    private final ReadOnlyBooleanWrapper canRaise = new ReadOnlyBooleanWrapper(this, "canRaise");
    private final ReadOnlyBooleanWrapper canOverride = new ReadOnlyBooleanWrapper(this, "canOverride");
    private final ReadOnlyIntegerWrapper overdueCount = new ReadOnlyIntegerWrapper(this, "overdueCount");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Prompt> prompt = new ReadOnlyObjectWrapper<>(this, "prompt", Prompt.NONE);
    private final ReadOnlyStringWrapper promptText = new ReadOnlyStringWrapper(this, "promptText", "");

    private final Timeline ticker;
    private String promptStep;
    private long generation;
    private CameraWall cameraWall;
    private CordonTool cordonTool;
    private Runnable unsubscribe = () -> { };

    public PlanPanelModel(PlanService service, Messages text, Clock clock, ZoneId zone, UiExecutor ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.text = Objects.requireNonNull(text, "text");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.locale = text.locale();
        now.set(clock.instant());
        selectedCase.addListener((o, was, c) -> {
            boolean sameCase = was != null && c != null && was.id().equals(c.id());
            if (!sameCase) {
                cancelPrompt();
                message.set("");
            }
            load(c, !sameCase);
        });
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> refreshTimers()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    /** The screen actions of this console: the video wall and the map's cordon tool (the lead's wiring). */
    public void setScreenActions(CameraWall cameras, CordonTool cordon) {
        this.cameraWall = cameras;
        this.cordonTool = cordon;
    }

    /** Reloads when the store says the selected case or its plan changed (another seat, the queue), until dispose. */
    public void listenTo(ChangeBus changes) {
        unsubscribe.run();
        unsubscribe = changes.subscribe(event -> {
            if (("plan".equals(event.entity()) || "case".equals(event.entity())) && event.id() != null) {
                ui.onUiThread(() -> {
                    Case c = selectedCase.get();
                    if (c != null && c.id().equals(event.id())) {
                        reload();
                    }
                });
            }
        });
    }

    /** Starts the once-a-second deadline timers (the panel does this while it is on screen). */
    public void startTimers() {
        refreshTimers();
        ticker.play();
    }

    public void stopTimers() {
        ticker.stop();
    }

    public void dispose() {
        ticker.stop();
        unsubscribe.run();
        unsubscribe = () -> { };
    }

    // ------------------------------------------------------------------ loading

    public void reload() {
        load(selectedCase.get(), false);
    }

    private record Loaded(Checklist checklist, PlanSuggestion suggestion) {
    }

    private void load(Case c, boolean showLoading) {
        long mine = ++generation;
        if (c == null) {
            show(View.NO_CASE, null, null);
            return;
        }
        if (showLoading) {
            show(View.LOADING, null, null);
        }
        ui.background(() -> new Loaded(service.checklist(c.id()).orElse(null), service.suggest(c).orElse(null)),
                loaded -> {
                    if (mine == generation) {
                        show(loaded.checklist() != null ? View.RUNNING : loaded.suggestion() != null ? View.SUGGESTED
                                : View.NO_PLAN, loaded.checklist(), loaded.suggestion());
                    }
                }, error -> {
                    if (mine == generation) {
                        LOG.log(System.Logger.Level.WARNING, "could not load the plan of case " + c.id(), error);
                        showMessage(text.format("plan.loadProblem", String.valueOf(error.getMessage())), true);
                    }
                });
    }

    private void show(View next, Checklist list, PlanSuggestion offer) {
        checklist.set(list);
        suggestion.set(offer);
        view.set(next);
        suggestionText.set(offer == null ? "" : text.format("plan.suggested", offer.plan().name().in(locale),
                text.get("plan.level." + offer.level())));
        suggestionReason.set(offer == null ? "" : text.format("plan.because", because(offer.because())));
        if (list == null) {
            rows.clear();
            title.set(offer == null ? "" : offer.plan().name().in(locale));
            levelText.set("");
            levelLead.set("");
            activation.set("");
            overrideLine.set("");
            canRaise.set(false);
            canOverride.set(false);
            raiseText.set("");
            progress.set("");
            return;
        }
        PlanRun run = list.run();
        title.set(run.planName().in(locale));
        levelText.set(text.get("plan.level." + run.level()));
        levelLead.set(plan(run).map(p -> p.levels().get(run.level()).in(locale)).orElse(""));
        activation.set(text.format("plan.activatedBy", time(run.activatedAt()), run.activatedBy()));
        overrideLine.set(run.overridden() ? text.format("plan.overridden", run.overrideBy(), time(run.overrideAt()),
                run.overrideReason()) : "");
        EmergencyLevel higher = nextLevel(run.level());
        canRaise.set(higher != null);
        raiseText.set(higher == null ? text.get("plan.raise.top") : text.format("plan.raise",
                text.get("plan.level." + higher)));
        canOverride.set(!list.allowsClose());
        rows.setAll(rowsOf(list));
        refreshTimers();
    }

    private java.util.Optional<PlanDefinition> plan(PlanRun run) {
        return service.library().find(run.planId());
    }

    private String because(SuggestionRule rule) {
        List<String> parts = new ArrayList<>();
        if (rule.category() != null) {
            parts.add(text.format("plan.because.category", service.library().categories().find(rule.category())
                    .map(c -> c.name().in(locale)).orElse(rule.category())));
        }
        if (rule.eventClass() != null) {
            parts.add(text.get("plan.eventClass." + rule.eventClass()));
        }
        return String.join(" · ", parts);
    }

    private List<PlanRow> rowsOf(Checklist list) {
        List<PlanRow> result = new ArrayList<>();
        String phase = null;
        for (PlanStep s : list.steps()) {
            if (!s.phaseKey().equals(phase)) {
                phase = s.phaseKey();
                result.add(PlanRow.header(s.phaseName().in(locale)));
            }
            result.add(new PlanRow(s.phaseName().in(locale), s, s.number() + "  " + s.title().in(locale),
                    service.library().role(s.role()).map(r -> r.name().in(locale)).orElse(s.role()),
                    text.get(s.required() ? "plan.required" : "plan.optional"), status(s, list), details(s)));
        }
        return result;
    }

    private String status(PlanStep s, Checklist list) {
        return switch (s.status()) {
            case OPEN -> "";
            case DONE -> s.answer() != null
                    ? text.format("plan.answered", text.get("plan.answer." + s.answer()), s.doneBy(), time(s.doneAt()))
                    : s.doneLate() ? text.format("plan.done.late", s.doneBy(), time(s.doneAt()),
                    duration(Duration.between(s.dueAt(), s.doneAt())))
                    : text.format("plan.done", s.doneBy(), time(s.doneAt()));
            case WAITING -> text.format("plan.waiting", text.get("plan.answer." + s.gateAnswer()), number(list, s.gateKey()));
            case SKIPPED -> text.format("plan.skipped", text.get("plan.answer." + s.gateAnswer()),
                    number(list, s.gateKey()));
        };
    }

    private static String number(Checklist list, String key) {
        return list.step(key).map(PlanStep::number).orElse(key);
    }

    private String details(PlanStep s) {
        List<String> lines = new ArrayList<>();
        if (!s.contacts().isEmpty()) {
            lines.add(text.format("plan.contacts", s.contacts().stream().map(this::contact)
                    .collect(Collectors.joining("、"))));
        }
        if (s.outcome() != null && !s.outcome().isBlank()) {
            lines.add("→ " + outcomeInWords(s.outcome()));
        }
        for (StepNote n : s.notes()) {
            lines.add("✎ " + time(n.at()) + " " + n.by() + ": " + n.text());
        }
        return String.join("\n", lines);
    }

    private String contact(ContactRef c) {
        String address = service.library().contactAddress(c);
        return service.library().contactName(c, locale) + (address.isEmpty() ? "" : " " + address);
    }

    /** Re-reads the clock: deadlines, overdue marks and the progress line follow it. */
    public void refreshTimers() {
        Instant at = clock.instant();
        now.set(at);
        Checklist list = checklist.get();
        if (list == null) {
            progress.set("");
            overdueCount.set(0);
            return;
        }
        int overdue = list.overdue(at).size();
        overdueCount.set(overdue);
        progress.set(list.requiredOpen().isEmpty()
                ? text.format("plan.progress.allDone", list.requiredDone())
                : text.format("plan.progress", list.requiredDone(), list.requiredCount(), overdue));
    }

    /** The step's deadline cell at {@code at}: time left, or how long overdue; empty unless the step is open. */
    public String dueText(PlanStep s, Instant at) {
        if (s.status() != StepStatus.OPEN) {
            return "";
        }
        if (s.overdueAt(at)) {
            return text.format("plan.due.over", duration(Duration.between(s.dueAt(), at)), time(s.dueAt()));
        }
        return text.format("plan.due.left", time(s.dueAt()), duration(Duration.between(at, s.dueAt())));
    }

    /** What Space/Enter does on the step: its action's name, "done", or nothing for a question. */
    public String primaryLabel(PlanStep s) {
        return switch (s.kind()) {
            case CHECK -> text.get("plan.button.done");
            case ACTION -> text.get("plan.action." + s.action());
            case BRANCH -> "";
        };
    }

    private String time(Instant at) {
        return at == null ? "" : HH_MM.format(at.atZone(zone));
    }

    /** "4:05", "1:02:09": minutes and seconds, hours when there are any. */
    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static EmergencyLevel nextLevel(EmergencyLevel level) {
        return level.ordinal() == 0 ? null : EmergencyLevel.values()[level.ordinal() - 1];
    }

    // ------------------------------------------------------------------ actions

    /** The one action that starts the suggested plan. */
    public void activateSuggested() {
        PlanSuggestion offer = suggestion.get();
        if (view.get() != View.SUGGESTED || offer == null) {
            return;
        }
        String id = selectedCase.get().id();
        perform(text.get("plan.verb.activate"), () -> service.activateSuggested(id),
                list -> text.format("plan.activated", list.run().planName().in(locale),
                        text.get("plan.level." + list.run().level())));
    }

    /** Space/Enter on a step: tick a check, run an action; a question wants Y or N. */
    public void primary(String stepKey) {
        PlanStep s = step(stepKey);
        if (s == null) {
            return;
        }
        if (s.status() != StepStatus.OPEN) {
            showMessage(text.format("plan.notOpen", s.number()), true);
            return;
        }
        switch (s.kind()) {
            case CHECK -> done(stepKey);
            case ACTION -> runAction(stepKey);
            case BRANCH -> showMessage(text.format("plan.answerWithKeys", s.number()), true);
        }
    }

    public void done(String stepKey) {
        PlanStep s = step(stepKey);
        if (s == null) {
            return;
        }
        String id = selectedCase.get().id();
        perform(text.get("plan.verb.done"), () -> service.markDone(id, stepKey, null),
                list -> text.format("plan.stepDone", s.number()));
    }

    public void answer(String stepKey, Answer answer) {
        PlanStep s = step(stepKey);
        if (s == null) {
            return;
        }
        if (s.kind() != StepKind.BRANCH) {
            showMessage(text.format("plan.notAQuestion", s.number()), true);
            return;
        }
        String id = selectedCase.get().id();
        perform(text.get("plan.verb.answer"), () -> service.answer(id, stepKey, answer, null),
                list -> text.format("plan.answeredMessage", s.number(), text.get("plan.answer." + answer)));
    }

    /** Runs an action step: screen actions here on the FX thread, then the outcome is recorded; the rest in the service. */
    public void runAction(String stepKey) {
        PlanStep s = step(stepKey);
        Case c = selectedCase.get();
        if (s == null || c == null || s.kind() != StepKind.ACTION) {
            return;
        }
        String verb = text.get("plan.action." + s.action());
        if (!s.action().onScreen()) {
            perform(verb, () -> service.performAction(c.id(), stepKey),
                    list -> list.step(stepKey).filter(x -> x.status() == StepStatus.DONE).isPresent()
                            ? text.format("plan.stepDone", s.number())
                            : text.format("plan.actionIncomplete", s.number(), list.require(stepKey).outcome()));
            return;
        }
        if (!ready()) {
            return;
        }
        String outcome;
        try {
            outcome = s.action() == ActionKind.SHOW_CAMERAS
                    ? (cameraWall == null ? null : cameraWall.showCamerasFor(c))
                    : (cordonTool == null ? null : cordonTool.openCordonFor(c));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, s.action() + " failed for case " + c.id(), e);
            showMessage(text.format("plan.failed", verb, String.valueOf(e.getMessage())), true);
            return;
        }
        if (outcome == null) {
            showMessage(text.format("plan.screenUnavailable", verb), true);
            return;
        }
        perform(verb, () -> service.recordAction(c.id(), stepKey, outcome),
                list -> text.format("plan.stepDone", s.number()) + " — " + outcome);
    }

    /** T: asks for a note on the step in the prompt line. */
    public void startNote(String stepKey) {
        PlanStep s = step(stepKey);
        if (s == null) {
            return;
        }
        promptStep = stepKey;
        promptText.set(text.format("plan.note.prompt", s.number()));
        prompt.set(Prompt.NOTE);
    }

    /** L: asks to confirm the raise to the next level (with an optional note). */
    public void startRaise() {
        Checklist list = checklist.get();
        if (list == null || !canRaise.get()) {
            return;
        }
        promptStep = null;
        promptText.set(text.format("plan.raise.confirm", text.get("plan.level." + nextLevel(list.run().level()))));
        prompt.set(Prompt.RAISE);
    }

    /** O: a shift supervisor's reason to let the case close with required steps open. */
    public void startOverride() {
        Checklist list = checklist.get();
        if (list == null || list.allowsClose()) {
            return;
        }
        Operator operator = service.operatorOnDuty().orElse(null);
        if (operator == null) {
            showMessage(text.get("plan.signOnFirst"), true);
            return;
        }
        if (operator.role() != Role.SHIFT_SUPERVISOR) {
            showMessage(text.format("plan.override.supervisorOnly", operator.name()), true);
            return;
        }
        promptStep = null;
        promptText.set(text.format("plan.override.prompt", list.requiredOpen().size()));
        prompt.set(Prompt.OVERRIDE);
    }

    /** Enter in the prompt line. A note or reason left empty asks again; the raise takes an empty note. */
    public void submitPrompt(String input) {
        Prompt asked = prompt.get();
        String value = input == null ? "" : input.strip();
        Case c = selectedCase.get();
        Checklist list = checklist.get();
        if (asked == Prompt.NONE || c == null || list == null) {
            cancelPrompt();
            return;
        }
        switch (asked) {
            case NOTE -> {
                if (value.isEmpty()) {
                    showMessage(text.get("plan.note.empty"), true);
                    return;
                }
                String key = promptStep;
                String number = list.require(key).number();
                cancelPrompt();
                perform(text.get("plan.verb.note"), () -> service.addNote(c.id(), key, value),
                        l -> text.format("plan.noted", number));
            }
            case RAISE -> {
                EmergencyLevel to = nextLevel(list.run().level());
                int before = list.steps().size();
                cancelPrompt();
                perform(text.get("plan.verb.raise"), () -> service.raiseLevel(c.id(), to, value),
                        l -> text.format("plan.raised", text.get("plan.level." + to), l.steps().size() - before));
            }
            case OVERRIDE -> {
                if (value.isEmpty()) {
                    showMessage(text.get("plan.override.needsReason"), true);
                    return;
                }
                cancelPrompt();
                perform(text.get("plan.verb.override"), () -> service.overrideCloseGuard(c.id(), value),
                        l -> text.format("plan.override.done", l.run().overrideBy()));
            }
            case NONE -> { }
        }
    }

    public void cancelPrompt() {
        promptStep = null;
        promptText.set("");
        prompt.set(Prompt.NONE);
    }

    private PlanStep step(String key) {
        Checklist list = checklist.get();
        return list == null || key == null ? null : list.step(key).orElse(null);
    }

    /** Whether an action may start now: a case, someone signed on, nothing running. Says why not. */
    private boolean ready() {
        if (selectedCase.get() == null) {
            return false;
        }
        if (busy.get()) {
            showMessage(text.get("plan.busy"), true);
            return false;
        }
        if (service.operatorOnDuty().isEmpty()) {
            showMessage(text.get("plan.signOnFirst"), true);
            return false;
        }
        return true;
    }

    private void perform(String verb, Callable<Checklist> work, Function<Checklist, String> doneMessage) {
        if (!ready()) {
            return;
        }
        String caseId = selectedCase.get().id();
        busy.set(true);
        showMessage(text.get("plan.working"), false);
        long mine = ++generation;
        ui.background(work, list -> {
            busy.set(false);
            Case c = selectedCase.get();
            if (c != null && c.id().equals(caseId)) {
                if (mine == generation) {
                    show(View.RUNNING, list, suggestion.get());
                } else {
                    reload();
                }
                showMessage(doneMessage.apply(list), false);
            }
        }, error -> {
            busy.set(false);
            LOG.log(System.Logger.Level.WARNING, verb + " failed on the plan of case " + caseId, error);
            showMessage(text.format("plan.failed", verb, String.valueOf(error.getMessage())), true);
            reload();
        });
    }

    private void showMessage(String line, boolean error) {
        messageIsError.set(error);
        message.set(line == null ? "" : line);
    }

    public void clearMessage() {
        message.set("");
    }

    // ------------------------------------------------------------------ properties

    /** The case whose plan is shown: bind it to the queue's selection. */
    public ObjectProperty<Case> caseProperty() {
        return selectedCase;
    }

    public ReadOnlyObjectProperty<View> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlanSuggestion> suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Checklist> checklistProperty() {
        return checklist.getReadOnlyProperty();
    }

    /** Phase headers and steps, in plan order. */
    public ObservableList<PlanRow> rows() {
        return readOnlyRows;
    }

    /** The clock as the timers last read it: the due cells follow it. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty levelTextProperty() {
        return levelText.getReadOnlyProperty();
    }

    /** Who leads the response at the running level, as the plan says. */
    public ReadOnlyStringProperty levelLeadProperty() {
        return levelLead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activationProperty() {
        return activation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overrideLineProperty() {
        return overrideLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty suggestionTextProperty() {
        return suggestionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty suggestionReasonProperty() {
        return suggestionReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty raiseTextProperty() {
        return raiseText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRaiseProperty() {
        return canRaise.getReadOnlyProperty();
    }

    /** True while required steps are open and no override was given. */
    public ReadOnlyBooleanProperty canOverrideProperty() {
        return canOverride.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty overdueCountProperty() {
        return overdueCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promptTextProperty() {
        return promptText.getReadOnlyProperty();
    }

    public Messages text() {
        return text;
    }

    private static final java.util.regex.Pattern NOTIFIED =
            java.util.regex.Pattern.compile("notified (\\d+) of (\\d+) through (\\S+)(.*)");

    /** The service's record of a notification ("notified 4 of 4 through log") in the officer's language. */
    private String outcomeInWords(String outcome) {
        java.util.regex.Matcher m = NOTIFIED.matcher(outcome);
        if (!m.matches()) {
            return outcome;
        }
        String channel = text.has("plan.channel." + m.group(3)) ? text.get("plan.channel." + m.group(3)) : m.group(3);
        return text.format("plan.outcome.notified", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), channel)
                + m.group(4);
    }
}
