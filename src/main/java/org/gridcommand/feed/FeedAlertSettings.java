package org.gridcommand.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.gridcommand.common.AssetJson;
import org.gridcommand.common.AssetLocator;

/**
 * When the feed's trouble becomes an alert for the officer ({@code assets/feed/health.json}): messages waiting
 * unacknowledged longer than {@code unacknowledgedAlert}; the tone repeats every {@code repeat} until it clears.
 */
public record FeedAlertSettings(Duration unacknowledgedAlert, Duration repeat) {
    public static final String FILE = "feed/health.json";

    public FeedAlertSettings {
        Objects.requireNonNull(unacknowledgedAlert, "unacknowledgedAlert");
        Objects.requireNonNull(repeat, "repeat");
        if (unacknowledgedAlert.isNegative() || unacknowledgedAlert.isZero() || repeat.isNegative() || repeat.isZero()) {
            throw new IllegalArgumentException("the alert limit and the repeat must be positive");
        }
    }

    public static FeedAlertSettings loadDefault() {
        return load(AssetLocator.resolve(FILE));
    }

    /** IllegalArgumentException naming the file and the field when it is wrong. */
    public static FeedAlertSettings load(Path file) {
        String where = file.getFileName() + ": ";
        JsonNode root = AssetJson.readObject(file);
        double limit = AssetJson.number(root, "unacknowledgedAlertSeconds", where);
        double repeat = AssetJson.number(root, "repeatSeconds", where);
        if (!(limit >= 1 && limit <= 3_600) || !(repeat >= 5 && repeat <= 3_600)) {
            throw new IllegalArgumentException(where + "unacknowledgedAlertSeconds must be 1 to 3600 and repeatSeconds"
                    + " 5 to 3600, got " + limit + " and " + repeat);
        }
        return new FeedAlertSettings(Duration.ofMillis(Math.round(limit * 1000)), Duration.ofMillis(Math.round(repeat * 1000)));
    }
}
