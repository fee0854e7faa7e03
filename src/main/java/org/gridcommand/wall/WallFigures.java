package org.gridcommand.wall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Priority;
import org.gridcommand.sla.SlaState;
import org.gridcommand.sla.SlaStatus;
import org.gridcommand.sla.SlaView;

/**
 * The wall's key figures for the day, from today's queue (open cases and cases reported today) and each case's
 * SLA view (as the queue computes it). "Closed on time" means every measured stage of the case was met within
 * its limit; the share is of the cases closed since midnight (district time), null when none closed yet.
 */
public record WallFigures(int open, int urgentOpen, int overdue, int nearDue, int newToday, int closedToday,
                          int closedOnTime, Double onTimeShare) {

    public static WallFigures of(Collection<Case> cases, Map<String, SlaView> slaByCase, Instant now, ZoneId zone) {
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        int open = 0;
        int urgent = 0;
        int overdue = 0;
        int nearDue = 0;
        int newToday = 0;
        int closedToday = 0;
        int onTime = 0;
        for (Case c : cases) {
            SlaView sla = slaByCase.get(c.id());
            if (c.isOpen()) {
                open++;
                if (c.priority() == Priority.URGENT) {
                    urgent++;
                }
                SlaState state = sla == null ? null : sla.state().orElse(null);
                if (state == SlaState.OVERDUE) {
                    overdue++;
                } else if (state == SlaState.NEAR_DUE) {
                    nearDue++;
                }
            }
            if (!c.reportedAt().isBefore(midnight) && !c.reportedAt().isAfter(now)) {
                newToday++;
            }
            if (c.state() == CaseState.CLOSED && c.closedAt() != null && !c.closedAt().isBefore(midnight)) {
                closedToday++;
                if (sla != null && sla.stages().values().stream().map(SlaStatus::state)
                        .noneMatch(s -> s == SlaState.MET_LATE || s == SlaState.OVERDUE)) {
                    onTime++;
                }
            }
        }
        return new WallFigures(open, urgent, overdue, nearDue, newToday, closedToday, onTime,
                closedToday == 0 ? null : (double) onTime / closedToday);
    }
}
