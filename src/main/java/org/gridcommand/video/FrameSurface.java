package org.gridcommand.video;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import uk.co.caprica.vlcj.binding.internal.libvlc_display_callback_t;
import uk.co.caprica.vlcj.binding.internal.libvlc_lock_callback_t;
import uk.co.caprica.vlcj.binding.internal.libvlc_unlock_callback_t;
import uk.co.caprica.vlcj.binding.internal.libvlc_video_cleanup_cb;
import uk.co.caprica.vlcj.binding.internal.libvlc_video_format_cb;
import uk.co.caprica.vlcj.binding.lib.LibVlc;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.VideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.VideoSurfaceAdapters;

/**
 * Draws a libVLC player into an {@link ImageView} without copying, like vlcj-javafx's
 * {@code ImageViewVideoSurface} (RV32 pictures in a {@link PixelBuffer} behind a
 * {@link WritableImage}). That class is final with no hook, and this one differs where a wall needs:
 * <ul>
 *   <li>it counts: {@link #framesDelivered()} (pictures libVLC handed over) and, via
 *       {@code onFxFrame}, the pictures published to the scene graph;</li>
 *   <li>the picture memory belongs to Java, not libVLC: vlcj frees its native buffers in libVLC's
 *       cleanup callback while an FX pulse may still be uploading from them; a direct ByteBuffer
 *       held by the PixelBuffer lives as long as the image does;</li>
 *   <li>the image is created and set on the FX thread (the vlcj class does it on the decoder thread);</li>
 *   <li>at most one update waits on the FX thread at a time, so a busy wall cannot flood the FX
 *       queue; a late update simply publishes the newest picture.</li>
 * </ul>
 * Decoder and renderer share one buffer, so a picture may tear for a frame: the same trade
 * vlcj-javafx makes for a copy-free path.
 *
 * <p>The JNA callbacks are fields because libVLC holds raw function pointers to them: the session
 * keeps this surface strongly reachable for as long as its player exists.
 */
final class FrameSurface extends VideoSurface {
    private static final byte[] RV32 = "RV32".getBytes(StandardCharsets.US_ASCII);
    private static final int BYTES_PER_PIXEL = 4;
    // libVLC's SIMD converters prefer 32-byte aligned planes.
    private static final int ALIGNMENT = 32;

    private final ImageView view;
    private final Runnable onFxFrame;

    private final libvlc_video_format_cb formatCallback = new FormatCallback();
    private final libvlc_video_cleanup_cb cleanupCallback = new CleanupCallback();
    private final libvlc_lock_callback_t lockCallback = new LockCallback();
    private final libvlc_unlock_callback_t unlockCallback = new UnlockCallback();
    private final libvlc_display_callback_t displayCallback = new DisplayCallback();

    private final AtomicLong delivered = new AtomicLong();
    private volatile long firstDeliveredNanos;
    private final AtomicBoolean fxUpdateQueued = new AtomicBoolean();
    private volatile Frame frame;
    private volatile boolean detached;
    // FX thread only: the frame whose image is in the view.
    private Frame shown;

    /** @param onFxFrame runs on the FX thread each time a new picture has been pushed into the view */
    FrameSurface(ImageView view, Runnable onFxFrame) {
        super(VideoSurfaceAdapters.getVideoSurfaceAdapter());
        this.view = view;
        this.onFxFrame = onFxFrame;
        view.fitWidthProperty().addListener((o, was, now) -> viewWidth = now.doubleValue());
        view.fitHeightProperty().addListener((o, was, now) -> viewHeight = now.doubleValue());
        viewWidth = view.getFitWidth();
        viewHeight = view.getFitHeight();
    }

    // The view's size when libVLC asks for the picture format (decoder thread reads, FX thread writes).
    private volatile double viewWidth;
    private volatile double viewHeight;

    @Override
    public void attach(MediaPlayer mediaPlayer) {
        LibVlc.libvlc_video_set_format_callbacks(mediaPlayer.mediaPlayerInstance(), formatCallback, cleanupCallback);
        LibVlc.libvlc_video_set_callbacks(mediaPlayer.mediaPlayerInstance(), lockCallback, unlockCallback,
                displayCallback, null);
    }

    /** Stops publishing into the view; pictures still in flight are dropped. Any thread. */
    void detach() {
        detached = true;
    }

    long framesDelivered() {
        return delivered.get();
    }

    /** System.nanoTime() of the first picture libVLC handed over; meaningful once framesDelivered() > 0. */
    long firstDeliveredNanos() {
        return firstDeliveredNanos;
    }

