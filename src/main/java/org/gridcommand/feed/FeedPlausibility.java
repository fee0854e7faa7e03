package org.gridcommand.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.gridcommand.common.AssetJson;
import org.gridcommand.common.AssetLocator;

/**
 * How old and how far ahead of its receipt each kind of field message may be dated
 * ({@code assets/feed/plausibility.json}). A report dated 1900 would otherwise sit at the top of the queue
 * "overdue by 46,361 days", and a duty status dated year 1 would set a worker off duty; a clock far ahead
 * would keep a worker's position frozen on a fix from the future.
 */
public final class FeedPlausibility {
    public static final String FILE = "feed/plausibility.json";
    /**
     * No window may be longer. Even this lets through what the store cannot hold (a fix before 1970: it keys fixes by
     * epoch milliseconds); the ingest then quarantines that one message as STORE_REFUSED and stores the rest.
     */
    static final Duration LONGEST = Duration.ofDays(36_500);

    /** The window of one message kind: {@code at} must lie in [receipt − maxAge, receipt + maxAhead]. */
    public record Window(Duration maxAge, Duration maxAhead) {
        public Window {
            Objects.requireNonNull(maxAge, "maxAge");
            Objects.requireNonNull(maxAhead, "maxAhead");
            if (maxAge.isNegative() || maxAhead.isNegative() || maxAge.compareTo(LONGEST) > 0
                    || maxAhead.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("a window must be 0 to " + LONGEST.toDays() + " days, got maxAge "
                        + maxAge + ", maxAhead " + maxAhead);
            }
        }

        public Instant earliest(Instant receivedAt) {
            return receivedAt.minus(maxAge);
        }

        public Instant latest(Instant receivedAt) {
            return receivedAt.plus(maxAhead);
        }
    }

    private final Map<FeedTopic.Kind, Window> windows;

    public FeedPlausibility(Map<FeedTopic.Kind, Window> windows) {
        EnumMap<FeedTopic.Kind, Window> copy = new EnumMap<>(FeedTopic.Kind.class);
        copy.putAll(windows);
        for (FeedTopic.Kind kind : FeedTopic.Kind.values()) {
            if (!copy.containsKey(kind)) {
                throw new IllegalArgumentException("no time window for " + kind.level() + " messages");
            }
        }
        this.windows = copy;
    }

    /** The same window for every kind (tests, and a district that wants one rule). */
    public static FeedPlausibility uniform(Duration maxAge, Duration maxAhead) {
        Map<FeedTopic.Kind, Window> all = new EnumMap<>(FeedTopic.Kind.class);
        for (FeedTopic.Kind kind : FeedTopic.Kind.values()) {
            all.put(kind, new Window(maxAge, maxAhead));
        }
        return new FeedPlausibility(all);
    }

    public static FeedPlausibility loadDefault() {
        return load(AssetLocator.resolve(FILE));
    }

    /** IllegalArgumentException naming the file and the entry when it is wrong. */
    public static FeedPlausibility load(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode messages = AssetJson.object(AssetJson.readObject(file), "messages", name + ": ");
        Map<FeedTopic.Kind, Window> all = new EnumMap<>(FeedTopic.Kind.class);
        for (FeedTopic.Kind kind : FeedTopic.Kind.values()) {
            String where = name + ": messages." + kind.level() + ": ";
            JsonNode entry = AssetJson.object(messages, kind.level(), name + ": messages: ");
            try {
                all.put(kind, new Window(duration(entry, "maxAge", where), duration(entry, "maxAhead", where)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith(name) ? e.getMessage()
                        : where + e.getMessage(), e);
            }
        }
        return new FeedPlausibility(all);
    }

    public Window window(FeedTopic.Kind kind) {
        return windows.get(Objects.requireNonNull(kind, "kind"));
    }

    private static Duration duration(JsonNode entry, String field, String where) {
        String text = AssetJson.text(entry, field, where);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + field + " '" + text
                    + "' is not an ISO-8601 duration (PT2M, PT12H, P7D)", e);
        }
    }
}
