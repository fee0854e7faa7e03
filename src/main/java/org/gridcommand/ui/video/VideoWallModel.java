package org.gridcommand.ui.video;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gridcommand.camera.Camera;
import org.gridcommand.common.Messages;
import org.gridcommand.fx.FxThread;
import org.gridcommand.video.VideoWall;
import org.gridcommand.video.WallLayout;
import org.gridcommand.video.WallPreset;
import org.gridcommand.video.WallPresetStore;
import org.gridcommand.video.WallSettings;
import org.gridcommand.video.WallTour;

/**
 * What the wall's toolbar does, apart from how it looks: layouts, presets (read and written in the
 * background), tours and putting cameras on tiles. Exposes read-only properties for the toolbar to show:
 * a status line, the tour line ("tour: GROUP 2/5"), whether a tour runs, the preset names. FX thread.
 *
 * <p>A tour is the officer handing the wall over: any manual change of cameras (a drop, a preset, the case's
 * cameras) stops it; a layout change keeps it going with pages recut to the new tile count.
 */
public final class VideoWallModel {
    private static final System.Logger LOG = System.getLogger(VideoWallModel.class.getName());

    private final VideoWall wall;
    private final WallSettings settings;
    private final WallPresetStore presets;
    private final Messages text;
    private final Locale locale;
    private final Map<String, Camera> camerasById = new LinkedHashMap<>();
    private final Map<String, List<Camera>> groups = new TreeMap<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper tourLine = new ReadOnlyStringWrapper(this, "tourLine", "");
    private final ReadOnlyBooleanWrapper touring = new ReadOnlyBooleanWrapper(this, "touring");
    private final ReadOnlyObjectWrapper<Duration> tourInterval;
    private final ObservableList<String> presetNames = FXCollections.observableArrayList();
    private final ObservableList<String> presetNamesView = FXCollections.unmodifiableObservableList(presetNames);
    private WallTour<Camera> tour;
    private Timeline tourClock;
    private String lastTourGroup;

