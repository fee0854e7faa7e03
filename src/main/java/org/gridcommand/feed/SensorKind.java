package org.gridcommand.feed;

import java.util.Objects;
import org.gridcommand.common.BilingualName;

/** A kind of sensor (smoke detector, water-level gauge, gas detector …) and the unit its readings come in. */
public record SensorKind(String code, BilingualName name, String unit) {
    public SensorKind {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
