package org.gridcommand.feed;

import java.util.Objects;
import org.gridcommand.common.BilingualName;

/**
 * A kind of sensor (smoke detector, water-level gauge, gas detector …), the unit its readings come in, and the
 * minor case category its alarms open in the queue (e.g. smoke → fire).
 */
public record SensorKind(String code, BilingualName name, String unit, String caseCategory) {
    public SensorKind {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(caseCategory, "caseCategory");
    }
}
