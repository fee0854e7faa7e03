package org.gridcommand.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/** {@link UiExecutor} on the JavaFX application thread, with background work on a pool of daemon threads. */
final class FxUiExecutor implements UiExecutor {
    static final FxUiExecutor INSTANCE = new FxUiExecutor();

    private final ExecutorService background = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), FxThread.daemonThreads("gc-background"));

    private FxUiExecutor() {
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public <T> CompletableFuture<T> background(Callable<T> work, Consumer<T> onSuccess,
                                               Consumer<Throwable> onFailure) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background);
        future.whenComplete((value, error) -> onUiThread(() -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                onFailure.accept(cause);
            }
        }));
        return future;
    }

    @Override
    public CompletableFuture<Void> background(Runnable work) {
        return CompletableFuture.runAsync(work, background);
    }
}
