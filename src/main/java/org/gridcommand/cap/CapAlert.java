package org.gridcommand.cap;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gridcommand.geo.GeoPoint;

/**
 * A CAP 1.2 alert message (OASIS Common Alerting Protocol), as far as the console fills it: the alert
 * block, one info block per language, each with its areas. The constructors enforce the rules the schema
 * alone does not: identifier and sender characters, whole-second {@code sent}, a restriction for Restricted
 * scope, closed polygons of at least four points.
 */
public record CapAlert(String identifier, String sender, OffsetDateTime sent, Status status, MsgType msgType,
                       Scope scope, String restriction, String incidents, List<Info> infos) {
    /** CAP 1.2: identifier and sender "MUST NOT include spaces, commas or restricted characters (< and &)". */
    private static final Pattern TOKEN = Pattern.compile("[^\\s,<>&]+");

    public enum Status {
        ACTUAL("Actual"), EXERCISE("Exercise"), SYSTEM("System"), TEST("Test"), DRAFT("Draft");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public enum MsgType {
        ALERT("Alert"), UPDATE("Update"), CANCEL("Cancel"), ACK("Ack"), ERROR("Error");

        private final String value;

        MsgType(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public enum Scope {
        PUBLIC("Public"), RESTRICTED("Restricted"), PRIVATE("Private");

        private final String value;

        Scope(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public enum Category {
        GEO("Geo"), MET("Met"), SAFETY("Safety"), SECURITY("Security"), RESCUE("Rescue"), FIRE("Fire"),
        HEALTH("Health"), ENV("Env"), TRANSPORT("Transport"), INFRA("Infra"), CBRNE("CBRNE"), OTHER("Other");

        private final String value;

        Category(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        /** The category for its CAP spelling ("Fire"), or IllegalArgumentException listing the valid ones. */
        public static Category fromValue(String text) {
            for (Category c : values()) {
                if (c.value.equals(text)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("not a CAP category: \"" + text + "\" (expected one of "
                    + "Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other)");
        }
    }

    public enum Urgency {
        IMMEDIATE("Immediate"), EXPECTED("Expected"), FUTURE("Future"), PAST("Past"), UNKNOWN("Unknown");

        private final String value;

        Urgency(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public enum Severity {
        EXTREME("Extreme"), SEVERE("Severe"), MODERATE("Moderate"), MINOR("Minor"), UNKNOWN("Unknown");

        private final String value;

        Severity(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public enum Certainty {
        OBSERVED("Observed"), LIKELY("Likely"), POSSIBLE("Possible"), UNLIKELY("Unlikely"), UNKNOWN("Unknown");

        private final String value;

        Certainty(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** A circle: centre (WGS-84) and radius in kilometres; radius 0 marks a point. */
    public record Circle(GeoPoint centre, double radiusKm) {
        public Circle {
            Objects.requireNonNull(centre, "centre");
            if (!Double.isFinite(radiusKm) || radiusKm < 0) {
                throw new IllegalArgumentException("circle radius must be 0 km or more: " + radiusKm);
            }
        }
    }

    /** An area: its description and shapes; each polygon ring is closed (first point = last) with ≥ 4 points. */
    public record Area(String areaDesc, List<List<GeoPoint>> polygons, List<Circle> circles) {
        public Area {
            requireText(areaDesc, "areaDesc");
            polygons = polygons == null ? List.of() : polygons.stream().map(List::copyOf).toList();
            circles = circles == null ? List.of() : List.copyOf(circles);
            for (List<GeoPoint> ring : polygons) {
                if (ring.size() < 4) {
                    throw new IllegalArgumentException("a CAP polygon needs at least 4 points (first = last), got "
                            + ring.size());
                }
                if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                    throw new IllegalArgumentException("a CAP polygon must be closed: its first point must equal its last");
                }
            }
        }
    }

    public record Info(String language, List<Category> categories, String event, Urgency urgency, Severity severity,
                       Certainty certainty, String senderName, String headline, String description, List<Area> areas) {
        public Info {
            requireText(language, "language");
            if (categories == null || categories.isEmpty()) {
                throw new IllegalArgumentException("info needs at least one category");
            }
            categories = List.copyOf(categories);
            requireText(event, "event");
            Objects.requireNonNull(urgency, "urgency");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(certainty, "certainty");
            areas = areas == null ? List.of() : List.copyOf(areas);
        }
    }

    public CapAlert {
        requireToken(identifier, "identifier");
        requireToken(sender, "sender");
        Objects.requireNonNull(sent, "sent");
        if (sent.getNano() != 0) {
            throw new IllegalArgumentException("sent must be whole seconds (CAP allows no fractional seconds): " + sent);
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(msgType, "msgType");
        Objects.requireNonNull(scope, "scope");
        if (scope == Scope.RESTRICTED && (restriction == null || restriction.isBlank())) {
            throw new IllegalArgumentException("scope Restricted needs a restriction saying who may receive the alert");
        }
        infos = infos == null ? List.of() : List.copyOf(infos);
    }

    private static void requireToken(String value, String field) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be non-empty, without spaces, commas, '<', '>' or '&': "
                    + value);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
