package org.gridcommand.cases;

import java.time.Instant;
import java.util.List;
import org.gridcommand.geo.Datum;

/**
 * A report as a channel sends it, before validation: the one input of {@link IntakeService}. Nothing is
 * checked here, so that a bad report can reach the validator and be refused field by field.
 *
 * @param reportId    the channel's own key for the report; a second submit with it returns the first case
 * @param lon         longitude in {@code datum}; null when missing, NaN when the channel could not parse it
 * @param datum       the datum of lon/lat; null means WGS-84
 * @param reportedBy  who or what sent it (worker id, hotline, sensor or camera id)
 * @param priority    null: the category's default priority
 * @param reportedAt  null: the time of receipt
 * @param receivedVia how it reached the centre, for the trail (e.g. the field feed's topic and message id); null for
 *                    a report typed in at a seat. Not kept on the case: the REPORT line of its trail says it.
 */
public record CaseReport(Channel channel, String reportId, String categoryCode, Double lon, Double lat, Datum datum,
                         String address, String reporterName, String reporterContact, String reportedBy,
                         String description, List<Attachment> attachments, Priority priority,
                         EmergencyClass eventClass, EmergencyLevel level, Instant reportedAt, String receivedVia) {
    public CaseReport {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().channel(channel).reportId(reportId).categoryCode(categoryCode).lon(lon).lat(lat)
                .datum(datum).address(address).reporterName(reporterName).reporterContact(reporterContact)
                .reportedBy(reportedBy).description(description).attachments(attachments).priority(priority)
                .eventClass(eventClass).level(level).reportedAt(reportedAt).receivedVia(receivedVia);
    }

    public static final class Builder {
        private Channel channel;
        private String reportId;
        private String categoryCode;
        private Double lon;
        private Double lat;
        private Datum datum;
        private String address;
        private String reporterName;
        private String reporterContact;
        private String reportedBy;
        private String description;
        private List<Attachment> attachments = List.of();
        private Priority priority;
        private EmergencyClass eventClass;
        private EmergencyLevel level;
        private Instant reportedAt;
        private String receivedVia;

        private Builder() {
        }

        public Builder channel(Channel v) { channel = v; return this; }
        public Builder reportId(String v) { reportId = v; return this; }
        public Builder categoryCode(String v) { categoryCode = v; return this; }
        public Builder lon(Double v) { lon = v; return this; }
        public Builder lat(Double v) { lat = v; return this; }
        public Builder datum(Datum v) { datum = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder reporterName(String v) { reporterName = v; return this; }
        public Builder reporterContact(String v) { reporterContact = v; return this; }
        public Builder reportedBy(String v) { reportedBy = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder attachments(List<Attachment> v) { attachments = v; return this; }
        public Builder priority(Priority v) { priority = v; return this; }
        public Builder eventClass(EmergencyClass v) { eventClass = v; return this; }
        public Builder level(EmergencyLevel v) { level = v; return this; }
        public Builder reportedAt(Instant v) { reportedAt = v; return this; }
        public Builder receivedVia(String v) { receivedVia = v; return this; }

        /** Sets lon/lat in one go. */
        public Builder at(double lonValue, double latValue, Datum datumValue) {
            lon = lonValue;
            lat = latValue;
            datum = datumValue;
            return this;
        }

        public CaseReport build() {
            return new CaseReport(channel, reportId, categoryCode, lon, lat, datum, address, reporterName,
                    reporterContact, reportedBy, description, attachments, priority, eventClass, level, reportedAt,
                    receivedVia);
        }
    }
}
