package org.gridcommand.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;

/**
 * Due times and SLA states for case stages: the limits table says how long a stage may take, the working
 * calendar how that time is counted. Stateless apart from its two tables, so the queue and the watcher
 * share one instance across threads.
 */
public final class SlaEngine {
    private static final String[] STAGE_START_FIELD = {"reportedAt", "acceptedAt", "dispatchedAt", "fedBackAt", "verifiedAt"};

    private final SlaLimits limits;
    private final WorkingCalendar calendar;

    public SlaEngine(SlaLimits limits, WorkingCalendar calendar) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The shipped tables: {@code assets/sla/limits.json} and {@code assets/calendar/}. */
    public static SlaEngine loadDefault(CategoryDictionary categories) {
        return new SlaEngine(SlaLimits.loadDefault(categories), WorkingCalendar.loadDefault());
    }

    public SlaLimits limits() {
        return limits;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public SlaLimit limit(String categoryCode, SlaStage stage) {
        return limits.limitFor(categoryCode, stage);
    }

    /** @throws MissingCalendarYearException when a working-time limit runs into a year without a calendar */
    public Instant due(String categoryCode, SlaStage stage, Instant stageStart) {
        SlaLimit limit = limit(categoryCode, stage);
        return advance(limit, stageStart, length(limit));
    }

    /**
     * The stage against its limit: with {@code stageEnd} MET or MET_LATE; without, ON_TIME, NEAR_DUE or
     * OVERDUE at {@code now}. Finishing exactly at the due time is on time.
     */
    public SlaStatus status(String categoryCode, SlaStage stage, Instant stageStart, Instant stageEnd, Instant now) {
        Objects.requireNonNull(stageStart, "stageStart");
        SlaLimit limit = limit(categoryCode, stage);
        Duration length = length(limit);
        Instant due = advance(limit, stageStart, length);
        Instant nearDueAt = nearDueAt(limit, stageStart, length);
        if (stageEnd != null) {
            if (stageEnd.isAfter(due)) {
                return new SlaStatus(stage, limit, SlaState.MET_LATE, stageStart, nearDueAt, due, stageEnd,
                        Duration.ZERO, Duration.between(due, stageEnd));
            }
            return new SlaStatus(stage, limit, SlaState.MET, stageStart, nearDueAt, due, stageEnd,
                    Duration.between(stageEnd, due), Duration.ZERO);
        }
        Objects.requireNonNull(now, "now");
        if (now.isAfter(due)) {
            return new SlaStatus(stage, limit, SlaState.OVERDUE, stageStart, nearDueAt, due, null,
                    Duration.ZERO, Duration.between(due, now));
        }
        SlaState state = now.isBefore(nearDueAt) ? SlaState.ON_TIME : SlaState.NEAR_DUE;
        Duration remaining = now.isBefore(stageStart) ? Duration.between(stageStart, due) : Duration.between(now, due);
        return new SlaStatus(stage, limit, state, stageStart, nearDueAt, due, null, remaining, Duration.ZERO);
    }

    /**
     * A case's SLA from its state and stage instants (null until reached). The running stage follows the
     * state: REPORTED → ACCEPT, ACCEPTED → DISPATCH, DISPATCHED/IN_HANDLING → HANDLE, FED_BACK → VERIFY,
     * VERIFIED → CLOSE; CLOSED, VOIDED and SUSPENDED run no clock (a resumed case is measured from its
     * original stage start: the time it spent suspended is not credited).
     *
     * @throws IllegalArgumentException when the instant that starts the running stage is missing
     */
    public SlaView assess(String categoryCode, CaseState state, Instant reportedAt, Instant acceptedAt,
                          Instant dispatchedAt, Instant fedBackAt, Instant verifiedAt, Instant closedAt, Instant now) {
        return assess(categoryCode, state, reportedAt, acceptedAt, dispatchedAt, fedBackAt, verifiedAt, closedAt,
                null, now);
    }

    /** As above; a case reworked after a failed verification times HANDLE afresh from {@code reworkedAt}. */
    public SlaView assess(String categoryCode, CaseState state, Instant reportedAt, Instant acceptedAt,
                          Instant dispatchedAt, Instant fedBackAt, Instant verifiedAt, Instant closedAt,
                          Instant reworkedAt, Instant now) {
        Objects.requireNonNull(state, "state");
        Instant[] marks = {reportedAt, acceptedAt, dispatchedAt, fedBackAt, verifiedAt, closedAt};
        SlaStage running = runningStage(state);
        Map<SlaStage, SlaStatus> stages = new EnumMap<>(SlaStage.class);
        for (SlaStage s : SlaStage.values()) {
            if (running != null && s.ordinal() >= running.ordinal()) {
                break;
            }
            Instant start = marks[s.ordinal()];
            Instant end = marks[s.ordinal() + 1];
            if (start != null && end != null && !end.isBefore(start)) {
                stages.put(s, status(categoryCode, s, start, end, now));
            }
        }
        if (running == null) {
            return new SlaView(null, null, stages);
        }
        Instant start = marks[running.ordinal()];
        if (running == SlaStage.HANDLE && reworkedAt != null && (start == null || reworkedAt.isAfter(start))) {
            start = reworkedAt;
        }
        if (start == null) {
            throw new IllegalArgumentException("a case in state " + state + " needs "
                    + STAGE_START_FIELD[running.ordinal()] + " to time its " + running + " stage");
        }
        SlaStatus current = status(categoryCode, running, start, null, now);
        stages.put(running, current);
        return new SlaView(running, current, stages);
    }

    public SlaView assess(SlaCase c, Instant now) {
        return assess(c.categoryCode(), c.state(), c.reportedAt(), c.acceptedAt(), c.dispatchedAt(),
                c.fedBackAt(), c.verifiedAt(), c.closedAt(), c.reworkedAt(), now);
    }

    public SlaView assess(Case c, Instant now) {
        return assess(SlaCase.of(c), now);
    }

    /** The stage whose clock runs in this state, or null when none does. */
    public static SlaStage runningStage(CaseState state) {
        return switch (state) {
            case REPORTED -> SlaStage.ACCEPT;
            case ACCEPTED -> SlaStage.DISPATCH;
            case DISPATCHED, IN_HANDLING -> SlaStage.HANDLE;
            case FED_BACK -> SlaStage.VERIFY;
            case VERIFIED -> SlaStage.CLOSE;
            case CLOSED, VOIDED, SUSPENDED -> null;
        };
    }

    /** The limit as time in its own unit's clock: natural time, or working time. */
    Duration length(SlaLimit limit) {
        Duration unit = switch (limit.unit()) {
            case NATURAL_MINUTES -> Duration.ofMinutes(1);
            case WORKING_HOURS -> Duration.ofHours(1);
            case WORKING_DAYS -> calendar.workingDayLength();
        };
        BigDecimal seconds = limit.amount().multiply(BigDecimal.valueOf(unit.getSeconds()))
                .setScale(0, RoundingMode.HALF_UP);
        return Duration.ofSeconds(seconds.longValueExact());
    }

    private Instant advance(SlaLimit limit, Instant start, Duration amount) {
        return limit.unit().isWorkingTime() ? calendar.addWorkingTime(start, amount) : start.plus(amount);
    }

    private Instant nearDueAt(SlaLimit limit, Instant start, Duration length) {
        SlaLimits.NearDueRule rule = limits.nearDue();
        Duration byShare = length.multipliedBy(rule.elapsedPercent()).dividedBy(100);
        Duration byRemaining = length.minus(rule.remaining());
        Duration first = byRemaining.compareTo(byShare) < 0 ? byRemaining : byShare;
        return advance(limit, start, first.isNegative() ? Duration.ZERO : first);
    }
}
