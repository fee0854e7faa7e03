package org.gridcommand.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.gridcommand.cases.Case;
import org.gridcommand.sla.SlaStage;

/**
 * One thing that needs the officer, about one case.
 *
 * <p>The key names the condition, not the moment it was seen, so the same condition found again after a reload or
 * a restart is the same alarm (and an acknowledgement of it still holds), while a new condition on the same case
 * is a new alarm: "U:&lt;case&gt;" for an urgent case not yet accepted; "O:&lt;case&gt;:&lt;stage&gt;:&lt;due&gt;"
 * and "N:…" for a stage overdue or near due (a moved due time, e.g. an approved extension, raises a new one).
 *
 * @param stage   the SLA stage concerned (ACCEPT for an unaccepted urgent case); null when the case has no SLA
 * @param due     that stage's due time, or null without an SLA
 * @param overrun how far past due (zero when not overdue)
 */
public record Alarm(String key, AlarmKind kind, Case aCase, SlaStage stage, Instant due, Duration overrun) {
    public Alarm {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(aCase, "aCase");
        overrun = overrun == null ? Duration.ZERO : overrun;
    }

    public String caseId() {
        return aCase.id();
    }

    /** The key of this kind of alarm on this case, stage and due time (see the class comment). */
    public static String keyOf(AlarmKind kind, String caseId, SlaStage stage, Instant due) {
        return switch (kind) {
            case URGENT_UNACCEPTED -> "U:" + caseId;
            case OVERDUE -> "O:" + caseId + ":" + stage + ":" + (due == null ? "" : due.getEpochSecond());
            case NEAR_DUE -> "N:" + caseId + ":" + stage + ":" + (due == null ? "" : due.getEpochSecond());
        };
    }

    /** The case id inside a key (what the store keeps beside the key). */
    public static String caseIdOf(String key) {
        int first = key.indexOf(':');
        int second = key.indexOf(':', first + 1);
        return second < 0 ? key.substring(first + 1) : key.substring(first + 1, second);
    }
}
