package org.gridcommand.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-on question, answered with the keyboard as an officer would. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class SignOnDialogTest {
    private final CompletableFuture<Optional<Operator>> answer = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        // An owner needs a scene; the primary stage only has one if an earlier test in this JVM gave it one.
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 320, 200));
        stage.show();
        Platform.runLater(() -> {
            SignOnDialog dialog = new SignOnDialog(Messages.forLocale(Locale.ENGLISH), stage);
            answer.complete(dialog.ask());
        });
    }

    @Test
    void refusesAnEmptyNameAndSignsOnWithNameAndRole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signon-name").tryQuery().isPresent());
        Node ok = robot.lookup("#signon-ok").query();
        Label problem = robot.lookup("#signon-problem").queryAs(Label.class);
        assertThat(ok.isDisabled()).isTrue();
        assertThat(problem.getText()).contains("Enter your name");

        robot.clickOn("#signon-name").write("Li Na");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ok.isDisabled()).isFalse();
        assertThat(problem.getText()).isEmpty();
        ChoiceBox<?> role = robot.lookup("#signon-role").queryAs(ChoiceBox.class);
        robot.interact(() -> role.getSelectionModel().select(1));
        robot.clickOn("#signon-name").type(KeyCode.ENTER);

        Optional<Operator> result = answer.get(10, TimeUnit.SECONDS);
        assertThat(result).contains(new Operator("Li Na", Role.SHIFT_SUPERVISOR));
    }

    @Test
    void buttonsSpeakTheConsolesLanguageNotTheJvms(FxRobot robot) throws Exception {
        Messages chinese = Messages.forLocale(Messages.ZH_CN);
        SignOnDialog dialog = WaitForAsyncUtils.asyncFx(() -> new SignOnDialog(chinese, null)).get(10, TimeUnit.SECONDS);
        javafx.scene.control.Button ok = (javafx.scene.control.Button) dialog.getDialogPane()
                .lookupButton(javafx.scene.control.ButtonType.OK);
        javafx.scene.control.Button cancel = (javafx.scene.control.Button) dialog.getDialogPane()
                .lookupButton(javafx.scene.control.ButtonType.CANCEL);
        assertThat(ok.getText()).isEqualTo(chinese.get("dialog.ok")).isNotEqualTo("OK");
        assertThat(cancel.getText()).isEqualTo(chinese.get("dialog.cancel")).isNotEqualTo("Cancel");
    }
}
