package org.gridcommand.ui.queue;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.gridcommand.ui.shared.CaseTexts;
import org.gridcommand.ui.shared.Dialogs;

/**
 * Asks for the note or reason an action needs (feed back, rework, escalate; void, suspend). One line:
 * Enter confirms, Esc cancels. OK stays disabled while a required text is blank.
 */
public final class NoteDialog extends Dialog<String> {
    private final TextField note = new TextField();

    public NoteDialog(CaseTexts texts, Node near, String title, String header, String prompt, boolean required) {
        Dialogs.prepare(this, near);
        setTitle(title);
        setHeaderText(header);
        note.setId("triage-note");
        note.setPrefColumnCount(40);
        note.setPromptText(prompt);
        Label label = new Label(prompt);
        label.setLabelFor(note);
        Label problem = new Label();
        problem.setId("triage-note-problem");
        problem.getStyleClass().add("input-problem");
        VBox box = new VBox(8, label, note, problem);
        box.setPadding(new Insets(12));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Dialogs.labelButtons(this, texts);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("triage-note-ok");
        Runnable check = () -> {
            boolean missing = required && note.getText().isBlank();
            ok.setDisable(missing);
            problem.setText(missing ? texts.get("triage.note.required") : "");
        };
        note.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        setResultConverter(button -> button == ButtonType.OK ? note.getText().strip() : null);
        Platform.runLater(note::requestFocus);
    }
}
