package org.gridcommand.video;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.Window;
import javafx.util.Duration;
import org.gridcommand.ui.fx.FxThread;
import uk.co.caprica.vlcj.binding.internal.libvlc_display_callback_t;
import uk.co.caprica.vlcj.binding.internal.libvlc_lock_callback_t;
import uk.co.caprica.vlcj.binding.internal.libvlc_unlock_callback_t;
import uk.co.caprica.vlcj.binding.internal.libvlc_video_cleanup_cb;
import uk.co.caprica.vlcj.binding.internal.libvlc_video_format_cb;
import uk.co.caprica.vlcj.binding.lib.LibVlc;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.VideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.VideoSurfaceAdapters;

/**
 * One camera on the wall: the picture, the camera name (top left), a clock (top right) and a state line
 * that says in words what the tile is doing, on a dark translucent plate so it reads on any picture.
 *
 * <p>Native resources follow the node: a libVLC player exists only while the tile is in a scene whose
 * window is showing and a camera is assigned. Taking the tile (or a parent) out of the scene, or hiding
 * the window, stops and releases the player; putting it back starts a fresh one. So a wall page that is
 * not on screen costs no decoding, and nobody has to remember to dispose tiles.
 *
 * <p>All public methods are for the FX thread (calls from elsewhere are moved there), and none of them
 * blocks: libVLC work runs on the engine's executor.
 *
 * <p>UI strings come from the {@code text} function given to the constructor (missing keys fall back
 * to English): {@code video.state.idle}, {@code video.state.connecting}, {@code video.state.playing},
 * {@code video.state.noSignal}, {@code video.unavailable}, {@code video.unavailable.install}, and the
 * {@link VideoEngine.Reason#messageKey()} of the engine's reason, e.g.
 * {@code video.unavailable.libvlcMissing}.
 */
public class VideoTile extends StackPane {
    private static final System.Logger LOG = System.getLogger(VideoTile.class.getName());
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The overlay clock shows the district's time, like the status bar, whatever zone the seat's OS is in. */
    private java.time.ZoneId clockZone = java.time.ZoneId.systemDefault();
    // Enough to ride out a short network hiccup without making the wall lag far behind the street.
    private static final String NETWORK_CACHING_MS = "500";
    // libVLC 3 has no "forever"; at 8 s a clip this is six days.
    private static final String LOOP_OPTION = ":input-repeat=65535";

    /** What a tile is doing; shown in words on the tile. */
    public enum TileState {
        /** No camera assigned, or the tile is not on screen (no player exists). */
        IDLE("video.state.idle", "No camera"),
        /** A player is opening the stream; no picture has arrived yet. */
        CONNECTING("video.state.connecting", "Connecting…"),
        /** Pictures are arriving. */
        PLAYING("video.state.playing", "Live"),
        /** The stream failed, ended, or the URL is unusable. */
        NO_SIGNAL("video.state.noSignal", "No signal"),
        /** libVLC is missing or closed; see {@link VideoEngine#reason()}. */
        UNAVAILABLE("video.unavailable", "Video unavailable");

        private final String messageKey;
        private final String englishText;

        TileState(String messageKey, String englishText) {
            this.messageKey = messageKey;
            this.englishText = englishText;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private record Assignment(String cameraName, String url, boolean loop) {
    }

    private final VideoEngine engine;
    private final Function<String, String> text;
    private final ImageView video = new ImageView();
    private final Label nameLabel = overlayLabel("video-tile-name");
    private final Label clockLabel = overlayLabel("video-tile-clock");
    private final Label stateLabel = overlayLabel("video-tile-state");
    private final Label detailLabel = overlayLabel("video-tile-detail");
    private final VBox statusBox = new VBox(2, stateLabel, detailLabel);
    private final Timeline clock = new Timeline(new KeyFrame(Duration.millis(250), e -> tickClock()));
    private final ReadOnlyObjectWrapper<TileState> state = new ReadOnlyObjectWrapper<>(this, "state", TileState.IDLE);
    private final AtomicLong framesRendered = new AtomicLong();
    // Held in a field: the chained observable stops observing the scene once nothing references it.
    private final ObservableValue<Boolean> treeShowing;

    private Assignment assignment;
    private Session session;

    public VideoTile(VideoEngine engine, Function<String, String> text) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.text = Objects.requireNonNull(text, "text");
        getStyleClass().add("video-tile");
        setBackground(new Background(new BackgroundFill(Color.BLACK, CornerRadii.EMPTY, Insets.EMPTY)));
        setMinSize(64, 36);
        setPrefSize(320, 180);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        video.setPreserveRatio(true);
        video.setSmooth(true);
        // Sized and centred in layoutChildren: a managed ImageView would push its size into the layout.
        video.setManaged(false);

        nameLabel.setFont(Font.font(null, FontWeight.BOLD, 14));
        StackPane.setAlignment(nameLabel, Pos.TOP_LEFT);
        StackPane.setAlignment(clockLabel, Pos.TOP_RIGHT);
        StackPane.setMargin(nameLabel, new Insets(4));
        StackPane.setMargin(clockLabel, new Insets(4));
        stateLabel.setFont(Font.font(null, FontWeight.BOLD, 14));
        detailLabel.setWrapText(true);
        statusBox.setFillWidth(false);
        statusBox.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setMargin(statusBox, new Insets(4));
        getChildren().addAll(video, nameLabel, clockLabel, statusBox);

        clock.setCycleCount(Animation.INDEFINITE);
        tickClock();
        state.addListener((obs, was, now) -> renderState());
        renderState();

        treeShowing = sceneProperty()
                .flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty)
                .orElse(false);
        treeShowing.addListener((obs, was, now) -> reconcile());
        reconcile();
    }

