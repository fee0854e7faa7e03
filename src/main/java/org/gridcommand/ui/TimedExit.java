package org.gridcommand.ui;

import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.gridcommand.fx.FxThread;

/**
 * A timed run of a window (`--exit-after`, `--screenshot`): after the given time the window is captured to a
 * PNG when asked (written off the FX thread) and closed. Used by the console, the wall and the drill.
 */
public final class TimedExit {
    private static final System.Logger LOG = System.getLogger(TimedExit.class.getName());

    private TimedExit() {
    }

    /** @param onFailure runs on the FX thread when the screenshot cannot be written (before the window closes) */
    public static void schedule(Stage stage, double seconds, Path screenshot, Runnable onFailure) {
        if (seconds <= 0) {
            return;
        }
        PauseTransition wait = new PauseTransition(Duration.seconds(seconds));
        wait.setOnFinished(e -> {
            if (screenshot == null) {
                stage.close();
                return;
            }
            WritableImage image = Screenshots.capture(stage.getScene());
            FxThread.background(() -> {
                Screenshots.writePng(image, screenshot);
                return screenshot;
            }, file -> {
                LOG.log(System.Logger.Level.INFO, "screenshot written to " + file.toAbsolutePath());
                stage.close();
            }, error -> {
                LOG.log(System.Logger.Level.ERROR, "could not write screenshot " + screenshot, error);
                onFailure.run();
                stage.close();
            });
        });
        wait.play();
    }
}
