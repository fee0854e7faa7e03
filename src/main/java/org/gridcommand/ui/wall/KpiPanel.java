package org.gridcommand.ui.wall;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.gridcommand.common.Messages;
import org.gridcommand.wall.WallFigures;

/**
 * The day's key figures as big tiles. A tile in trouble (overdue, near due, urgent) carries a glyph and a word
 * besides its colour, so it reads the same to a colour-blind visitor and on a washed-out projector.
 */
final class KpiPanel extends GridPane {
    private final Messages text;
    private final Tile open;
    private final Tile urgent;
    private final Tile overdue;
    private final Tile nearDue;
    private final Tile newToday;
    private final Tile closedToday;
    private final Tile onTime;

    KpiPanel(Messages text) {
        this.text = text;
        getStyleClass().add("wall-kpis");
        setHgap(12);
        setVgap(12);
        open = tile("kpi-open", "wall.kpi.open");
        urgent = tile("kpi-urgent", "wall.kpi.urgent");
        overdue = tile("kpi-overdue", "wall.kpi.overdue");
        nearDue = tile("kpi-near-due", "wall.kpi.nearDue");
        newToday = tile("kpi-new", "wall.kpi.newToday");
        closedToday = tile("kpi-closed", "wall.kpi.closedToday");
        onTime = tile("kpi-on-time", "wall.kpi.onTime");
        Tile[] tiles = {open, urgent, overdue, nearDue, newToday, closedToday, onTime};
        int columns = 4;
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
        for (int i = 0; i < tiles.length; i++) {
            add(tiles[i].box, i % columns, i / columns);
        }
    }

    void show(WallFigures f) {
        open.set(Integer.toString(f.open()), null);
        urgent.set(Integer.toString(f.urgentOpen()), f.urgentOpen() > 0 ? "wall-alarm" : null);
        overdue.set(mark(f.overdue(), "✖"), f.overdue() > 0 ? "wall-alarm" : null);
        nearDue.set(mark(f.nearDue(), "⚠"), f.nearDue() > 0 ? "wall-warning" : null);
        newToday.set(Integer.toString(f.newToday()), null);
        closedToday.set(Integer.toString(f.closedToday()), null);
        onTime.set(f.onTimeShare() == null ? text.get("wall.kpi.none")
                : String.format(Locale.ROOT, "%.1f%%", 100 * f.onTimeShare()), null);
    }

    /** The figure of a tile, for tests and for reading aloud. */
    String figure(String id) {
        return ((Label) lookup("#" + id + " .wall-kpi-value")).getText();
    }

    private static String mark(int count, String glyph) {
        return count > 0 ? glyph + " " + count : Integer.toString(count);
    }

    private Tile tile(String id, String labelKey) {
        Label value = new Label("–");
        value.getStyleClass().add("wall-kpi-value");
        Label caption = new Label(text.get(labelKey));
        caption.getStyleClass().add("wall-kpi-caption");
        caption.setWrapText(true);
        VBox box = new VBox(4, value, caption);
        box.setId(id);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("wall-kpi");
        box.setMinSize(0, 0);
        return new Tile(box, value);
    }

    private record Tile(VBox box, Label value) {
        void set(String figure, String styleClass) {
            value.setText(figure);
            box.getStyleClass().removeAll("wall-alarm", "wall-warning");
            if (styleClass != null) {
                box.getStyleClass().add(styleClass);
            }
        }
    }
}
