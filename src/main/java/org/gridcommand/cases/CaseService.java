package org.gridcommand.cases;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;

/**
 * The duty officer's verbs on a case. Each call checks the life cycle, stamps the operator on duty and
 * writes the case's new form together with its trail line in one durable transaction (the store then
 * publishes {@code ChangeEvent("case", id, UPDATED)}). A refused call changes nothing and says why.
 */
public final class CaseService {
    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final DutyService duty;
    private final Clock clock;
    private final CloseGuard closeGuard;

    public CaseService(CaseRepository cases, CaseEventRepository events, DutyService duty, Clock clock) {
        this(cases, events, duty, clock, CloseGuard.NONE);
    }

    /** @param closeGuard asked before every close (the emergency plan's required steps) */
    public CaseService(CaseRepository cases, CaseEventRepository events, DutyService duty, Clock clock,
                       CloseGuard closeGuard) {
        this.cases = Objects.requireNonNull(cases, "cases");
        this.events = Objects.requireNonNull(events, "events");
        this.duty = Objects.requireNonNull(duty, "duty");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.closeGuard = Objects.requireNonNull(closeGuard, "closeGuard");
    }

    public Case accept(String caseId) {
        return accept(caseId, null);
    }

    public Case accept(String caseId, String note) {
        return transition(caseId, CaseAction.ACCEPT, note, null, null);
    }

    /** 作废: the reason is required and kept on the case. */
    public Case voidCase(String caseId, String reason) {
        return transition(caseId, CaseAction.VOID, reason, reason, null);
    }

    public Case dispatch(String caseId, Assignee to) {
        return dispatch(caseId, to, null);
    }

    public Case dispatch(String caseId, Assignee to, String note) {
        Objects.requireNonNull(to, "to");
        String line = "to " + to.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + to.code()
                + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return transition(caseId, CaseAction.DISPATCH, line, null, to);
    }

    public Case startHandling(String caseId) {
        return startHandling(caseId, null);
    }

    public Case startHandling(String caseId, String note) {
        return transition(caseId, CaseAction.START_HANDLING, note, null, null);
    }

    public Case feedBack(String caseId, String note) {
        return transition(caseId, CaseAction.FEED_BACK, note, null, null);
    }

    /** 核查: passed → VERIFIED; failed → back to IN_HANDLING as rework (reworkCount + 1). */
    public Case verify(String caseId, boolean passed, String note) {
        return transition(caseId, passed ? CaseAction.VERIFY : CaseAction.REWORK, note, null, null);
    }

    public Case close(String caseId) {
        return close(caseId, null);
    }

    public Case close(String caseId, String note) {
        return transition(caseId, CaseAction.CLOSE, note, null, null);
    }

    /** 挂账: the reason is required; {@link #resume} returns the case to the state it was suspended in. */
    public Case suspend(String caseId, String reason) {
        return transition(caseId, CaseAction.SUSPEND, reason, reason, null);
    }

    public Case resume(String caseId) {
        return resume(caseId, null);
    }

    public Case resume(String caseId, String note) {
        return transition(caseId, CaseAction.RESUME, note, null, null);
    }

    /** 督办: flags an open case as supervised; may be repeated (each urging is a trail line). */
    public Case supervise(String caseId) {
        return supervise(caseId, null);
    }

    public Case supervise(String caseId, String note) {
        return transition(caseId, CaseAction.SUPERVISE, note, null, null);
    }

    /**
     * Records that cameras covering the case were put on the video wall (the "checked on video" of an
     * after-action account, and a drill's camera milestone); the note names the cameras.
     */
    public Case recordCamerasShown(String caseId, String cameras) {
        return transition(caseId, CaseAction.CAMERAS_SHOWN, cameras, null, null);
    }

    public Case escalate(String caseId, String note) {
        return transition(caseId, CaseAction.ESCALATE, note, null, null);
    }

    /** The case's trail, oldest first. */
    public List<CaseEvent> trail(String caseId) {
        return events.findByCase(caseId);
    }

    public Case get(String caseId) {
        return cases.findById(caseId).orElseThrow(() -> new java.util.NoSuchElementException("no case " + caseId));
    }

    private Case transition(String caseId, CaseAction action, String note, String reason, Assignee assignee) {
        Objects.requireNonNull(caseId, "caseId");
        Operator operator = duty.onDuty().orElseThrow(() -> new IllegalStateException(
                "nobody is signed on at this seat: sign on before you " + CaseStateMachine.words(action)
                        + " case " + caseId));
        String line = note == null || note.isBlank() ? null : note.strip();
        // The check runs on the row the store has locked, so a case changed at another seat meanwhile is
        // judged in its current state, not the one this seat last saw.
        return cases.apply(caseId, current -> {
            var at = clock.instant();
            Case next = CaseStateMachine.apply(current, action, at, reason, assignee);
            if (action == CaseAction.CLOSE) {
                closeGuard.check(current);
            }
            CaseEvent event = CaseEvent.byOfficer(Ulid.next(), caseId, at, operator.name(), operator.role(), action,
                    current.state(), next.state(), line);
            return new CaseChange(next, event);
        }).after();
    }
}
