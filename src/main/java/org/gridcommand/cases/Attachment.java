package org.gridcommand.cases;

import java.util.Objects;

/**
 * A photo or file sent with a report. The case keeps its description and digest; the bytes live in the
 * attachment store, addressed by sha256 so a resent photo is stored once.
 */
public record Attachment(String name, String mediaType, long sizeBytes, String sha256) {
    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("attachment size must not be negative: " + sizeBytes);
        }
    }
}
