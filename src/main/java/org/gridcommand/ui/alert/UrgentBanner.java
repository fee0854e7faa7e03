package org.gridcommand.ui.alert;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The strip across the top of the queue that announces a new urgent case in words (priority, category,
 * grid, time), with a warning glyph and colour on top. "View" selects the case; ✕ or Esc dismisses.
 */
public final class UrgentBanner extends HBox {
    private final Label message = new Label();
    private final Label more = new Label();
    private final Button view = new Button();
    private final Button dismiss = new Button("✕");

    public UrgentBanner(String viewText, String dismissText) {
        setId("urgent-banner");
        getStyleClass().add("urgent-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        Label glyph = new Label("⚠");
        glyph.getStyleClass().add("urgent-banner-glyph");
        message.setId("urgent-banner-text");
        message.getStyleClass().add("urgent-banner-text");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        more.setId("urgent-banner-more");
        more.getStyleClass().add("urgent-banner-more");
        view.setId("urgent-banner-view");
        view.setText(viewText);
        view.setFocusTraversable(false);
        dismiss.setId("urgent-banner-dismiss");
        dismiss.setAccessibleText(dismissText);
        // A tooltip drags in the popup machinery; it is made when the banner first shows, not at start.
        visibleProperty().addListener((o, was, now) -> {
            if (now && dismiss.getTooltip() == null) {
                dismiss.setTooltip(new Tooltip(dismissText));
            }
        });
        dismiss.setFocusTraversable(false);
        getChildren().addAll(glyph, message, more, view, dismiss);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Shows the text, or hides the banner when text is null; moreText is "" when one alert is pending. */
    public void show(String text, String moreText) {
        setVisible(text != null);
        message.setText(text == null ? "" : text);
        more.setText(moreText == null ? "" : moreText);
    }

    public String text() {
        return message.getText();
    }

    public void setOnView(Runnable action) {
        view.setOnAction(e -> action.run());
    }

    public void setOnDismiss(Runnable action) {
        dismiss.setOnAction(e -> action.run());
    }
}
