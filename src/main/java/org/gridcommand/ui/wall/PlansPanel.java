package org.gridcommand.ui.wall;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gridcommand.cases.Case;
import org.gridcommand.common.Messages;
import org.gridcommand.plans.Checklist;
import org.gridcommand.plans.PlanService;
import org.gridcommand.ui.queue.CaseRow;

/**
 * The emergency plans running now, one block each: the case, the plan and its level, required steps done out of
 * all, and how many are overdue (glyph and words, not colour alone).
 */
final class PlansPanel extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One running plan as the wall shows it. */
    record Running(Checklist checklist, String caseText) {
    }

    private final Messages text;
    private final ZoneId zone;

    PlansPanel(Messages text, ZoneId zone) {
        this.text = text;
        this.zone = zone;
        setId("wall-plans");
        getStyleClass().add("wall-plans");
        setSpacing(8);
    }

    /** Background thread: the plans running on these open cases. */
    static List<Running> running(PlanService plans, List<Case> open, Map<String, CaseRow> rows) {
        List<Running> out = new ArrayList<>();
        for (Case c : open) {
            plans.checklist(c.id()).ifPresent(checklist -> {
                CaseRow row = rows.get(c.id());
                out.add(new Running(checklist, row == null ? c.id() : row.category() + " · " + row.grid()));
            });
        }
        return out;
    }

    void show(List<Running> running, Instant now) {
        getChildren().clear();
        if (running.isEmpty()) {
            Label none = new Label(text.get("wall.plans.none"));
            none.getStyleClass().add("wall-quiet");
            none.setWrapText(true);
            getChildren().add(none);
            return;
        }
        for (Running r : running) {
            Checklist c = r.checklist();
            Label title = new Label(c.run().planName().in(text.locale()) + " · "
                    + text.format("wall.plans.level", c.run().level().name()) + " · "
                    + TIME.format(c.run().activatedAt().atZone(zone)));
            title.getStyleClass().add("wall-plan-title");
            Label caseLine = new Label(r.caseText());
            caseLine.getStyleClass().add("wall-event");
            long required = c.requiredCount();
            long done = c.requiredDone();
            ProgressBar bar = new ProgressBar(required == 0 ? 1 : (double) done / required);
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            int overdue = c.overdue(now).size();
            Label count = new Label(text.format("wall.plans.progress", done, required)
                    + (overdue > 0 ? "  ✖ " + text.format("wall.plans.overdue", overdue) : ""));
            count.getStyleClass().add(overdue > 0 ? "wall-event-urgent" : "wall-event");
            HBox progress = new HBox(10, bar, count);
            getChildren().add(new VBox(2, title, caseLine, progress));
        }
    }

    /**
     * Instead of the plans: why they cannot be shown (the store's trouble in words), in the urgent style, so the
     * room does not take an empty or stale panel for "no plan running". The next refresh that reads them replaces it.
     */
    void showFailure(String words) {
        getChildren().clear();
        Label failure = new Label(text.format("wall.plans.failed", words));
        failure.getStyleClass().add("wall-event-urgent");
        failure.setWrapText(true);
        getChildren().add(failure);
    }

    /** The lines as shown, for tests. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        getChildren().forEach(n -> n.lookupAll(".label").forEach(l -> out.add(((Label) l).getText())));
        return out;
    }
}
