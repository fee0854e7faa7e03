package org.gridcommand.store;

import java.nio.file.Path;
import java.time.Instant;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.AuditEntry;
import org.gridcommand.duty.Role;

/**
 * The process DurabilityAfterKillTest kills. It prints "ACK n" only after the store call for n has
 * returned, so every printed number is a write the application was told had succeeded.
 * Modes: {@code audit DIR} appends audit entries one by one forever; {@code cases DIR} bulk-inserts
 * 5,000 cases, acknowledges them, then keeps appending audit entries so the kill lands mid-write.
 */
public final class DurabilityChild {
    static final String ACTION = "durability.ack";
    static final int CASES = 5_000;

    private DurabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        KilledChild.startOrphanGuard();
        String mode = args[0];
        Database db = Database.openH2(Path.of(args[1]), new ChangeBus());
        if (mode.equals("cases")) {
            db.cases().insertAll(Fixtures.generatedCases(CASES, 11));
            ack(CASES);
        }
        for (long n = 1; ; n++) {
            db.audit().append(new AuditEntry(Ulid.next(), Instant.now(), "kill test", Role.DUTY_OFFICER, ACTION,
                    null, Long.toString(n)));
            if (mode.equals("audit")) {
                ack(n);
            }
        }
    }

    private static void ack(long n) {
        System.out.println("ACK " + n);
        System.out.flush();
    }
}
