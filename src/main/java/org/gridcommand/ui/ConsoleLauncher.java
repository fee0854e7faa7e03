package org.gridcommand.ui;

import atlantafx.base.theme.PrimerDark;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.gridcommand.app.AppContext;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.Operator;
import org.gridcommand.ui.fx.FxThread;
import org.gridcommand.video.VideoEngine;

/** Starts JavaFX, asks who is on duty, opens the console window and waits until it is closed. */
public final class ConsoleLauncher {
    private static final System.Logger LOG = System.getLogger(ConsoleLauncher.class.getName());

    private ConsoleLauncher() {
    }

    /** Blocks until the console closes; returns the process exit status. */
    public static int run(AppContext context, ConsoleOptions options) throws InterruptedException {
        // libVLC discovery loads native code: done here, before the FX thread exists, never on it.
        VideoEngine videoEngine = VideoEngine.start();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(0);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                open(context, options, videoEngine, status, closed);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "console failed to open", e);
                status.set(1);
                closed.countDown();
            }
        });
        closed.await();
        videoEngine.close();
        Platform.exit();
        return status.get();
    }

    private static void open(AppContext context, ConsoleOptions options, VideoEngine videoEngine,
                             AtomicInteger status, CountDownLatch closed) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        Messages text = context.messages();
        Operator operator = options.operator();
        if (operator == null) {
            SignOnDialog dialog = new SignOnDialog(text, null);
            dialog.getDialogPane().getStylesheets().add(stylesheet());
            operator = dialog.ask().orElse(null);
            if (operator == null) {
                LOG.log(System.Logger.Level.INFO, "sign-on cancelled: the console does not open without an operator");
                closed.countDown();
                return;
            }
        }
        ReadOnlyObjectWrapper<Operator> onDuty = new ReadOnlyObjectWrapper<>();
        ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(text.get("connection.localOnly"));
        Operator signingOn = operator;
        FxThread.background(() -> {
            context.duty().signOn(signingOn);
            return signingOn;
        }, onDuty::set, error -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, text.format("signon.error.store", error.getMessage()));
            alert.show();
        });

        ConsoleWindow window = new ConsoleWindow(context, videoEngine, onDuty.getReadOnlyProperty(),
                connection.getReadOnlyProperty());
        Stage stage = new Stage();
        stage.setTitle(text.get("app.title"));
        Scene scene = new Scene(window.root(), options.width(), options.height());
        scene.getStylesheets().add(stylesheet());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);
        Runnable shutDown = () -> {
            window.dispose();
            // Detaching the window's content stops and releases every video player before libVLC goes.
            scene.setRoot(new javafx.scene.layout.Pane());
            closed.countDown();
        };
        stage.setOnHidden(e -> shutDown.run());
        stage.show();

        if (options.timed()) {
            PauseTransition wait = new PauseTransition(Duration.seconds(options.exitAfterSeconds()));
            wait.setOnFinished(e -> {
                if (options.screenshot() == null) {
                    stage.close();
                    return;
                }
                WritableImage image = Screenshots.capture(scene);
                FxThread.background(() -> {
                    Screenshots.writePng(image, options.screenshot());
                    return options.screenshot();
                }, file -> {
                    LOG.log(System.Logger.Level.INFO, "screenshot written to " + file.toAbsolutePath());
                    stage.close();
                }, error -> {
                    LOG.log(System.Logger.Level.ERROR, "could not write screenshot " + options.screenshot(), error);
                    status.set(1);
                    stage.close();
                });
            });
            wait.play();
        }
    }

    public static String stylesheet() {
        return Objects.requireNonNull(ConsoleLauncher.class.getResource("console.css")).toExternalForm();
    }
}
