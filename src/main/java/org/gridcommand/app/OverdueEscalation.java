package org.gridcommand.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseChange;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseEventRepository;
import org.gridcommand.cases.CaseRepository;
import org.gridcommand.cases.CaseStateMachine;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.ActorKind;
import org.gridcommand.sla.OverdueNotice;
import org.gridcommand.sla.OverdueWatcher;
import org.gridcommand.sla.SlaCase;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.sla.SlaState;
import org.gridcommand.sla.SlaStatus;

/**
 * The overdue watcher wired to the store: it scans the open cases, and each case whose running stage went
 * past due is escalated once in the case's own trail, then announced to the listener (the console's
 * supervisor notice).
 *
 * <p>The trail line is an ESCALATE (the case gets its escalated flag, as the life cycle does for the officer's
 * E key) written by {@link #ACTOR} with no role: the system noticed the overrun, not the officer on duty, and
 * the trail must not claim otherwise. Its note reads "overdue: stage HANDLE due at 14:30 on 2026-11-23,
 * escalated to the shift supervisor". That line is also this seat's memory: before a scan, every case found
 * overdue whose stage and due time were not yet looked up has its trail read, and a line already there marks
 * the notice as sent, so a restart (or a case resumed after a suspension) is not announced again.
 *
 * <p>The application runs it through {@link OverdueWatch} ({@link AppContext#overdueWatch()}), which schedules
 * the scans while a console is open and passes the notices on to whoever shows them.
 */
public final class OverdueEscalation {
    private static final System.Logger LOG = System.getLogger(OverdueEscalation.class.getName());

    /** Who the trail names for an escalation the system made (a trail line by no operator has no role). */
    public static final String ACTOR = "system";
    /** How often the console scans; the SLA cells of the queue refresh at the same pace. */
    public static final Duration SCAN_PERIOD = Duration.ofSeconds(30);

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("HH:mm 'on' uuuu-MM-dd");
    private static final Pattern NOTE = Pattern.compile(
            "^overdue: stage ([A-Z_]+) due at (\\d{2}:\\d{2}) on (\\d{4}-\\d{2}-\\d{2}), escalated to the shift supervisor");

    private record Key(String caseId, SlaStage stage, Instant due) {
    }

    private final CaseRepository cases;
    private final CaseEventRepository trail;
    private final SlaEngine sla;
    private final Clock clock;
    private final ZoneId zone;
    private final OverdueWatcher watcher;
    /** Overdue stages whose trail was already read, so each costs one trail read per process. */
    private final Set<Key> looked = new HashSet<>();
    private List<SlaCase> snapshot = List.of();
    /** Guards {@link #task} only, so stopping never waits for a scan that is reading the store. */
    private final Object schedule = new Object();
    private ScheduledFuture<?> task;
    private volatile boolean failing;

    public OverdueEscalation(CaseRepository cases, CaseEventRepository trail, SlaEngine sla, Clock clock, ZoneId zone,
                             Consumer<OverdueNotice> listener) {
        this.cases = Objects.requireNonNull(cases, "cases");
        this.trail = Objects.requireNonNull(trail, "trail");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(listener, "listener");
        // The watcher only ever runs inside scan(), on the thread that just loaded the snapshot.
        this.watcher = new OverdueWatcher(() -> snapshot, sla, clock, listener, this::record);
    }

    /**
     * One pass over the open cases: the notices escalated and announced now, oldest due first. Reads the
     * store, so never on the FX thread.
     */
    public synchronized List<OverdueNotice> scan() {
        List<SlaCase> open = cases.findOpen().stream().map(SlaCase::of).toList();
        restoreFromTrail(open, clock.instant());
        snapshot = open;
        try {
            return watcher.scan();
        } finally {
            snapshot = List.of();
        }
    }

