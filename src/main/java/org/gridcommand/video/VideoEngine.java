package org.gridcommand.video;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.fx.FxThread;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;
import uk.co.caprica.vlcj.factory.discovery.strategy.NativeDiscoveryStrategy;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;

/**
 * The one libVLC instance of the program. Start it once, hand it to every {@link VideoTile}, close it at
 * exit. A machine without libVLC 3 still gets an engine: it reports why video is unavailable and the tiles
 * say so, so the console stays usable without video.
 *
 * <p>Every call into libVLC that can block (creating, starting, stopping, releasing players) runs on the
 * engine's own executor rather than the shared background pool: stopping a dead network stream can take
 * seconds and must not starve database work, nor freeze the FX thread.
 *
 * <p>Players are pooled: a tile that stops playing gives its player back stopped, without listener or surface,
 * and the next tile that starts takes it instead of creating a native player (a layout change, a maximised
 * tile, a tour page all stop and start many at once). The pool is bounded ({@value #MAX_IDLE_PLAYERS}); the
 * players in it are released for real when the engine closes.
 */
public final class VideoEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(VideoEngine.class.getName());

    /** The command shown to the user when libVLC is missing (Debian / Ubuntu package names). */
    public static final String INSTALL_COMMAND = "sudo apt-get install libvlc-dev vlc-plugin-base";

    /** Prefix of camera URLs that point into the assets folder, e.g. {@code asset:demo/clips/clip-1.mp4}. */
    public static final String ASSET_SCHEME = "asset:";

    /**
     * Why video is unavailable. The UI translates {@link #messageKey()}; {@link #englishText()} is the
     * fallback when no translation is supplied, and is what {@link #unavailableReason()} builds on.
     */
    public enum Reason {
        NONE("video.available", "video available"),
        LIBVLC_NOT_FOUND("video.unavailable.libvlcMissing", "libVLC 3 not found"),
        LIBVLC_UNSUPPORTED("video.unavailable.libvlcUnsupported", "the installed libVLC is not a supported 3.0.x"),
        LIBVLC_INIT_FAILED("video.unavailable.libvlcInitFailed", "libVLC could not start (plugins missing?)"),
        CLOSED("video.unavailable.closed", "video engine closed");

        private final String messageKey;
        private final String englishText;

        Reason(String messageKey, String englishText) {
            this.messageKey = messageKey;
            this.englishText = englishText;
        }

        public String messageKey() {
            return messageKey;
        }

        public String englishText() {
            return englishText;
        }

        /** Whether installing the packages of {@link #INSTALL_COMMAND} is the likely fix. */
        public boolean installHelps() {
            return this == LIBVLC_NOT_FOUND || this == LIBVLC_UNSUPPORTED || this == LIBVLC_INIT_FAILED;
        }
    }

    // A wall never wants the file name painted over the picture, nor libVLC chatter on stderr. No X11:
    // frames go to callbacks, and initialising Xlib from libVLC threads fights with the toolkit.
    private static final List<String> FACTORY_OPTIONS = List.of(
            "--quiet", "--no-video-title-show", "--no-snapshot-preview", "--no-osd", "--no-xlib",
            // Pictures are scaled down to their tile while converted (FrameSurface): fast bilinear is plenty
            // for a tile, where libVLC's default bicubic cost more than the decoding.
            "--swscale-mode=0");

    /**
     * Stopped players kept for reuse. A 4×4 wall that goes to one tile (or maximises one) gives back fifteen
     * players; keeping sixteen means going back costs no native player creation at all.
     */
    static final int MAX_IDLE_PLAYERS = 16;

    private final MediaPlayerFactory factory;
    private final ExecutorService executor;
    private final String libVlcVersion;
    /** Players handed out to sessions and not yet given back. Guarded by itself, with {@link #idle}. */
    private final Set<EmbeddedMediaPlayer> players = new LinkedHashSet<>();
    /** Stopped players with no listener and no surface, waiting for the next session; most recent last. */
    private final Deque<EmbeddedMediaPlayer> idle = new ArrayDeque<>();
    private final int maxIdlePlayers;
    private final AtomicLong playersCreated = new AtomicLong();
    private final AtomicLong playersReused = new AtomicLong();
    private volatile Reason reason;
    private volatile String detail;

    private VideoEngine(MediaPlayerFactory factory, String libVlcVersion, Reason reason, String detail) {
        this.maxIdlePlayers = MAX_IDLE_PLAYERS;
        this.factory = factory;
        this.libVlcVersion = libVlcVersion;
        this.reason = reason;
        this.detail = detail;
        this.executor = factory != null ? Executors.newCachedThreadPool(FxThread.daemonThreads("gc-video")) : null;
    }

    /**
     * Finds libVLC and starts it; never throws — on any failure the engine is simply unavailable.
     * Takes from a few hundred milliseconds to seconds (library load, plugin scan), so call it off the FX
     * thread at program start.
     */
    public static VideoEngine start() {
        RecordingDiscovery discovery = new RecordingDiscovery();
        boolean found;
        try {
            found = discovery.discover();
        } catch (LinkageError | RuntimeException e) {
            return unavailable(Reason.LIBVLC_NOT_FOUND, describe(e));
        }
        if (!found) {
            if (discovery.failedPath != null) {
                return unavailable(Reason.LIBVLC_UNSUPPORTED,
                        "found at " + discovery.failedPath + " but it could not be loaded or is older than 3.0");
            }
            return unavailable(Reason.LIBVLC_NOT_FOUND, "native discovery searched the usual folders");
        }
        MediaPlayerFactory factory = null;
        try {
            // Discovery already set the search path; passing it again would search a second time.
            factory = new MediaPlayerFactory((NativeDiscovery) null, FACTORY_OPTIONS);
            String version = factory.application().version();
            // vlcj 4 binds the libVLC 3 API; libVLC 4 loads but its callbacks and events differ.
            if (version == null || !version.startsWith("3.")) {
                factory.release();
                return unavailable(Reason.LIBVLC_UNSUPPORTED, "libVLC " + version + " at " + discovery.discoveredPath());
            }
            // Discovery reports the folder only the first time in a JVM; later engines reuse the loaded library.
            String where = discovery.discoveredPath() != null ? discovery.discoveredPath() : "already loaded";
            LOG.log(Level.INFO, "libVLC {0} ({1})", version, where);
            return new VideoEngine(factory, version, Reason.NONE, where);
        } catch (LinkageError | RuntimeException e) {
            if (factory != null) {
                try {
                    factory.release();
                } catch (LinkageError | RuntimeException ignored) {
                    // Already failing; the first error is the one worth reporting.
                }
            }
            return unavailable(Reason.LIBVLC_INIT_FAILED, describe(e));
        }
    }

    /** An engine that plays nothing; for machines without libVLC and for tests that simulate that. */
    static VideoEngine unavailable(Reason reason, String detail) {
        if (reason == Reason.NONE) {
            throw new IllegalArgumentException("an unavailable engine needs a reason");
        }
        LOG.log(Level.WARNING, "video unavailable: {0} ({1})", reason.englishText(), detail);
        return new VideoEngine(null, null, reason, detail);
    }

    public boolean available() {
        return reason == Reason.NONE;
    }

    public Reason reason() {
        return reason;
    }

    /** Technical detail for logs and the about box (paths, exception text); not translated. */
    public String detail() {
        return detail;
    }

    /** English one-liner, e.g. for a log or a console: reason plus install hint; empty when available. */
    public String unavailableReason() {
        Reason r = reason;
        if (r == Reason.NONE) {
            return "";
        }
        return "video unavailable: " + r.englishText() + (r.installHelps() ? " — install with: " + INSTALL_COMMAND : "");
    }

    /** e.g. "3.0.24 Vetinari", or null when unavailable. */
    public String libVlcVersion() {
        return libVlcVersion;
    }

    /**
     * Turns a camera URL into something libVLC opens: {@code asset:} becomes an absolute file path under
     * the assets folder; http, udp, rtp, rtsp, file and plain paths pass through unchanged.
     *
     * @throws IllegalArgumentException if the URL is blank, or names an asset that does not exist
     */
    public String resolveMrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no camera URL");
        }
        String trimmed = url.strip();
        if (!trimmed.regionMatches(true, 0, ASSET_SCHEME, 0, ASSET_SCHEME.length())) {
            return trimmed;
        }
        String relative = trimmed.substring(ASSET_SCHEME.length());
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        Path assets;
        try {
            assets = AssetLocator.assetsDir();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Path file = assets.resolve(relative).normalize();
        if (!file.startsWith(assets)) {
            throw new IllegalArgumentException("asset URL leaves the assets folder: " + url);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("asset not found: " + file);
        }
        return file.toString();
    }

    /** Whether the URL is a live network source (lower caching; reconnects are a watchdog matter). */
    static boolean isNetwork(String mrl) {
        String lower = mrl.toLowerCase(Locale.ROOT);
        return lower.startsWith("udp:") || lower.startsWith("rtp:") || lower.startsWith("rtsp:")
                || lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("srt:")
                || lower.startsWith("rtmp:");
    }

    /** Runs libVLC work off the FX thread; fails with an IllegalStateException once closed. */
    void execute(Runnable work) {
        if (executor == null) {
            throw new IllegalStateException("video unavailable");
        }
        try {
            executor.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("video engine closed", e);
        }
    }

    /**
     * A player for a session; call on the engine executor. Reuses a stopped one from the pool when there is one,
     * else creates one. The caller sets its surface and listener, and gives it back with {@link #release}.
     */
    EmbeddedMediaPlayer newPlayer() {
        synchronized (players) {
            if (!available()) {
                throw new IllegalStateException(unavailableReason());
            }
            EmbeddedMediaPlayer player = idle.pollLast();
            if (player != null) {
                playersReused.incrementAndGet();
            } else {
                player = factory.mediaPlayers().newEmbeddedMediaPlayer();
                playersCreated.incrementAndGet();
            }
            players.add(player);
            return player;
        }
    }

    /**
     * Takes a player back from a session; call on the engine executor, after the session removed its listener.
     * The player is stopped (which waits for libVLC's threads, seconds for a dead network stream, hence the
     * executor) and its surface forgotten; it then waits in the pool for the next session, or is released for
     * real when the pool is full. Does nothing if {@link #close()} got to it first, so a tile and the engine
     * never release the same native player twice.
     */
    void release(EmbeddedMediaPlayer player) {
        synchronized (players) {
            if (!players.remove(player)) {
                return;
            }
        }
        try {
            player.controls().stop();
            // The surface's callbacks stay registered in libVLC but are never called by a stopped player, and the
            // next session sets its own surface before it plays.
            player.videoSurface().set(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping a player failed; releasing it", e);
            releaseQuietly(player);
            return;
        }
        synchronized (players) {
            if (reason != Reason.CLOSED && idle.size() < maxIdlePlayers) {
                idle.addLast(player);
                return;
            }
        }
        releaseQuietly(player);
    }

    /** Players handed out to tiles and not yet given back; lets tests prove that detached tiles free them. */
    int openPlayers() {
        synchronized (players) {
            return players.size();
        }
    }

    /** Stopped players waiting in the pool. */
    int idlePlayers() {
        synchronized (players) {
            return idle.size();
        }
    }

    /** Native players created since start; with {@link #playersReused()} shows how well the pool works. Any thread. */
    public long playersCreated() {
        return playersCreated.get();
    }

    /** Sessions that got a pooled player instead of a new one. Any thread. */
    public long playersReused() {
        return playersReused.get();
    }

    private static void releaseQuietly(EmbeddedMediaPlayer player) {
        try {
            player.release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "releasing a player failed", e);
        }
    }

    private static void stopAndRelease(EmbeddedMediaPlayer player) {
        try {
            player.controls().stop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping a player failed", e);
        }
        try {
            player.release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "releasing a player failed", e);
        }
    }

    /**
     * Stops and releases every player (in use or pooled), then libVLC itself. Blocks up to a few seconds (libVLC joins its
     * threads), so call it at exit, not in the middle of UI work. Safe to call twice.
     */
    @Override
    public void close() {
        synchronized (players) {
            if (factory == null || reason == Reason.CLOSED) {
                return;
            }
            reason = Reason.CLOSED;
            detail = "closed";
        }
        // First let the sessions' work already queued on the engine finish (a start may be inside libVLC's play
        // right now): releasing a player under a play in progress crashed the JVM. Nothing new is taken.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "libVLC calls did not finish in time; leaving libVLC loaded");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<EmbeddedMediaPlayer> left;
        synchronized (players) {
            left = new ArrayList<>(players);
            left.addAll(idle);
            players.clear();
            idle.clear();
        }
        // No session can reach these any more; stopping a dead stream takes seconds, so in parallel.
        ExecutorService stopping = Executors.newCachedThreadPool(FxThread.daemonThreads("gc-video-close"));
        for (EmbeddedMediaPlayer player : left) {
            stopping.execute(() -> stopAndRelease(player));
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(10, TimeUnit.SECONDS)) {
                // Releasing the instance under a player that is still stopping would crash the JVM.
                LOG.log(Level.WARNING, "libVLC players did not stop in time; leaving libVLC loaded");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            factory.release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "releasing libVLC failed", e);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    /** Remembers whether libVLC was absent or present-but-unusable, which the user fixes differently. */
    private static final class RecordingDiscovery extends NativeDiscovery {
        private volatile String failedPath;

        @Override
        protected void onFailed(String path, NativeDiscoveryStrategy strategy) {
            failedPath = path;
        }
    }
}
