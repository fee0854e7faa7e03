package org.gridcommand.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.gridcommand.duty.Operator;

/**
 * How the console window opens. screenshot/exitAfterSeconds make it render for a while, write a PNG and
 * exit (CI, README); operator, when given, skips the sign-on question; locale is the language of the texts
 * shown before the store is open (the sign-on question, a store error).
 */
public record ConsoleOptions(int width, int height, Path screenshot, double exitAfterSeconds, Operator operator,
                             Locale locale) {
    public ConsoleOptions {
        Objects.requireNonNull(locale, "locale");
    }

    public boolean timed() {
        return exitAfterSeconds > 0;
    }
}
