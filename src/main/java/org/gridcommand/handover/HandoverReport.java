package org.gridcommand.handover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.BilingualName;
import org.gridcommand.feed.track.ShiftWindow;
import org.gridcommand.sla.SlaStage;
import org.gridcommand.sla.SlaState;

/**
 * What the outgoing shift hands over (交接班): the open cases with their SLA state (overdue first), required plan
 * steps still open, cameras that lost their signal, on-duty workers outside their grid or not seen, and the
 * shift's notable events. {@link #text()} is the canonical, language-neutral content that is stored with the
 * acknowledgement; {@link #digest()} is its SHA-256, so a stored acknowledgement proves what was read.
 *
 * @param handedOverBy the officer who held the seat during the shift, or null when the trail does not say
 */
public record HandoverReport(ShiftWindow shift, Instant preparedAt, String handedOverBy, List<OpenCase> openCases,
                             List<OpenStep> openSteps, List<OfflineCamera> offlineCameras, List<WorkerAway> workers,
                             List<NotableEvent> events) {
    public HandoverReport {
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(preparedAt, "preparedAt");
        openCases = List.copyOf(openCases);
        openSteps = List.copyOf(openSteps);
        offlineCameras = List.copyOf(offlineCameras);
        workers = List.copyOf(workers);
        events = List.copyOf(events);
    }

    /** An open case; stage/sla/due are null when no SLA stage runs (e.g. suspended). */
    public record OpenCase(String caseId, String categoryCode, BilingualName categoryName, Priority priority,
                           CaseState state, SlaStage stage, SlaState sla, Instant due, String address) {
        public boolean overdue() {
            return sla == SlaState.OVERDUE;
        }
    }

    /** A required step of a running plan that is not done yet. */
    public record OpenStep(String caseId, BilingualName planName, String number, BilingualName title, Instant dueAt,
                           boolean overdue) {
    }

    /** A camera whose signal is lost, since when. */
    public record OfflineCamera(String cameraId, BilingualName name, Instant lostSince) {
    }

    public enum Whereabouts {
        /** The last fix lies in another small grid than the worker's own. */
        OFF_GRID,
        /** The last fix lies outside the district. */
        OUTSIDE_DISTRICT,
        /** No fix, or none recent enough (see HandoverSettings.workerNotSeenAfter). */
        NOT_SEEN
    }

    /** An on-duty worker who is not where the roster puts them; lastSeen is null when never seen. */
    public record WorkerAway(String workerId, BilingualName name, String ownGrid, Whereabouts whereabouts,
                             String seenInGrid, Instant lastSeen) {
    }

    /** A line of a case's trail worth telling the next shift (REPORT stands for an urgent case reported). */
    public record NotableEvent(Instant at, String caseId, CaseAction action, String operatorName, String note) {
    }

    public long overdueCases() {
        return openCases.stream().filter(OpenCase::overdue).count();
    }

    /** The report's content as stored with its acknowledgement: one line per item, instants in UTC ISO form. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("handover shift=").append(shift.shift().code()).append(" from=").append(shift.from())
                .append(" to=").append(shift.to()).append(" prepared=").append(preparedAt)
                .append(" by=").append(handedOverBy == null ? "-" : handedOverBy).append('\n');
        b.append("open cases ").append(openCases.size()).append('\n');
        for (OpenCase c : openCases) {
            b.append("case ").append(c.caseId()).append(' ').append(c.categoryCode()).append(' ').append(c.priority())
                    .append(' ').append(c.state()).append(' ').append(c.stage() == null ? "-" : c.stage())
                    .append(' ').append(c.sla() == null ? "-" : c.sla()).append(" due=")
                    .append(c.due() == null ? "-" : c.due()).append('\n');
        }
        b.append("open plan steps ").append(openSteps.size()).append('\n');
        for (OpenStep s : openSteps) {
            b.append("step ").append(s.caseId()).append(' ').append(s.number()).append(' ').append(s.title().zh())
                    .append(" due=").append(s.dueAt() == null ? "-" : s.dueAt())
                    .append(s.overdue() ? " OVERDUE" : "").append('\n');
        }
        b.append("offline cameras ").append(offlineCameras.size()).append('\n');
        for (OfflineCamera c : offlineCameras) {
            b.append("camera ").append(c.cameraId()).append(" lost=").append(c.lostSince()).append('\n');
        }
        b.append("workers away ").append(workers.size()).append('\n');
        for (WorkerAway w : workers) {
            b.append("worker ").append(w.workerId()).append(' ').append(w.whereabouts()).append(" own=")
                    .append(w.ownGrid()).append(" seenIn=").append(w.seenInGrid() == null ? "-" : w.seenInGrid())
                    .append(" lastSeen=").append(w.lastSeen() == null ? "-" : w.lastSeen()).append('\n');
        }
        b.append("notable events ").append(events.size()).append('\n');
        for (NotableEvent e : events) {
            b.append("event ").append(e.at()).append(' ').append(e.caseId()).append(' ').append(e.action())
                    .append(' ').append(e.operatorName()).append('\n');
        }
        return b.toString();
    }

    /** SHA-256 of {@link #text()} (UTF-8), lower-case hex. */
    public String digest() {
        return sha256(text());
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
