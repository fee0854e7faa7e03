package org.gridcommand.feed;

import java.util.Objects;
import org.gridcommand.common.BilingualName;

/**
 * A kind of sensor (smoke detector, water-level gauge, gas detector …), the unit its readings come in, the range
 * a working sensor of the kind can read ({@code min} to {@code max}: a reading outside it is a broken device or a
 * forged message, not an alarm to put in words), and the minor case category its alarms open in the queue (e.g.
 * smoke → fire).
 */
public record SensorKind(String code, BilingualName name, String unit, double min, double max, String caseCategory) {
    public SensorKind {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(caseCategory, "caseCategory");
        if (!(min <= max) || Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalArgumentException("sensor kind " + code + ": min must not be above max (" + min + ", " + max + ")");
        }
    }

    /** A kind whose readings are only required to be finite numbers. */
    public SensorKind(String code, BilingualName name, String unit, String caseCategory) {
        this(code, name, unit, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, caseCategory);
    }

    /** Whether a working sensor of this kind can read {@code value} (finite and within min to max). */
    public boolean plausible(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }
}
