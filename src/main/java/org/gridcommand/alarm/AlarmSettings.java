package org.gridcommand.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.gridcommand.common.AssetJson;
import org.gridcommand.common.AssetLocator;

/**
 * The alarm centre's rules, from {@code alarm/alarms.json}: how often the chime repeats while an urgent case
 * waits unacknowledged, and whether near-due stages are on the list at all (a busy centre may want only the
 * overdue ones).
 */
public record AlarmSettings(Duration repeatChime, boolean listNearDue) {
    public static final String DEFAULT_ASSET = "alarm/alarms.json";
    public static final AlarmSettings DEFAULTS = new AlarmSettings(Duration.ofSeconds(20), true);

    public AlarmSettings {
        if (repeatChime == null || repeatChime.isNegative() || repeatChime.isZero()) {
            throw new IllegalArgumentException("the chime's repeat must be a positive time, got " + repeatChime);
        }
    }

    public static AlarmSettings loadDefault() {
        return load(AssetLocator.resolve(DEFAULT_ASSET));
    }

    public static AlarmSettings load(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode root = AssetJson.readObject(file);
        JsonNode seconds = root == null ? null : root.get("repeatChimeSeconds");
        if (seconds == null || !seconds.isNumber() || !(seconds.asDouble() >= 1) || seconds.asDouble() > 3600) {
            throw new IllegalArgumentException(name + ": \"repeatChimeSeconds\" must be a number from 1 to 3600");
        }
        JsonNode nearDue = root.get("listNearDue");
        if (nearDue != null && !nearDue.isBoolean()) {
            throw new IllegalArgumentException(name + ": \"listNearDue\" must be true or false");
        }
        return new AlarmSettings(Duration.ofMillis(Math.round(seconds.asDouble() * 1000)),
                nearDue == null || nearDue.asBoolean());
    }
}
