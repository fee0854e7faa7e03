package org.gridcommand.video;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.image.ImageView;
import uk.co.caprica.vlcj.media.InfoApi;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;

/**
 * One libVLC player's life on a tile, from start to release: a player from the engine's pool, drawing through a
 * {@link FrameSurface} into the tile's image, with the media options a wall tile plays with. Holds the strong
 * references libVLC needs (player, surface with its JNA callbacks, event listener). Start and release run on the
 * engine's executor and may overlap, so they synchronise on the session: release waits for a start in progress,
 * and a start that comes after release does nothing.
 *
 * <p>It measures progress for the health rules ({@link TileHealthMachine}) without judging it: when its first
 * picture was handed over, and when libVLC's count of decoded pictures last went up (polled on the engine's
 * executor, never on the FX thread, never from a libVLC callback). Times are {@link System#nanoTime()}.
 */
final class PlayerSession {
    /** {@link #lastDecodedNanos()} before the decoded count has ever gone up. */
    static final long NEVER = Long.MIN_VALUE;

    private static final System.Logger LOG = System.getLogger(PlayerSession.class.getName());
    // Enough to ride out a short network hiccup without making the wall lag far behind the street.
    private static final String NETWORK_CACHING_MS = "500";
    // libVLC 3 has no "forever"; at 8 s a clip this is six days.
    private static final String LOOP_OPTION = ":input-repeat=65535";

    /** What the session tells its tile. */
    interface Listener {
        /** FX thread: a new picture of this session has been pushed into the view. */
        void pictureShown(PlayerSession session);

        /** Engine executor or libVLC event thread (no libVLC calls allowed): the player failed or its stream ended. */
        void failed(PlayerSession session, String why);
    }

    private final VideoEngine engine;
    private final String mrl;
    private final StreamSizing.Stream stream;
    private final boolean loop;
    private final boolean live;
    private final Listener listener;
    private final FrameSurface surface;
    private final MediaPlayerEventAdapter events;

    // libVLC's decoded-picture count, polled on the engine executor (see pollProgress).
    private final MediaStatistics stats = new MediaStatistics();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile int decoded = -1;
    private volatile long decodedChangedNanos = NEVER;

    private EmbeddedMediaPlayer player;
    private boolean released;

    /**
     * @param mrl    what libVLC opens (already resolved by {@link VideoEngine#resolveMrl})
     * @param stream which of the camera's streams this is (a sub stream decodes on one thread)
     * @param loop   repeat a finite source (demo clips)
     * @param view   where the pictures go
     */
    PlayerSession(VideoEngine engine, String mrl, StreamSizing.Stream stream, boolean loop, ImageView view,
                  Listener listener) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.mrl = Objects.requireNonNull(mrl, "mrl");
        this.stream = stream;
        this.loop = loop;
        this.live = VideoEngine.isNetwork(mrl);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.surface = new FrameSurface(view, () -> listener.pictureShown(this));
        // libVLC event thread: no libVLC calls here, only hand-offs.
        this.events = new MediaPlayerEventAdapter() {
            @Override
            public void error(MediaPlayer mediaPlayer) {
                listener.failed(PlayerSession.this, "libVLC reported an error opening " + PlayerSession.this.mrl);
            }

            @Override
            public void finished(MediaPlayer mediaPlayer) {
                listener.failed(PlayerSession.this, "stream ended: " + PlayerSession.this.mrl);
            }
        };
    }

    StreamSizing.Stream stream() {
        return stream;
    }

    /** A network source: reconnected when it stops, where a file is not. */
    boolean live() {
        return live;
    }

    /**
     * Hands the start to the engine's executor; does not block.
     *
     * @throws IllegalStateException when the engine is closed (nothing was started)
     */
    void open() {
        engine.execute(this::start);
    }

    /** Stops publishing pictures at once and releases the player on the engine's executor; does not block. */
    void close() {
        surface.detach();
        try {
            engine.execute(this::release);
        } catch (IllegalStateException e) {
            // Engine closed: it has already released every player it made.
        }
    }

    /** Pictures the decoder handed over, shown or not (libVLC's redisplays of the last one included). Any thread. */
    long picturesDelivered() {
        return surface.framesDelivered();
    }

    /** System.nanoTime() of the first picture handed over; meaningful once {@link #picturesDelivered()} > 0. */
    long firstDeliveredNanos() {
        return surface.firstDeliveredNanos();
    }

    /** System.nanoTime() when the decoded count last went up, as last polled; {@link #NEVER} if it has not. */
    long lastDecodedNanos() {
        return decodedChangedNanos;
    }

    /** Pictures decoded, as libVLC last reported; 0 before the first report. Any thread. */
    long picturesDecoded() {
        return Math.max(0, decoded);
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

    // Engine executor.
    private synchronized void start() {
        if (released) {
            return;
        }
        try {
            player = engine.newPlayer();
            player.videoSurface().set(surface);
            player.events().addMediaPlayerEventListener(events);
            if (!player.media().play(mrl, mediaOptions())) {
                listener.failed(this, "libVLC refused " + mrl);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not start " + mrl, e);
            listener.failed(this, e.toString());
        }
    }

    // Engine executor.
    private synchronized void release() {
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
        if (loop) {
            options.add(LOOP_OPTION);
        }
        if (live) {
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
