package org.gridcommand.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.gridcommand.common.AssetLocator;

/** How long GPS fixes are kept ({@code assets/feed/retention.json}), and applying it to a store. */
public record RetentionPolicy(Duration gpsFixes) {
    public static final String FILE = "feed/retention.json";
    private static final int MAX_DAYS = 36_500;

    public RetentionPolicy {
        Objects.requireNonNull(gpsFixes, "gpsFixes");
        if (gpsFixes.toDays() < 1 || gpsFixes.toDays() > MAX_DAYS) {
            throw new IllegalArgumentException("GPS fixes must be kept 1 to " + MAX_DAYS + " days, got "
                    + gpsFixes.toDays());
        }
    }

    public static RetentionPolicy loadDefault() {
        return load(AssetLocator.resolve(FILE));
    }

    /** IllegalArgumentException naming the file and the field when it is wrong. */
    public static RetentionPolicy load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
        JsonNode days = root == null ? null : root.get("gpsDays");
        if (days == null || !days.canConvertToInt()) {
            throw new IllegalArgumentException(file.getFileName() + ": gpsDays must be a whole number of days");
        }
        try {
            return new RetentionPolicy(Duration.ofDays(days.asInt()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": gpsDays: " + e.getMessage(), e);
        }
    }

    /** Deletes what is older than the policy allows at {@code now}; returns how many fixes went. */
    public long apply(FeedStore store, Instant now) {
        return store.deleteFixesBefore(now.minus(gpsFixes));
    }
}
