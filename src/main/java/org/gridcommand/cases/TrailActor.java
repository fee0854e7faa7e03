package org.gridcommand.cases;

import org.gridcommand.common.Messages;

/**
 * Who wrote a trail line, in words for a screen or a report: an officer with their role, or a worker, a sensor, the
 * hotline, video analytics or the system named as such, so a reader never takes a device's report for an officer's
 * decision.
 */
public final class TrailActor {
    private TrailActor() {
    }

    public static String label(CaseEvent e, Messages text) {
        if (e.role() != null) {
            return text.format("detail.operator", e.operatorName(), text.get("role." + e.role().name()));
        }
        if (e.actorKind() == null) {
            return e.operatorName(); // a line written before the actor's kind was recorded
        }
        String kind = text.get("actor." + e.actorKind().name());
        if (e.actorKind() == org.gridcommand.duty.ActorKind.SYSTEM && "system".equals(e.operatorName())) {
            return kind; // the program's own line: "系统", not "system（系统）"
        }
        return text.format("detail.operator", e.operatorName(), kind);
    }
}
