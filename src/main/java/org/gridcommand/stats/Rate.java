package org.gridcommand.stats;

import java.util.Locale;
import java.util.OptionalDouble;

/** A share: numerator out of denominator; no value when nothing was counted (shown as "—", never 0 %). */
public record Rate(long numerator, long denominator) {
    public static final String NO_VALUE = "—";

    public Rate {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a rate needs 0 <= numerator <= denominator, got "
                    + numerator + "/" + denominator);
        }
    }

    public OptionalDouble value() {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(numerator / (double) denominator);
    }

    /** "97.3%" to one decimal, or "—". */
    public String percent() {
        return denominator == 0 ? NO_VALUE : String.format(Locale.ROOT, "%.1f%%", 100.0 * numerator / denominator);
    }

    @Override
    public String toString() {
        return percent() + " (" + numerator + "/" + denominator + ")";
    }
}
