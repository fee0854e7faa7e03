package org.gridcommand.ui.map;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.gridcommand.camera.Camera;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.common.Messages;

/**
 * Shows a {@link CameraStatusBoard} on a map: every camera symbol marked online, lost or never seen (with its
 * legend entries in the console's language), and a tooltip on a hovered camera that says, e.g., "signal lost
 * since 21:14".
 *
 * <p>The board reports from the video layer's threads; changes are gathered and applied on the FX thread at
 * most once per FX event-loop turn, and the map redraws its cached tiles only when a camera's drawn state
 * changed (see {@link GridMapView#setCameraStatuses}). Built and disposed on the FX thread.
 */
public final class CameraStatusLayer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final GridMapView map;
    private final CameraStatusBoard board;
    private final Messages text;
    private final ZoneId zone;
    private final Clock clock;
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private final Runnable unsubscribe;
    private final javafx.beans.value.ChangeListener<MapFeature> onHover = (o, was, now) -> showTooltipFor(now);
    private Tooltip tooltip;
    private boolean disposed;

    /** Marks the map's cameras from the board's current statuses and follows every change until disposed. */
    public CameraStatusLayer(GridMapView map, CameraStatusBoard board, Messages text, ZoneId zone, Clock clock) {
        this.map = Objects.requireNonNull(map, "map");
        this.board = Objects.requireNonNull(board, "board");
        this.text = Objects.requireNonNull(text, "text");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (CameraStatus.State state : CameraStatus.State.values()) {
            map.setLegendText("camera." + state.name(), text.get("map.legend.camera." + state.name()));
        }
        unsubscribe = board.subscribe(change -> scheduleFlush());
        map.hoveredProperty().addListener(onHover);
        flush();
    }

    /** The status in words, e.g. "signal lost since 21:14" (the date too when it is not today). */
    public String describe(String cameraId) {
        CameraStatus status = board.status(cameraId);
        return switch (status.state()) {
            case ONLINE -> text.format("cameraStatus.online", when(status.since()));
            case LOST -> text.format("cameraStatus.lost", when(status.since()));
            case NEVER_SEEN -> text.get("cameraStatus.neverSeen");
        };
    }

    /** The tooltip shown over a hovered camera (null until a camera was first hovered). */
    public Tooltip tooltip() {
        return tooltip;
    }

    /** Stops following the board; the map keeps the marks it shows. FX thread. */
    public void dispose() {
        disposed = true;
        unsubscribe.run();
        map.hoveredProperty().removeListener(onHover);
        if (tooltip != null) {
            Tooltip.uninstall(map, tooltip);
        }
    }

    private void scheduleFlush() {
        // Any thread: a burst of changes (a wall of streams dropping at once) becomes one redraw.
        if (flushPending.compareAndSet(false, true)) {
            Platform.runLater(this::flush);
        }
    }

    private void flush() {
        flushPending.set(false);
        if (disposed) {
            return;
        }
        map.setCameraStatuses(board.snapshot());
        showTooltipFor(map.hoveredProperty().get());
    }

    private void showTooltipFor(MapFeature feature) {
        if (!(feature instanceof MapFeature.CameraFeature hovered)) {
            if (tooltip != null) {
                Tooltip.uninstall(map, tooltip);
            }
            return;
        }
        Camera camera = hovered.camera();
        if (tooltip == null) {
            // Made on first use: a tooltip drags in the popup machinery, which a console start need not pay for.
            tooltip = new Tooltip();
            tooltip.setId("map-camera-status-tooltip");
            tooltip.setShowDelay(Duration.millis(250));
        }
        tooltip.setText(text.format("cameraStatus.tooltip", camera.name().in(text.locale()), camera.id(),
                describe(camera.id())));
        Tooltip.install(map, tooltip);
    }

    private String when(Instant at) {
        var local = at.atZone(zone);
        boolean today = local.toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
        return (today ? TIME : DATE_TIME).format(local);
    }
}
