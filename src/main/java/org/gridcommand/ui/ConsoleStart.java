package org.gridcommand.ui;

import atlantafx.base.theme.PrimerDark;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import org.gridcommand.app.AppContext;
import org.gridcommand.fx.FxThread;
import org.gridcommand.fx.Fonts;
import org.gridcommand.video.VideoEngine;

/**
 * The console's cold start. The three slow things a start waits for (the store, libVLC's native discovery,
 * the JavaFX toolkit) do not depend on each other, so they come up at the same time: the store and libVLC
 * on their own threads from {@link #begin}, the toolkit on the caller's thread from {@link #startToolkit}
 * meanwhile. The window is built once {@link #ready()} completes; the sign-on question can be asked before.
 *
 * <p>Whatever has started is released by {@link #close()}, also when the other part failed.
 */
public final class ConsoleStart implements AutoCloseable {
    /** What the console window needs: the store, libVLC, and the settings files read beside the store. */
    public record Ready(AppContext context, VideoEngine video, ConsoleSettings settings) {
    }

    private final CompletableFuture<AppContext> context;
    private volatile ConsoleSettings settings;
    private final CompletableFuture<VideoEngine> video;
    private final CompletableFuture<Ready> ready;
    private final long beganAt = System.nanoTime();
    private volatile long storeOpenAt;
    private volatile long videoReadyAt;

    private ConsoleStart(Callable<AppContext> openStore) {
        this.context = CompletableFuture.supplyAsync(() -> {
            try {
                AppContext opened = openStore.call();
                // Read here, not on the FX thread while the window is built.
                settings = ConsoleSettings.read(opened.dataDir());
                storeOpenAt = System.nanoTime();
                return opened;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, runnable -> newThread("gc-start-store", runnable));
        // libVLC discovery loads native code: never on the FX thread.
        this.video = CompletableFuture.supplyAsync(() -> {
            VideoEngine engine = VideoEngine.start();
            videoReadyAt = System.nanoTime();
            return engine;
        }, runnable -> newThread("gc-start-video", runnable));
        this.ready = context.thenCombine(video, (opened, engine) -> new Ready(opened, engine, settings));
    }

    /** Starts opening the store (with {@code openStore}) and libVLC, each on its own thread, and returns at once. */
    public static ConsoleStart begin(Callable<AppContext> openStore) {
        return new ConsoleStart(openStore);
    }

    /** Completes with the store and libVLC, or with the store's failure (libVLC never fails: it degrades). */
    public CompletableFuture<Ready> ready() {
        return ready;
    }

    /** The store's failure without the future's wrapping, for a message to the officer. */
    public static Throwable cause(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Nanoseconds from {@link #begin} to the store open, or -1 while it is not. */
    public long storeNanos() {
        return storeOpenAt == 0 ? -1 : storeOpenAt - beganAt;
    }

    /** Nanoseconds from {@link #begin} to libVLC found (or found missing), or -1 while it is not. */
    public long videoNanos() {
        return videoReadyAt == 0 ? -1 : videoReadyAt - beganAt;
    }

    /**
     * Starts JavaFX once per JVM with the console's theme and returns when the FX thread runs; in a JVM where
     * it already runs (a test, a second benchmark) it is used as it is.
     */
    public static void startToolkit() throws InterruptedException {
        Platform.setImplicitExit(false);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                // The binary form of the same theme: read, not parsed (the text form is 170 KB of CSS to parse at start).
                Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheetBSS());
                started.countDown();
            });
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        if (!started.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("JavaFX did not start within a minute");
        }
        warmUpFonts();
    }

    /**
     * Font configuration and the CJK font files are the first text's cost (fontconfig, FreeType opening a 20 MB
     * collection): paid here, on a thread of its own while the store opens, instead of on the FX thread while
     * the window is built. Fonts may be made on any thread.
     */
    private static void warmUpFonts() {
        newThread("gc-start-fonts", () -> {
            try {
                javafx.scene.text.Font.getDefault();
                Fonts.bold(14);
                Fonts.of(javafx.scene.text.FontWeight.NORMAL, 14);
            } catch (RuntimeException e) {
                // Only a head start: the window loads what it needs itself.
                System.getLogger(ConsoleStart.class.getName()).log(System.Logger.Level.DEBUG, "font warm-up failed", e);
            }
        });
    }

    /** Closes libVLC and the store once they are up, whether or not the window ever opened. */
    @Override
    public void close() {
        video.thenAccept(VideoEngine::close).exceptionally(e -> null).join();
        context.thenAccept(AppContext::close).exceptionally(e -> null).join();
    }

    private static Thread newThread(String name, Runnable work) {
        Thread t = FxThread.daemonThreads(name).newThread(work);
        t.start();
        return t;
    }
}
