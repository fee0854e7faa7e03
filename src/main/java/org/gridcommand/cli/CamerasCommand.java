package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cameras validate|import}: the Sharp Eyes camera registry into the console, checked on the way in.
 * Exit status of the subcommands: 0 clean (warnings allowed), 1 errors (nothing changed), 2 usage (bad option, a
 * file that cannot be opened). Bad input never ends in a stack trace.
 */
@Command(name = "cameras", mixinStandardHelpOptions = true,
        description = "Validate and import the camera registry (CSV with a header row, or a JSON array).",
        subcommands = {CamerasValidateCommand.class, CamerasImportCommand.class})
public final class CamerasCommand implements Callable<Integer> {
    static final int CLEAN = 0;
    static final int DEFECTS = 1;
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    static String sourceName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    static int usage(PrintWriter err, String command, String message) {
        err.println("gridcommand cameras " + command + ": " + message);
        err.flush();
        return USAGE;
    }
}
