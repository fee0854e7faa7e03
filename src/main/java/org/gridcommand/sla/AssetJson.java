package org.gridcommand.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading helpers for the SLA and calendar files. Every message starts with the file name and the entry, so
 * whoever edits the data (not a programmer) can find the line to fix.
 */
final class AssetJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AssetJson() {
    }

    static JsonNode readObject(Path file) {
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

    static JsonNode array(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(where + "missing the \"" + field + "\" array");
        }
        return v;
    }

    static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException(where + "missing the \"" + field + "\" object");
        }
        return v;
    }

    static String text(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "missing or empty \"" + field + "\"");
        }
        return v.asText().trim();
    }

    static String optionalText(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().trim();
    }
}
