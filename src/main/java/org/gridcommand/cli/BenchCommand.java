package org.gridcommand.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Benchmarks. Each measures its named baseline in the same run and ends with one line per figure:
 * {@code bench NAME: VALUE UNIT; baseline BASELINE VALUE UNIT; ratio R}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchLocateCommand.class, BenchMapCommand.class, BenchQueueCommand.class,
                BenchIngestCommand.class, BenchVideoCommand.class, BenchReportCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
