package org.gridcommand.ui.plan;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.gridcommand.common.Messages;

/** The emergency-plan checklist region. Until plans are built it says plainly that none is running. */
public final class PlanPanel extends VBox {
    public PlanPanel(Messages text) {
        setId("plan-panel");
        getStyleClass().add("plan-panel");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        Label state = new Label(text.get("plan.none"));
        state.getStyleClass().add("plan-none");
        Label hint = new Label(text.get("plan.notYet"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        getChildren().addAll(state, hint);
    }
}