    /**
     * Shows a camera. {@code url} is an MRL or an {@code asset:} path; {@code loop} repeats a finite
     * source (demo clips). Restarts the player even for the same URL, so it doubles as "retry".
     */
    public void show(String cameraName, String url, boolean loop) {
        if (!Platform.isFxApplicationThread()) {
            FxThread.run(() -> show(cameraName, url, loop));
            return;
        }
        assignment = new Assignment(cameraName == null ? "" : cameraName, url, loop);
        nameLabel.setText(assignment.cameraName());
        stopSession(true);
        reconcile();
    }

    /** Removes the camera: stops the player and leaves an empty, idle tile. */
    public void setClockZone(java.time.ZoneId zone) {
        clockZone = java.util.Objects.requireNonNull(zone);
    }

    public void clear() {
        if (!Platform.isFxApplicationThread()) {
            FxThread.run(this::clear);
            return;
        }
        assignment = null;
        nameLabel.setText("");
        stopSession(true);
        reconcile();
    }

    public ReadOnlyObjectProperty<TileState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public TileState getState() {
        return state.get();
    }

    /**
     * Pictures published to the scene graph since the tile was made, over all players it has had;
     * readable from any thread, only ever grows. Counted on the FX thread each time the newest decoded
     * picture is pushed into the image ({@code PixelBuffer.updateBuffer}), i.e. after the hop from the
     * decoder to the FX thread. When the FX thread falls behind, several decoded pictures collapse into
     * one update and count once; whether the next pulse actually paints it is not observed. A watchdog
     * that sees this stand still while the tile says PLAYING has found a dead stream or a stuck UI.
     */
    public long framesRendered() {
        return framesRendered.get();
    }

    /** Pictures the current player's decoder handed over, shown or not; 0 without a player. */
    long framesDelivered() {
        Session s = session;
        return s == null ? 0 : s.surface.framesDelivered();
    }

    /** Whether a libVLC player exists (or is being created) for this tile. */
    boolean hasPlayer() {
        return session != null;
    }

    ImageView imageView() {
        return video;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Insets in = getInsets();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        video.setFitWidth(w);
        video.setFitHeight(h);
        double shownW = video.getLayoutBounds().getWidth();
        double shownH = video.getLayoutBounds().getHeight();
        video.relocate(in.getLeft() + (w - shownW) / 2, in.getTop() + (h - shownH) / 2);
    }

    /** Brings the player in line with "assigned and on screen"; the only place sessions start. */
    private void reconcile() {
        boolean onScreen = Boolean.TRUE.equals(treeShowing.getValue());
        if (onScreen) {
            clock.play();
        } else {
            clock.stop();
        }
        if (!engine.available()) {
            stopSession(true);
            state.set(TileState.UNAVAILABLE);
            return;
        }
        if (assignment == null || !onScreen) {
            stopSession(true);
            state.set(TileState.IDLE);
            return;
        }
        if (session == null) {
            startSession(assignment);
        }
    }

