package org.gridcommand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A benchmark's store folder: the one given, or a temporary one removed afterwards. */
final class TemporaryStore implements AutoCloseable {
    private final Path dir;
    private final boolean temporary;
    private final PrintWriter err;

    private TemporaryStore(Path dir, boolean temporary, PrintWriter err) {
        this.dir = dir;
        this.temporary = temporary;
        this.err = err;
    }

    /** {@code given} when not null (kept), else a new temporary folder named after {@code prefix}. */
    static TemporaryStore of(Path given, String prefix, PrintWriter err) throws IOException {
        return given != null ? new TemporaryStore(given, false, err)
                : new TemporaryStore(Files.createTempDirectory(prefix), true, err);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            err.println("gridcommand: could not remove the temporary store " + dir + ": " + e.getMessage());
        }
    }
}
