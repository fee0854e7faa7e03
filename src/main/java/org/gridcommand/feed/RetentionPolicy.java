package org.gridcommand.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.gridcommand.common.AssetJson;
import org.gridcommand.common.AssetLocator;

/**
 * How long the field feed keeps what it stores ({@code assets/feed/retention.json}), and applying it to a store:
 * GPS fixes, message receipts, and the quarantine by age and by count.
 */
public record RetentionPolicy(Duration gpsFixes, Duration receipts, Duration quarantine, long quarantineMessages) {
    public static final String FILE = "feed/retention.json";
    private static final int MAX_DAYS = 36_500;

    public RetentionPolicy {
        Objects.requireNonNull(gpsFixes, "gpsFixes");
        Objects.requireNonNull(receipts, "receipts");
        Objects.requireNonNull(quarantine, "quarantine");
        for (Duration d : new Duration[] {gpsFixes, receipts, quarantine}) {
            if (d.toDays() < 1 || d.toDays() > MAX_DAYS) {
                throw new IllegalArgumentException("every period must be 1 to " + MAX_DAYS + " days, got " + d.toDays());
            }
        }
        if (quarantineMessages < 1) {
            throw new IllegalArgumentException("the quarantine must keep at least 1 message, got " + quarantineMessages);
        }
    }

    /** GPS fixes for {@code gpsFixes}; the shipped defaults for the rest (30 days, 50,000 quarantined). */
    public RetentionPolicy(Duration gpsFixes) {
        this(gpsFixes, Duration.ofDays(30), Duration.ofDays(30), FeedIngest.Settings.DEFAULT_QUARANTINE_CAP);
    }

    public static RetentionPolicy loadDefault() {
        return load(AssetLocator.resolve(FILE));
    }

    /** IllegalArgumentException naming the file and the field when it is wrong. */
    public static RetentionPolicy load(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode root;
        try {
            root = AssetJson.readObject(file);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(name) ? e.getMessage()
                    : name + ": cannot be read: " + e.getMessage(), e);
        }
        RetentionPolicy defaults = new RetentionPolicy(Duration.ofDays(1));
        return new RetentionPolicy(days(root, "gpsDays", name, null),
                days(root, "receiptDays", name, defaults.receipts()),
                days(root, "quarantineDays", name, defaults.quarantine()),
                whole(root, "quarantineMessages", name, defaults.quarantineMessages(), 1, Long.MAX_VALUE));
    }

    /** Deletes what is older than the policy allows at {@code now}; returns how many GPS fixes went. */
    public long apply(FeedStore store, Instant now) {
        long fixes = store.deleteFixesBefore(now.minus(gpsFixes));
        store.deleteReceiptsBefore(now.minus(receipts));
        store.trimQuarantine(quarantineMessages, now.minus(quarantine));
        return fixes;
    }

    /** A number of days, 1 to 36,500; {@code fallback} when the field is missing (null: required). */
    private static Duration days(JsonNode root, String field, String name, Duration fallback) {
        Long fallbackDays = fallback == null ? null : fallback.toDays();
        return Duration.ofDays(whole(root, field, name, fallbackDays, 1, MAX_DAYS));
    }

    private static long whole(JsonNode root, String field, String name, Long fallback, long min, long max) {
        JsonNode v = root.get(field);
        if (v == null && fallback != null) {
            return fallback;
        }
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(name + ": " + field + " must be a whole number"
                    + (field.endsWith("Days") ? " of days" : ""));
        }
        long value = v.asLong();
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + field + " must be " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
