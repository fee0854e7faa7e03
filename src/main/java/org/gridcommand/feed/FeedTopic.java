package org.gridcommand.feed;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An MQTT topic of the field protocol: {@code gc/v1/<districtCode>/<kind>/<senderId>}, kind one of
 * {@code report}, {@code gps}, {@code status} (sender: a grid worker) or {@code alarm} (sender: a sensor).
 * See {@code docs/field-protocol.md}.
 */
public record FeedTopic(String districtCode, Kind kind, String senderId) {
    public static final String PREFIX = "gc/v1/";
    private static final Pattern DISTRICT = Pattern.compile("[0-9]{6,12}");
    private static final Pattern SENDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The message kinds; {@code level} is the topic level, also the schema's file name. */
    public enum Kind {
        REPORT("report", "workerId"), GPS("gps", "workerId"), TRACK("track", "workerId"), STATUS("status", "workerId"),
        ALARM("alarm", "sensorId");

        private final String level;
        private final String senderField;

        Kind(String level, String senderField) {
            this.level = level;
            this.senderField = senderField;
        }

        public String level() {
            return level;
        }

        /** The payload field that must repeat the topic's sender id. */
        public String senderField() {
            return senderField;
        }

        public boolean fromWorker() {
            return this != ALARM;
        }

        static Optional<Kind> ofLevel(String level) {
            for (Kind k : values()) {
                if (k.level.equals(level)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public FeedTopic {
        Objects.requireNonNull(kind, "kind");
        if (districtCode == null || !DISTRICT.matcher(districtCode).matches()) {
            throw new IllegalArgumentException("district code must be 6 to 12 digits, got " + districtCode);
        }
        if (senderId == null || !SENDER.matcher(senderId).matches()) {
            throw new IllegalArgumentException("sender id must be 1 to 64 letters, digits, '_', '.' or '-', got " + senderId);
        }
    }

    public static FeedTopic of(String districtCode, Kind kind, String senderId) {
        return new FeedTopic(districtCode, kind, senderId);
    }

    /** The topic string to publish on. */
    public String topic() {
        return PREFIX + districtCode + "/" + kind.level + "/" + senderId;
    }

    /** The subscription filter for one district's messages of every kind: {@code gc/v1/<district>/+/+}. */
    public static String subscription(String districtCode) {
        return PREFIX + districtCode + "/+/+";
    }

    /**
     * Reads a topic for {@code expectedDistrict}; the error text says what is wrong (for the quarantine detail).
     */
    static Parsed parse(String topic, String expectedDistrict) {
        if (topic == null || topic.isEmpty()) {
            return Parsed.error("no topic");
        }
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !"gc".equals(levels[0])) {
            return Parsed.error("'" + shorten(topic) + "' is not a field-protocol topic (gc/v1/<district>/<kind>/<id>)");
        }
        if (!"v1".equals(levels[1])) {
            return Parsed.error("protocol version '" + shorten(levels[1]) + "' in '" + shorten(topic)
                    + "' is not one this console reads (v1)");
        }
        if (!levels[2].equals(expectedDistrict)) {
            return Parsed.error("district '" + shorten(levels[2]) + "' in '" + shorten(topic) + "' is not this console's ("
                    + expectedDistrict + ")");
        }
        Optional<Kind> kind = Kind.ofLevel(levels[3]);
        if (kind.isEmpty()) {
            return Parsed.error("message kind '" + shorten(levels[3]) + "' in '" + shorten(topic)
                    + "' is not one of report, gps, status, alarm");
        }
        if (!SENDER.matcher(levels[4]).matches()) {
            return Parsed.error("sender id '" + shorten(levels[4]) + "' in '" + shorten(topic)
                    + "' is not a worker or sensor id (1 to 64 letters, digits, '_', '.', '-')");
        }
        return new Parsed(new FeedTopic(levels[2], kind.get(), levels[4]), null);
    }

    static String shorten(String s) {
        String t = s.length() > 80 ? s.substring(0, 77) + "…" : s;
        StringBuilder b = new StringBuilder(t.length());
        t.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    record Parsed(FeedTopic topic, String error) {
        static Parsed error(String text) {
            return new Parsed(null, text);
        }
    }
}
