package org.gridcommand.feed;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridcommand.common.AssetLocator;

/**
 * The JSON Schemas of the field messages (draft 2020-12, {@code assets/feed/schemas/<kind>.schema.json}),
 * loaded and compiled once. Thread-safe: validation keeps no state between calls.
 */
public final class FeedSchemas {
    public static final String DIR = "feed/schemas";

    private final Map<FeedTopic.Kind, Schema> schemas;

    private FeedSchemas(Map<FeedTopic.Kind, Schema> schemas) {
        this.schemas = schemas;
    }

    /** The shipped schemas, from the assets folder. */
    public static FeedSchemas load() {
        return load(AssetLocator.resolve(DIR));
    }

    /** One {@code <kind>.schema.json} per message kind in {@code dir}; a missing or broken one is an error naming it. */
    public static FeedSchemas load(Path dir) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<FeedTopic.Kind, Schema> map = new EnumMap<>(FeedTopic.Kind.class);
        for (FeedTopic.Kind kind : FeedTopic.Kind.values()) {
            Path file = fileOf(dir, kind);
            try (InputStream in = Files.newInputStream(file)) {
                Schema schema = registry.getSchema(in, InputFormat.JSON);
                schema.initializeValidators();
                map.put(kind, schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + kind.level() + " schema " + file.toAbsolutePath(), e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + ": not a usable JSON Schema: " + e.getMessage(), e);
            }
        }
        return new FeedSchemas(map);
    }

    public static Path fileOf(Path dir, FeedTopic.Kind kind) {
        return dir.resolve(kind.level() + ".schema.json");
    }

    /** The violations of {@code kind}'s schema, each "where: what" (where is a JSON pointer); empty when valid. */
    public List<String> violations(FeedTopic.Kind kind, JsonNode message) {
        List<Error> errors = schemas.get(kind).validate(message);
        return errors.stream().map(FeedSchemas::describe).toList();
    }

    /** "/lat: string found, number expected"; a pattern names the value it refused. */
    private static String describe(Error e) {
        String where = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        if (where.isEmpty() || "$".equals(where)) {
            where = "/";
        } else if (where.startsWith("$.")) {
            where = "/" + where.substring(2).replace('.', '/');
        }
        String message = e.getMessage() == null ? String.valueOf(e) : e.getMessage();
        if ("pattern".equals(e.getKeyword()) && e.getInstanceNode() != null && e.getInstanceNode().isTextual()) {
            String value = e.getInstanceNode().asText();
            message = "'" + FeedTopic.shorten(value) + "' " + message;
        }
        return message.startsWith(where) ? message : where + ": " + message;
    }
}
