package org.gridcommand.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Static access to the console's {@link UiExecutor} ({@link UiExecutor#fx()}), for JavaFX plumbing that has no
 * view model a test would steer (tile loading, window start-up), plus frame-based waits and thread naming.
 * View models take a {@link UiExecutor} instead, so tests can run them on their own thread.
 * Nothing slow (database, files, network, libVLC) runs on the FX thread; nothing touches the scene graph
 * from elsewhere.
 */
public final class FxThread {

    private FxThread() {
    }

    /** Runs now if already on the FX thread, else later on it. */
    public static void run(Runnable action) {
        UiExecutor.fx().onUiThread(action);
    }

    /** Runs {@code work} in the background, then hands the result or the failure to the FX thread. */
    public static <T> CompletableFuture<T> background(Callable<T> work, Consumer<T> onSuccess,
                                                      Consumer<Throwable> onFailure) {
        return UiExecutor.fx().background(work, onSuccess, onFailure);
    }

    /** Runs {@code work} in the background with no FX hand-off. */
    public static CompletableFuture<Void> background(Runnable work) {
        return UiExecutor.fx().background(work);
    }

    /**
     * Runs {@code then} on the FX thread once {@code count} more pulses have laid the scene out: a pulse
     * starts only after the previous frame was rendered, so this waits for frames, not for time.
     */
    public static void afterPulses(Scene scene, int count, Runnable then) {
        Runnable listener = new Runnable() {
            private int left = count;

            @Override
            public void run() {
                if (--left > 0) {
                    Platform.requestNextPulse();
                    return;
                }
                scene.removePostLayoutPulseListener(this);
                then.run();
            }
        };
        run(() -> {
            scene.addPostLayoutPulseListener(listener);
            Platform.requestNextPulse();
        });
    }

    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
