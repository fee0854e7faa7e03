package org.gridcommand.ui;

import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;

/** Asks who is on duty before the console opens; the answer stamps every action of the shift. */
public final class SignOnDialog extends Dialog<Operator> {
    private final TextField name = new TextField();
    private final ChoiceBox<Role> role = new ChoiceBox<>();
    private final Label problem = new Label();

    public SignOnDialog(Messages text, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(text.get("signon.title"));
        setHeaderText(text.get("signon.header"));
        name.setId("signon-name");
        name.setPromptText(text.get("signon.name.prompt"));
        role.setId("signon-role");
        role.getItems().setAll(Role.values());
        role.setValue(Role.DUTY_OFFICER);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : text.get("role." + r.name());
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        });
        problem.setId("signon-problem");
        problem.getStyleClass().add("input-problem");
        problem.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        form.setPadding(new Insets(16));
        form.addRow(0, new Label(text.get("signon.name")), name);
        form.addRow(1, new Label(text.get("signon.role")), role);
        form.add(problem, 0, 2, 2, 1);
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("signon-ok");
        // In the console's language, not the JVM's (JavaFX names its standard buttons after the JVM locale).
        ((Button) getDialogPane().lookupButton(ButtonType.OK)).setText(text.get("dialog.ok"));
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setText(text.get("dialog.cancel"));

        // Validate as the officer types: the OK button stays disabled and the reason is shown.
        Runnable validate = () -> {
            String error = problemWith(name.getText(), text);
            problem.setText(error == null ? "" : error);
            getDialogPane().lookupButton(ButtonType.OK).setDisable(error != null);
        };
        name.textProperty().addListener((o, a, b) -> validate.run());
        validate.run();
        setResultConverter(button -> button == ButtonType.OK ? new Operator(name.getText(), role.getValue()) : null);
        Platform.runLater(name::requestFocus);
    }

    static String problemWith(String name, Messages text) {
        if (name == null || name.isBlank()) {
            return text.get("signon.error.nameRequired");
        }
        if (name.strip().length() > 64) {
            return text.get("signon.error.nameTooLong");
        }
        return null;
    }

    public Optional<Operator> ask() {
        return showAndWait();
    }
}
