package org.gridcommand.cli;

import java.nio.file.Path;

/** Test resources under src/test/resources/cameras; the commands run in-process through {@link GridsCli}. */
final class CamerasCli {
    private CamerasCli() {
    }

    static GridsCli.Run run(String... args) {
        return GridsCli.run(args);
    }

    static Path resource(String name) {
        try {
            return Path.of(CamerasCli.class.getResource("/cameras/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource cameras/" + name + " is missing", e);
        }
    }
}