    private void startSession(Assignment a) {
        String mrl;
        try {
            mrl = engine.resolveMrl(a.url());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "camera {0}: {1}", a.cameraName(), e.getMessage());
            video.setImage(null);
            state.set(TileState.NO_SIGNAL);
            return;
        }
        Session s = new Session(a, mrl);
        session = s;
        video.setImage(null);
        state.set(TileState.CONNECTING);
        try {
            engine.execute(s::start);
        } catch (IllegalStateException e) {
            session = null;
            state.set(engine.available() ? TileState.NO_SIGNAL : TileState.UNAVAILABLE);
        }
    }

    private void stopSession(boolean dropPicture) {
        Session s = session;
        session = null;
        if (dropPicture) {
            video.setImage(null);
        }
        if (s == null) {
            return;
        }
        s.surface.detach();
        try {
            engine.execute(s::release);
        } catch (IllegalStateException e) {
            // Engine closed: it has already released every player it made.
        }
    }

    private void onFxFrame(Session s) {
        framesRendered.incrementAndGet();
        if (session == s && state.get() != TileState.PLAYING) {
            state.set(TileState.PLAYING);
        }
    }

    private void onPlayerFailed(Session s, String why) {
        FxThread.run(() -> {
            if (session == s) {
                LOG.log(Level.INFO, "camera {0}: {1}", s.assignment.cameraName(), why);
                // The last picture stays, dimmed, so the officer sees what the camera showed before.
                state.set(TileState.NO_SIGNAL);
            }
        });
    }

    private void renderState() {
        TileState now = state.get();
        stateLabel.setText(lookup(now.messageKey(), now.englishText));
        String detail = "";
        if (now == TileState.UNAVAILABLE) {
            VideoEngine.Reason reason = engine.reason();
            detail = lookup(reason.messageKey(), reason.englishText());
            if (reason.installHelps()) {
                detail += "\n" + lookup("video.unavailable.install", "Install with:") + " " + VideoEngine.INSTALL_COMMAND;
            }
        }
        detailLabel.setText(detail);
        detailLabel.setVisible(!detail.isEmpty());
        detailLabel.setManaged(!detail.isEmpty());
        // Live video gets a small corner tag; anything else is the main message of the tile.
        StackPane.setAlignment(statusBox, now == TileState.PLAYING ? Pos.BOTTOM_LEFT : Pos.CENTER);
        video.setOpacity(now == TileState.PLAYING ? 1.0 : 0.4);
        pseudoClassStates(now);
    }

    /** :idle, :connecting, :playing, :no_signal, :unavailable — for the application's stylesheet. */
    private void pseudoClassStates(TileState now) {
        for (TileState s : TileState.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)), s == now);
        }
    }

    private void tickClock() {
        String now = LocalDateTime.now(clockZone).format(CLOCK);
        if (!now.equals(clockLabel.getText())) {
            clockLabel.setText(now);
        }
    }

    private String lookup(String key, String english) {
        try {
            String value = text.apply(key);
            // Lookups mark a missing key as the key itself or "!key!" (Messages); both mean "not translated".
            boolean missing = value == null || value.isBlank() || value.equals(key) || value.equals("!" + key + "!");
            return missing ? english : value;
        } catch (RuntimeException e) {
            // A missing bundle entry must not take the wall down.
            return english;
        }
    }

    private static Label overlayLabel(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setTextFill(Color.WHITE);
        label.setBackground(new Background(new BackgroundFill(Color.rgb(0, 0, 0, 0.62), new CornerRadii(3), Insets.EMPTY)));
        label.setPadding(new Insets(2, 6, 2, 6));
        label.setMouseTransparent(true);
        return label;
    }

    /**
     * One player's life, from start to release. Holds the strong references libVLC needs (player,
     * surface with its JNA callbacks, event listener). start and release run on engine threads and may
     * overlap, so they synchronise on the session: release waits for a start in progress, and a start
     * that comes after release does nothing.
     */
    private final class Session {
        final Assignment assignment;
        final String mrl;
        final FrameSurface surface;
        private final MediaPlayerEventAdapter events;
        private EmbeddedMediaPlayer player;
        private boolean released;

        Session(Assignment assignment, String mrl) {
            this.assignment = assignment;
            this.mrl = mrl;
            this.surface = new FrameSurface(video, () -> onFxFrame(this));
            // libVLC event thread: no libVLC calls here, only hand-offs to the FX thread.
            this.events = new MediaPlayerEventAdapter() {
                @Override
                public void error(MediaPlayer mediaPlayer) {
                    onPlayerFailed(Session.this, "libVLC reported an error opening " + Session.this.mrl);
                }

                @Override
                public void finished(MediaPlayer mediaPlayer) {
                    onPlayerFailed(Session.this, "stream ended: " + Session.this.mrl);
                }
            };
        }

        synchronized void start() {
            if (released) {
                return;
            }
            try {
                player = engine.newPlayer();
                player.videoSurface().set(surface);
                player.events().addMediaPlayerEventListener(events);
                if (!player.media().play(mrl, mediaOptions())) {
                    onPlayerFailed(this, "libVLC refused " + mrl);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not start " + mrl, e);
                onPlayerFailed(this, e.toString());
            }
        }

        synchronized void release() {
            released = true;
            if (player != null) {
                engine.release(player);
                player = null;
            }
        }

        private String[] mediaOptions() {
            List<String> options = new ArrayList<>();
            // Wall tiles are silent; an operator who wants sound opens the camera on its own.
            options.add(":no-audio");
            if (assignment.loop()) {
                options.add(LOOP_OPTION);
            }
            if (VideoEngine.isNetwork(mrl)) {
                options.add(":network-caching=" + NETWORK_CACHING_MS);
            }
            return options.toArray(String[]::new);
        }
    }

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
    static final class FrameSurface extends VideoSurface {
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
        }

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

        private void publishOnFx() {
            fxUpdateQueued.set(false);
            Frame current = frame;
            if (detached || current == null) {
                return;
            }
            if (current != shown) {
                current.pixels = new PixelBuffer<>(current.width, current.height, current.buffer,
                        PixelFormat.getByteBgraPreInstance());
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
            final Pointer[] planes;
            // FX thread only.
            PixelBuffer<ByteBuffer> pixels;

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
                delivered.incrementAndGet();
                if (!detached && fxUpdateQueued.compareAndSet(false, true)) {
                    Platform.runLater(FrameSurface.this::publishOnFx);
                }
            }
        }
    }
}
