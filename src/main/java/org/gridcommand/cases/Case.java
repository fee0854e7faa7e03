package org.gridcommand.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.gridcommand.geo.GeoPoint;

/**
 * A case (事件) in the queue.
 *
 * <p>smallGridCode is the grid the point lay in when the case was reported (grids get redrawn; history
 * keeps the grid of its time); it is null when the point lies outside the district, and then
 * outsideDistrict is true and the point is still kept. Stage instants are null until the stage is reached;
 * closedAt is when the case left the queue, so a voided case has both voidedAt and closedAt.
 * suspendedFrom is the state a suspended (挂账) case returns to on resume; stateReason is the reason given
 * for voiding or suspending. reportId is the channel's own key for the report (idempotency), if it has one.
 *
 * <p>number is the case number people read and say (district code, day, sequence: 440402-20261208-0042), given by
 * the store when the case is first stored, unique across the seats of one store; null before that. The id (a ULID)
 * stays the key inside.
 *
 * <p>Use {@link #toBuilder()} or the {@code with…} methods for changed copies.
 */
public record Case(String id, Channel channel, String reportId, String categoryCode, GeoPoint location,
                   String smallGridCode, boolean outsideDistrict, String address,
                   String reportedBy, String reporterName, String reporterContact,
                   String description, List<Attachment> attachments, Priority priority,
                   EmergencyClass eventClass, EmergencyLevel level,
                   CaseState state, String stateReason, CaseState suspendedFrom, Assignee assignee,
                   boolean supervised, boolean escalated, int reworkCount,
                   Instant reportedAt, Instant acceptedAt, Instant dispatchedAt, Instant handlingStartedAt,
                   Instant fedBackAt, Instant verifiedAt, Instant closedAt, Instant voidedAt, Instant suspendedAt,
                   String number) {
    public Case {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reportedAt, "reportedAt");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (reworkCount < 0) {
            throw new IllegalArgumentException("reworkCount must not be negative: " + reworkCount);
        }
    }

    /**
     * The short form the first stores and tests used: no reporter details, attachments, emergency grading,
     * flags or later stage instants. A point without a grid is taken as outside the district.
     */
    public Case(String id, Channel channel, String categoryCode, GeoPoint location, String smallGridCode,
                String address, String description, Priority priority, CaseState state,
                Instant reportedAt, Instant acceptedAt, Instant dispatchedAt, Instant closedAt, String reportedBy) {
        this(id, channel, null, categoryCode, location, smallGridCode, location != null && smallGridCode == null,
                address, reportedBy, null, null, description, List.of(), priority, null, null,
                state, null, null, null, false, false, 0,
                reportedAt, acceptedAt, dispatchedAt, null, null, null, closedAt,
                state == CaseState.VOIDED ? closedAt : null, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Case withState(CaseState newState) {
        return toBuilder().state(newState).build();
    }

    public Case withSupervised(boolean value) {
        return toBuilder().supervised(value).build();
    }

    public Case withEscalated(boolean value) {
        return toBuilder().escalated(value).build();
    }

    public Case withAssignee(Assignee value) {
        return toBuilder().assignee(value).build();
    }

    public Case withPriority(Priority value) {
        return toBuilder().priority(value).build();
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    /** Mutable staging for a Case; build() runs the record's checks. */
    public static final class Builder {
        private String id;
        private Channel channel;
        private String reportId;
        private String categoryCode;
        private GeoPoint location;
        private String smallGridCode;
        private boolean outsideDistrict;
        private String address;
        private String reportedBy;
        private String reporterName;
        private String reporterContact;
        private String description;
        private List<Attachment> attachments = List.of();
        private Priority priority;
        private EmergencyClass eventClass;
        private EmergencyLevel level;
        private CaseState state = CaseState.REPORTED;
        private String stateReason;
        private CaseState suspendedFrom;
        private Assignee assignee;
        private boolean supervised;
        private boolean escalated;
        private int reworkCount;
        private Instant reportedAt;
        private Instant acceptedAt;
        private Instant dispatchedAt;
        private Instant handlingStartedAt;
        private Instant fedBackAt;
        private Instant verifiedAt;
        private Instant closedAt;
        private Instant voidedAt;
        private Instant suspendedAt;
        private String number;

        private Builder() {
        }

        private Builder(Case c) {
            id = c.id;
            channel = c.channel;
            reportId = c.reportId;
            categoryCode = c.categoryCode;
            location = c.location;
            smallGridCode = c.smallGridCode;
            outsideDistrict = c.outsideDistrict;
            address = c.address;
            reportedBy = c.reportedBy;
            reporterName = c.reporterName;
            reporterContact = c.reporterContact;
            description = c.description;
            attachments = c.attachments;
            priority = c.priority;
            eventClass = c.eventClass;
            level = c.level;
            state = c.state;
            stateReason = c.stateReason;
            suspendedFrom = c.suspendedFrom;
            assignee = c.assignee;
            supervised = c.supervised;
            escalated = c.escalated;
            reworkCount = c.reworkCount;
            reportedAt = c.reportedAt;
            acceptedAt = c.acceptedAt;
            dispatchedAt = c.dispatchedAt;
            handlingStartedAt = c.handlingStartedAt;
            fedBackAt = c.fedBackAt;
            verifiedAt = c.verifiedAt;
            closedAt = c.closedAt;
            voidedAt = c.voidedAt;
            suspendedAt = c.suspendedAt;
            number = c.number;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder number(String v) { number = v; return this; }
        public Builder channel(Channel v) { channel = v; return this; }
        public Builder reportId(String v) { reportId = v; return this; }
        public Builder categoryCode(String v) { categoryCode = v; return this; }
        public Builder location(GeoPoint v) { location = v; return this; }
        public Builder smallGridCode(String v) { smallGridCode = v; return this; }
        public Builder outsideDistrict(boolean v) { outsideDistrict = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder reportedBy(String v) { reportedBy = v; return this; }
        public Builder reporterName(String v) { reporterName = v; return this; }
        public Builder reporterContact(String v) { reporterContact = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder attachments(List<Attachment> v) { attachments = v; return this; }
        public Builder priority(Priority v) { priority = v; return this; }
        public Builder eventClass(EmergencyClass v) { eventClass = v; return this; }
        public Builder level(EmergencyLevel v) { level = v; return this; }
        public Builder state(CaseState v) { state = v; return this; }
        public Builder stateReason(String v) { stateReason = v; return this; }
        public Builder suspendedFrom(CaseState v) { suspendedFrom = v; return this; }
        public Builder assignee(Assignee v) { assignee = v; return this; }
        public Builder supervised(boolean v) { supervised = v; return this; }
        public Builder escalated(boolean v) { escalated = v; return this; }
        public Builder reworkCount(int v) { reworkCount = v; return this; }
        public Builder reportedAt(Instant v) { reportedAt = v; return this; }
        public Builder acceptedAt(Instant v) { acceptedAt = v; return this; }
        public Builder dispatchedAt(Instant v) { dispatchedAt = v; return this; }
        public Builder handlingStartedAt(Instant v) { handlingStartedAt = v; return this; }
        public Builder fedBackAt(Instant v) { fedBackAt = v; return this; }
        public Builder verifiedAt(Instant v) { verifiedAt = v; return this; }
        public Builder closedAt(Instant v) { closedAt = v; return this; }
        public Builder voidedAt(Instant v) { voidedAt = v; return this; }
        public Builder suspendedAt(Instant v) { suspendedAt = v; return this; }

        public Case build() {
            return new Case(id, channel, reportId, categoryCode, location, smallGridCode, outsideDistrict, address,
                    reportedBy, reporterName, reporterContact, description, attachments, priority, eventClass, level,
                    state, stateReason, suspendedFrom, assignee, supervised, escalated, reworkCount,
                    reportedAt, acceptedAt, dispatchedAt, handlingStartedAt, fedBackAt, verifiedAt, closedAt,
                    voidedAt, suspendedAt, number);
        }
    }
}
