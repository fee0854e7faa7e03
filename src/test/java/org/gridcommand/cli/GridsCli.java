package org.gridcommand.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Runs ./gridcommand in-process, capturing what it prints. */
final class GridsCli {
    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private GridsCli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path resource(String name) {
        try {
            return Path.of(GridsCli.class.getResource("/grids/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource grids/" + name + " is missing", e);
        }
    }
}