    /** Scans after {@code firstDelay}, then every {@code period}, on the executor until {@link #stop()}. */
    public void start(ScheduledExecutorService executor, Duration firstDelay, Duration period) {
        Objects.requireNonNull(executor, "executor");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("scan period must be positive: " + period);
        }
        synchronized (schedule) {
            if (task != null) {
                throw new IllegalStateException("the overdue escalation is already running");
            }
            // A scheduled task that throws is never run again, so a failed scan is logged, not rethrown.
            task = executor.scheduleWithFixedDelay(() -> scanLogged(period), Math.max(0, firstDelay.toMillis()),
                    period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One scheduled scan: a store that stays down is logged once, not every period, and its return too. */
    private void scanLogged(Duration period) {
        try {
            scan();
            if (failing) {
                failing = false;
                LOG.log(System.Logger.Level.INFO, "overdue scan works again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(System.Logger.Level.WARNING, "overdue scan failed; trying again every " + period.toSeconds()
                        + " s", e);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "overdue scan still failing: " + e.getMessage());
            }
        }
    }

    /** Cancels the scans to come; one already running finishes (it is not interrupted mid-write). */
    public void stop() {
        synchronized (schedule) {
            if (task != null) {
                task.cancel(false);
                task = null;
            }
        }
    }

    public boolean isRunning() {
        synchronized (schedule) {
            return task != null;
        }
    }

    /** The trail note of a notice, in the district's time: "overdue: stage HANDLE due at 14:30 on 2026-11-23, …". */
    public String note(OverdueNotice n) {
        return "overdue: stage " + n.stage().name() + " due at " + DUE.format(n.due().atZone(zone))
                + ", escalated to the shift supervisor";
    }

    /** Whether the trail line is this escalation for that stage and due time (the note keeps the minute). */
    boolean records(CaseEvent e, SlaStage stage, Instant due) {
        if (e.action() != CaseAction.ESCALATE || e.role() != null || !ACTOR.equals(e.operatorName())
                || e.note() == null) {
            return false;
        }
        Matcher m = NOTE.matcher(e.note());
        if (!m.find() || !m.group(1).equals(stage.name())) {
            return false;
        }
        try {
            LocalDateTime written = LocalDateTime.of(LocalDate.parse(m.group(3)), LocalTime.parse(m.group(2)));
            return written.equals(LocalDateTime.ofInstant(due, zone).truncatedTo(ChronoUnit.MINUTES));
        } catch (DateTimeParseException ex) {
            return false;
        }
    }

    private void restoreFromTrail(List<SlaCase> open, Instant now) {
        Set<String> present = new HashSet<>();
        open.forEach(c -> present.add(c.caseId()));
        looked.removeIf(k -> !present.contains(k.caseId()));
        for (SlaCase c : open) {
            SlaStatus s;
            try {
                s = sla.assess(c, now).current();
            } catch (RuntimeException e) {
                continue;   // the watcher logs the cases it cannot assess
            }
            if (s == null || s.state() != SlaState.OVERDUE) {
                continue;
            }
            Key key = new Key(c.caseId(), s.stage(), s.due());
            if (looked.contains(key)) {
                continue;
            }
            for (CaseEvent e : trail.findByCase(c.caseId())) {
                if (records(e, s.stage(), s.due())) {
                    watcher.markNotified(c.caseId(), s.stage(), s.due());
                    break;
                }
            }
            looked.add(key);
        }
    }

    /**
     * The watcher's audit step: the ESCALATE line and the flag, in one transaction under the case's row lock.
     * A case that moved on since the scan read it (fed back, suspended, closed at another seat) is not
     * escalated for a stage it has left: the write is refused, and the next scan judges the case afresh.
     */
    private void record(OverdueNotice n) {
        cases.apply(n.caseId(), current -> {
            Instant at = clock.instant();
            SlaStatus now = sla.assess(SlaCase.of(current), at).current();
            if (now == null || now.stage() != n.stage() || !now.due().equals(n.due())) {
                throw new IllegalStateException("case " + n.caseId() + " left its overdue " + n.stage()
                        + " stage before the escalation was written");
            }
            Case next = CaseStateMachine.apply(current, CaseAction.ESCALATE, at, null, null);
            CaseEvent line = new CaseEvent(Ulid.next(), current.id(), at, ACTOR, null, CaseAction.ESCALATE,
                    current.state(), next.state(), note(n), ActorKind.SYSTEM);
            return new CaseChange(next, line);
        });
    }
}
