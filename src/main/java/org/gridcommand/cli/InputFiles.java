package org.gridcommand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files named on the command line (grid and camera files): read whole, or told in one line why not — a usage
 * error (exit 2), not a defect of the content; and any other failure as one line, never a stack trace.
 */
final class InputFiles {
    private InputFiles() {
    }

    /** A file that cannot be opened at all. */
    static final class UnreadablePath extends Exception {
        UnreadablePath(String message) {
            super(message, null, false, false);
        }
    }

    static byte[] read(Path file) throws UnreadablePath {
        if (Files.isDirectory(file)) {
            throw new UnreadablePath("cannot read " + file + ": it is a folder");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (OutOfMemoryError e) {
            throw tooLarge(file);
        }
    }

    /** The one-line reason for an I/O failure on {@code file}. */
    static UnreadablePath unreadable(Path file, IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? "input/output error" : e.getMessage().lines().findFirst().orElse("");
        return new UnreadablePath("cannot read " + file + ": " + why);
    }

    static UnreadablePath tooLarge(Path file) {
        return new UnreadablePath("cannot read " + file + ": too large to hold in memory");
    }

    /** One line for anything unexpected, e.g. "gridcommand grids import: …"; exit 1. */
    static int fail(PrintWriter err, String command, Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e instanceof StackOverflowError ? "the input nests too deeply" : "unexpected internal error";
        }
        err.println("gridcommand " + command + ": " + message.lines().findFirst().orElse(message));
        err.flush();
        return 1;
    }
}
