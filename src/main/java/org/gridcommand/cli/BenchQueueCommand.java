package org.gridcommand.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder while the command is being written (replaced before it lands). */
@Command(name = "queue", description = "(being built)")
public final class BenchQueueCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("queue is not built yet");
    }
}
