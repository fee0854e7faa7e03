package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/** Shared plumbing for the video tests: FX toolkit, stages, polling, pixel sampling. */
final class VideoFx {
    /** Generous: a 2-core CI box under a parallel build can be slow to open a stream. */
    static final Duration FX_TIMEOUT = Duration.ofSeconds(30);

    /** Tests pass keys through, so the tile's English fallbacks are what shows. */
    static final Function<String, String> KEYS = key -> key;

    private VideoFx() {
    }

    /**
     * Starts the FX toolkit once per JVM; TestFX copes with another test class having started it.
     * Headless Monocle unless told otherwise ({@code -Dgc.test.headful=true}): JavaFX 21 dropped GTK 2 and
     * the build machines have no GTK 3, and the video path (libVLC callbacks into a PixelBuffer) needs no
     * real window anyway. The properties only matter if the toolkit is not running yet.
     */
    static void startToolkit() throws Exception {
        if (!Boolean.getBoolean("gc.test.headful") && System.getProperty("glass.platform") == null) {
            System.setProperty("testfx.headless", "true");
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(FX_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    static Stage showStage(Parent root, double width, double height) throws Exception {
        return onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(root, width, height));
            stage.show();
            return stage;
        });
    }

    static void hide(Stage stage) throws Exception {
        if (stage != null) {
            onFx(stage::hide);
        }
    }

    /** Polls until the condition holds; returns false on timeout instead of throwing, for a clear assert. */
    static boolean waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        return org.gridcommand.testing.Wait.within(timeout, condition);
    }

    /** How many samples of the tile's picture now differ from {@code earlier}; for lambdas that poll the picture. */
    static long differingFrom(int[] earlier, VideoTile tile) {
        try {
            return differingSamples(earlier, sample(tile));
        } catch (Exception e) {
            throw new AssertionError("could not sample the picture: " + e, e);
        }
    }

    /** The tile state read on the FX thread, for polling from the test thread; null if the FX thread is stuck. */
    static TileState state(VideoTile tile) {
        try {
            return onFx(tile::getState);
        } catch (Exception e) {
            return null;
        }
    }

    /** 32x18 grid of ARGB samples over the whole image, read on the FX thread (where the buffer is updated). */
    static int[] sample(VideoTile tile) throws Exception {
        return onFx(() -> {
            Image image = tile.imageView().getImage();
            assertThat(image).as("tile image").isNotNull();
            PixelReader reader = image.getPixelReader();
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] samples = new int[32 * 18];
            for (int y = 0; y < 18; y++) {
                for (int x = 0; x < 32; x++) {
                    samples[y * 32 + x] = reader.getArgb(x * w / 32 + w / 64, y * h / 18 + h / 36);
                }
            }
            return samples;
        });
    }

    static long brightSamples(int[] samples) {
        long bright = 0;
        for (int argb : samples) {
            int r = (argb >> 16) & 0xff;
            int g = (argb >> 8) & 0xff;
            int b = argb & 0xff;
            if (r + g + b > 3 * 40) {
                bright++;
            }
        }
        return bright;
    }

    static long differingSamples(int[] a, int[] b) {
        long differing = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                differing++;
            }
        }
        return differing;
    }
}
