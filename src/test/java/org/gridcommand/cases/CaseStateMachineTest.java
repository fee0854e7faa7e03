package org.gridcommand.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gridcommand.geo.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CaseStateMachineTest {
    private static final Instant REPORTED_AT = Instant.parse("2025-07-15T00:45:00Z");
    private static final Instant AT = Instant.parse("2025-07-15T01:00:00Z");
    private static final String ID = "01J2ZZ8Q3R4S5T6V7W8X9Y0Z1A";
    private static final Assignee FIRE = Assignee.department("FIRE");
    private static final Set<CaseState> OPEN = EnumSet.of(CaseState.REPORTED, CaseState.ACCEPTED, CaseState.DISPATCHED,
            CaseState.IN_HANDLING, CaseState.FED_BACK, CaseState.VERIFIED, CaseState.SUSPENDED);

    /**
     * The life cycle written out independently of the implementation: action → (from → to). Flag actions
     * keep the state; RESUME goes back to where the case was suspended (DISPATCHED in the matrix fixture).
     */
    private static final Map<CaseAction, Map<CaseState, CaseState>> EXPECTED = new EnumMap<>(CaseAction.class);

    static {
        for (CaseAction a : CaseAction.values()) {
            EXPECTED.put(a, new EnumMap<>(CaseState.class));
        }
        EXPECTED.get(CaseAction.ACCEPT).put(CaseState.REPORTED, CaseState.ACCEPTED);
        EXPECTED.get(CaseAction.VOID).put(CaseState.REPORTED, CaseState.VOIDED);
        EXPECTED.get(CaseAction.DISPATCH).put(CaseState.ACCEPTED, CaseState.DISPATCHED);
        EXPECTED.get(CaseAction.START_HANDLING).put(CaseState.DISPATCHED, CaseState.IN_HANDLING);
        EXPECTED.get(CaseAction.FEED_BACK).put(CaseState.IN_HANDLING, CaseState.FED_BACK);
        EXPECTED.get(CaseAction.VERIFY).put(CaseState.FED_BACK, CaseState.VERIFIED);
        EXPECTED.get(CaseAction.REWORK).put(CaseState.FED_BACK, CaseState.IN_HANDLING);
        EXPECTED.get(CaseAction.CLOSE).put(CaseState.VERIFIED, CaseState.CLOSED);
        for (CaseState s : List.of(CaseState.ACCEPTED, CaseState.DISPATCHED, CaseState.IN_HANDLING)) {
            EXPECTED.get(CaseAction.SUSPEND).put(s, CaseState.SUSPENDED);
        }
        EXPECTED.get(CaseAction.RESUME).put(CaseState.SUSPENDED, CaseState.DISPATCHED);
        for (CaseState s : OPEN) {
            EXPECTED.get(CaseAction.SUPERVISE).put(s, s);
            EXPECTED.get(CaseAction.ESCALATE).put(s, s);
            EXPECTED.get(CaseAction.MERGE_REPORT).put(s, s);
            EXPECTED.get(CaseAction.ACTIVATE_PLAN).put(s, s);
            EXPECTED.get(CaseAction.RAISE_LEVEL).put(s, s);
            EXPECTED.get(CaseAction.OVERRIDE_CLOSE_GUARD).put(s, s);
            EXPECTED.get(CaseAction.EVIDENCE).put(s, s);
            EXPECTED.get(CaseAction.CAMERAS_SHOWN).put(s, s);
        }
    }

    static Stream<Arguments> allowedPairs() {
        List<Arguments> pairs = new ArrayList<>();
        EXPECTED.forEach((action, moves) -> moves.forEach((from, to) -> pairs.add(Arguments.of(from, action, to))));
        return pairs.stream();
    }

    static Stream<Arguments> refusedPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseState s : CaseState.values()) {
            for (CaseAction a : CaseAction.values()) {
                if (!EXPECTED.get(a).containsKey(s)) {
                    pairs.add(Arguments.of(s, a));
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void theMatrixIsComplete() {
        long allowed = allowedPairs().count();
        long refused = refusedPairs().count();
        assertThat(allowed + refused).isEqualTo((long) CaseState.values().length * CaseAction.values().length);
        assertThat(allowed).isEqualTo(1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 3 + 1 + 8 * OPEN.size());
    }

    @ParameterizedTest(name = "{1} from {0} → {2}")
    @MethodSource("allowedPairs")
    void everyAllowedTransition(CaseState from, CaseAction action, CaseState to) {
        Case before = inState(from);
        assertThat(CaseStateMachine.isAllowed(from, action)).isTrue();
        assertThat(CaseStateMachine.allowedActions(from)).contains(action);

        Case after = CaseStateMachine.apply(before, action, AT, "reason", FIRE);

        assertThat(after.state()).isEqualTo(to);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.reportedAt()).isEqualTo(before.reportedAt());
        switch (action) {
            case ACCEPT -> assertThat(after.acceptedAt()).isEqualTo(AT);
            case VOID -> {
                assertThat(after.voidedAt()).isEqualTo(AT);
                assertThat(after.closedAt()).isEqualTo(AT);
                assertThat(after.stateReason()).isEqualTo("reason");
            }
            case DISPATCH -> {
                assertThat(after.dispatchedAt()).isEqualTo(AT);
                assertThat(after.assignee()).isEqualTo(FIRE);
            }
            case START_HANDLING -> assertThat(after.handlingStartedAt()).isEqualTo(AT);
            case FEED_BACK -> assertThat(after.fedBackAt()).isEqualTo(AT);
            case VERIFY -> assertThat(after.verifiedAt()).isEqualTo(AT);
            case REWORK -> {
                assertThat(after.reworkCount()).isEqualTo(before.reworkCount() + 1);
                assertThat(after.handlingStartedAt()).isEqualTo(AT);
                assertThat(after.fedBackAt()).isNull();
            }
            case CLOSE -> assertThat(after.closedAt()).isEqualTo(AT);
            case SUSPEND -> {
                assertThat(after.suspendedAt()).isEqualTo(AT);
                assertThat(after.suspendedFrom()).isEqualTo(from);
                assertThat(after.stateReason()).isEqualTo("reason");
            }
            case RESUME -> {
                assertThat(after.suspendedFrom()).isNull();
                assertThat(after.stateReason()).isNull();
            }
            case SUPERVISE -> assertThat(after.supervised()).isTrue();
            case ESCALATE -> assertThat(after.escalated()).isTrue();
            // Plan lines change nothing here: the plans service sets the level after the check.
            case MERGE_REPORT, ACTIVATE_PLAN, RAISE_LEVEL, OVERRIDE_CLOSE_GUARD, EVIDENCE, CAMERAS_SHOWN -> assertThat(after).isEqualTo(before);
            case REPORT -> throw new AssertionError("REPORT is never allowed");
        }
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @MethodSource("refusedPairs")
    void everyRefusedTransition(CaseState from, CaseAction action) {
        Case before = inState(from);
        assertThat(CaseStateMachine.isAllowed(from, action)).isFalse();
        assertThat(CaseStateMachine.allowedActions(from)).doesNotContain(action);

        assertThatThrownBy(() -> CaseStateMachine.apply(before, action, AT, "reason", FIRE))
                .isInstanceOf(TransitionRefused.class)
                .hasMessageStartingWith("case " + ID + " is " + from + ": cannot " + CaseStateMachine.words(action) + " (")
                .satisfies(e -> {
                    TransitionRefused r = (TransitionRefused) e;
                    assertThat(r.caseId()).isEqualTo(ID);
                    assertThat(r.state()).isEqualTo(from);
                    assertThat(r.action()).isEqualTo(action);
                    assertThat(r.allowedFrom()).isEqualTo(EXPECTED.get(action).keySet());
                    if (r.allowedFrom().equals(OPEN)) {
                        assertThat(e.getMessage()).endsWith("is allowed on any open case)");
                    } else if (r.allowedFrom().isEmpty()) {
                        assertThat(e.getMessage()).endsWith("never applies to a stored case)");
                    } else {
                        for (CaseState s : r.allowedFrom()) {
                            assertThat(e.getMessage()).contains(s.name());
                        }
                    }
                });
    }

    @Test
    void theRefusalNamesWhatIsAllowed() {
        assertThatThrownBy(() -> CaseStateMachine.apply(inState(CaseState.VOIDED), CaseAction.DISPATCH, AT, null, FIRE))
                .hasMessage("case " + ID + " is VOIDED: cannot dispatch (dispatch is allowed from ACCEPTED)");
        assertThatThrownBy(() -> CaseStateMachine.apply(inState(CaseState.CLOSED), CaseAction.SUPERVISE, AT, null, null))
                .hasMessage("case " + ID + " is CLOSED: cannot supervise (supervise is allowed on any open case)");
        assertThatThrownBy(() -> CaseStateMachine.apply(inState(CaseState.REPORTED), CaseAction.SUSPEND, AT, "x", null))
                .hasMessage("case " + ID + " is REPORTED: cannot suspend (suspend is allowed from ACCEPTED, DISPATCHED,"
                        + " IN_HANDLING)");
    }

    @ParameterizedTest
    @EnumSource(value = CaseAction.class, names = {"VOID", "SUSPEND"})
    void voidAndSuspendNeedAReason(CaseAction action) {
        Case c = inState(action == CaseAction.VOID ? CaseState.REPORTED : CaseState.ACCEPTED);
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> CaseStateMachine.apply(c, action, AT, blank, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("case " + ID + ": a reason is required to " + CaseStateMachine.words(action));
        }
    }

    @Test
    void dispatchNeedsSomeone() {
        assertThatThrownBy(() -> CaseStateMachine.apply(inState(CaseState.ACCEPTED), CaseAction.DISPATCH, AT, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("department or grid worker");
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"ACCEPTED", "DISPATCHED", "IN_HANDLING"})
    void resumeGoesBackToTheStateItWasSuspendedIn(CaseState from) {
        Case suspended = CaseStateMachine.apply(inState(from), CaseAction.SUSPEND, AT, "waiting for approval", null);
        Case resumed = CaseStateMachine.apply(suspended, CaseAction.RESUME, AT.plusSeconds(60), null, null);
        assertThat(resumed.state()).isEqualTo(from);
        assertThat(resumed.suspendedAt()).isEqualTo(AT);
    }

    @Test
    void reworkCountsEveryFailedVerification() {
        Case c = inState(CaseState.FED_BACK);
        c = CaseStateMachine.apply(c, CaseAction.REWORK, AT, null, null);
        c = CaseStateMachine.apply(c, CaseAction.FEED_BACK, AT.plusSeconds(60), null, null);
        c = CaseStateMachine.apply(c, CaseAction.REWORK, AT.plusSeconds(120), null, null);
        assertThat(c.reworkCount()).isEqualTo(2);
        assertThat(c.state()).isEqualTo(CaseState.IN_HANDLING);
    }

    @Test
    void everyActionHasARowInTheTable() {
        for (CaseAction a : CaseAction.values()) {
            assertThat(CaseStateMachine.allowedFrom(a)).isEqualTo(EXPECTED.get(a).keySet());
        }
    }

    /** A case that plausibly reached the state; SUSPENDED was suspended while DISPATCHED. */
    static Case inState(CaseState state) {
        Case.Builder b = Case.builder().id(ID).channel(Channel.GRID_WORKER).categoryCode("0601")
                .location(new GeoPoint(113.56, 22.27)).smallGridCode("440402001001001").description("fire")
                .priority(Priority.URGENT).state(state).reportedAt(REPORTED_AT);
        if (state != CaseState.REPORTED && state != CaseState.VOIDED) {
            b.acceptedAt(REPORTED_AT.plusSeconds(60));
        }
        if (state == CaseState.SUSPENDED) {
            b.suspendedFrom(CaseState.DISPATCHED).stateReason("waiting").suspendedAt(REPORTED_AT.plusSeconds(300));
        }
        return b.build();
    }
}
