package org.gridcommand.stats;

import java.time.Instant;
import java.util.Arrays;
import org.gridcommand.cases.CaseState;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.sla.SlaStage;

/**
 * Judges every SLA stage of a case as it stood at an instant {@code asOf}, by the rules of
 * {@link SlaEngine#assess}: a stage runs from one life-cycle instant to the next; a finished stage is on
 * time when it ended at or before its due time; the running stage is late once {@code asOf} is past its due
 * time; a rework restarts the handling clock; a suspended case runs no clock; a resumed case is timed from
 * its original stage start. Instants after {@code asOf} are treated as not yet reached, so a period's
 * figures do not change when they are computed again later.
 */
final class StageJudge {
    private static final SlaStage[] STAGES = SlaStage.values();
    private static final long NONE = Long.MIN_VALUE;

    private final StageClock clock;

    StageJudge(StageClock clock) {
        this.clock = clock;
    }

    /** Outcomes by {@link SlaStage} ordinal; a voided case has none (every stage NOT_REACHED). */
    StageOutcome[] judge(CaseFacts c, long asOf) {
        StageOutcome[] out = new StageOutcome[STAGES.length];
        Arrays.fill(out, StageOutcome.NOT_REACHED);
        if (c.isVoided()) {
            return out;
        }
        long[] marks = {
                seen(c.reportedAt(), asOf), seen(c.acceptedAt(), asOf), seen(c.dispatchedAt(), asOf),
                seen(c.fedBackAt(), asOf), seen(c.verifiedAt(), asOf), seen(c.closedAt(), asOf)};
        SlaStage running = runningStage(c, marks);
        boolean suspended = isSuspended(c, asOf);
        for (SlaStage s : STAGES) {
            if (running != null && s.ordinal() >= running.ordinal()) {
                break;
            }
            long start = marks[s.ordinal()];
            long end = marks[s.ordinal() + 1];
            if (start != NONE && end != NONE && end >= start) {
                long due = clock.due(c.categoryCode(), s, start);
                out[s.ordinal()] = due == StageClock.NOT_ASSESSABLE ? StageOutcome.NOT_ASSESSABLE
                        : end <= due ? StageOutcome.ON_TIME : StageOutcome.LATE;
            }
        }
        if (running == null) {
            return out;
        }
        if (suspended) {
            // The engine runs no clock for a suspended case: the stage it stopped in has no verdict yet.
            out[running.ordinal()] = StageOutcome.PENDING;
            return out;
        }
        long start = marks[running.ordinal()];
        if (running == SlaStage.HANDLE && c.reworkCount() > 0) {
            long reworked = seen(c.handlingStartedAt(), asOf);
            if (reworked != NONE && (start == NONE || reworked > start)) {
                start = reworked;
            }
        }
        if (start == NONE) {
            return out;
        }
        long due = clock.due(c.categoryCode(), running, start);
        out[running.ordinal()] = due == StageClock.NOT_ASSESSABLE ? StageOutcome.NOT_ASSESSABLE
                : asOf > due ? StageOutcome.LATE : StageOutcome.PENDING;
        return out;
    }

    /**
     * The stage the case was in at {@code asOf}: the engine's {@link SlaEngine#runningStage} of the state
     * read from the furthest instant reached (null once closed).
     */
    private static SlaStage runningStage(CaseFacts c, long[] marks) {
        if (c.state() == CaseState.CLOSED && c.closedAt() == null) {
            return null; // a closed case without its stamp still runs no clock, as in the engine
        }
        for (int i = marks.length - 1; i >= 1; i--) {
            if (marks[i] != NONE) {
                return i == marks.length - 1 ? null : STAGES[i];
            }
        }
        return marks[0] == NONE ? null : SlaStage.ACCEPT;
    }

    /** Suspended (挂账) by {@code asOf}: a case suspended before the instant was recorded counts as suspended. */
    private static boolean isSuspended(CaseFacts c, long asOf) {
        return c.state() == CaseState.SUSPENDED && (c.suspendedAt() == null || seen(c.suspendedAt(), asOf) != NONE);
    }

    private static long seen(Instant t, long asOf) {
        if (t == null) {
            return NONE;
        }
        long n = StageClock.nanos(t);
        return n <= asOf ? n : NONE;
    }
}
