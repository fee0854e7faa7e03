package org.gridcommand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder while the command is being written (replaced before it lands). */
@Command(name = "locate", description = "(being built)")
public final class BenchLocateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("locate is not built yet");
    }
}
