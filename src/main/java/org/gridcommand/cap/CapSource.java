package org.gridcommand.cap;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.geo.GeoPoint;

/**
 * What a CAP export needs of a case, as plain values, so the exporter does not follow every change of the
 * Case record; an adapter maps a case to this. Positions are WGS-84 {@link GeoPoint}s (longitude first in
 * code; the exporter writes CAP's latitude-first text). The area is the polygon ring when one is given,
 * otherwise a circle of radiusKm around location (radius null or 0: the point itself). eventEn and
 * descriptionEn, when present, add an en-US info block after the zh-CN one. eventClass and level are null
 * for cases that are not graded emergencies.
 */
public record CapSource(String id, Instant sent, ZoneId zone, CapAlert.Status status, CapAlert.Scope scope,
                        String restriction, String categoryCode, String eventZh, String eventEn, Priority priority,
                        EmergencyClass eventClass, EmergencyLevel level, Channel channel, String address,
                        String description, String descriptionEn, GeoPoint location, Double radiusKm,
                        List<GeoPoint> polygon) {
    public CapSource {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        if (!id.matches("[^\\s,<>&]+")) {
            throw new IllegalArgumentException("id must not contain spaces, commas, '<', '>' or '&': " + id);
        }
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scope, "scope");
        if (categoryCode == null || categoryCode.isBlank()) {
            throw new IllegalArgumentException("categoryCode is required");
        }
        if (eventZh == null || eventZh.isBlank()) {
            throw new IllegalArgumentException("eventZh is required");
        }
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
        polygon = polygon == null ? List.of() : List.copyOf(polygon);
        if (location == null && polygon.isEmpty()) {
            throw new IllegalArgumentException("location or polygon is required: a CAP area needs a shape");
        }
        if (radiusKm != null && (!Double.isFinite(radiusKm) || radiusKm < 0)) {
            throw new IllegalArgumentException("radiusKm must be 0 or more: " + radiusKm);
        }
    }

    public boolean isDrill() {
        return status == CapAlert.Status.EXERCISE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Staging with the usual defaults: status Actual, scope Public, the district's zone. */
    public static final class Builder {
        private String id;
        private Instant sent;
        private ZoneId zone = DistrictTime.ZONE;
        private CapAlert.Status status = CapAlert.Status.ACTUAL;
        private CapAlert.Scope scope = CapAlert.Scope.PUBLIC;
        private String restriction;
        private String categoryCode;
        private String eventZh;
        private String eventEn;
        private Priority priority;
        private EmergencyClass eventClass;
        private EmergencyLevel level;
        private Channel channel;
        private String address;
        private String description;
        private String descriptionEn;
        private GeoPoint location;
        private Double radiusKm;
        private List<GeoPoint> polygon = List.of();

        private Builder() {
        }

        public Builder id(String v) { id = v; return this; }
        public Builder sent(Instant v) { sent = v; return this; }
        public Builder zone(ZoneId v) { zone = v; return this; }
        public Builder status(CapAlert.Status v) { status = v; return this; }
        /** A drill's alert is an Exercise, never Actual. */
        public Builder drill(boolean v) { status = v ? CapAlert.Status.EXERCISE : CapAlert.Status.ACTUAL; return this; }
        public Builder scope(CapAlert.Scope v) { scope = v; return this; }
        public Builder restricted(String v) { scope = CapAlert.Scope.RESTRICTED; restriction = v; return this; }
        public Builder categoryCode(String v) { categoryCode = v; return this; }
        public Builder event(String zh, String en) { eventZh = zh; eventEn = en; return this; }
        public Builder priority(Priority v) { priority = v; return this; }
        public Builder eventClass(EmergencyClass v) { eventClass = v; return this; }
        public Builder level(EmergencyLevel v) { level = v; return this; }
        public Builder channel(Channel v) { channel = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder description(String zh, String en) { description = zh; descriptionEn = en; return this; }
        public Builder location(GeoPoint v) { location = v; return this; }
        public Builder radiusKm(Double v) { radiusKm = v; return this; }
        public Builder polygon(List<GeoPoint> v) { polygon = v; return this; }

        public CapSource build() {
            return new CapSource(id, sent, zone, status, scope, restriction, categoryCode, eventZh, eventEn, priority,
                    eventClass, level, channel, address, description, descriptionEn, location, radiusKm, polygon);
        }
    }
}
