package org.gridcommand.camera;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The signal status of every camera, keyed by camera id: the video layer reports frames and losses from its
 * own threads, the UI reads. A camera the board has heard nothing about is {@link CameraStatus#NEVER_SEEN}.
 *
 * <p><b>Threads.</b> Every method may be called from any thread; each report is applied atomically per camera
 * (frames are cheap to report: one map update, no lock shared between cameras). Listeners hear only changes of
 * state (never seen → online, online → lost, lost → online), not every frame, on the reporting thread: a view
 * must hand them to its own thread, and may re-read {@link #status} for the latest word, since reports of one
 * camera from two threads can reach listeners in either order. {@link #version()} grows with every change of
 * state, for a view that polls.
 */
public final class CameraStatusBoard {
    private static final System.Logger LOG = System.getLogger(CameraStatusBoard.class.getName());

    /** A change of a camera's state. */
    public record Change(String cameraId, CameraStatus before, CameraStatus after) {
    }

    private final Map<String, CameraStatus> statuses = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();

    /** The camera's status; never seen when the board has no report for it. */
    public CameraStatus status(String cameraId) {
        Objects.requireNonNull(cameraId, "cameraId");
        return statuses.getOrDefault(cameraId, CameraStatus.NEVER_SEEN);
    }

    /** A copy of every reported status (cameras never reported are absent: they are never seen). */
    public Map<String, CameraStatus> snapshot() {
        return Map.copyOf(statuses);
    }

    /** Grows by one with every change of state. */
    public long version() {
        return version.get();
    }

    /** The video layer saw a frame of the camera at {@code at}; returns the camera's status after it. */
    public CameraStatus frameSeen(String cameraId, Instant at) {
        Objects.requireNonNull(at, "at");
        return apply(cameraId, s -> s.onFrame(at));
    }

    /** The video layer lost the camera's signal at {@code at}; returns the camera's status after it. */
    public CameraStatus signalLost(String cameraId, Instant at) {
        Objects.requireNonNull(at, "at");
        return apply(cameraId, s -> s.onSignalLost(at));
    }

    /** Forgets a camera (removed from the registry): it reads as never seen again. */
    public void forget(String cameraId) {
        Objects.requireNonNull(cameraId, "cameraId");
        CameraStatus before = statuses.remove(cameraId);
        if (before != null && before.state() != CameraStatus.State.NEVER_SEEN) {
            changed(new Change(cameraId, before, CameraStatus.NEVER_SEEN));
        }
    }

    /** Adds a listener for changes of state; the returned action removes it. */
    public Runnable subscribe(Consumer<Change> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private CameraStatus apply(String cameraId, java.util.function.UnaryOperator<CameraStatus> event) {
        Objects.requireNonNull(cameraId, "cameraId");
        CameraStatus[] before = new CameraStatus[1];
        CameraStatus after = statuses.compute(cameraId, (id, current) -> {
            CameraStatus old = current == null ? CameraStatus.NEVER_SEEN : current;
            before[0] = old;
            CameraStatus next = event.apply(old);
            return next.state() == CameraStatus.State.NEVER_SEEN ? null : next;
        });
        CameraStatus now = after == null ? CameraStatus.NEVER_SEEN : after;
        if (before[0].state() != now.state()) {
            changed(new Change(cameraId, before[0], now));
        }
        return now;
    }

    private void changed(Change change) {
        version.incrementAndGet();
        for (Consumer<Change> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                // One broken view must not stop the video layer's reporting thread nor the other listeners.
                LOG.log(System.Logger.Level.WARNING, "camera status listener failed for " + change.cameraId(), e);
            }
        }
    }
}
