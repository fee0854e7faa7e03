package org.gridcommand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder while the command is being written (replaced before it lands). */
@Command(name = "grids", description = "(being built)")
public final class GridsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("grids is not built yet");
    }
}
