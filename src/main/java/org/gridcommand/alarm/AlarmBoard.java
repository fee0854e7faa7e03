package org.gridcommand.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Priority;
import org.gridcommand.sla.SlaState;
import org.gridcommand.sla.SlaStatus;
import org.gridcommand.sla.SlaView;

/**
 * The alarm centre's one ordered list, made from the open cases and their SLA as they stand now, so it comes back
 * exactly after a restart: unaccepted urgent cases first (least time left to accept first, then the longest
 * waiting), then overdue stages by how late (the latest first, an urgent case before a normal one equally late),
 * then near-due stages by due time. Plain Java, no clock of its own: the caller passes the SLA as assessed now.
 */
public final class AlarmBoard {
    /** The order above; ties end on the case id, so two seats with the same cases show the same list. */
    public static final Comparator<Alarm> MOST_PRESSING_FIRST = Comparator
            .comparing(Alarm::kind)
            .thenComparing(AlarmBoard::withinKind)
            .thenComparing(Alarm::key);

    private AlarmBoard() {
    }

    /** Every alarm of these cases, most pressing first. */
    public static List<Alarm> alarms(Collection<Case> cases, Function<Case, SlaView> slaOf) {
        List<Alarm> alarms = new ArrayList<>();
        for (Case c : cases) {
            if (!c.isOpen()) {
                continue;
            }
            SlaView view = slaOf.apply(c);
            SlaStatus current = view == null ? null : view.current();
            if (c.priority() == Priority.URGENT && c.state() == CaseState.REPORTED) {
                alarms.add(new Alarm(Alarm.keyOf(AlarmKind.URGENT_UNACCEPTED, c.id(), null, null),
                        AlarmKind.URGENT_UNACCEPTED, c, current == null ? null : current.stage(),
                        current == null ? null : current.due(), current == null ? Duration.ZERO : current.overrun()));
                continue;   // one alarm per urgent unaccepted case: its lateness is said in the same line
            }
            if (current == null) {
                continue;
            }
            if (current.state() == SlaState.OVERDUE) {
                alarms.add(new Alarm(Alarm.keyOf(AlarmKind.OVERDUE, c.id(), current.stage(), current.due()),
                        AlarmKind.OVERDUE, c, current.stage(), current.due(), current.overrun()));
            } else if (current.state() == SlaState.NEAR_DUE) {
                alarms.add(new Alarm(Alarm.keyOf(AlarmKind.NEAR_DUE, c.id(), current.stage(), current.due()),
                        AlarmKind.NEAR_DUE, c, current.stage(), current.due(), Duration.ZERO));
            }
        }
        alarms.sort(MOST_PRESSING_FIRST);
        return alarms;
    }

    /** The alarms not acknowledged, in the same order. */
    public static List<Alarm> pending(List<Alarm> alarms, Set<String> acknowledged) {
        if (acknowledged.isEmpty()) {
            return alarms;
        }
        List<Alarm> pending = new ArrayList<>(alarms.size());
        for (Alarm a : alarms) {
            if (!acknowledged.contains(a.key())) {
                pending.add(a);
            }
        }
        return pending;
    }

    private static final Comparator<Alarm> URGENT_ORDER = Comparator
            .comparing((Alarm a) -> a.due() == null ? Instant.MAX : a.due())
            .thenComparing(a -> a.aCase().reportedAt());
    private static final Comparator<Alarm> OVERDUE_ORDER = Comparator
            .comparing(Alarm::overrun, Comparator.reverseOrder())
            .thenComparing(a -> a.aCase().priority());
    private static final Comparator<Alarm> NEAR_DUE_ORDER = Comparator
            .comparing((Alarm a) -> a.due() == null ? Instant.MAX : a.due())
            .thenComparing(a -> a.aCase().priority());

    private static int withinKind(Alarm a, Alarm b) {
        return switch (a.kind()) {
            case URGENT_UNACCEPTED -> URGENT_ORDER.compare(a, b);
            case OVERDUE -> OVERDUE_ORDER.compare(a, b);
            case NEAR_DUE -> NEAR_DUE_ORDER.compare(a, b);
        };
    }
}
