package org.gridcommand.video;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
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
import org.gridcommand.fx.FxThread;
import uk.co.caprica.vlcj.media.InfoApi;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;

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
 * <p>Streams by size: a camera comes with a main and a sub stream; the tile plays the sub stream while small and
 * the main stream while maximised or wider than {@link StreamSizing#mainFromWidth()} screen pixels, switching
 * (with hysteresis) as it is resized. Players come from the engine's pool and go back to it.
 *
 * <p>Health: a watchdog (on the tile's 250 ms clock tick, FX thread) declares the signal lost when no
 * picture has been decoded for {@link HealthPolicy#stallTimeout()} (a new player gets that long for its first
 * picture), or, for live sources, when libVLC reports an error or the end of the stream — libVLC says nothing
 * when a network stream simply stops, so counting pictures is the only reliable sign. Counting display
 * callbacks is not enough either: libVLC's video output shows its last picture again every few dozen
 * milliseconds while nothing new comes, so a dead stream keeps "displaying". Progress is therefore libVLC's
 * count of decoded pictures, polled on the engine's executor with each watchdog tick (never on the FX
 * thread, never from a libVLC callback), plus the player's first displayed picture. The tile then says
 * "signal lost since HH:MM:SS" and reconnects with back-off (1 s, 2, 4 … 30 s by default): the old player keeps
 * listening until the next attempt replaces it, so a stream that comes back is picked up by whichever player
 * is open, and the tile returns to {@link TileState#PLAYING} on its own. State, "lost since" and the attempt
 * count are read-only properties, and {@link #setOnHealthChange} reports every change as a {@link TileHealth}.
 *
 * <p>UI strings come from the {@code text} function given to the constructor (missing keys fall back
 * to English): {@code video.state.idle}, {@code video.state.connecting}, {@code video.state.playing},
 * {@code video.state.noSignal}, {@code video.state.lostSince}, {@code video.reconnect.waiting},
 * {@code video.reconnect.trying}, {@code video.unavailable}, {@code video.unavailable.line},
 * {@code video.unavailable.install}, and the {@link VideoEngine.Reason#messageKey()} of the engine's reason,
 * e.g. {@code video.unavailable.libvlcMissing}. Placeholders are {@code {0}}, {@code {1}}.
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
        /** A file failed or ended, or the URL is unusable; the tile does not retry (show it again to retry). */
        NO_SIGNAL("video.state.noSignal", "No signal"),
        /**
         * The stream stopped delivering pictures (or failed, or ended, for a live source); the tile is
         * reconnecting with back-off and returns to {@link #PLAYING} by itself when pictures come again.
         */
        SIGNAL_LOST("video.state.lostSince", "Signal lost since {0}"),
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

    /** A camera on the tile: both its streams (the same URL twice for a camera with one stream). */
    private record Assignment(String cameraId, String cameraName, String mainUrl, String subUrl, boolean loop) {
        String url(StreamSizing.Stream stream) {
            return stream == StreamSizing.Stream.MAIN ? mainUrl : subUrl;
        }

        /** Whether the two streams are different sources (else there is nothing to switch). */
        boolean hasTwoStreams() {
            return !Objects.equals(mainUrl, subUrl);
        }
    }

    private static final DateTimeFormatter LOST_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter LOST_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Color PLATE = Color.rgb(0, 0, 0, 0.62);
    private static final Color LOST_PLATE = Color.rgb(150, 0, 0, 0.78);
    private static final Border DROP_BORDER = new Border(new BorderStroke(Color.rgb(255, 200, 0),
            BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(3)));

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
    private final ReadOnlyObjectWrapper<Instant> lostSince = new ReadOnlyObjectWrapper<>(this, "lostSince");
    private final ReadOnlyIntegerWrapper reconnectAttempts = new ReadOnlyIntegerWrapper(this, "reconnectAttempts");
    private final ReadOnlyObjectWrapper<StreamSizing.Stream> stream = new ReadOnlyObjectWrapper<>(this, "stream");
    private final ReadOnlyBooleanWrapper maximised = new ReadOnlyBooleanWrapper(this, "maximised");
    private final AtomicLong sessionsStarted = new AtomicLong();
    private final AtomicLong framesRendered = new AtomicLong();
    // Held in a field: the chained observable stops observing the scene once nothing references it.
    private final ObservableValue<Boolean> treeShowing;

    private Assignment assignment;
    private Session session;
    // Health, FX thread only.
    private HealthPolicy policy = HealthPolicy.DEFAULT;
    private StreamSizing streamSizing = StreamSizing.DEFAULT;
    // The stream the tile last started for its camera; kept across reconnects so the hysteresis holds.
    private StreamSizing.Stream chosenStream;
    private Consumer<TileHealth> onHealthChange;
    private TileHealth lastReported;
    private boolean retryPending;
    private long retryAt;
    private long playingSince;
    private long lostDeclaredAt;
    private Instant pictureAt;
    private double stateFontSize;
    private double nameFontSize = 14;
    private TileState renderedState;

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
        video.setSmooth(false);
        // Sized and centred in layoutChildren: a managed ImageView would push its size into the layout.
        video.setManaged(false);

        nameLabel.setFont(org.gridcommand.fx.Fonts.of(FontWeight.BOLD, 14));
        StackPane.setAlignment(nameLabel, Pos.TOP_LEFT);
        StackPane.setAlignment(clockLabel, Pos.TOP_RIGHT);
        StackPane.setMargin(nameLabel, new Insets(4));
        StackPane.setMargin(clockLabel, new Insets(4));
        stateLabel.setFont(org.gridcommand.fx.Fonts.of(FontWeight.BOLD, 14));
        detailLabel.setWrapText(true);
        statusBox.setFillWidth(false);
        statusBox.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setMargin(statusBox, new Insets(4));
        getChildren().addAll(video, nameLabel, clockLabel, statusBox);

        clock.setCycleCount(Animation.INDEFINITE);
        tickClock();
        heightProperty().addListener((obs, was, now) -> renderFont());
        // A tile that grows past the threshold (a layout with fewer tiles, a wider window) moves to the main stream.
        widthProperty().addListener((obs, was, now) -> chooseStream());
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
        show(cameraName, cameraName, url, loop);
    }

    /**
     * Shows a camera with its id (e.g. the 20-digit GB/T 28181 code), which names snapshots and is reported
     * in {@link TileHealth}. Resets the tile's health: no "lost since", no attempts.
     */
    public void show(String cameraId, String cameraName, String url, boolean loop) {
        show(cameraId, cameraName, url, url, loop);
    }

    /**
     * Shows a camera with both its streams: the tile plays the sub stream while it is small and the main stream
     * while it is maximised or large on screen (see {@link StreamSizing}), and switches as it changes size.
     * A blank URL for one stream means the camera has only the other.
     */
    public void show(String cameraId, String cameraName, String mainUrl, String subUrl, boolean loop) {
        if (!Platform.isFxApplicationThread()) {
            FxThread.run(() -> show(cameraId, cameraName, mainUrl, subUrl, loop));
            return;
        }
        String name = cameraName == null ? "" : cameraName;
        String main = mainUrl == null || mainUrl.isBlank() ? subUrl : mainUrl;
        String sub = subUrl == null || subUrl.isBlank() ? main : subUrl;
        assignment = new Assignment(cameraId == null || cameraId.isBlank() ? name : cameraId.strip(), name, main, sub,
                loop);
        chosenStream = null;
        nameLabel.setText(assignment.cameraName());
        stopSession(true);
        resetHealth();
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
        chosenStream = null;
        nameLabel.setText("");
        stopSession(true);
        resetHealth();
        reconcile();
    }

    /** The id of the camera on the tile (its name when shown without an id); "" when none. FX thread. */
    public String cameraId() {
        Assignment a = assignment;
        return a == null ? "" : a.cameraId();
    }

    /** The name of the camera on the tile; "" when none. FX thread. */
    public String cameraName() {
        Assignment a = assignment;
        return a == null ? "" : a.cameraName();
    }

    /**
     * Whether the tile fills the whole wall; a maximised tile always plays the main stream. Set by the wall.
     * FX thread.
     */
    public ReadOnlyBooleanProperty maximisedProperty() {
        return maximised.getReadOnlyProperty();
    }

    void setMaximised(boolean value) {
        maximised.set(value);
        chooseStream();
    }

    /** When a tile plays the main stream; applies at once. FX thread. */
    public void setStreamSizing(StreamSizing sizing) {
        streamSizing = Objects.requireNonNull(sizing, "sizing");
        chooseStream();
    }

    /** The stream the tile's player plays now (main or sub); null while no player runs. */
    public ReadOnlyObjectProperty<StreamSizing.Stream> streamProperty() {
        return stream.getReadOnlyProperty();
    }

    /**
     * Players this tile has started (each new camera, stream switch, reconnect attempt, or return to the screen);
     * a layout change that keeps the tile on screen starts none. Any thread.
     */
    public long sessionsStarted() {
        return sessionsStarted.get();
    }

    /** A frame around the tile while a camera is dragged over it. FX thread. */
    public void setDropHighlight(boolean on) {
        setBorder(on ? DROP_BORDER : null);
    }

    /** Watchdog timeout and back-off; applies from the next check on. FX thread. */
    public void setHealthPolicy(HealthPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public HealthPolicy getHealthPolicy() {
        return policy;
    }

    /**
     * Called on the FX thread with the tile's health each time its state, "lost since" or attempt count
     * changes (once per change, never twice with the same content), e.g. to record a camera online or lost.
     * One listener per tile; null removes it. A listener that throws is logged and otherwise ignored.
     */
    public void setOnHealthChange(Consumer<TileHealth> listener) {
        onHealthChange = listener;
    }

    /** The health as it is now; FX thread. */
    public TileHealth health() {
        Assignment a = assignment;
        return new TileHealth(a == null ? "" : a.cameraId(), a == null ? "" : a.cameraName(), state.get(),
                lostSince.get(), reconnectAttempts.get(), Instant.now());
    }

    /** When the last picture arrived before the signal was lost; null unless the state is SIGNAL_LOST. */
    public ReadOnlyObjectProperty<Instant> lostSinceProperty() {
        return lostSince.getReadOnlyProperty();
    }

    public Instant getLostSince() {
        return lostSince.get();
    }

    /** Reconnect attempts in the current outage; back to 0 once pictures have flowed for a while. */
    public ReadOnlyIntegerProperty reconnectAttemptsProperty() {
        return reconnectAttempts.getReadOnlyProperty();
    }

    public int getReconnectAttempts() {
        return reconnectAttempts.get();
    }

    /**
     * Writes the picture the tile shows now to a PNG in {@code dir} (created if needed), named by camera id and
     * the time the picture arrived, e.g. {@code 44040200001320000001_20261127T203945.123+0800.png} (the clock's
     * zone). The pixels are copied on the FX thread from the tile's own image (no libVLC call, so it also works
     * for the last picture of a lost signal, named with that picture's time); encoding and writing run in the
     * background. Fails with an {@link IllegalStateException} when the tile has no picture. Any thread.
     */
    public CompletableFuture<Path> snapshot(Path dir) {
        Objects.requireNonNull(dir, "dir");
        CompletableFuture<Path> result = new CompletableFuture<>();
        FxThread.run(() -> {
            try {
                Image image = video.getImage();
                Assignment a = assignment;
                if (image == null || a == null || pictureAt == null) {
                    throw new IllegalStateException("no picture to snapshot on tile '"
                            + (a == null ? "" : a.cameraName()) + "' (state " + state.get() + ")");
                }
                int w = (int) image.getWidth();
                int h = (int) image.getHeight();
                byte[] bgra = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 4)];
                image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(), bgra, 0, w * 4);
                ZonedDateTime at = pictureAt.atZone(clockZone);
                String id = a.cameraId();
                FxThread.background(() -> Snapshots.writePng(dir, id, at, w, h, bgra), path -> { }, error -> { })
                        .whenComplete((path, error) -> {
                            if (error != null) {
                                result.completeExceptionally(error instanceof java.util.concurrent.CompletionException
                                        && error.getCause() != null ? error.getCause() : error);
                            } else {
                                result.complete(path);
                            }
                        });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
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
     * one update and count once; whether the next pulse actually paints it is not observed. Note that
     * libVLC redisplays its last picture every few dozen milliseconds while no new one arrives, so this keeps
     * growing (slowly) on a dead stream; {@link #framesDecoded()} is the count of distinct pictures.
     */
    public long framesRendered() {
        return framesRendered.get();
    }

    /** Pictures the current player's decoder handed over, shown or not; 0 without a player. */
    long framesDelivered() {
        Session s = session;
        return s == null ? 0 : s.surface.framesDelivered();
    }

    /**
     * Pictures the current player has decoded, as libVLC last reported (polled with the watchdog, so up to
     * a second or so behind); 0 without a player or before the first report. Any thread. Unlike
     * {@link #framesRendered()} it does not count libVLC showing the same picture again.
     */
    public long framesDecoded() {
        Session s = session;
        return s == null ? 0 : Math.max(0, s.decoded);
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
            resetHealth();
            setHealth(TileState.UNAVAILABLE, null, 0);
            return;
        }
        if (assignment == null || !onScreen) {
            // Off screen nothing is watched: coming back starts afresh.
            stopSession(true);
            resetHealth();
            setHealth(TileState.IDLE, null, 0);
            return;
        }
        if (session == null && !retryPending) {
            startSession(assignment, false);
        }
    }

    /**
     * Moves the player to the stream the tile's size calls for (hysteresis in {@link StreamSizing}), keeping the
     * last picture until the other stream's first one. Nothing to do without a player or with a one-stream camera.
     */
    private void chooseStream() {
        Session s = session;
        Assignment a = assignment;
        if (s == null || a == null || !a.hasTwoStreams() || retryPending) {
            return;
        }
        StreamSizing.Stream wanted = wantedStream(s.stream);
        if (wanted != s.stream) {
            LOG.log(Level.INFO, "camera {0}: {1} stream for a tile {2} px wide{3}", a.cameraName(), wanted,
                    Math.round(screenWidth()), maximised.get() ? " (maximised)" : "");
            stopSession(false);
            resetHealth();
            startSession(a, false, true);
        }
    }

    private StreamSizing.Stream wantedStream(StreamSizing.Stream current) {
        return streamSizing.choose(current, screenWidth(), maximised.get());
    }

    /** The tile's width in screen pixels (a HiDPI screen shows more pixels than layout units). */
    private double screenWidth() {
        Scene scene = getScene();
        Window window = scene == null ? null : scene.getWindow();
        double scale = window == null ? 1 : window.getRenderScaleX();
        return getWidth() * (scale > 0 ? scale : 1);
    }

    /** @param reconnect an attempt of the reconnect loop: keep the last picture and the SIGNAL_LOST state */
    private void startSession(Assignment a, boolean reconnect) {
        startSession(a, reconnect, false);
    }

    /** @param keepPicture a stream switch: the last picture stays (dimmed) until the new stream's first one */
    private void startSession(Assignment a, boolean reconnect, boolean keepPicture) {
        StreamSizing.Stream kind = wantedStream(chosenStream);
        chosenStream = kind;
        String mrl;
        try {
            mrl = engine.resolveMrl(a.url(kind));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "camera {0}: {1}", a.cameraName(), e.getMessage());
            dropPicture();
            resetHealth();
            setHealth(TileState.NO_SIGNAL, null, 0);
            return;
        }
        Session s = new Session(a, mrl, kind);
        session = s;
        stream.set(kind);
        sessionsStarted.incrementAndGet();
        if (!reconnect) {
            if (!keepPicture) {
                dropPicture();
            }
            setHealth(TileState.CONNECTING, null, reconnectAttempts.get());
        }
        try {
            engine.execute(s::start);
        } catch (IllegalStateException e) {
            session = null;
            stream.set(null);
            resetHealth();
            setHealth(engine.available() ? TileState.NO_SIGNAL : TileState.UNAVAILABLE, null, 0);
        }
    }

    private void dropPicture() {
        video.setImage(null);
        pictureAt = null;
    }

    private void resetHealth() {
        retryPending = false;
        reconnectAttempts.set(0);
        lostSince.set(null);
    }

    /** Sets state, "lost since" and attempts together, then redraws and reports once if anything changed. */
    private void setHealth(TileState newState, Instant since, int attempts) {
        lostSince.set(since);
        reconnectAttempts.set(attempts);
        state.set(newState);
        renderState();
        // Also reports a new camera on an unchanged state; report() drops repeats.
        report();
    }

    private void report() {
        TileHealth now = health();
        TileHealth last = lastReported;
        if (last != null && last.state() == now.state() && Objects.equals(last.lostSince(), now.lostSince())
                && last.reconnectAttempts() == now.reconnectAttempts()
                && last.cameraId().equals(now.cameraId()) && last.cameraName().equals(now.cameraName())) {
            return;
        }
        lastReported = now;
        Consumer<TileHealth> listener = onHealthChange;
        if (listener != null) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "tile health listener failed", e);
            }
        }
    }

    /**
     * The watchdog, run with the clock (every 250 ms while on screen, FX thread): declares a silent stream
     * lost, starts due reconnect attempts, and resets the back-off after a good stretch of pictures.
     */
    private void watch() {
        if (assignment == null || !engine.available()) {
            return;
        }
        long now = System.nanoTime();
        if (retryPending && now - retryAt >= 0) {
            retryPending = false;
            // The old player (if any) listened until now; the new one replaces it.
            stopSession(false);
            int attempt = reconnectAttempts.get() + 1;
            LOG.log(Level.INFO, "camera {0}: reconnect attempt {1}", assignment.cameraName(), attempt);
            setHealth(TileState.SIGNAL_LOST, lostSince.get(), attempt);
            startSession(assignment, true);
            return;
        }
        Session s = session;
        TileState st = state.get();
        if (s != null && st != TileState.NO_SIGNAL) {
            s.pollProgress();
        }
        if (st == TileState.SIGNAL_LOST && s != null && s.progressedAfter(lostDeclaredAt)) {
            // New pictures from whichever player is open (a new attempt, or the old one that caught up).
            LOG.log(Level.INFO, "camera {0}: signal back after {1} attempt(s)", assignment.cameraName(),
                    reconnectAttempts.get());
            retryPending = false;
            playingSince = now;
            setHealth(TileState.PLAYING, null, reconnectAttempts.get());
            return;
        }
        if (st == TileState.SIGNAL_LOST) {
            renderState(); // the "next try in" countdown
        }
        if (s == null || retryPending || st == TileState.NO_SIGNAL || st == TileState.IDLE
                || st == TileState.UNAVAILABLE) {
            return;
        }
        long last = s.lastProgressNanos();
        if (now - last > policy.stallTimeout().toNanos()) {
            signalLost(s, "no picture for " + policy.stallTimeout().toMillis() + " ms");
        } else if (st == TileState.PLAYING && reconnectAttempts.get() > 0
                && now - playingSince >= policy.stableAfter().toNanos()) {
            setHealth(TileState.PLAYING, null, 0);
        }
    }

    /** FX thread: the session's stream is gone; say since when and schedule the next attempt. */
    private void signalLost(Session s, String why) {
        if (session != s || retryPending) {
            return;
        }
        long now = System.nanoTime();
        Instant since = lostSince.get();
        if (since == null || state.get() != TileState.SIGNAL_LOST) {
            since = Instant.now().minusNanos(Math.max(0, now - s.lastProgressNanos()));
            lostDeclaredAt = now;
        }
        long delayMillis = policy.retryDelay(reconnectAttempts.get()).toMillis();
        LOG.log(Level.INFO, "camera {0}: signal lost ({1}); next attempt in {2} ms",
                s.assignment.cameraName(), why, delayMillis);
        if (s.failed) {
            // A player that reported an error or the end has nothing more to give.
            stopSession(false);
        }
        retryPending = true;
        retryAt = now + delayMillis * 1_000_000L;
        setHealth(TileState.SIGNAL_LOST, since, reconnectAttempts.get());
    }

    private void stopSession(boolean dropPicture) {
        Session s = session;
        session = null;
        stream.set(null);
        if (dropPicture) {
            dropPicture();
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
        pictureAt = Instant.now();
        if (session == s && state.get() == TileState.CONNECTING) {
            // A new player's first picture. Coming back from SIGNAL_LOST is decided in watch(), on decoded
            // pictures: a display alone may be libVLC showing its last picture again.
            playingSince = System.nanoTime();
            setHealth(TileState.PLAYING, null, reconnectAttempts.get());
        }
    }

    private void onPlayerFailed(Session s, String why) {
        FxThread.run(() -> {
            if (session != s) {
                return;
            }
            s.failed = true;
            if (s.live && engine.available()) {
                signalLost(s, why);
                return;
            }
            LOG.log(Level.INFO, "camera {0}: {1}", s.assignment.cameraName(), why);
            // The last picture stays, dimmed, so the officer sees what the camera showed before.
            retryPending = false;
            setHealth(TileState.NO_SIGNAL, null, 0);
        });
    }

    private void renderState() {
        TileState now = state.get();
        String headline = lookup(now.messageKey(), now.englishText);
        String detail = "";
        if (now == TileState.UNAVAILABLE) {
            // "video unavailable: libVLC 3 not found", then the command that fixes it.
            VideoEngine.Reason reason = engine.reason();
            headline = fill(lookup("video.unavailable.line", "{0}: {1}"), headline,
                    lookup(reason.messageKey(), reason.englishText()));
            if (reason.installHelps()) {
                detail = lookup("video.unavailable.install", "Install with:") + " " + VideoEngine.INSTALL_COMMAND;
            }
        } else if (now == TileState.SIGNAL_LOST) {
            headline = fill(headline, lostSinceText());
            int attempts = reconnectAttempts.get();
            if (retryPending) {
                long seconds = Math.max(0, (retryAt - System.nanoTime() + 999_999_999L) / 1_000_000_000L);
                detail = fill(lookup("video.reconnect.waiting", "next try in {0} s (attempt {1})"),
                        Long.toString(seconds), Integer.toString(attempts + 1));
            } else if (attempts > 0) {
                detail = fill(lookup("video.reconnect.trying", "reconnecting… (attempt {0})"), Integer.toString(attempts));
            }
        }
        if (!headline.equals(stateLabel.getText())) {
            stateLabel.setText(headline);
        }
        if (!detail.equals(detailLabel.getText())) {
            detailLabel.setText(detail);
        }
        if (detailLabel.isVisible() != !detail.isEmpty()) {
            detailLabel.setVisible(!detail.isEmpty());
            detailLabel.setManaged(!detail.isEmpty());
        }
        if (now == renderedState) {
            return; // the countdown tick: text only
        }
        renderedState = now;
        // Live video gets a small corner tag; anything else is the main message of the tile.
        StackPane.setAlignment(statusBox, now == TileState.PLAYING ? Pos.BOTTOM_LEFT : Pos.CENTER);
        video.setOpacity(now == TileState.PLAYING ? 1.0 : 0.4);
        stateLabel.setBackground(new Background(new BackgroundFill(now == TileState.SIGNAL_LOST ? LOST_PLATE : PLATE,
                new CornerRadii(3), Insets.EMPTY)));
        renderFont();
        pseudoClassStates(now);
    }

    /**
     * The state line is a corner tag while the picture is live, and otherwise the tile's message, sized to the
     * tile (about a tenth of its height, 14–40 px) so "signal lost" reads from across the control room.
     */
    private void renderFont() {
        // The camera's name grows with the tile: a 4K wall's tiles are read from three metres.
        double nameSize = Math.max(14, Math.min(32, Math.floor(getHeight() / 16)));
        if (nameSize != nameFontSize) {
            nameFontSize = nameSize;
            nameLabel.setFont(org.gridcommand.fx.Fonts.of(FontWeight.BOLD, nameSize));
        }
        double size = state.get() == TileState.PLAYING ? 14 : Math.max(14, Math.min(40, Math.floor(getHeight() / 10)));
        if (size != stateFontSize) {
            stateFontSize = size;
            stateLabel.setFont(org.gridcommand.fx.Fonts.of(FontWeight.BOLD, size));
            detailLabel.setFont(org.gridcommand.fx.Fonts.of(FontWeight.NORMAL, Math.max(12, Math.round(size * 0.55))));
        }
    }

    private String lostSinceText() {
        Instant since = lostSince.get();
        if (since == null) {
            return "";
        }
        java.time.ZonedDateTime at = since.atZone(clockZone);
        boolean today = at.toLocalDate().equals(java.time.LocalDate.now(clockZone));
        return at.format(today ? LOST_TIME : LOST_DATE_TIME);
    }

    /** Replaces {0}, {1} … with the arguments (bundle texts are plain strings here, not MessageFormat). */
    private static String fill(String pattern, String... args) {
        String out = pattern;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", args[i]);
        }
        return out;
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
        watch();
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
        label.setBackground(new Background(new BackgroundFill(PLATE, new CornerRadii(3), Insets.EMPTY)));
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
        final StreamSizing.Stream stream;
        final FrameSurface surface;
        final boolean live;
        final long startedNanos = System.nanoTime();
        // FX thread: libVLC reported an error or the end for this player.
        boolean failed;
        private final MediaPlayerEventAdapter events;
        private EmbeddedMediaPlayer player;
        private boolean released;

        Session(Assignment assignment, String mrl, StreamSizing.Stream stream) {
            this.assignment = assignment;
            this.mrl = mrl;
            this.stream = stream;
            this.live = VideoEngine.isNetwork(mrl);
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

        // libVLC's decoded-picture count, polled on the engine executor (see pollProgress).
        private final MediaStatistics stats = new MediaStatistics();
        private final AtomicBoolean polling = new AtomicBoolean();
        private volatile int decoded = -1;
        private volatile long decodedChangedNanos = Long.MIN_VALUE;

        /**
         * When this player last made progress: its decoded-picture count went up, or it showed its first
         * picture; when it started if neither. Any thread.
         */
        long lastProgressNanos() {
            long last = startedNanos;
            if (surface.framesDelivered() > 0 && surface.firstDeliveredNanos() - last > 0) {
                last = surface.firstDeliveredNanos();
            }
            long changed = decodedChangedNanos;
            if (changed != Long.MIN_VALUE && changed - last > 0) {
                last = changed;
            }
            return last;
        }

        /** Whether the player decoded a new picture (or showed its first one) after {@code nanos}. */
        boolean progressedAfter(long nanos) {
            return lastProgressNanos() - nanos > 0 && (surface.framesDelivered() > 0);
        }

        /** FX thread: asks the engine executor to read the decoded count, unless a read is still running. */
        void pollProgress() {
            if (!polling.compareAndSet(false, true)) {
                return;
            }
            try {
                engine.execute(this::readProgress);
            } catch (IllegalStateException e) {
                polling.set(false);
            }
        }

        // Engine executor. Synchronised with start/release, so it never touches a released player.
        private synchronized void readProgress() {
            try {
                if (released || player == null) {
                    return;
                }
                InfoApi info = player.media().info();
                if (info != null && info.statistics(stats)) {
                    int now = stats.decodedVideo();
                    if (now != decoded) {
                        if (now > decoded && now > 0) {
                            decodedChangedNanos = System.nanoTime();
                        }
                        decoded = now;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "reading libVLC statistics failed", e);
            } finally {
                polling.set(false);
            }
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
                // Before the player goes back to the pool: its next session must not hear this one's events.
                try {
                    player.events().removeMediaPlayerEventListener(events);
                } catch (RuntimeException e) {
                    LOG.log(Level.DEBUG, "removing a player listener failed", e);
                }
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
            if (stream != StreamSizing.Stream.MAIN) {
                // Sixteen small decoders on a few cores: one thread each beats frame threading's hand-offs
                // (measured with bench video); a maximised main stream keeps libVLC's threads.
                options.add(":avcodec-threads=1");
            }
            return options.toArray(String[]::new);
        }
    }
}
