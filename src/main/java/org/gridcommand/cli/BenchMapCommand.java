package org.gridcommand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder while the command is being written (replaced before it lands). */
@Command(name = "map", description = "(being built)")
public final class BenchMapCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("map is not built yet");
    }
}
