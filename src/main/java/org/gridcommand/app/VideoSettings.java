package org.gridcommand.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The seat's video settings, from {@code video.json} in its data folder (next to feed.json and tiles.json):
 * <pre>{"autoShowUrgentCases": true}</pre>
 * {@code autoShowUrgentCases}: when a new urgent case arrives, its cameras go on the wall by themselves, as if the
 * officer had pressed W (default off: the wall stays on what the officer chose). Other fields are left to the
 * wall's own settings. A seat without the file runs on the defaults; a file that cannot be used also does, and
 * {@link Loaded#problem()} says why, naming the file and the field, so the console can show it.
 */
public record VideoSettings(boolean autoShowUrgentCases) {
    public static final String FILE = "video.json";
    public static final VideoSettings DEFAULTS = new VideoSettings(false);

    /** The settings in force and, when the file was unusable, why (the defaults are then in force). */
    public record Loaded(VideoSettings settings, Optional<String> problem) {
    }

    /** Never throws: a missing file gives the defaults quietly, a bad one the defaults and the problem. */
    public static Loaded load(Path dataDir) {
        if (dataDir == null) {
            return new Loaded(DEFAULTS, Optional.empty());
        }
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return new Loaded(DEFAULTS, Optional.empty());
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            return bad(file + ": not readable JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            return bad(file + ": must be a JSON object, e.g. {\"autoShowUrgentCases\": true}");
        }
        JsonNode auto = root.get("autoShowUrgentCases");
        if (auto == null || auto.isNull()) {
            return new Loaded(DEFAULTS, Optional.empty());
        }
        if (!auto.isBoolean()) {
            return bad(file + ": \"autoShowUrgentCases\" must be true or false, not " + auto);
        }
        return new Loaded(new VideoSettings(auto.booleanValue()), Optional.empty());
    }

    private static Loaded bad(String problem) {
        return new Loaded(DEFAULTS,
                Optional.of(problem + "; using the defaults (urgent cases do not change the wall)"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
