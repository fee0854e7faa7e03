package org.gridcommand.video;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import javafx.util.Duration;
import org.gridcommand.fx.FxThread;

/**
 * One camera on the wall: the picture with its {@link TileOverlay} (camera name, clock, and a state line that
 * says in words what the tile is doing). The tile is the node and the glue; the parts are classes of their own:
 * <ul>
 *   <li>{@link PlayerSession}: one libVLC player from the engine's pool, from start to release, and its progress
 *       (first picture, decoded-picture count);</li>
 *   <li>{@link TileHealthMachine}: the health and reconnect rules as plain code on a ticker — the tile feeds it
 *       events and the player's progress on its 250 ms clock, and it asks the tile to release a player or start a
 *       reconnect attempt;</li>
 *   <li>{@link TileOverlay}: the words on the picture.</li>
 * </ul>
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
 * <p>Health (rules in {@link TileHealthMachine}): the signal is lost when no picture has been decoded for
 * {@link HealthPolicy#stallTimeout()} (a new player gets that long for its first picture), or, for live sources,
 * when libVLC reports an error or the end of the stream. Counting display callbacks is not enough: libVLC's video
 * output shows its last picture again every few dozen milliseconds while nothing new comes, so a dead stream keeps
 * "displaying". Progress is therefore libVLC's count of decoded pictures, polled on the engine's executor with
 * each watchdog tick (never on the FX thread, never from a libVLC callback), plus the player's first displayed
 * picture. The tile then says "signal lost since HH:MM:SS" and reconnects with back-off (1 s, 2, 4 … 30 s by
 * default): the old player keeps listening until the next attempt replaces it, so a stream that comes back is
 * picked up by whichever player is open, and the tile returns to {@link TileState#PLAYING} on its own. State,
 * "lost since" and the attempt count are read-only properties, and {@link #setOnHealthChange} reports every change
 * as a {@link TileHealth}.
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
    private static final Border DROP_BORDER = new Border(new BorderStroke(Color.rgb(255, 200, 0),
            BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(3)));
    /** The incident view's frame: blue, since red speaks of severity and yellow of a camera being dropped. */
    private static final Border CASE_BORDER = new Border(new BorderStroke(Color.rgb(80, 180, 255),
            BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(4)));
    private boolean caseMarked;

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

    private final VideoEngine engine;
    private final ImageView video = new ImageView();
    private final TileOverlay overlay;
    // The wall clock of the overlay, "lost since" and snapshot names; intervals use System.nanoTime().
    private final Clock wallClock;
    /** The overlay clock shows the district's time, like the status bar, whatever zone the seat's OS is in. */
    private ZoneId clockZone = ZoneId.systemDefault();
    private final Timeline clock = new Timeline(new KeyFrame(Duration.millis(250), e -> tickClock()));
    private final TileHealthMachine healthMachine;
    private final ReadOnlyObjectWrapper<TileState> state = new ReadOnlyObjectWrapper<>(this, "state", TileState.IDLE);
    private final ReadOnlyObjectWrapper<Instant> lostSince = new ReadOnlyObjectWrapper<>(this, "lostSince");
    private final ReadOnlyIntegerWrapper reconnectAttempts = new ReadOnlyIntegerWrapper(this, "reconnectAttempts");
    private final ReadOnlyObjectWrapper<StreamSizing.Stream> stream = new ReadOnlyObjectWrapper<>(this, "stream");
    private final ReadOnlyBooleanWrapper maximised = new ReadOnlyBooleanWrapper(this, "maximised");
    private final AtomicLong sessionsStarted = new AtomicLong();
    private final AtomicLong framesRendered = new AtomicLong();
    // Held in a field: the chained observable stops observing the scene once nothing references it.
    private final ObservableValue<Boolean> treeShowing;
    private final PlayerSession.Listener sessionEvents = new PlayerSession.Listener() {
        @Override
        public void pictureShown(PlayerSession session) {
            onFxFrame(session);
        }

        @Override
        public void failed(PlayerSession session, String why) {
            onPlayerFailed(session, why);
        }
    };

    private Assignment assignment;
    private PlayerSession session;
    private StreamSizing streamSizing = StreamSizing.DEFAULT;
    // The stream the tile last started for its camera; kept across reconnects so the hysteresis holds.
    private StreamSizing.Stream chosenStream;
    private Instant pictureAt;

    public VideoTile(VideoEngine engine, Function<String, String> text) {
        this(engine, text, Clock.systemUTC());
    }

    /** @param wallClock the clock of the overlay, "lost since" and snapshot times (a test's own clock) */
    public VideoTile(VideoEngine engine, Function<String, String> text, Clock wallClock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.overlay = new TileOverlay(text);
        this.healthMachine = new TileHealthMachine(System::nanoTime, wallClock, new TileHealthMachine.Player() {
            @Override
            public void release() {
                stopSession(false);
            }

            @Override
            public void startAttempt() {
                startSession(assignment, true);
            }
        }, this::healthChanged);
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
        getChildren().add(video);
        getChildren().addAll(overlay.nodes());

        clock.setCycleCount(Animation.INDEFINITE);
        tickClock();
        heightProperty().addListener((obs, was, now) -> overlay.fitTo(now.doubleValue()));
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
        setCaseMark(false); // another camera: the incident view marks its own again

        overlay.showCameraName(assignment.cameraName());
        stopSession(true);
        healthMachine.assign(assignment.cameraId(), assignment.cameraName());
        reconcile();
    }

    /** The zone of the overlay clock, "lost since" and snapshot names (the district's); FX thread. */
    public void setClockZone(ZoneId zone) {
        clockZone = Objects.requireNonNull(zone);
    }

    /** Removes the camera: stops the player and leaves an empty, idle tile. */
    public void clear() {
        if (!Platform.isFxApplicationThread()) {
            FxThread.run(this::clear);
            return;
        }
        assignment = null;
        chosenStream = null;
        setCaseMark(false);
        overlay.showCameraName("");
        stopSession(true);
        healthMachine.assign("", "");
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
        setBorder(on ? DROP_BORDER : caseMarked ? CASE_BORDER : null);
    }

    /**
     * Marks the tile as one of the selected case's cameras (the incident view), until the tile is cleared or given
     * another camera. FX thread.
     */
    public void setCaseMark(boolean on) {
        caseMarked = on;
        setBorder(on ? CASE_BORDER : null);
    }

    public boolean isCaseMarked() {
        return caseMarked;
    }

    /** Watchdog timeout and back-off; applies from the next check on. FX thread. */
    public void setHealthPolicy(HealthPolicy policy) {
        healthMachine.setPolicy(policy);
    }

    public HealthPolicy getHealthPolicy() {
        return healthMachine.policy();
    }

    /**
     * Called on the FX thread with the tile's health each time its state, "lost since" or attempt count
     * changes (once per change, never twice with the same content), e.g. to record a camera online or lost.
     * One listener per tile; null removes it. A listener that throws is logged and otherwise ignored.
     */
    public void setOnHealthChange(Consumer<TileHealth> listener) {
        healthMachine.setOnHealthChange(listener);
    }

    /** The health as it is now; FX thread. */
    public TileHealth health() {
        return healthMachine.health();
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
        PlayerSession s = session;
        return s == null ? 0 : s.picturesDelivered();
    }

    /**
     * Pictures the current player has decoded, as libVLC last reported (polled with the watchdog, so up to
     * a second or so behind); 0 without a player or before the first report. Any thread. Unlike
     * {@link #framesRendered()} it does not count libVLC showing the same picture again.
     */
    public long framesDecoded() {
        PlayerSession s = session;
        return s == null ? 0 : s.picturesDecoded();
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

    /** Brings the player in line with "assigned and on screen": the place a camera's first session starts. */
    private void reconcile() {
        boolean onScreen = Boolean.TRUE.equals(treeShowing.getValue());
        if (onScreen) {
            clock.play();
        } else {
            clock.stop();
        }
        if (!engine.available()) {
            stopSession(true);
            healthMachine.engineUnavailable();
            return;
        }
        if (assignment == null || !onScreen) {
            // Off screen nothing is watched: coming back starts afresh.
            stopSession(true);
            healthMachine.idle();
            return;
        }
        if (session == null && !healthMachine.retryPending()) {
            startSession(assignment, false);
        }
    }

    /**
     * Moves the player to the stream the tile's size calls for (hysteresis in {@link StreamSizing}), keeping the
     * last picture until the other stream's first one. Nothing to do without a player or with a one-stream camera.
     */
    private void chooseStream() {
        PlayerSession s = session;
        Assignment a = assignment;
        if (s == null || a == null || !a.hasTwoStreams() || healthMachine.retryPending()) {
            return;
        }
        StreamSizing.Stream wanted = wantedStream(s.stream());
        if (wanted != s.stream()) {
            LOG.log(Level.INFO, "camera {0}: {1} stream for a tile {2} px wide{3}", a.cameraName(), wanted,
                    Math.round(screenWidth()), maximised.get() ? " (maximised)" : "");
            stopSession(false);
            healthMachine.reset();
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
            healthMachine.cannotPlay();
            return;
        }
        PlayerSession s = new PlayerSession(engine, mrl, kind, a.loop(), video, sessionEvents);
        session = s;
        stream.set(kind);
        sessionsStarted.incrementAndGet();
        healthMachine.playerStarted(s.live());
        if (!reconnect) {
            if (!keepPicture) {
                dropPicture();
            }
            healthMachine.connecting();
        }
        try {
            s.open();
        } catch (IllegalStateException e) {
            session = null;
            stream.set(null);
            healthMachine.playerStopped();
            if (engine.available()) {
                healthMachine.cannotPlay();
            } else {
                healthMachine.engineUnavailable();
            }
        }
    }

    private void stopSession(boolean dropPicture) {
        PlayerSession s = session;
        session = null;
        stream.set(null);
        healthMachine.playerStopped();
        if (dropPicture) {
            dropPicture();
        }
        if (s != null) {
            s.close();
        }
    }

    private void dropPicture() {
        video.setImage(null);
        pictureAt = null;
    }

    /** FX thread, from a session's surface: a new picture is in the view. */
    private void onFxFrame(PlayerSession s) {
        framesRendered.incrementAndGet();
        pictureAt = wallClock.instant();
        if (session == s) {
            healthMachine.pictureShown();
        }
    }

    /** Any thread: a session's player failed or its stream ended. */
    private void onPlayerFailed(PlayerSession s, String why) {
        FxThread.run(() -> {
            if (session != s) {
                return;
            }
            if (engine.available()) {
                healthMachine.playerFailed(why);
            } else {
                LOG.log(Level.INFO, "camera {0}: {1}", cameraName(), why);
                healthMachine.cannotPlay();
            }
        });
    }

    /** The machine's hook: mirrors its health into the properties (listeners see it at once) and redraws. */
    private void healthChanged() {
        lostSince.set(healthMachine.lostSince());
        reconnectAttempts.set(healthMachine.attempts());
        state.set(healthMachine.state());
        renderState();
    }

    /**
     * The clock tick (every 250 ms while on screen, FX thread): the overlay's clock, then the watchdog — the
     * player's progress goes to the health machine, which checks it.
     */
    private void tickClock() {
        overlay.showTime(now());
        if (assignment == null || !engine.available()) {
            return;
        }
        PlayerSession s = session;
        if (s != null) {
            if (healthMachine.state() != TileState.NO_SIGNAL) {
                // Read on the engine executor; the answer counts from a later tick.
                s.pollProgress();
            }
            if (s.picturesDelivered() > 0) {
                healthMachine.pictureDelivered(s.firstDeliveredNanos());
            }
            long decodedAt = s.lastDecodedNanos();
            if (decodedAt != PlayerSession.NEVER) {
                healthMachine.pictureDecoded(decodedAt);
            }
        }
        healthMachine.tick();
        if (healthMachine.state() == TileState.SIGNAL_LOST) {
            renderState(); // the "next try in" countdown
        }
    }

    private void renderState() {
        TileState now = healthMachine.state();
        TileOverlay.Status status = new TileOverlay.Status(now, healthMachine.lostSince(), healthMachine.attempts(),
                healthMachine.secondsToNextAttempt(), engine.reason());
        if (overlay.showStatus(status, now())) {
            // A new state (not only the countdown): the picture is dimmed unless it is live.
            video.setOpacity(now == TileState.PLAYING ? 1.0 : 0.4);
            // :idle, :connecting, :playing, :no_signal, :signal_lost, :unavailable — for the application's stylesheet.
            for (TileState s : TileState.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)), s == now);
            }
        }
    }

    private ZonedDateTime now() {
        return ZonedDateTime.ofInstant(wallClock.instant(), clockZone);
    }
}
