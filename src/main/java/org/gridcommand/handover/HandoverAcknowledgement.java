package org.gridcommand.handover;

import java.time.Instant;
import java.util.Objects;
import org.gridcommand.duty.Role;

/**
 * The incoming officer's acknowledgement of a shift's handover: who handed over (null when the trail does not
 * say), who took over in which role, when, and the report read: its canonical text and SHA-256. One per shift
 * occurrence (shift code + start).
 */
public record HandoverAcknowledgement(String id, String shiftCode, Instant shiftFrom, Instant shiftTo,
                                      String handedOverBy, String takenOverBy, Role takenOverRole,
                                      Instant acknowledgedAt, String reportDigest, String reportText) {
    public HandoverAcknowledgement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shiftCode, "shiftCode");
        Objects.requireNonNull(shiftFrom, "shiftFrom");
        Objects.requireNonNull(shiftTo, "shiftTo");
        Objects.requireNonNull(takenOverBy, "takenOverBy");
        Objects.requireNonNull(takenOverRole, "takenOverRole");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        Objects.requireNonNull(reportDigest, "reportDigest");
        Objects.requireNonNull(reportText, "reportText");
    }

    /** True when the stored text still hashes to the stored digest. */
    public boolean intact() {
        return HandoverReport.sha256(reportText).equals(reportDigest);
    }
}
