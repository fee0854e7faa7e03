package org.gridcommand.cases;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seven-step life cycle (上报 → 受理/作废 → 派遣 → 处置 → 反馈 → 核查 → 结案) with rework, suspension
 * (挂账), supervision (督办) and escalation, as one table of allowed (state, action) pairs. Pure: it computes
 * the next form of a case and stamps the stage instant; storing it and the trail line is the service's job.
 *
 * <p>Stage instants hold the latest time the stage was entered: a rework restarts handling (new
 * handlingStartedAt, fedBackAt cleared until the next feedback); the trail keeps every earlier pass.
 */
public final class CaseStateMachine {
    private static final Set<CaseState> OPEN = Collections.unmodifiableSet(Arrays.stream(CaseState.values())
            .filter(CaseState::isOpen).collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseState.class))));

    /** The one table: for each action, the states it may be taken from. */
    private static final Map<CaseAction, Set<CaseState>> ALLOWED_FROM = new EnumMap<>(CaseAction.class);

    static {
        allow(CaseAction.REPORT);
        allow(CaseAction.ACCEPT, CaseState.REPORTED);
        allow(CaseAction.VOID, CaseState.REPORTED);
        allow(CaseAction.DISPATCH, CaseState.ACCEPTED);
        allow(CaseAction.START_HANDLING, CaseState.DISPATCHED);
        allow(CaseAction.FEED_BACK, CaseState.IN_HANDLING);
        allow(CaseAction.VERIFY, CaseState.FED_BACK);
        allow(CaseAction.REWORK, CaseState.FED_BACK);
        allow(CaseAction.CLOSE, CaseState.VERIFIED);
        allow(CaseAction.SUSPEND, CaseState.ACCEPTED, CaseState.DISPATCHED, CaseState.IN_HANDLING);
        allow(CaseAction.RESUME, CaseState.SUSPENDED);
        ALLOWED_FROM.put(CaseAction.SUPERVISE, OPEN);
        ALLOWED_FROM.put(CaseAction.ESCALATE, OPEN);
        ALLOWED_FROM.put(CaseAction.EVIDENCE, OPEN);
        ALLOWED_FROM.put(CaseAction.CAMERAS_SHOWN, OPEN);
        ALLOWED_FROM.put(CaseAction.MERGE_REPORT, OPEN);
        // Plan lines keep the state: the plans service sets the level itself (RAISE_LEVEL) after this check.
        ALLOWED_FROM.put(CaseAction.ACTIVATE_PLAN, OPEN);
        ALLOWED_FROM.put(CaseAction.RAISE_LEVEL, OPEN);
        ALLOWED_FROM.put(CaseAction.OVERRIDE_CLOSE_GUARD, OPEN);
        for (CaseAction a : CaseAction.values()) {
            if (!ALLOWED_FROM.containsKey(a)) {
                throw new ExceptionInInitializerError("the transition table misses " + a);
            }
        }
    }

    private CaseStateMachine() {
    }

    private static void allow(CaseAction action, CaseState... from) {
        Set<CaseState> states = EnumSet.noneOf(CaseState.class);
        states.addAll(Arrays.asList(from));
        ALLOWED_FROM.put(action, Collections.unmodifiableSet(states));
    }

    public static Set<CaseState> allowedFrom(CaseAction action) {
        return ALLOWED_FROM.get(Objects.requireNonNull(action, "action"));
    }

    public static boolean isAllowed(CaseState state, CaseAction action) {
        return allowedFrom(action).contains(Objects.requireNonNull(state, "state"));
    }

    /** The actions a case in this state offers (what the queue's buttons and shortcuts enable). */
    public static Set<CaseAction> allowedActions(CaseState state) {
        Set<CaseAction> result = EnumSet.noneOf(CaseAction.class);
        for (CaseAction a : CaseAction.values()) {
            if (isAllowed(state, a)) {
                result.add(a);
            }
        }
        return result;
    }

    /** Whether the action needs a reason (void and suspend: the reason is kept on the case). */
    public static boolean needsReason(CaseAction action) {
        return action == CaseAction.VOID || action == CaseAction.SUSPEND;
    }

    /** @throws TransitionRefused naming the case, its state, the action and where it is allowed from */
    public static void check(Case aCase, CaseAction action) {
        if (!isAllowed(aCase.state(), action)) {
            Set<CaseState> from = allowedFrom(action);
            String allowed = from.isEmpty() ? words(action) + " never applies to a stored case"
                    : from.equals(OPEN) ? words(action) + " is allowed on any open case"
                    : words(action) + " is allowed from " + from.stream().map(Enum::name).collect(Collectors.joining(", "));
            throw new TransitionRefused(aCase.id(), aCase.state(), action, from,
                    "case " + aCase.id() + " is " + aCase.state() + ": cannot " + words(action) + " (" + allowed + ")");
        }
    }

    /**
     * The case after the action, stamped at {@code at}.
     *
     * @param reason   required (non-blank) for VOID and SUSPEND, ignored otherwise
     * @param assignee required for DISPATCH, ignored otherwise
     * @throws TransitionRefused        when the table does not allow the action in the case's state
     * @throws IllegalArgumentException when a reason or assignee is missing
     */
    public static Case apply(Case aCase, CaseAction action, Instant at, String reason, Assignee assignee) {
        Objects.requireNonNull(aCase, "aCase");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        check(aCase, action);
        if (needsReason(action) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("case " + aCase.id() + ": a reason is required to " + words(action));
        }
        if (action == CaseAction.DISPATCH && assignee == null) {
            throw new IllegalArgumentException("case " + aCase.id() + ": dispatch needs a department or grid worker");
        }
        Case.Builder b = aCase.toBuilder();
        switch (action) {
            case ACCEPT -> b.state(CaseState.ACCEPTED).acceptedAt(at);
            case VOID -> b.state(CaseState.VOIDED).stateReason(reason.strip()).voidedAt(at).closedAt(at);
            case DISPATCH -> b.state(CaseState.DISPATCHED).assignee(assignee).dispatchedAt(at);
            case START_HANDLING -> b.state(CaseState.IN_HANDLING).handlingStartedAt(at);
            case FEED_BACK -> b.state(CaseState.FED_BACK).fedBackAt(at);
            case VERIFY -> b.state(CaseState.VERIFIED).verifiedAt(at);
            case REWORK -> b.state(CaseState.IN_HANDLING).reworkCount(aCase.reworkCount() + 1)
                    .handlingStartedAt(at).fedBackAt(null);
            case CLOSE -> b.state(CaseState.CLOSED).closedAt(at);
            case SUSPEND -> b.state(CaseState.SUSPENDED).suspendedFrom(aCase.state()).stateReason(reason.strip())
                    .suspendedAt(at);
            case RESUME -> b.state(resumeState(aCase)).suspendedFrom(null).stateReason(null);
            case SUPERVISE -> b.supervised(true);
            case ESCALATE -> b.escalated(true);
            case MERGE_REPORT, ACTIVATE_PLAN, RAISE_LEVEL, OVERRIDE_CLOSE_GUARD, EVIDENCE, CAMERAS_SHOWN -> { }
            case REPORT -> throw new AssertionError("REPORT is refused by the table");
        }
        return b.build();
    }

    /** Where a suspended case goes back to; cases suspended before the state was recorded fall back on their stamps. */
    static CaseState resumeState(Case aCase) {
        if (aCase.suspendedFrom() != null) {
            return aCase.suspendedFrom();
        }
        if (aCase.handlingStartedAt() != null) {
            return CaseState.IN_HANDLING;
        }
        return aCase.dispatchedAt() != null ? CaseState.DISPATCHED : CaseState.ACCEPTED;
    }

    /** "START_HANDLING" → "start handling", for messages. */
    public static String words(CaseAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