    /**
     * @param presets the seat's preset store, or null when the seat has no data folder (presets are then off)
     */
    public VideoWallModel(VideoWall wall, WallSettings settings, WallPresetStore presets, List<Camera> cameras,
                          Messages text) {
        this.wall = Objects.requireNonNull(wall, "wall");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.presets = presets;
        this.text = Objects.requireNonNull(text, "text");
        this.locale = text.locale();
        for (Camera camera : cameras) {
            camerasById.put(camera.id(), camera);
            if (camera.group() != null && !camera.group().isBlank()) {
                groups.computeIfAbsent(camera.group().strip(), g -> new ArrayList<>()).add(camera);
            }
        }
        tourInterval = new ReadOnlyObjectWrapper<>(this, "tourInterval", settings.tourInterval());
        wall.layoutProperty().addListener((o, was, now) -> {
            if (tour != null) {
                tour.resize(wall.size());
                showTourPage();
            }
        });
        wall.maximisedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() >= 0) {
                // Say how to get back: not every officer knows the double-click.
                say(text.format("video.wall.maximised", now.intValue() + 1));
            }
        });
    }

    /** The console's texts (the language of the wall's toolbar and list). */
    public Messages messages() {
        return text;
    }

    /** Every registry camera, in registry order. */
    public List<Camera> cameras() {
        return List.copyOf(camerasById.values());
    }

    public VideoWall wall() {
        return wall;
    }

    public WallSettings settings() {
        return settings;
    }

    /** The last thing the wall did or could not do, in the console's language; "" at first. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "tour: GROUP n/m" while a tour runs, else "". */
    public ReadOnlyStringProperty tourLineProperty() {
        return tourLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty touringProperty() {
        return touring.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Duration> tourIntervalProperty() {
        return tourInterval.getReadOnlyProperty();
    }

    /** The seat's preset names, sorted; filled by {@link #reloadPresets()}. */
    public ObservableList<String> presetNames() {
        return presetNamesView;
    }

    public boolean presetsAvailable() {
        return presets != null;
    }

    /** Camera groups (as the registry names them) with their cameras, sorted by group. */
    public Map<String, List<Camera>> groups() {
        return java.util.Collections.unmodifiableMap(groups);
    }

    public Optional<Camera> camera(String id) {
        return Optional.ofNullable(id == null ? null : camerasById.get(id));
    }

    /** How the toolbar names a layout: "2×2" for equal tiles, else its name ("1+5"). */
    public String layoutLabel(WallLayout layout) {
        return layout.isUniform() ? text.format("video.wall.layout.grid", layout.rows(), layout.cols()) : layout.name();
    }

    public void applyLayout(WallLayout layout) {
        wall.setLayout(layout);
        say(text.format("video.wall.layout.changed", layoutLabel(layout), layout.size()));
    }

    /** A custom grid typed by the officer ("3x4", "12" is refused with the reason). Returns false when refused. */
    public boolean applyLayout(String typed) {
        try {
            applyLayout(WallLayout.parse(typed));
            return true;
        } catch (IllegalArgumentException e) {
            say(text.format("video.wall.layout.refused", e.getMessage()));
            return false;
        }
    }

    /** Puts a camera on a tile by hand (a drop): any tour stops. */
    public void assign(int tileIndex, Camera camera) {
        stopTour(false);
        wall.assign(tileIndex, camera, camera.name().in(locale));
        say(text.format("video.wall.assigned", camera.name().in(locale), tileIndex + 1));
    }

    /** Puts a camera on the first empty tile, or on tile 1 when every tile shows a camera. */
    public void assignToFreeTile(Camera camera) {
        List<String> ids = wall.cameraIds();
        int free = ids.indexOf("");
        assign(free >= 0 ? free : 0, camera);
    }

    /** The officer (or the case's cameras) took the wall over: a running tour stops, quietly. */
    public void takeOver() {
        stopTour(false);
    }

    // ------------------------------------------------------------------ tours

    /** Starts touring a group with the current interval (see {@link #setTourInterval}). */
    public void startTour(String group) {
        startTour(group, tourInterval.get());
    }

    /** Starts touring a group: its first page now, the next every {@code interval}. */
    public void startTour(String group, Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("a tour interval must be above 0 s, got " + interval);
        }
        List<Camera> cameras = groups.get(group == null ? "" : group.strip());
        if (cameras == null) {
            say(text.format("video.wall.tour.unknownGroup", group));
            return;
        }
        stopTour(false);
        tourInterval.set(interval);
        tour = new WallTour<>(group.strip(), cameras, wall.size());
        lastTourGroup = tour.group();
        touring.set(true);
        showTourPage();
        startTourClock(tour, interval);
        say(text.format("video.wall.tour.started", tour.group(), cameras.size(), interval.toSeconds()));
    }

    /** Changes the interval; a running tour restarts its clock with it (the page stays). */
    public void setTourInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        tourInterval.set(interval);
        if (tour != null) {
            startTourClock(tour, interval);
        }
    }

    private void startTourClock(WallTour<Camera> running, Duration interval) {
        if (tourClock != null) {
            tourClock.stop();
        }
        tourClock = new Timeline(new KeyFrame(javafx.util.Duration.millis(interval.toMillis()), e -> {
            if (tour == running) {
                running.advance();
                showTourPage();
            }
        }));
        tourClock.setCycleCount(Animation.INDEFINITE);
        tourClock.play();
    }

    /** Starts the last toured group (or the first group) when no tour runs; stops the running one. */
    public void toggleTour() {
        if (tour != null) {
            stopTour();
        } else if (!groups.isEmpty()) {
            startTour(lastTourGroup != null && groups.containsKey(lastTourGroup) ? lastTourGroup
                    : groups.keySet().iterator().next());
        } else {
            say(text.get("video.wall.tour.noGroups"));
        }
    }

    public void stopTour() {
        stopTour(true);
    }

    private void stopTour(boolean announce) {
        if (tour == null) {
            return;
        }
        tourClock.stop();
        tourClock = null;
        tour = null;
        touring.set(false);
        tourLine.set("");
        if (announce) {
            say(text.get("video.wall.tour.stopped"));
        }
    }

    private void showTourPage() {
        List<Camera> page = tour.current();
        for (int i = 0; i < wall.size(); i++) {
            if (i < page.size()) {
                Camera camera = page.get(i);
                wall.assign(i, camera, camera.name().in(locale));
            } else {
                wall.tile(i).clear();
            }
        }
        tourLine.set(text.format("video.wall.tour.status", tour.group(), tour.pageNumber(), tour.pages()));
    }

    // ------------------------------------------------------------------ presets

    /** Reads the seat's presets in the background; problems in the file go to the status line. */
    public CompletableFuture<WallPresetStore.Loaded> reloadPresets() {
        if (presets == null) {
            return CompletableFuture.completedFuture(new WallPresetStore.Loaded(List.of(), List.of()));
        }
        return FxThread.background(presets::load, loaded -> {
            showNames(loaded.presets());
            if (!loaded.problems().isEmpty()) {
                say(text.format("video.wall.presets.problem", String.join("; ", loaded.problems())));
            }
        }, this::presetFailure);
    }

    /** Saves the wall as it is now (layout and cameras) under a name; replaces a preset of the same name. */
    public CompletableFuture<WallPresetStore.Saved> savePreset(String name) {
        if (presets == null) {
            say(text.get("video.wall.presets.unavailable"));
            return CompletableFuture.failedFuture(new IllegalStateException("no preset store"));
        }
        WallPreset preset;
        try {
            preset = new WallPreset(name, wall.getLayout(), wall.cameraIds());
        } catch (IllegalArgumentException e) {
            say(text.format("video.wall.presets.failed", e.getMessage()));
            return CompletableFuture.failedFuture(e);
        }
        return FxThread.background(() -> presets.save(preset), saved -> {
            showNames(saved.presets());
            String line = text.format("video.wall.presets.saved", preset.name(), layoutLabel(preset.layout()));
            if (saved.corruptCopy() != null) {
                line += " " + text.format("video.wall.presets.corruptCopy", saved.corruptCopy().getFileName());
            }
            say(line);
        }, this::presetFailure);
    }

    /**
     * Restores a preset: its layout, then its cameras tile by tile; a camera no longer in the registry leaves
     * its tile empty, and the status line says which. Stops a tour.
     */
    public CompletableFuture<WallPresetStore.Loaded> loadPreset(String name) {
        if (presets == null) {
            say(text.get("video.wall.presets.unavailable"));
            return CompletableFuture.failedFuture(new IllegalStateException("no preset store"));
        }
        return FxThread.background(presets::load, loaded -> {
            showNames(loaded.presets());
            loaded.find(name).ifPresentOrElse(this::apply,
                    () -> say(text.format("video.wall.presets.notFound", name)));
        }, this::presetFailure);
    }

    public CompletableFuture<Boolean> deletePreset(String name) {
        if (presets == null) {
            return CompletableFuture.completedFuture(false);
        }
        return FxThread.background(() -> presets.delete(name), removed -> {
            say(text.format(removed ? "video.wall.presets.deleted" : "video.wall.presets.notFound", name));
            reloadPresets();
        }, this::presetFailure);
    }

    private void apply(WallPreset preset) {
        stopTour(false);
        wall.setLayout(preset.layout());
        List<String> missing = new ArrayList<>();
        int shown = 0;
        for (int i = 0; i < preset.layout().size(); i++) {
            String id = preset.cameraAt(i);
            Camera camera = id.isEmpty() ? null : camerasById.get(id);
            if (camera != null) {
                wall.assign(i, camera, camera.name().in(locale));
                shown++;
            } else {
                wall.tile(i).clear();
                if (!id.isEmpty()) {
                    missing.add(id);
                }
            }
        }
        String line = text.format("video.wall.presets.loaded", preset.name(), layoutLabel(preset.layout()), shown);
        if (!missing.isEmpty()) {
            line += " " + text.format("video.wall.presets.missingCameras", String.join(", ", missing));
        }
        say(line);
    }

    private void showNames(List<WallPreset> list) {
        presetNames.setAll(list.stream().map(WallPreset::name).sorted(Comparator.comparing(
                (String n) -> n.toLowerCase(Locale.ROOT))).toList());
    }

    private void presetFailure(Throwable error) {
        LOG.log(System.Logger.Level.WARNING, "wall presets failed", error);
        String why = error.getMessage() == null ? error.toString() : error.getMessage();
        say(text.format("video.wall.presets.failed", why));
    }

    private void say(String line) {
        status.set(line);
    }

    /** Where the seat's presets live, for messages and tests; null when presets are off. */
    public Path presetFile() {
        return presets == null ? null : presets.file();
    }
}
