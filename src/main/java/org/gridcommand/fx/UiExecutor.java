package org.gridcommand.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where the UI's work runs: scene-graph work on the UI thread, slow work (store, files, network) in the
 * background with its result or failure handed back to the UI thread. View models take one instead of calling
 * {@link FxThread}'s static helpers, so a test can hand them an executor that runs everything on its own thread,
 * step by step (the model is JabRef's {@code TaskExecutor} with its {@code CurrentThreadTaskExecutor}).
 *
 * <p>The console gets {@link #fx()} from its launcher and passes it on to every view it builds.
 */
public interface UiExecutor {

    /** Runs {@code action} on the UI thread: now if the caller is on it, else as soon as the UI thread is free. */
    void onUiThread(Runnable action);

    /**
     * Runs {@code work} off the UI thread, then hands its result to {@code onSuccess} or what it threw to
     * {@code onFailure}, both on the UI thread. The future completes with the work, before the hand-off.
     */
    <T> CompletableFuture<T> background(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code work} off the UI thread with no hand-off. */
    CompletableFuture<Void> background(Runnable work);

    /** The JavaFX application thread and a shared pool of daemon threads: what the console runs on. */
    static UiExecutor fx() {
        return FxUiExecutor.INSTANCE;
    }
}
