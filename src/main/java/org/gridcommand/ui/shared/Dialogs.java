package org.gridcommand.ui.shared;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;

/** Shared set-up of the queue's dialogs: owned by the console window, styled like it. */
public final class Dialogs {
    private Dialogs() {
    }

    /** Owner and stylesheets come from the node's scene, so the dialog sits over the console and looks like it. */
    public static void prepare(Dialog<?> dialog, Node near) {
        Scene scene = near == null ? null : near.getScene();
        if (scene != null && scene.getWindow() != null) {
            dialog.initOwner(scene.getWindow());
            dialog.initModality(Modality.WINDOW_MODAL);
            dialog.getDialogPane().getStylesheets().addAll(scene.getStylesheets());
        }
        dialog.getDialogPane().getStyleClass().add("console-dialog");
        dialog.setResizable(true);
    }

    /**
     * OK and Cancel in the console's language: JavaFX names its standard buttons after the JVM's locale,
     * which on a Chinese seat set to English (or the reverse) is not the language the officer chose.
     */
    public static void labelButtons(Dialog<?> dialog, CaseTexts texts) {
        if (dialog.getDialogPane().lookupButton(ButtonType.OK) instanceof Button ok) {
            ok.setText(texts.get("dialog.ok"));
        }
        if (dialog.getDialogPane().lookupButton(ButtonType.CANCEL) instanceof Button cancel) {
            cancel.setText(texts.get("dialog.cancel"));
        }
    }
}
