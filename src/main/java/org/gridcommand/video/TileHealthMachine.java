package org.gridcommand.video;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A tile's health and reconnect rules, as plain code: no JavaFX, no libVLC, no thread of its own. The tile feeds
 * it events (a player started, its first picture shown, pictures decoded, the player failed, the tile went off
 * screen …) and calls {@link #tick()} with its clock; the machine decides the {@link TileState}, the "lost since"
 * instant and the reconnect attempts, and asks its {@link Player} to release a dead player or start an attempt.
 * Time comes from an injected ticker (monotonic nanoseconds, for every interval) and a {@link Clock} (for the
 * instants it reports), so tests can drive it in milliseconds.
 *
 * <p>The rules ({@link HealthPolicy} gives the numbers):
 * <ul>
 *   <li>a player that has made no progress (no decoded picture, no first picture, counted from its start) for
 *       longer than {@link HealthPolicy#stallTimeout()} has lost the signal: decoded pictures are the only
 *       reliable sign, since libVLC says nothing when a network stream simply stops;</li>
 *   <li>a live player that reports an error or the end of its stream has lost the signal at once and is
 *       released; a file goes to {@link TileState#NO_SIGNAL} and is not retried;</li>
 *   <li>"lost since" is when the last progress was made, and does not move while the outage lasts;</li>
 *   <li>after a loss the next attempt comes after {@link HealthPolicy#retryDelay(int)} (1 s, 2, 4 … 30 s); an
 *       attempt's player that stays silent for the stall timeout (or fails) schedules the next one; the old player
 *       keeps listening until the attempt replaces it;</li>
 *   <li>a picture from whichever player is open after the loss was declared brings the tile back to
 *       {@link TileState#PLAYING}; the attempt count stays until pictures have flowed for
 *       {@link HealthPolicy#stableAfter()}, then drops to 0;</li>
 *   <li>a tile with no camera, off screen, or without libVLC watches nothing: its health is reset.</li>
 * </ul>
 *
 * <p>Every change of state, "lost since" or attempts goes to the {@code onChange} hook, and once (never twice with
 * the same content) as a {@link TileHealth} to the listener given to {@link #setOnHealthChange}. Not thread-safe:
 * the tile calls it on the FX thread only.
 */
public final class TileHealthMachine {
    private static final System.Logger LOG = System.getLogger(TileHealthMachine.class.getName());
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** What the machine asks of the tile's player; called from within the machine's own methods. */
    public interface Player {
        /** Stop and release the player the tile has now (a failed one, or one an attempt replaces). */
        void release();

        /**
         * Start a reconnect attempt: a new player on the same camera, keeping the last picture. The tile reports
         * it with {@link #playerStarted(boolean)} (and without {@link #connecting()}), or with
         * {@link #cannotPlay()} if it cannot.
         */
        void startAttempt();
    }

    private final LongSupplier ticker;
    private final Clock clock;
    private final Player player;
    private final Runnable onChange;
    private HealthPolicy policy = HealthPolicy.DEFAULT;
    private Consumer<TileHealth> onHealthChange;
    private TileHealth lastReported;

    private String cameraId = "";
    private String cameraName = "";
    private TileState state = TileState.IDLE;
    private Instant lostSince;
    private int attempts;

    private boolean retryPending;
    private long retryAt;
    private long playingSince;
    private long lostDeclaredAt;

    // The current player, as far as the machine knows it.
    private boolean hasPlayer;
    private boolean playerLive;
    private boolean playerFailed;
    private boolean pictureDelivered;
    private long lastProgress;

    /**
     * @param ticker   monotonic nanoseconds ({@code System::nanoTime} in the product); every interval is measured on it
     * @param clock    the wall clock for "lost since" and report times
     * @param player   carries out releases and reconnect attempts
     * @param onChange runs after every change of state, "lost since" or attempts (the tile redraws); may be null
     */
    public TileHealthMachine(LongSupplier ticker, Clock clock, Player player, Runnable onChange) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.player = Objects.requireNonNull(player, "player");
        this.onChange = onChange == null ? () -> { } : onChange;
    }

    /** Watchdog timeout and back-off; applies from the next check on. */
    public void setPolicy(HealthPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public HealthPolicy policy() {
        return policy;
    }

    /**
     * Called with the health each time the state, "lost since", attempt count or camera changes, once per change.
     * One listener; null removes it. A listener that throws is logged and otherwise ignored.
     */
    public void setOnHealthChange(Consumer<TileHealth> listener) {
        onHealthChange = listener;
    }

    public TileState state() {
        return state;
    }

    /** When the last picture arrived before the signal was lost; null unless the state is SIGNAL_LOST. */
    public Instant lostSince() {
        return lostSince;
    }

    /** Reconnect attempts in the current outage; back to 0 once pictures have flowed for a while. */
    public int attempts() {
        return attempts;
    }

    /** Whether a reconnect attempt is scheduled (the tile shows the countdown, and starts no player of its own). */
    public boolean retryPending() {
        return retryPending;
    }

    /** Whole seconds until the scheduled attempt, rounded up; empty when none is scheduled. */
    public OptionalLong secondsToNextAttempt() {
        if (!retryPending) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, (retryAt - ticker.getAsLong() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
    }

    /** The health as it is now. */
    public TileHealth health() {
        return new TileHealth(cameraId, cameraName, state, lostSince, attempts, clock.instant());
    }

    /** A camera is put on the tile (or taken off, with blanks): its health starts afresh. Reports nothing yet. */
    public void assign(String id, String name) {
        cameraId = id == null ? "" : id;
        cameraName = name == null ? "" : name;
        reset();
    }

    /** No camera, or the tile is off screen: nothing is watched, and coming back starts afresh. */
    public void idle() {
        reset();
        setHealth(TileState.IDLE, null, 0);
    }

    /** libVLC is missing or closed. */
    public void engineUnavailable() {
        reset();
        setHealth(TileState.UNAVAILABLE, null, 0);
    }

    /** The camera's URL is unusable or the player could not be handed to libVLC: no signal, no retry. */
    public void cannotPlay() {
        reset();
        setHealth(TileState.NO_SIGNAL, null, 0);
    }

    /**
     * The health is reset without a new state (a stream switch, before the new player starts): no attempt
     * pending, none counted, no "lost since".
     */
    public void reset() {
        retryPending = false;
        attempts = 0;
        lostSince = null;
        onChange.run();
    }

    /**
     * The tile started a player (a new camera, a return to the screen, a stream switch, or an attempt the
     * machine asked for); it gets the stall timeout for its first picture from now.
     *
     * @param live a network source, reconnected when it fails or ends (a file is not)
     */
    public void playerStarted(boolean live) {
        hasPlayer = true;
        playerLive = live;
        playerFailed = false;
        pictureDelivered = false;
        lastProgress = ticker.getAsLong();
    }

    /** A fresh player (not a reconnect attempt) is opening the stream; the attempt count stays. */
    public void connecting() {
        setHealth(TileState.CONNECTING, null, attempts);
    }

    /** The tile's player is gone (released by the tile or at the machine's request). */
    public void playerStopped() {
        hasPlayer = false;
    }

    /** The player handed over a picture, the first one at {@code atNanos} (ticker time); progress. */
    public void pictureDelivered(long atNanos) {
        if (!hasPlayer) {
            return;
        }
        pictureDelivered = true;
        progressAt(atNanos);
    }

    /** The player's count of decoded pictures last went up at {@code atNanos} (ticker time); progress. */
    public void pictureDecoded(long atNanos) {
        if (hasPlayer) {
            progressAt(atNanos);
        }
    }

    /**
     * A new player's picture reached the screen: a connecting tile is playing. Coming back from SIGNAL_LOST is
     * decided in {@link #tick()} on decoded pictures, since a display alone may be libVLC showing its last picture
     * again.
     */
    public void pictureShown() {
        if (hasPlayer && state == TileState.CONNECTING) {
            playingSince = ticker.getAsLong();
            setHealth(TileState.PLAYING, null, attempts);
        }
    }

    /** The tile's current player reported an error or the end of its stream. */
    public void playerFailed(String why) {
        if (!hasPlayer) {
            return;
        }
        playerFailed = true;
        if (playerLive) {
            signalLost(why);
            return;
        }
        LOG.log(Level.INFO, "camera {0}: {1}", cameraName, why);
        // The last picture stays, dimmed, so the officer sees what the camera showed before.
        retryPending = false;
        setHealth(TileState.NO_SIGNAL, null, 0);
    }

    /**
     * The watchdog, run with the tile's clock (every 250 ms while on screen): starts a due reconnect attempt,
     * notices pictures coming back, declares a silent stream lost, and resets the back-off after a good stretch.
     */
    public void tick() {
        long now = ticker.getAsLong();
        if (retryPending && now - retryAt >= 0) {
            retryPending = false;
            // The old player (if any) listened until now; the new one replaces it.
            player.release();
            hasPlayer = false;
            int attempt = attempts + 1;
            LOG.log(Level.INFO, "camera {0}: reconnect attempt {1}", cameraName, attempt);
            setHealth(TileState.SIGNAL_LOST, lostSince, attempt);
            player.startAttempt();
            return;
        }
        if (state == TileState.SIGNAL_LOST && hasPlayer && pictureDelivered && lastProgress - lostDeclaredAt > 0) {
            // New pictures from whichever player is open (a new attempt, or the old one that caught up).
            LOG.log(Level.INFO, "camera {0}: signal back after {1} attempt(s)", cameraName, attempts);
            retryPending = false;
            playingSince = now;
            setHealth(TileState.PLAYING, null, attempts);
            return;
        }
        if (!hasPlayer || retryPending || state == TileState.NO_SIGNAL || state == TileState.IDLE
                || state == TileState.UNAVAILABLE) {
            return;
        }
        if (now - lastProgress > policy.stallTimeout().toNanos()) {
            signalLost("no picture for " + policy.stallTimeout().toMillis() + " ms");
        } else if (state == TileState.PLAYING && attempts > 0 && now - playingSince >= policy.stableAfter().toNanos()) {
            setHealth(TileState.PLAYING, null, 0);
        }
    }

    private void progressAt(long atNanos) {
        if (atNanos - lastProgress > 0) {
            lastProgress = atNanos;
        }
    }

    /** The current player's stream is gone: say since when and schedule the next attempt. */
    private void signalLost(String why) {
        if (!hasPlayer || retryPending) {
            return;
        }
        long now = ticker.getAsLong();
        Instant since = lostSince;
        if (since == null || state != TileState.SIGNAL_LOST) {
            since = clock.instant().minusNanos(Math.max(0, now - lastProgress));
            lostDeclaredAt = now;
        }
        long delayNanos = policy.retryDelay(attempts).toNanos();
        LOG.log(Level.INFO, "camera {0}: signal lost ({1}); next attempt in {2} ms", cameraName, why,
                delayNanos / 1_000_000L);
        if (playerFailed) {
            // A player that reported an error or the end has nothing more to give.
            player.release();
            hasPlayer = false;
        }
        retryPending = true;
        retryAt = now + delayNanos;
        setHealth(TileState.SIGNAL_LOST, since, attempts);
    }

    /** Sets state, "lost since" and attempts together, then tells the tile and reports once if anything changed. */
    private void setHealth(TileState newState, Instant since, int newAttempts) {
        lostSince = since;
        attempts = newAttempts;
        state = newState;
        onChange.run();
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
}
