package org.gridcommand.duty;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.gridcommand.common.Ulid;

/**
 * Who is on duty at this seat, and the stamp on everything they do: each action goes to the audit trail
 * with the operator's name and role, durably, before the caller is told it is done.
 */
public final class DutyService {
    public static final String SIGN_ON = "SIGN_ON";
    public static final String SIGN_OFF = "SIGN_OFF";

    private final AuditRepository audit;
    private final Clock clock;
    private final AtomicReference<Operator> onDuty = new AtomicReference<>();

    public DutyService(AuditRepository audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public void signOn(Operator operator) {
        Operator previous = onDuty.getAndSet(operator);
        if (previous != null) {
            record(previous, SIGN_OFF, null, "handed over to " + operator.name());
        }
        record(operator, SIGN_ON, null, null);
    }

    public Optional<Operator> onDuty() {
        return Optional.ofNullable(onDuty.get());
    }

    /** Records an action by the operator on duty; refuses when nobody has signed on. */
    public AuditEntry record(String action, String subjectId, String detail) {
        Operator operator = onDuty.get();
        if (operator == null) {
            throw new IllegalStateException("nobody is signed on at this seat: sign on before acting");
        }
        return record(operator, action, subjectId, detail);
    }

    private AuditEntry record(Operator operator, String action, String subjectId, String detail) {
        AuditEntry entry = new AuditEntry(Ulid.next(), clock.instant(), operator.name(), operator.role(),
                action, subjectId, detail);
        audit.append(entry);
        return entry;
    }
}
