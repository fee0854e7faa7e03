package org.gridcommand.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the entry array of a dictionary file under assets/, with errors that name the file. */
public final class JsonDictionaryFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonDictionaryFile() {
    }

    /** The array under {@code arrayName}; bad JSON or a missing array is an IllegalArgumentException. */
    public static JsonNode entries(Path file, String arrayName) {
        String name = String.valueOf(file.getFileName());
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read " + file.toAbsolutePath(), e);
        }
        if (root == null || !root.path(arrayName).isArray()) {
            throw new IllegalArgumentException(name + ": missing the \"" + arrayName + "\" array");
        }
        return root.get(arrayName);
    }
}
