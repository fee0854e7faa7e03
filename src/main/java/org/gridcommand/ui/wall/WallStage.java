package org.gridcommand.ui.wall;

import java.util.List;
import java.util.Objects;
import javafx.event.Event;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Puts a {@link WallView} on screen, read-only: every key, click, scroll and zoom is swallowed except the
 * operator's exit key (Ctrl+Shift+Q), so a visitor touching the wall changes nothing. Full screen on one
 * monitor, or an undecorated window over the union of all monitors when spanning, or a plain window of a
 * given size (screenshots).
 */
public final class WallStage {
    public static final KeyCombination EXIT_KEY = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    /** Where the wall goes: a window of a size, one monitor (index from 0), or all monitors together. */
    public sealed interface Placement {
        record Window(int width, int height) implements Placement {
        }

        record OnScreen(int index) implements Placement {
        }

        record Spanning() implements Placement {
        }
    }

    private WallStage() {
    }

    /** A stage showing the view; closing it (exit key or window manager) runs {@code onClosed}. */
    public static Stage open(WallView view, Placement placement, String title, String stylesheet, Runnable onClosed) {
        Objects.requireNonNull(placement, "placement");
        Stage stage = new Stage();
        stage.setTitle(title);
        Rectangle2D bounds;
        if (placement instanceof Placement.Window w) {
            bounds = new Rectangle2D(0, 0, w.width(), w.height());
        } else if (placement instanceof Placement.OnScreen s) {
            bounds = screen(s.index()).getBounds();
        } else {
            bounds = union(Screen.getScreens());
        }
        Scene scene = new Scene(view.root(), bounds.getWidth(), bounds.getHeight());
        scene.getStylesheets().add(stylesheet);
        scene.getStylesheets().add(Objects.requireNonNull(WallStage.class.getResource("wall.css")).toExternalForm());
        scene.addEventFilter(KeyEvent.ANY, e -> {
            if (e.getEventType() == KeyEvent.KEY_PRESSED && EXIT_KEY.match(e)) {
                stage.close();
            }
            e.consume();
        });
        for (var type : List.of(MouseEvent.ANY, ScrollEvent.ANY, ZoomEvent.ANY)) {
            scene.addEventFilter(type, Event::consume);
        }
        stage.setScene(scene);
        if (!(placement instanceof Placement.Window)) {
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
        }
        if (placement instanceof Placement.OnScreen) {
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
        }
        stage.setOnHidden(e -> {
            view.dispose();
            // Leaving the scene stops and releases the video players before libVLC goes.
            scene.setRoot(new javafx.scene.layout.Pane());
            onClosed.run();
        });
        stage.show();
        return stage;
    }

    private static Screen screen(int index) {
        List<Screen> screens = Screen.getScreens();
        if (index < 0 || index >= screens.size()) {
            throw new IllegalArgumentException("--screen " + index + ": this machine has " + screens.size()
                    + " screen(s), numbered from 0");
        }
        return screens.get(index);
    }

    private static Rectangle2D union(List<Screen> screens) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Screen s : screens) {
            Rectangle2D b = s.getBounds();
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return new Rectangle2D(minX, minY, maxX - minX, maxY - minY);
    }
}
