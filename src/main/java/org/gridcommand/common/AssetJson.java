package org.gridcommand.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Arrays;

/**
 * Reading helpers for the data files under assets/ (SLA limits, calendars, statistics settings). Every message
 * starts with the file name and the entry, so whoever edits the data (not a programmer) can find the line to fix.
 */
public final class AssetJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AssetJson() {
    }

    /**
     * The JSON of a file a person writes (a layout, a scenario): a missing or unreadable file, or bad JSON with its
     * line and column, is one message starting with the file.
     */
    public static JsonNode readTree(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(name + (at == null ? "" : " line " + at.getLineNr() + " column "
                    + at.getColumnNr()) + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    public static JsonNode readObject(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read " + file.toAbsolutePath(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ": expected a JSON object at the top");
        }
        return root;
    }

    public static JsonNode array(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(where + "missing the \"" + field + "\" array");
        }
        return v;
    }

    public static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException(where + "missing the \"" + field + "\" object");
        }
        return v;
    }

    public static String text(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "missing or empty \"" + field + "\"");
        }
        return v.asText().trim();
    }

    public static String optionalText(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().trim();
    }

    public static double number(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(where + "\"" + field + "\" must be a number");
        }
        return v.asDouble();
    }

    public static <E extends Enum<E>> E enumValue(JsonNode node, Class<E> type, String where) {
        String text = node == null || !node.isTextual() ? String.valueOf(node) : node.asText().trim();
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "unknown value \"" + text + "\" (expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }
}
