package org.gridcommand.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridcommand.cases.Case;
import org.gridcommand.common.Messages;
import org.gridcommand.debrief.CaseTimeline;
import org.gridcommand.debrief.DebriefHtml;
import org.gridcommand.drill.DrillScore;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.NotificationRecord;

/**
 * A drill's debrief: the score of every milestone against the scenario's targets and the incident case's
 * minute-by-minute timeline, as HTML beside the drill's store ({@code debrief.html}).
 */
public final class DrillDebrief {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DrillDebrief() {
    }

    /** The score now, with the incident's plan (when one was activated in the drill store). */
    public static DrillScore score(DrillSession drill) {
        return drill.score(caseId -> checklist(drill.context(), caseId));
    }

    public static String html(DrillSession drill) {
        AppContext context = drill.context();
        Messages text = context.messages();
        DrillScore score = score(drill);
        List<DebriefHtml.ScoreLine> lines = new ArrayList<>();
        for (DrillScore.Line l : score.lines()) {
            String label = l.key().startsWith("step:") ? l.label() : text.get("drill.milestone." + l.key());
            lines.add(new DebriefHtml.ScoreLine(label, l.target(), l.took(), l.met()));
        }
        Optional<Case> incident = drill.incidentCase();
        CaseTimeline timeline = incident.map(c -> CaseTimeline.of(c, context.caseService().trail(c.id()),
                        checklist(context, c.id()), notifications(context, c.id()), text))
                .orElseGet(() -> new CaseTimeline(null, List.of()));
        var scenario = drill.runner().scenario();
        String subtitle = text.format("drill.debriefSubtitle", DAY_TIME.format(drill.runner().startedAt()
                .atZone(context.zone())), score.metCount(), score.lines().size());
        return DebriefHtml.render(text.format("drill.debriefTitle", scenario.name().in(text.locale())), subtitle, true,
                lines, timeline, context.zone(), text);
    }

    public static Path write(DrillSession drill) throws IOException {
        Path file = drill.dir().resolve("debrief.html");
        DebriefHtml.write(html(drill), file);
        return file;
    }

    static Optional<Checklist> checklist(AppContext context, String caseId) {
        return context.plans().checklist(caseId);
    }

    static List<NotificationRecord> notifications(AppContext context, String caseId) {
        return checklist(context, caseId).map(c -> context.plans().notifications(c.run().id())).orElse(List.of());
    }
}
