package org.gridcommand.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.gridcommand.fx.UiExecutor;

/**
 * A {@link UiExecutor} that runs everything at once on the caller's thread (after JabRef's
 * {@code CurrentThreadTaskExecutor}): a view model's load has finished, and its result or failure has been
 * handed over, when the call that started it returns. A test calls the model from one thread (the FX thread
 * when the model's lists are on screen) and needs no waiting at all.
 *
 * <p>As on the FX executor, an exception the work throws goes to the failure handler; an {@link Error} (a failed
 * assertion among them) and whatever a handler throws are not swallowed: they reach the test.
 */
public final class CurrentThreadUiExecutor implements UiExecutor {

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public <T> CompletableFuture<T> background(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return CompletableFuture.failedFuture(e);
        }
        onSuccess.accept(value);
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public CompletableFuture<Void> background(Runnable work) {
        work.run();
        return CompletableFuture.completedFuture(null);
    }
}
