package org.gridcommand.common;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@code assets/} folder (dictionaries, demo data, plans) that ships beside the program.
 * Order: the {@code gridcommand.assets} system property (set by the launcher), then {@code ./assets}.
 */
public final class AssetLocator {
    public static final String PROPERTY = "gridcommand.assets";

    private AssetLocator() {
    }

    public static Path assetsDir() {
        String configured = System.getProperty(PROPERTY);
        Path candidate = configured != null ? Path.of(configured) : Path.of("assets");
        if (!Files.isDirectory(candidate)) {
            throw new IllegalStateException("assets folder not found at " + candidate.toAbsolutePath()
                    + " (set -D" + PROPERTY + "=DIR or run from the GridCommand folder)");
        }
        return candidate.toAbsolutePath().normalize();
    }

    public static Path resolve(String relative) {
        return assetsDir().resolve(relative);
    }
}
