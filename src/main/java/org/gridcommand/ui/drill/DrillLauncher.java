package org.gridcommand.ui.drill;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.DrillDebrief;
import org.gridcommand.app.DrillSession;
import org.gridcommand.drill.DrillScenario;
import org.gridcommand.duty.Operator;
import org.gridcommand.ui.ConsoleLauncher;
import org.gridcommand.ui.ConsoleStart;
import org.gridcommand.ui.TimedExit;
import org.gridcommand.fx.FxThread;

/**
 * {@code gridcommand drill SCENARIO}: the live seat's store is opened only to copy its district into the
 * drill's own store; the console then runs on the drill store, under the "演练 DRILL" watermark, with the
 * trainer's bar on top. Closing the window writes the debrief beside the drill store.
 */
public final class DrillLauncher {
    private static final System.Logger LOG = System.getLogger(DrillLauncher.class.getName());

    /**
     * @param startAtOnce start the timeline as soon as the window shows (timed runs, screenshots)
     * @param injectAll   with a timed run: send every event at once, so a screenshot shows the whole scenario
     */
    public record Options(int width, int height, Operator trainee, int speed, boolean startAtOnce, boolean injectAll,
                          Path screenshot, double exitAfterSeconds) {
    }

    private DrillLauncher() {
    }

    public static int run(Callable<AppContext> openLive, DrillScenario scenario, Options options) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<DrillSession> session = new AtomicReference<>();
        try (ConsoleStart start = ConsoleStart.begin(openLive)) {
            ConsoleStart.startToolkit();
            start.ready().whenComplete((ready, error) -> {
                if (error != null) {
                    failure.set(ConsoleStart.cause(error));
                    closed.countDown();
                    return;
                }
                try {
                    DrillSession drill = DrillSession.open(ready.context(), scenario, Clock.systemUTC());
                    session.set(drill);
                    drill.clock().setSpeed(options.speed());
                    drill.context().duty().signOn(options.trainee());
                    Platform.runLater(() -> {
                        try {
                            show(drill, ready, options, status, closed);
                        } catch (RuntimeException e) {
                            failure.set(e);
                            closed.countDown();
                        }
                    });
                } catch (RuntimeException e) {
                    failure.set(e);
                    closed.countDown();
                }
            });
            closed.await();
            DrillSession drill = session.get();
            if (drill != null) {
                try {
                    Path report = DrillDebrief.write(drill);
                    LOG.log(System.Logger.Level.INFO, "debrief written to " + report.toAbsolutePath());
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.ERROR, "the debrief could not be written", e);
                    status.set(1);
                }
                drill.close();
            }
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

    private static void show(DrillSession drill, ConsoleStart.Ready ready, Options options, AtomicInteger status,
                             CountDownLatch closed) {
        AppContext context = drill.context();
        DrillConsole console = new DrillConsole(drill, ready.video(), options.trainee());
        TrainerBar bar = console.bar();
        Stage stage = new Stage();
        stage.setTitle(DrillWatermark.TEXT + " · " + drill.runner().scenario().name().in(context.messages().locale()));
        Scene scene = new Scene(console.root(), options.width(), options.height());
        scene.getStylesheets().add(ConsoleLauncher.stylesheet());
        scene.getStylesheets().add(DrillConsole.stylesheet());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            console.dispose();
            scene.setRoot(new javafx.scene.layout.Pane());
            closed.countDown();
        });
        stage.show();
        if (options.startAtOnce()) {
            bar.toggle();
        }
        if (options.injectAll()) {
            FxThread.background(() -> {
                while (drill.runner().injectNext()) {
                    Thread.sleep(150);
                }
                return null;
            }, done -> { }, error -> LOG.log(System.Logger.Level.WARNING, "injecting failed", error));
        }
        TimedExit.schedule(stage, options.exitAfterSeconds(), options.screenshot(), () -> status.set(1));
    }
}
