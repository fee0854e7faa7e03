package org.gridcommand.ui.queue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.gridcommand.ui.shared.CaseTexts;

/** The queue's shortcut list over the queue itself (F1 or ?), closed with Esc or F1 again. */
public final class QueueHelpOverlay extends StackPane {
    /** One line: the keys and what they do. */
    public record Shortcut(String keys, String meaning) {
    }

    private final List<Shortcut> shortcuts;

    public QueueHelpOverlay(CaseTexts texts) {
        setId("queue-help");
        getStyleClass().add("queue-help");
        shortcuts = shortcuts(texts);
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        // Two columns of shortcuts: the queue region is wide and short, and the list should fit without scrolling.
        int half = (shortcuts.size() + 1) / 2;
        for (int i = 0; i < shortcuts.size(); i++) {
            Shortcut s = shortcuts.get(i);
            Label key = new Label(s.keys());
            key.getStyleClass().add("help-key");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label meaning = new Label(s.meaning());
            meaning.setWrapText(true);
            meaning.setMaxWidth(420);
            int column = i < half ? 0 : 2;
            grid.add(key, column, i % half);
            grid.add(meaning, column + 1, i % half);
        }
        Label title = new Label(texts.get("help.title"));
        title.getStyleClass().add("detail-title");
        Label footer = new Label(texts.get("help.close"));
        footer.getStyleClass().add("hint");
        VBox box = new VBox(10, title, grid, footer);
        box.setPadding(new Insets(14, 18, 14, 18));
        box.getStyleClass().add("queue-help-box");
        box.setMaxWidth(1180);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("queue-help-scroll");
        scroll.setMaxWidth(1200);
        StackPane.setAlignment(scroll, Pos.TOP_CENTER);
        getChildren().add(scroll);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    public List<Shortcut> shortcuts() {
        return shortcuts;
    }

    static List<Shortcut> shortcuts(CaseTexts texts) {
        List<Shortcut> out = new ArrayList<>();
        out.add(new Shortcut(Triage.NEW_HOTLINE_CASE.keyName(), texts.get("help.NEW_HOTLINE_CASE")));
        for (Triage t : Triage.values()) {
            if (t != Triage.NEW_HOTLINE_CASE) {
                out.add(new Shortcut(t.keyName(), texts.get("help." + t.name())));
            }
        }
        out.add(new Shortcut("O", texts.get("help.overdueOpen")));
        out.add(new Shortcut("Shift+O", texts.get("help.overdueDismiss")));
        out.add(new Shortcut("F2", texts.get("help.backToQueue")));
        out.add(new Shortcut("F7", texts.get("help.planChecklist")));
        out.add(new Shortcut("Shift+F7", texts.get("help.planActivate")));
        out.add(new Shortcut("Space Y N T L", texts.get("help.planKeys")));
        out.add(new Shortcut("↑ ↓", texts.get("help.move")));
        out.add(new Shortcut("Ctrl+F", texts.get("help.filter")));
        out.add(new Shortcut("F1  ?", texts.get("help.help")));
        out.add(new Shortcut("Esc", texts.get("help.escape")));
        return out;
    }
}
