package org.gridcommand.ui.wall;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.ui.ConsoleStart;
import org.gridcommand.ui.TimedExit;
import org.gridcommand.fx.UiExecutor;
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
        WallView view = new WallView(ready.context(), ready.video(), options.layout(), UiExecutor.fx());
        Stage stage = WallStage.open(view, options.placement(), ready.context().messages().get("wall.title"),
                ConsoleLauncher.stylesheet(), closed::countDown);
        TimedExit.schedule(stage, options.exitAfterSeconds(), options.screenshot(), () -> status.set(1));
    }
}
