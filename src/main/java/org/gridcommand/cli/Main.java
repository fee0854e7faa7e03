package org.gridcommand.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: ./gridcommand COMMAND [options]. */
@Command(name = "gridcommand", mixinStandardHelpOptions = true, version = "GridCommand 0.1.0",
        description = "Command-and-dispatch console for a district governance centre.",
        subcommands = {DemoCommand.class, GridsCommand.class, CamerasCommand.class, AddressCommand.class, LocateCommand.class,
                SimulateCommand.class, BenchCommand.class, StatsCommand.class, WallCommand.class, DrillCommand.class,
                ReportCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int status = commandLine().execute(args);
        // Video and FX threads must not keep a finished console alive.
        System.exit(status);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Some failures (a timeout, say) carry no message: their kind is the message then.
            cmd.getErr().println("gridcommand: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
