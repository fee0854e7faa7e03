package org.gridcommand.sla;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One stage's limit, e.g. 4 WORKING_HOURS. definedBy is the limits-file entry it came from (a minor code,
 * its major code, or "default"), so a surprising due time can be traced to the line that set it.
 */
public record SlaLimit(BigDecimal amount, SlaUnit unit, String definedBy) {
    public SlaLimit {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + amount);
        }
    }

    public static SlaLimit of(long amount, SlaUnit unit) {
        return new SlaLimit(BigDecimal.valueOf(amount), unit, "");
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + unit;
    }
}
