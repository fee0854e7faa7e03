package org.gridcommand.ui.drill;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The unmistakable "演练 DRILL" mark laid over every screen while a drill runs: a red frame around the whole
 * view and the word across its middle, translucent so the screen underneath stays usable. It never takes
 * mouse or keyboard input. Always bilingual, whatever the console's language: a visitor must not mistake a
 * drill for a real event.
 */
public final class DrillWatermark extends StackPane {
    public static final String TEXT = "演练 DRILL";
    private final BooleanProperty drill = new SimpleBooleanProperty(this, "drill");

    public DrillWatermark() {
        setId("drill-watermark");
        getStyleClass().add("drill-watermark");
        setMouseTransparent(true);
        setFocusTraversable(false);
        Label word = new Label(TEXT);
        word.getStyleClass().add("drill-watermark-text");
        word.setRotate(-18);
        setAlignment(Pos.CENTER);
        getChildren().add(word);
        // The word scales with the view: a tenth of its height.
        word.styleProperty().bind(heightProperty().map(h -> "-fx-font-size: " + Math.max(28, h.doubleValue() / 9) + "px;"));
        visibleProperty().bind(drill);
    }

    /** True while a drill runs (the trainer's drill, or a wall following a drill store). */
    public BooleanProperty drillProperty() {
        return drill;
    }
}
