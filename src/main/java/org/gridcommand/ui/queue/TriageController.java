package org.gridcommand.ui.queue;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseService;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CaseStateMachine;
import org.gridcommand.cases.DispatchAdvisor;
import org.gridcommand.cases.TransitionRefused;
import org.gridcommand.duty.DutyService;
import org.gridcommand.ui.shared.CaseTexts;

/**
 * Runs the queue's verbs on the selected case: checks the life cycle first (a refused verb says why in the
 * message strip and calls nothing), asks for a note, reason or assignee where the verb needs one, and
 * calls the case service off the FX thread. One action at a time, so a quick second key is judged
 * against the state the first one left.
 */
public final class TriageController {
    private static final System.Logger LOG = System.getLogger(TriageController.class.getName());

    private final CaseQueueViewModel model;
    private final CaseService cases;
    private final DispatchAdvisor advisor;
    private final DutyService duty;
    private final CaseTexts texts;
    private final Node near;
    private Runnable afterAction = () -> { };
    private boolean busy;

    public TriageController(CaseQueueViewModel model, CaseService cases, DispatchAdvisor advisor, DutyService duty,
                            Node near) {
        this.model = Objects.requireNonNull(model, "model");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.duty = Objects.requireNonNull(duty, "duty");
        this.texts = model.texts();
        this.near = near;
    }

    /** Called when an action ends, done or not (the view puts the focus back on the table). */
    public void setAfterAction(Runnable afterAction) {
        this.afterAction = afterAction == null ? () -> { } : afterAction;
    }

    public boolean isBusy() {
        return busy;
    }

    /** Whether the verb would run on this case now (the buttons follow this). */
    public static boolean allows(Case c, Triage verb) {
        if (c == null) {
            return false;
        }
        if (verb == Triage.SHOW_CAMERAS) {
            return c.location() != null;
        }
        if (verb == Triage.EXPORT_CAP) {
            // A voided case was no real event: it is never sent out as an Actual alert.
            return c.state() != CaseState.VOIDED;
        }
        return verb.action() == null || CaseStateMachine.allowedActions(c.state()).contains(verb.action());
    }

    /** Runs a verb that changes the case (everything but "new case" and "open on map"). */
    public void run(Triage verb) {
        Objects.requireNonNull(verb.action(), "not a case action: " + verb);
        Case c = model.selectedCaseProperty().get();
        if (c == null) {
            model.showMessage(texts.get("triage.noSelection"), true);
            return;
        }
        try {
            CaseStateMachine.check(c, verb.action());
        } catch (TransitionRefused e) {
            model.showMessage(refusal(e), true);
            return;
        }
        if (duty.onDuty().isEmpty()) {
            model.showMessage(texts.get("triage.signOnFirst"), true);
            return;
        }
        if (busy) {
            model.showMessage(texts.get("triage.busy"), true);
            return;
        }
        switch (verb.input()) {
            case NONE -> perform(c, verb, null, null);
            case NOTE, REASON -> askText(c, verb);
            case ASSIGNEE -> askAssignee(c, verb);
        }
    }

    private void askText(Case c, Triage verb) {
        boolean reason = verb.input() == Triage.Input.REASON;
        NoteDialog dialog = new NoteDialog(texts, near, texts.get("triage.verb." + verb.name()),
                texts.format("triage.note.header", texts.get("triage.verb." + verb.name()),
                        texts.categoryName(c.categoryCode()), texts.gridName(c)),
                texts.get(reason ? "triage.note.reason" : "triage.note.note"), true);
        dialog.setOnHidden(e -> {
            String text = dialog.getResult();
            if (text == null || text.isBlank()) {
                afterAction.run();
            } else {
                perform(c, verb, text, null);
            }
        });
        dialog.show();
    }

    private void askAssignee(Case c, Triage verb) {
        busy = true;
        model.showMessage(texts.get("dispatch.loading"), false);
        model.executor().background(() -> advisor.advise(c), advice -> {
            busy = false;
            model.clearMessage();
            DispatchDialog dialog = new DispatchDialog(texts, near, c, advice);
            dialog.setOnHidden(e -> {
                Assignee to = dialog.getResult();
                if (to == null) {
                    afterAction.run();
                } else {
                    perform(c, verb, null, to);
                }
            });
            dialog.show();
        }, error -> {
            busy = false;
            LOG.log(System.Logger.Level.WARNING, "dispatch advice failed for case " + c.id(), error);
            model.showMessage(texts.format("triage.failed", texts.get("triage.verb." + verb.name()),
                    String.valueOf(error.getMessage())), true);
            afterAction.run();
        });
    }

    private void perform(Case c, Triage verb, String text, Assignee to) {
        busy = true;
        String id = c.id();
        model.showMessage(texts.format("triage.working", texts.get("triage.verb." + verb.name())), false);
        model.executor().background(() -> switch (verb) {
            case ACCEPT -> cases.accept(id);
            case DISPATCH -> cases.dispatch(id, to);
            case START_HANDLING -> cases.startHandling(id);
            case FEED_BACK -> cases.feedBack(id, text);
            case VERIFY -> cases.verify(id, true, null);
            case REWORK -> cases.verify(id, false, text);
            case CLOSE -> cases.close(id);
            case VOID -> cases.voidCase(id, text);
            case SUSPEND -> cases.suspend(id, text);
            case RESUME -> cases.resume(id);
            case SUPERVISE -> cases.supervise(id);
            case ESCALATE -> cases.escalate(id, text);
            case OPEN_ON_MAP, SHOW_CAMERAS, NEW_HOTLINE_CASE, EXPORT_CAP -> throw new IllegalArgumentException("not a case action: " + verb);
        }, after -> {
            busy = false;
            model.applyChange(after);
            model.showMessage(texts.format("triage.done", texts.get("caseAction." + verb.action().name()),
                    texts.categoryName(after.categoryCode()), texts.gridName(after),
                    texts.get("state." + after.state().name())), false);
            afterAction.run();
        }, error -> {
            busy = false;
            if (error instanceof TransitionRefused refused) {
                // Another seat moved the case meanwhile: say so in the case's current words.
                model.showMessage(refusal(refused), true);
                model.reload();
            } else {
                LOG.log(System.Logger.Level.WARNING, verb + " failed on case " + id, error);
                model.showMessage(texts.format("triage.failed", texts.get("triage.verb." + verb.name()),
                        String.valueOf(error.getMessage())), true);
            }
            afterAction.run();
        });
    }

    /** The refusal in the officer's language, from the exception's facts rather than its English text. */
    String refusal(TransitionRefused e) {
        String verb = texts.get("triage.verb." + verbOf(e));
        String state = texts.get("state." + e.state().name());
        Set<CaseState> from = e.allowedFrom();
        if (from.isEmpty()) {
            return texts.format("triage.refused.never", verb, state);
        }
        if (from.stream().allMatch(CaseState::isOpen) && from.size() == openStates()) {
            return texts.format("triage.refused.anyOpen", verb, state);
        }
        String allowed = from.stream().sorted().map(s -> texts.get("state." + s.name()))
                .collect(Collectors.joining(", "));
        return texts.format("triage.refused", verb, state, allowed);
    }

    private static String verbOf(TransitionRefused e) {
        for (Triage t : Triage.values()) {
            if (t.action() == e.action()) {
                return t.name();
            }
        }
        return e.action().name();
    }

    private static int openStates() {
        int n = 0;
        for (CaseState s : CaseState.values()) {
            if (s.isOpen()) {
                n++;
            }
        }
        return n;
    }
}
