package org.gridcommand.handover;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.AuditEntry;
import org.gridcommand.duty.AuditRepository;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.feed.track.ShiftTable;
import org.gridcommand.feed.track.ShiftWindow;

/**
 * Shift handover (交接班) at a seat. The shift handed over is the one that just ended while its handover is
 * unacknowledged and the change is less than {@code offerWithin} ago (the incoming officer signs on and reads
 * it), else the shift running now (its officer prepares it before leaving). Acknowledging stores who handed
 * over, who took over, when and the report's text and digest, durably, and writes one HANDOVER line in the
 * audit trail.
 */
public final class HandoverService {
    /** The audit action of an acknowledgement; the subject is the acknowledgement's id. */
    public static final String AUDIT_ACTION = "HANDOVER";
    /** How far back the audit trail is read for the outgoing officer's sign-on. */
    private static final int SIGN_ON_LOOKBACK = 500;

    private final HandoverBuilder builder;
    private final HandoverRepository repository;
    private final AuditRepository audit;
    private final DutyService duty;
    private final ShiftTable shifts;
    private final Clock clock;
    private final ZoneId zone;

    public HandoverService(HandoverBuilder builder, HandoverRepository repository, AuditRepository audit,
                           DutyService duty, ShiftTable shifts, Clock clock, ZoneId zone) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.duty = Objects.requireNonNull(duty, "duty");
        this.shifts = Objects.requireNonNull(shifts, "shifts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (shifts.shifts().isEmpty()) {
            throw new IllegalArgumentException("the shift table lists no shifts: a handover needs shift times");
        }
    }

    /** The shift occurrence running at {@code t}. */
    public ShiftWindow shiftAt(Instant t) {
        return shifts.windowAt(t, zone).orElseThrow(() -> new IllegalStateException(
                "no shift covers " + t.atZone(zone) + ": the shift table leaves a gap in the day"));
    }

    /** The occurrence that ended when the one at {@code t} started. */
    public ShiftWindow previousShift(Instant t) {
        return shiftAt(shiftAt(t).from().minusMillis(1));
    }

    /** See the class comment: the previous shift while its handover is pending, else the current one. */
    public ShiftWindow shiftToHandOver() {
        Instant now = clock.instant();
        return pendingShift(now).orElseGet(() -> shiftAt(now));
    }

    /** The report of {@link #shiftToHandOver()} as things stand now. */
    public HandoverReport prepare() {
        return prepare(shiftToHandOver());
    }

    public HandoverReport prepare(ShiftWindow shift) {
        Instant now = clock.instant();
        Operator onDuty = duty.onDuty().orElse(null);
        // While the shift runs, the officer on duty is the one handing it over; afterwards, the trail says.
        String outgoing = shift.contains(now) && onDuty != null ? onDuty.name() : outgoingOfficer(shift, onDuty);
        return builder.build(shift, now, outgoing);
    }

    /** The previous shift's report when it waits for the incoming officer (offered at sign-on). */
    public Optional<HandoverReport> pending() {
        return pendingShift(clock.instant()).map(this::prepare);
    }

    private Optional<ShiftWindow> pendingShift(Instant now) {
        ShiftWindow previous = previousShift(now);
        if (now.isAfter(previous.to().plus(builder.settings().offerWithin()))) {
            return Optional.empty();
        }
        if (repository.find(previous.shift().code(), previous.from()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(previous);
    }

    public Optional<HandoverAcknowledgement> acknowledgementOf(ShiftWindow shift) {
        return repository.find(shift.shift().code(), shift.from());
    }

    public List<HandoverAcknowledgement> recent(int limit) {
        return repository.findRecent(limit);
    }

    /**
     * The operator on duty takes over the shift of {@code report}: durable when this returns.
     *
     * @throws IllegalStateException       when nobody is signed on at the seat
     * @throws HandoverAlreadyAcknowledged when the shift was already taken over
     */
    public HandoverAcknowledgement acknowledge(HandoverReport report) {
        Objects.requireNonNull(report, "report");
        Operator incoming = duty.onDuty().orElseThrow(() -> new IllegalStateException(
                "nobody is signed on at this seat: the incoming officer signs on before taking over"));
        ShiftWindow shift = report.shift();
        HandoverAcknowledgement ack = new HandoverAcknowledgement(Ulid.next(), shift.shift().code(), shift.from(),
                shift.to(), report.handedOverBy(), incoming.name(), incoming.role(),
                // Stores keep microseconds: the record returned is then equal to the one read back.
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), report.digest(),
                report.text());
        repository.save(ack);
        duty.record(AUDIT_ACTION, ack.id(), "took over the " + shift.shift().code() + " shift of " + shift.day()
                + (report.handedOverBy() == null ? "" : " from " + report.handedOverBy()) + "; report sha256 "
                + ack.reportDigest());
        return ack;
    }

    /**
     * Who held the seat during the shift: the newest sign-on before the shift's end by someone other than
     * {@code incoming}; null when the trail has none.
     */
    private String outgoingOfficer(ShiftWindow shift, Operator incoming) {
        for (AuditEntry e : audit.findRecent(SIGN_ON_LOOKBACK)) {
            if (!DutyService.SIGN_ON.equals(e.action()) || e.at().isAfter(shift.to())) {
                continue;
            }
            if (incoming == null || !incoming.name().equals(e.operatorName())) {
                return e.operatorName();
            }
        }
        return null;
    }
}
