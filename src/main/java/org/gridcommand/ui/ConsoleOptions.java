package org.gridcommand.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.gridcommand.duty.Operator;

/**
 * How the console window opens. screenshot/exitAfterSeconds make it render for a while, write a PNG and
 * exit (CI, README); operator, when given, skips the sign-on question; locale is the language of the texts
 * shown before the store is open (the sign-on question, a store error); the field feed comes from
 * {@code broker} when given (an MQTT URL), else from the in-process demo simulation when {@code simulateField},
 * else there is none.
 */
public record ConsoleOptions(int width, int height, Path screenshot, double exitAfterSeconds, Operator operator,
                             Locale locale, String broker, boolean simulateField) {
    public ConsoleOptions {
        Objects.requireNonNull(locale, "locale");
    }

    /** No field feed: what tests and benchmarks that only need the window use. */
    public ConsoleOptions(int width, int height, Path screenshot, double exitAfterSeconds, Operator operator,
                          Locale locale) {
        this(width, height, screenshot, exitAfterSeconds, operator, locale, null, false);
    }

    public boolean timed() {
        return exitAfterSeconds > 0;
    }
}
