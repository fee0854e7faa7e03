package org.gridcommand.debrief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.TrailActor;
import org.gridcommand.common.Messages;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.NotificationRecord;
import org.gridcommand.plans.PlanStep;

/**
 * The after-action account of one case, minute by minute, as the seed tells the 08:45 fire: every trail line
 * (reported, accepted, cameras shown, dispatched, closed…), every plan step done or answered, every
 * notification with its delivery state — one ordered list of lines in the console's language.
 */
public record CaseTimeline(Case source, List<Line> lines) {
    /** One moment: when, who, what. */
    public record Line(Instant at, String who, String what) {
    }

    public CaseTimeline {
        lines = List.copyOf(lines);
    }

    public static CaseTimeline of(Case c, List<CaseEvent> trail, Optional<Checklist> plan,
                                  List<NotificationRecord> notifications, Messages text) {
        List<Line> lines = new ArrayList<>();
        for (CaseEvent e : trail) {
            String what = text.get("caseAction." + e.action().name());
            if (e.note() != null && !e.note().isBlank()) {
                what = what + " — " + e.note();
            }
            lines.add(new Line(e.at(), TrailActor.label(e, text), what));
        }
        plan.ifPresent(checklist -> {
            for (PlanStep step : checklist.steps()) {
                if (step.doneAt() == null) {
                    continue;
                }
                String title = step.number() + " " + step.title().in(text.locale());
                String what = step.answer() == null
                        ? text.format("debrief.stepDone", title)
                        : text.format("debrief.stepAnswered", title, text.get("debrief.answer." + step.answer().name()));
                lines.add(new Line(step.doneAt(), step.doneBy() == null ? "" : step.doneBy(), what));
            }
        });
        for (NotificationRecord n : notifications) {
            lines.add(new Line(n.notification().at(), n.sentBy(), text.format("debrief.notified",
                    n.notification().contactName(), n.channel(),
                    text.get("debrief.delivery." + n.delivery().state().name()))));
        }
        lines.sort(Comparator.comparing(Line::at));
        return new CaseTimeline(c, lines);
    }
}
