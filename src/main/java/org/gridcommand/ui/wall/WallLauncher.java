package org.gridcommand.ui.wall;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.gridcommand.app.AppContext;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.ui.ConsoleStart;
import org.gridcommand.ui.Screenshots;
import org.gridcommand.ui.fx.FxThread;
import org.gridcommand.wall.WallDisplayLayout;

/** {@code gridcommand wall}: opens the store and libVLC, shows the wall and waits until it is closed. */
public final class WallLauncher {
    private static final System.Logger LOG = System.getLogger(WallLauncher.class.getName());

    /** @param exitAfterSeconds 0 to run until closed; with a screenshot, the PNG is written at that moment */
    public record Options(WallDisplayLayout layout, WallStage.Placement placement, Path screenshot, double exitAfterSeconds) {
    }

    private WallLauncher() {
    }

    public static int run(Callable<AppContext> openStore, Options options) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ConsoleStart start = ConsoleStart.begin(openStore)) {
            ConsoleStart.startToolkit();
            start.ready().whenComplete((ready, error) -> Platform.runLater(() -> {
                if (error != null) {
                    failure.set(ConsoleStart.cause(error));
                    closed.countDown();
                    return;
                }
                try {
                    show(ready, options, status, closed);
                } catch (RuntimeException e) {
                    failure.set(e);
                    closed.countDown();
                }
            }));
            closed.await();
        } finally {
            Platform.exit();
        }
        Throwable f = failure.get();
        if (f instanceof Exception e) {
            throw e;
        } else if (f instanceof Error e) {
            throw e;
        }
        return status.get();
    }

    private static void show(ConsoleStart.Ready ready, Options options, AtomicInteger status, CountDownLatch closed) {
        WallView view = new WallView(ready.context(), ready.video(), options.layout());
        Stage stage = WallStage.open(view, options.placement(), ready.context().messages().get("wall.title"),
                ConsoleLauncher.stylesheet(), closed::countDown);
        if (options.exitAfterSeconds() <= 0) {
            return;
        }
        PauseTransition wait = new PauseTransition(Duration.seconds(options.exitAfterSeconds()));
        wait.setOnFinished(e -> {
            if (options.screenshot() == null) {
                stage.close();
                return;
            }
            WritableImage image = Screenshots.capture(stage.getScene());
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
