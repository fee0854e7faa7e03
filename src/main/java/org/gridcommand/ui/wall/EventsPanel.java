package org.gridcommand.ui.wall;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.gridcommand.common.Messages;
import org.gridcommand.ui.queue.CaseRow;
import org.gridcommand.wall.RecentEvents;

/** The newest case events, one line each: time, stage, category, grid; urgent cases marked with a glyph. */
final class EventsPanel extends VBox {
    static final int LINES = 7;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final Messages text;
    private final ZoneId zone;

    EventsPanel(Messages text, ZoneId zone) {
        this.text = text;
        this.zone = zone;
        getStyleClass().add("wall-events");
        setSpacing(4);
    }

    void show(List<RecentEvents.Event> events, Map<String, CaseRow> rows) {
        getChildren().clear();
        if (events.isEmpty()) {
            Label none = new Label(text.get("wall.events.none"));
            none.getStyleClass().add("wall-quiet");
            getChildren().add(none);
            return;
        }
        for (RecentEvents.Event e : events) {
            CaseRow row = rows.get(e.source().id());
            String what = row == null ? e.source().categoryCode() : row.category();
            String where = row == null || row.grid() == null ? "" : " · " + row.grid();
            String urgent = e.source().priority() == org.gridcommand.cases.Priority.URGENT ? "‼ " : "";
            Label line = new Label(TIME.format(e.at().atZone(zone)) + "  " + urgent
                    + text.get("state." + e.stage().name()) + "  " + what + where);
            line.getStyleClass().add("wall-event");
            if (!urgent.isEmpty()) {
                line.getStyleClass().add("wall-event-urgent");
            }
            getChildren().add(line);
        }
    }

    /** The lines as shown, for tests. */
    List<String> lines() {
        return getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
