package org.gridcommand.ui.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gridcommand.common.Messages;
import org.gridcommand.fx.UiExecutor;

/**
 * Opens a file or a folder with the desktop's own program (xdg-open on Linux, open on macOS, explorer on Windows),
 * off the FX thread, and says in words what happened. xdg-open returns at once when a desktop session hands the
 * file on, but without one it runs the program itself and returns only when that closes: so a command still running
 * after a short wait counts as opened, and only an early non-zero exit is a failure (its status told in words:
 * xdg-open's 2 is a missing file, 3 no program for that kind of file).
 */
public final class FileOpener {
    /** How long an early failure is waited for. */
    static final Duration WAIT = Duration.ofSeconds(3);

    private final Function<Path, List<String>> command;
    private final Duration wait;
    private final Messages text;
    private final UiExecutor ui;

    FileOpener(Function<Path, List<String>> command, Duration wait, Messages text, UiExecutor ui) {
        this.command = Objects.requireNonNull(command, "command");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.text = Objects.requireNonNull(text, "text");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** The opener of this computer's desktop. */
    public static FileOpener forThisDesktop(Messages text, UiExecutor ui) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Function<Path, List<String>> command = os.contains("win") ? p -> List.of("explorer", p.toString())
                : os.contains("mac") ? p -> List.of("open", p.toString())
                : p -> List.of("xdg-open", p.toString());
        return new FileOpener(command, WAIT, text, ui);
    }

    /**
     * Opens {@code file} (a file or a folder); {@code said} gets the outcome in words on the UI thread: handed to the
     * desktop, or why not.
     */
    public void open(Path file, Consumer<String> said) {
        String name = file.toString();
        ui.background(() -> attempt(file), problem -> said.accept(problem == null
                ? text.format("statsdash.report.opened", name)
                : text.format("statsdash.report.openFailed", name, problem)),
                error -> said.accept(text.format("statsdash.report.openFailed", name, String.valueOf(error.getMessage()))));
    }

    /** Null when the desktop took the file, otherwise the reason in words. Runs off the FX thread. */
    private String attempt(Path file) throws InterruptedException {
        if (!Files.exists(file)) {
            return text.get("statsdash.report.fileGone");
        }
        List<String> cmd = command.apply(file);
        Process process;
        try {
            process = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return text.format("statsdash.report.openerMissing", cmd.get(0));
        }
        try {
            process.getOutputStream().close(); // nothing to read: a program that asks gets end of input
        } catch (IOException e) {
            // already gone: its exit status tells the rest
        }
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return null; // still showing the file: the program runs
        }
        int status = process.exitValue();
        return switch (status) {
            case 0 -> null;
            case 2 -> text.get("statsdash.report.fileGone");
            case 3 -> text.get("statsdash.report.noProgram");
            default -> text.format("statsdash.report.openerFailed", cmd.get(0), Integer.toString(status));
        };
    }
}