    private void publishOnFx() {
        fxUpdateQueued.set(false);
        Frame current = frame;
        if (detached || current == null) {
            return;
        }
        if (current != shown) {
            // The same memory seen as little-endian ints is ARGB: the software pipeline copies int rows
            // straight into its texture, where bytes would go through a per-pixel conversion that costs
            // more than decoding (measured: almost all of the render thread on a 4x4 wall).
            current.pixels = new PixelBuffer<>(current.width, current.height, current.ints,
                    PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(current.pixels));
            shown = current;
        } else {
            // A null dirty region means the whole buffer changed.
            current.pixels.updateBuffer(pixels -> null);
        }
        onFxFrame.run();
    }

    /** Picture memory for one video format; replaced when libVLC renegotiates the format. */
    private static final class Frame {
        final int width;
        final int height;
        final ByteBuffer buffer;
        /** The buffer as ARGB ints (libVLC's RV32 is B, G, R, A in memory: little-endian ARGB). */
        final java.nio.IntBuffer ints;
        final Pointer[] planes;
        // FX thread only.
        PixelBuffer<java.nio.IntBuffer> pixels;

        Frame(int width, int height) {
            this.width = width;
            this.height = height;
            int size = Math.multiplyExact(Math.multiplyExact(width, height), BYTES_PER_PIXEL);
            ByteBuffer raw = ByteBuffer.allocateDirect(size + ALIGNMENT);
            long address = Pointer.nativeValue(Native.getDirectBufferPointer(raw));
            int offset = (int) ((ALIGNMENT - (address % ALIGNMENT)) % ALIGNMENT);
            raw.position(offset).limit(offset + size);
            // The slice references its parent, so the native memory lives as long as the slice.
            this.buffer = raw.slice();
            this.ints = buffer.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            this.planes = new Pointer[] {Native.getDirectBufferPointer(buffer)};
        }
    }

    private final class FormatCallback implements libvlc_video_format_cb {
        @Override
        public int format(PointerByReference opaque, PointerByReference chroma, IntByReference width,
                          IntByReference height, PointerByReference pitches, PointerByReference lines) {
            int w = width.getValue();
            int h = height.getValue();
            if (w <= 0 || h <= 0) {
                return 0;
            }
            // A picture larger than its tile is scaled down by libVLC while it converts it anyway: every later
            // step (copy, texture upload, drawing) then handles the tile's pixels, not the stream's. A tile that
            // grows keeps the smaller picture until its next session (a maximised tile switches stream).
            double vw = viewWidth;
            double vh = viewHeight;
            if (vw >= 16 && vh >= 16 && (w > vw || h > vh)) {
                double scale = Math.min(vw / w, vh / h);
                w = Math.max(2, (int) Math.round(w * scale) & ~1);
                h = Math.max(2, (int) Math.round(h * scale) & ~1);
            }
            try {
                frame = new Frame(w, h);
            } catch (OutOfMemoryError | ArithmeticException e) {
                // No buffers makes libVLC fail the video output rather than write through a bad pointer.
                return 0;
            }
            chroma.getPointer().write(0, RV32, 0, RV32.length);
            width.setValue(w);
            height.setValue(h);
            pitches.getPointer().write(0, new int[] {w * BYTES_PER_PIXEL}, 0, 1);
            lines.getPointer().write(0, new int[] {h}, 0, 1);
            return 1;
        }
    }

    private static final class CleanupCallback implements libvlc_video_cleanup_cb {
        @Override
        public void cleanup(Pointer opaque) {
            // Nothing to free: the frame is Java memory, and the view may still be showing it.
        }
    }

    private final class LockCallback implements libvlc_lock_callback_t {
        @Override
        public Pointer lock(Pointer opaque, PointerByReference planes) {
            // libVLC locks only after a successful format callback, so a frame exists.
            planes.getPointer().write(0, frame.planes, 0, 1);
            return null;
        }
    }

    private static final class UnlockCallback implements libvlc_unlock_callback_t {
        @Override
        public void unlock(Pointer opaque, Pointer picture, Pointer plane) {
            // The picture stays in the buffer until display; nothing to hand back.
        }
    }

    private final class DisplayCallback implements libvlc_display_callback_t {
        @Override
        public void display(Pointer opaque, Pointer picture) {
            if (delivered.get() == 0) {
                firstDeliveredNanos = System.nanoTime();
            }
            // Not every call is a new picture: libVLC redisplays the last one while nothing new comes.
            delivered.incrementAndGet();
            if (!detached && fxUpdateQueued.compareAndSet(false, true)) {
                Platform.runLater(FrameSurface.this::publishOnFx);
            }
        }
    }
}
