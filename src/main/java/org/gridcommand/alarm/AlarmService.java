package org.gridcommand.alarm;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;

/**
 * Acknowledging alarms: who took which one in hand and when, kept in the store (the list after a restart, or on
 * another seat of the same store, leaves it out) and written to the audit trail as ALARM_ACK.
 */
public final class AlarmService {
    public static final String AUDIT_ACTION = "ALARM_ACK";

    private final AlarmAckRepository acks;
    private final DutyService duty;
    private final Clock clock;
    private final AlarmSettings settings;

    public AlarmService(AlarmAckRepository acks, DutyService duty, Clock clock, AlarmSettings settings) {
        this.acks = Objects.requireNonNull(acks, "acks");
        this.duty = Objects.requireNonNull(duty, "duty");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public AlarmSettings settings() {
        return settings;
    }

    /** Keys acknowledged on the cases still open. */
    public Set<String> acknowledged() {
        return acks.acknowledgedOnOpenCases();
    }

    /**
     * Acknowledges the alarm for the officer on duty, durably, before returning.
     *
     * @throws IllegalStateException when nobody is signed on at this seat
     */
    public AlarmAcknowledgement acknowledge(Alarm alarm) {
        Objects.requireNonNull(alarm, "alarm");
        Operator operator = duty.onDuty().orElseThrow(() -> new IllegalStateException("nobody is signed on"));
        AlarmAcknowledgement ack = new AlarmAcknowledgement(alarm.key(), alarm.caseId(), alarm.kind(),
                operator.name(), operator.role(), clock.instant());
        acks.save(ack);
        duty.record(AUDIT_ACTION, alarm.caseId(), alarm.kind() + " " + alarm.key());
        return ack;
    }
}
