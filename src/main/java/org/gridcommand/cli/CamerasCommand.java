package org.gridcommand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /** Thrown for a file that cannot be opened at all: a usage error (exit 2), not a defect of its content. */
    static final class UnreadablePath extends Exception {
        UnreadablePath(String message) {
            super(message, null, false, false);
        }
    }

    static byte[] readBytes(Path file) throws UnreadablePath {
        try {
            if (Files.isDirectory(file)) {
                throw new UnreadablePath("cannot read " + file + ": it is a folder");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadablePath("cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadablePath("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new UnreadablePath("cannot read " + file + ": "
                    + (e.getMessage() == null ? "input/output error" : e.getMessage().lines().findFirst().orElse("")));
        } catch (OutOfMemoryError e) {
            throw new UnreadablePath("cannot read " + file + ": too large to hold in memory");
        }
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

    /** One line for anything unexpected: the reason, never the exception's class or stack. */
    static int fail(PrintWriter err, String command, Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e instanceof StackOverflowError ? "the input nests too deeply" : "unexpected internal error";
        }
        err.println("gridcommand cameras " + command + ": " + message.lines().findFirst().orElse(message));
        err.flush();
        return DEFECTS;
    }
}
