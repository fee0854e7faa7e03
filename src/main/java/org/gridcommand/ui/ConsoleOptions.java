package org.gridcommand.ui;

import java.nio.file.Path;
import org.gridcommand.duty.Operator;

/**
 * How the console window opens. screenshot/exitAfterSeconds make it render for a while, write a PNG and
 * exit (CI, README); operator, when given, skips the sign-on question.
 */
public record ConsoleOptions(int width, int height, Path screenshot, double exitAfterSeconds, Operator operator) {
    public boolean timed() {
        return exitAfterSeconds > 0;
    }
}
