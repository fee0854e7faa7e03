package org.gridcommand.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.gridcommand.common.AssetLocator;

/**
 * Local intake rules, loaded from {@code cases/intake.json}: how near in space and time a report must be
 * to an open case of the same major category to be offered as its duplicate.
 */
public record IntakeSettings(double duplicateDistanceMetres, Duration duplicateWindow) {
    public static final String DEFAULT_ASSET = "cases/intake.json";
    public static final IntakeSettings DEFAULTS = new IntakeSettings(200, Duration.ofHours(2));

    public IntakeSettings {
        if (!Double.isFinite(duplicateDistanceMetres) || duplicateDistanceMetres < 0) {
            throw new IllegalArgumentException("duplicateDistanceMetres must be a non-negative number, got "
                    + duplicateDistanceMetres);
        }
        if (duplicateWindow == null || duplicateWindow.isNegative()) {
            throw new IllegalArgumentException("duplicateWindow must not be negative, got " + duplicateWindow);
        }
    }

    public static IntakeSettings loadDefault() {
        return load(AssetLocator.resolve(DEFAULT_ASSET));
    }

    public static IntakeSettings load(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read " + file.toAbsolutePath(), e);
        }
        double metres = number(root, "duplicateDistanceMetres", name);
        double minutes = number(root, "duplicateWindowMinutes", name);
        return new IntakeSettings(metres, Duration.ofSeconds(Math.round(minutes * 60)));
    }

    private static double number(JsonNode root, String field, String file) {
        JsonNode v = root == null ? null : root.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
            throw new IllegalArgumentException(file + ": \"" + field + "\" must be a non-negative number");
        }
        return v.asDouble();
    }
}
