package org.gridcommand.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.app.FailureWords;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.app.FieldFeed;
import org.gridcommand.app.DemoField;
import org.gridcommand.app.FeedConfig;
import org.gridcommand.app.SeatClientId;
import org.gridcommand.common.Messages;
import org.gridcommand.duty.Operator;
import org.gridcommand.fx.FxThread;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.video.VideoEngine;

/** Starts JavaFX, asks who is on duty, opens the console window and waits until it is closed. */
public final class ConsoleLauncher {
    private static final System.Logger LOG = System.getLogger(ConsoleLauncher.class.getName());

    private ConsoleLauncher() {
    }

    /**
     * Opens the store with {@code openStore} while libVLC and JavaFX start, asks who is on duty (meanwhile),
     * shows the console and blocks until it is closed; returns the process exit status. The store and libVLC
     * are closed on the way out. A store that cannot be opened is rethrown here, after the officer was told
     * in a window (unless the run is timed, which has nobody to tell).
     */
    public static int run(Callable<AppContext> openStore, ConsoleOptions options) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(0);
        AtomicReference<Throwable> storeFailure = new AtomicReference<>();
        AtomicReference<AutoCloseable> field = new AtomicReference<>();
        try (ConsoleStart start = ConsoleStart.begin(openStore)) {
            ConsoleStart.startToolkit();
            Platform.runLater(() -> {
                try {
                    Operator operator = options.operator() != null ? options.operator() : askOperator(options);
                    if (operator == null) {
                        LOG.log(System.Logger.Level.INFO, "sign-on cancelled: the console does not open without an operator");
                        closed.countDown();
                        return;
                    }
                    start.ready().whenComplete((ready, error) -> Platform.runLater(() -> {
                        if (error != null) {
                            storeFailure.set(ConsoleStart.cause(error));
                            tellStoreFailed(storeFailure.get(), options, closed);
                            return;
                        }
                        try {
                            open(ready, options, operator, status, closed, field);
                        } catch (RuntimeException e) {
                            LOG.log(System.Logger.Level.ERROR, "console failed to open", e);
                            status.set(1);
                            closed.countDown();
                        }
                    }));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "console failed to open", e);
                    status.set(1);
                    closed.countDown();
                }
            });
            closed.await();
            // The feed stops before the store closes: a batch being committed finishes and is acknowledged.
            AutoCloseable feed = field.get();
            if (feed != null) {
                try {
                    feed.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "the field feed did not stop cleanly", e);
                }
            }
        } finally {
            Platform.exit();
        }
        Throwable failure = storeFailure.get();
        if (failure instanceof Exception e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
        return status.get();
    }

    private static Operator askOperator(ConsoleOptions options) {
        // The store may still be opening: the dialog needs only the texts, which come from the classpath.
        Messages text = Messages.forLocale(options.locale());
        SignOnDialog dialog = new SignOnDialog(text, null);
        dialog.getDialogPane().getStylesheets().add(stylesheet());
        return dialog.ask().orElse(null);
    }

    private static void tellStoreFailed(Throwable failure, ConsoleOptions options, CountDownLatch closed) {
        // The failure is rethrown to the command line, which prints its message as one line: here its causes
        // are only for a debugging log (a full disk is a sentence, never a stack trace).
        LOG.log(System.Logger.Level.DEBUG, "the store could not be opened", failure);
        if (!options.timed()) {
            Messages text = Messages.forLocale(options.locale());
            Alert alert = new Alert(Alert.AlertType.ERROR,
                    text.format("start.error.store", FailureWords.of(text, failure)));
            alert.getDialogPane().getStylesheets().add(stylesheet());
            alert.showAndWait();
        }
        closed.countDown();
    }

    private static void open(ConsoleStart.Ready ready, ConsoleOptions options, Operator operator,
                             AtomicInteger status, CountDownLatch closed, AtomicReference<AutoCloseable> field) {
        AppContext context = ready.context();
        VideoEngine videoEngine = ready.video();
        Messages text = context.messages();
        ReadOnlyObjectWrapper<Operator> onDuty = new ReadOnlyObjectWrapper<>();
        ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(text.get("connection.localOnly"));
        Operator signingOn = operator;
        FxThread.background(() -> {
            context.duty().signOn(signingOn);
            return signingOn;
        }, onDuty::set, error -> {
            Alert alert = new Alert(Alert.AlertType.ERROR,
                    text.format("signon.error.store", FailureWords.of(text, error)));
            alert.show();
        });

        ConsoleWindow window = new ConsoleWindow(context, videoEngine, onDuty.getReadOnlyProperty(),
                connection.getReadOnlyProperty(), UiExecutor.fx(), ready.settings());
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
        field.set(startField(context, options, window));

        if (options.timed()) {
            TimedExit.schedule(stage, options.exitAfterSeconds(), options.screenshot(), () -> status.set(1));
        }
    }

    /**
     * The seat's field feed, shown in the window: from the broker when one is configured (connected in the
     * background: the console never waits for the network), else the in-process demo simulation, else none.
     */
    private static AutoCloseable startField(AppContext context, ConsoleOptions options, ConsoleWindow window) {
        String topics = FeedTopic.subscription(context.district().adminCode());
        MqttSettings broker;
        try {
            broker = options.broker() != null
                    ? new MqttSettings(options.broker(), seatClientId(context), null, null, topics)
                    : FeedConfig.load(context.dataDir()).map(c -> c.settingsForSeat(context.dataDir(), topics)).orElse(null);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "field feed: " + e.getMessage());
            warn(context, e.getMessage());
            return null;
        }
        if (broker == null && !options.simulateField()) {
            return null;
        }
        FieldFeed feed = FieldFeed.open(context, SensorRegistry.loadDemo(), FeedIngest.Settings.DEFAULT,
                window::onFieldMessages);
        window.attachFeed(feed);
        if (broker != null) {
            feed.keepConnecting(broker, error -> FxThread.run(() -> {
                LOG.log(System.Logger.Level.ERROR, "field feed: " + error.getMessage());
                warn(context, error.getMessage());
            }));
            return feed;
        }
        DemoField demo = DemoField.start(context, feed, 1);
        return () -> {
            demo.close();
            feed.close();
        };
    }

    private static void warn(AppContext context, String problem) {
        Alert alert = new Alert(Alert.AlertType.WARNING, context.messages().format("feed.error.connect", problem));
        alert.getDialogPane().getStylesheets().add(stylesheet());
        alert.show();
    }

    /** One MQTT session per seat: the broker keeps this seat's unacknowledged messages under this id. */
    private static String seatClientId(AppContext context) {
        return SeatClientId.load(context.dataDir()).id();
    }

    public static String stylesheet() {
        return Objects.requireNonNull(ConsoleLauncher.class.getResource("console.css")).toExternalForm();
    }
}
