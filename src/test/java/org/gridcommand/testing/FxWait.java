package org.gridcommand.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import org.gridcommand.fx.FxThread;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@link Wait} for state that lives on the FX thread (a map's view, a node's text): the condition is asked on the
 * FX thread, where that state may be read, and the events it caused have run when the wait returns. Also a wait
 * for frames rather than time, for what only shows after the scene was laid out and drawn.
 */
public final class FxWait {
    private static final long ASK_SECONDS = 10;

    private FxWait() {
    }

    /** Returns once {@code condition}, asked on the FX thread, holds; fails naming {@code what} after {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        Wait.until(what, limit, () -> onFxThread(what, condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Returns once {@code scene} has laid out and drawn {@code count} more frames (pulses), not after a time. */
    public static void frames(Scene scene, int count) {
        CountDownLatch drawn = new CountDownLatch(1);
        FxThread.afterPulses(scene, count, drawn::countDown);
        try {
            if (!drawn.await(ASK_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the scene drew no " + count + " frames within " + ASK_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + count + " frames", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean onFxThread(String what, BooleanSupplier condition) {
        try {
            return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(ASK_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("asking whether " + what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + ASK_SECONDS + " s whether " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while asking whether " + what, e);
        }
    }
}
