package org.gridcommand.camera;

import java.time.Instant;
import java.util.Objects;

/**
 * What the console knows about a camera's signal: online (since it came up, with its latest frame), lost
 * since an instant (with the last frame before the loss), or never seen. Immutable; the transitions return
 * the next status for an event the video layer reports:
 * <ul>
 * <li>a frame seen at T: never seen → online since T; lost since S → online since T when T is after S (a frame
 *     from before the loss was reported changes nothing); online → online with the later frame;</li>
 * <li>the signal lost at T: online → lost since T, unless a frame newer than T was already seen (a late
 *     report); lost → unchanged (it stays lost since the first report); never seen → unchanged (a camera that
 *     never delivered a frame is "never seen", not "lost").</li>
 * </ul>
 *
 * @param since     online: when it came (back) up; lost: when the signal was lost; never seen: null
 * @param lastFrame the latest frame seen (online), the last before the loss (lost); never seen: null
 */
public record CameraStatus(State state, Instant since, Instant lastFrame) {
    public enum State { ONLINE, LOST, NEVER_SEEN }

    public static final CameraStatus NEVER_SEEN = new CameraStatus(State.NEVER_SEEN, null, null);

    public CameraStatus {
        Objects.requireNonNull(state, "state");
        if (state == State.NEVER_SEEN) {
            if (since != null || lastFrame != null) {
                throw new IllegalArgumentException("a camera never seen has no since or last frame");
            }
        } else {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(lastFrame, "lastFrame");
        }
    }

    public static CameraStatus online(Instant since, Instant lastFrame) {
        return new CameraStatus(State.ONLINE, since, lastFrame);
    }

    public static CameraStatus lost(Instant since, Instant lastFrame) {
        return new CameraStatus(State.LOST, since, lastFrame);
    }

    public boolean isOnline() {
        return state == State.ONLINE;
    }

    /** The status after a frame was seen at {@code at}. */
    public CameraStatus onFrame(Instant at) {
        Objects.requireNonNull(at, "at");
        return switch (state) {
            case NEVER_SEEN -> online(at, at);
            case ONLINE -> at.isAfter(lastFrame) ? online(since, at) : this;
            case LOST -> at.isAfter(since) ? online(at, at) : this;
        };
    }

    /** The status after the video layer reported the signal lost at {@code at}. */
    public CameraStatus onSignalLost(Instant at) {
        Objects.requireNonNull(at, "at");
        return switch (state) {
            case NEVER_SEEN, LOST -> this;
            case ONLINE -> at.isBefore(lastFrame) ? this : lost(at, lastFrame);
        };
    }
}
