package org.gridcommand.feed.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.geo.GeoPoint;

/**
 * The model behind track replay: a play-head moving through a window [from, to] over a set of workers'
 * tracks, with play, pause, speed and seek as plain state. It has no timer and no thread: the view calls
 * {@link #advance} with the wall-clock time since its last frame (and tests call it with whatever they
 * like), then reads {@link #frame()}. Reaching {@code to} pauses the replay there; {@link #play()} at the end
 * starts again from {@code from}.
 *
 * <p>The trail of a worker is the last {@code trailLength} of its track up to the play-head (never before
 * {@code from}), cut at the latest gap so no line is drawn across unknown time, and simplified
 * (Douglas–Peucker) to {@code trailToleranceMetres}.
 *
 * <p>Not thread-safe: one thread (the UI's) drives it.
 */
public final class ReplayClock {
    public static final Duration DEFAULT_TRAIL = Duration.ofMinutes(10);
    public static final double DEFAULT_TRAIL_TOLERANCE_METRES = 3;

    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final Instant from;
    private final Instant to;
    private final Duration trailLength;
    private final double trailToleranceMetres;
    private final Duration gapLimit;

    private Instant playHead;
    private boolean playing;
    private ReplaySpeed speed = ReplaySpeed.X1;

    /** Default trail (10 min, 3 m tolerance) and gap limit ({@link TrackSettings#DEFAULTS}). */
    public ReplayClock(Collection<Track> tracks, Instant from, Instant to) {
        this(tracks, from, to, DEFAULT_TRAIL, DEFAULT_TRAIL_TOLERANCE_METRES, TrackSettings.DEFAULTS.gapLimit());
    }

    public ReplayClock(Collection<Track> tracks, Instant from, Instant to, Duration trailLength,
                       double trailToleranceMetres, Duration gapLimit) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("replay window ends (" + to + ") before it starts (" + from + ")");
        }
        this.trailLength = Objects.requireNonNull(trailLength, "trailLength");
        if (trailLength.isNegative()) {
            throw new IllegalArgumentException("trail length must not be negative");
        }
        this.trailToleranceMetres = trailToleranceMetres;
        this.gapLimit = Objects.requireNonNull(gapLimit, "gapLimit");
        tracks.stream()
                .sorted(java.util.Comparator.comparing(Track::workerId))
                .forEach(t -> {
                    if (this.tracks.put(t.workerId(), t) != null) {
                        throw new IllegalArgumentException("two tracks for worker " + t.workerId());
                    }
                });
        this.playHead = from;
    }

    // ------------------------------------------------------------------------------------------- state

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    public Instant playHead() {
        return playHead;
    }

    public boolean isPlaying() {
        return playing;
    }

    public boolean isAtEnd() {
        return playHead.equals(to);
    }

    public ReplaySpeed speed() {
        return speed;
    }

    /** Where the play-head is in the window, 0 at {@code from} to 1 at {@code to} (for a slider). */
    public double progress() {
        long span = Duration.between(from, to).toMillis();
        return span == 0 ? 1 : Duration.between(from, playHead).toMillis() / (double) span;
    }

    public List<String> workerIds() {
        return List.copyOf(tracks.keySet());
    }

    // ------------------------------------------------------------------------------------------- controls

    /** Starts playing; at the end of the window, from its start again. */
    public void play() {
        if (isAtEnd()) {
            playHead = from;
        }
        playing = true;
    }

    public void pause() {
        playing = false;
    }

    public void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    public void setSpeed(ReplaySpeed speed) {
        this.speed = Objects.requireNonNull(speed, "speed");
    }

    /** Moves the play-head to t, clamped to the window; playing or paused stays as it was. */
    public void seek(Instant t) {
        Objects.requireNonNull(t, "t");
        playHead = t.isBefore(from) ? from : t.isAfter(to) ? to : t;
    }

    /** Seeks to a fraction of the window (0 = from, 1 = to), for a slider. */
    public void seekFraction(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        seek(from.plusMillis(Math.round(Duration.between(from, to).toMillis() * f)));
    }

    /**
     * Advances the play-head by the wall-clock time elapsed times the speed, when playing; reaching the end
     * of the window stops there and pauses. Returns the play-head.
     */
    public Instant advance(Duration wallElapsed) {
        Objects.requireNonNull(wallElapsed, "wallElapsed");
        if (wallElapsed.isNegative()) {
            throw new IllegalArgumentException("wall-clock time does not run backwards: " + wallElapsed);
        }
        if (!playing) {
            return playHead;
        }
        Duration left = Duration.between(playHead, to);
        Duration step;
        try {
            step = wallElapsed.multipliedBy(speed.factor());
        } catch (ArithmeticException tooLong) {
            step = left;
        }
        if (step.compareTo(left) >= 0) {
            playHead = to;
            playing = false;
        } else {
            playHead = playHead.plus(step);
        }
        return playHead;
    }

    // ------------------------------------------------------------------------------------------- answers

    /** The worker's interpolated position at the play-head. */
    public Optional<GeoPoint> position(String workerId) {
        Track track = tracks.get(workerId);
        return track == null ? Optional.empty() : track.positionAt(playHead, gapLimit);
    }

    /** The worker's decimated trail up to the play-head (see the class comment); empty when none. */
    public List<GeoPoint> trail(String workerId) {
        Track track = tracks.get(workerId);
        return track == null ? List.of() : trail(track, track.positionAt(playHead, gapLimit));
    }

    /** Every worker's position and trail at the play-head, by worker id. */
    public ReplayFrame frame() {
        List<ReplayFrame.Worker> workers = new ArrayList<>(tracks.size());
        for (Track track : tracks.values()) {
            Optional<GeoPoint> p = track.positionAt(playHead, gapLimit);
            workers.add(new ReplayFrame.Worker(track.workerId(), p, trail(track, p)));
        }
        return new ReplayFrame(playHead, workers);
    }

    private List<GeoPoint> trail(Track track, Optional<GeoPoint> position) {
        long head = playHead.toEpochMilli();
        long start = Math.max(from.toEpochMilli(), head - trailLength.toMillis());
        long gap = gapLimit.toMillis();
        int last = track.lastAtOrBefore(head);
        if (last < 0) {
            return List.of();
        }
        List<GeoPoint> points = new ArrayList<>();
        if (track.epochMilli(last) < start) {
            // No fix inside the trail's time: only the stretch from the trail's start to the position.
            if (position.isPresent()) {
                track.positionAt(Instant.ofEpochMilli(start), gapLimit).ifPresent(points::add);
                points.add(position.get());
            }
            return points;
        }
        int first = last;
        while (first > 0 && track.epochMilli(first - 1) >= start
                && track.epochMilli(first) - track.epochMilli(first - 1) <= gap) {
            first--;
        }
        // Where the worker was at the trail's start, when that lies between fixes of the same piece.
        if (track.epochMilli(first) > start && first > 0
                && track.epochMilli(first) - track.epochMilli(first - 1) <= gap) {
            track.positionAt(Instant.ofEpochMilli(start), gapLimit).ifPresent(points::add);
        }
        for (int i = first; i <= last; i++) {
            points.add(track.point(i));
        }
        if (position.isPresent() && !points.get(points.size() - 1).equals(position.get())) {
            points.add(position.get());
        }
        return points.size() < 2 ? points : Polylines.simplify(points, trailToleranceMetres);
    }
}
