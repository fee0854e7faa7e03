package org.gridcommand.ui.track;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gridcommand.app.AppContext;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.track.ReplayClock;
import org.gridcommand.feed.track.ReplayFrame;
import org.gridcommand.feed.track.ReplaySpeed;
import org.gridcommand.feed.track.Shift;
import org.gridcommand.feed.track.ShiftTable;
import org.gridcommand.feed.track.ShiftWindow;
import org.gridcommand.feed.track.Stop;
import org.gridcommand.feed.track.StopDetector;
import org.gridcommand.feed.track.Track;
import org.gridcommand.feed.track.TrackSettings;
import org.gridcommand.feed.track.WhoWasWhere;
import org.gridcommand.feed.track.WorkerPosition;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.UnitGridCode;
import org.gridcommand.fx.UiExecutor;

/**
 * The state behind track replay: the chosen workers' tracks in a window, read off the FX thread, their stops,
 * and a {@link ReplayClock} the view drives frame by frame through {@link #advance(Duration)} (tests call it
 * directly). Everything the view shows is a read-only property or list here; FX thread only.
 */
public final class TrackReplayModel {
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FeedStore store;
    private final District district;
    private final GridLocator locator;
    private final ZoneId zone;
    private final Clock clock;
    private final Messages text;
    private final UiExecutor ui;
    private final Locale locale;
    private final ShiftTable shifts;
    private final TrackSettings settings = TrackSettings.DEFAULTS;
    private final StopDetector detector;
    private final WhoWasWhere whoWasWhere;
    private final Map<String, GridWorker> workersById = new LinkedHashMap<>();

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "loads");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyObjectWrapper<ReplaySpeed> speed = new ReadOnlyObjectWrapper<>(this, "speed", ReplaySpeed.X60);
    private final ReadOnlyObjectWrapper<Instant> playHead = new ReadOnlyObjectWrapper<>(this, "playHead");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<ReplayFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper playHeadText = new ReadOnlyStringWrapper(this, "playHeadText", "—");
    private final ObservableList<ReplayWorker> workers = FXCollections.observableArrayList();
    private final ObservableList<StopRow> stops = FXCollections.observableArrayList();
    private final ObservableList<WhoRow> who = FXCollections.observableArrayList();

    private ReplayClock replay;
    private List<Track> tracks = List.of();
    private org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope();
    private long generation;

    public TrackReplayModel(AppContext context, UiExecutor ui) {
        this(context.feedStore(), context.district(), context.locateService().locator(), context.zone(),
                context.clock(), context.messages(), ShiftTable.loadDefault(), ui);
    }

    public TrackReplayModel(FeedStore store, District district, GridLocator locator, ZoneId zone, Clock clock,
                            Messages text, ShiftTable shifts, UiExecutor ui) {
        this.store = Objects.requireNonNull(store, "store");
        this.district = Objects.requireNonNull(district, "district");
        this.locator = locator;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.text = Objects.requireNonNull(text, "text");
        this.locale = text.locale();
        this.shifts = Objects.requireNonNull(shifts, "shifts");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.detector = new StopDetector(settings, locator);
        this.whoWasWhere = new WhoWasWhere(locator, settings);
        for (GridWorker w : district.gridWorkers()) {
            workersById.put(w.id(), w);
        }
    }

    // ------------------------------------------------------------------------------------------ window

    public ZoneId zone() {
        return zone;
    }

    public List<Shift> shifts() {
        return shifts.shifts();
    }

    /** Today's (in the district's zone) morning shift: the first shift starting before noon, else the first. */
    public Shift morningShift() {
        return shifts.shifts().stream().filter(s -> s.start().isBefore(LocalTime.NOON)).findFirst()
                .orElse(shifts.shifts().get(0));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The instants of a day and wall-clock times in the district's zone; a "to" at or before "from" runs
     * into the next day; a window still running ends now.
     */
    public ShiftWindow window(LocalDate day, LocalTime from, LocalTime to) {
        Shift custom = new Shift("custom", morningShift().name(), from, to);
        ShiftWindow w = custom.on(day, zone);
        Instant now = clock.instant();
        if (w.from().isBefore(now) && now.isBefore(w.to())) {
            return new ShiftWindow(custom, day, w.from(), now);
        }
        return w;
    }

    public List<GridWorker> allWorkers() {
        return List.copyOf(workersById.values());
    }

    public Optional<GridWorker> worker(String id) {
        return Optional.ofNullable(workersById.get(id));
    }

    public String workerName(String id) {
        GridWorker w = workersById.get(id);
        return w == null ? id : w.name().in(locale);
    }

    /** A small grid by its name in the UI language (its code when the district does not know it). */
    public String gridLabel(Optional<UnitGridCode> code) {
        return code.map(c -> district.smallGrid(c).map(g -> g.name().in(locale)).orElse(c.value()))
                .orElse(text.get("replay.outsideDistrict"));
    }

    // ------------------------------------------------------------------------------------------ loading

    /** Reads the workers' fixes in [from, to) off the FX thread, then shows them from the window's start. */
    public void load(List<String> workerIds, Instant from, Instant to) {
        List<String> ids = List.copyOf(workerIds);
        if (!from.isBefore(to)) {
            message.set(text.get("replay.badWindow"));
            return;
        }
        if (ids.isEmpty()) {
            message.set(text.get("replay.noWorkerChosen"));
            return;
        }
        long ticket = ++generation;
        pause();
        loading.set(true);
        message.set(text.format("replay.loading", ids.size()));
        ui.background(() -> read(ids, from, to), result -> {
            if (ticket == generation) {
                show(result);
            }
        }, error -> {
            if (ticket == generation) {
                loading.set(false);
                message.set(text.format("replay.loadFailed", String.valueOf(error.getMessage())));
            }
        });
    }

    /** What one load read: tracks (empty ones included) and stops, worked out in the background. */
    private record Loaded(Instant from, Instant to, List<Track> tracks, List<Stop> stops) {
    }

    private Loaded read(List<String> ids, Instant from, Instant to) {
        List<Track> read = new ArrayList<>();
        List<Stop> found = new ArrayList<>();
        for (String id : ids) {
            List<GpsFix> fixes = store.track(id, from, to);
            Track track = Track.of(id, fixes);
            read.add(track);
            found.addAll(detector.stops(track));
        }
        return new Loaded(from, to, read, found);
    }

    private void show(Loaded result) {
        loading.set(false);
        tracks = result.tracks().stream().filter(t -> !t.isEmpty()).toList();
        extent = new org.locationtech.jts.geom.Envelope();
        for (Track t : tracks) {
            for (int i = 0; i < t.size(); i++) {
                extent.expandToInclude(t.lon(i), t.lat(i));
            }
        }
        replay = new ReplayClock(tracks, result.from(), result.to());
        replay.setSpeed(speed.get());
        workers.clear();
        who.clear();
        int colour = 0;
        List<String> empty = new ArrayList<>();
        for (Track t : result.tracks()) {
            ReplayWorker w = new ReplayWorker(t.workerId(), workerName(t.workerId()), colour++, t.size());
            workers.add(w);
            who.add(new WhoRow(w));
            if (t.isEmpty()) {
                empty.add(w.name() + " (" + w.id() + ")");
            }
        }
        stops.setAll(result.stops().stream()
                .sorted(java.util.Comparator.comparing(Stop::arrival))
                .map(s -> new StopRow(s, replayWorker(s.workerId()), gridLabel(s.smallGrid()))).toList());
        ZonedDateTime a = result.from().atZone(zone);
        ZonedDateTime b = result.to().atZone(zone);
        String window = a.toLocalDate() + " " + a.toLocalTime().withNano(0) + "–" + b.toLocalTime().withNano(0);
        long fixes = result.tracks().stream().mapToLong(Track::size).sum();
        String summary = text.format("replay.loaded", result.tracks().size(), fixes, stops.size(), window);
        if (!empty.isEmpty()) {
            summary = text.format("replay.noFixes", String.join(", ", empty), window) + "  " + summary;
        }
        message.set(summary);
        loaded.set(true);
        refresh();
        loads.set(loads.get() + 1);
    }

    private ReplayWorker replayWorker(String id) {
        return workers.stream().filter(w -> w.id().equals(id)).findFirst()
                .orElse(new ReplayWorker(id, workerName(id), 0, 0));
    }

    // ------------------------------------------------------------------------------------------ controls

    public void togglePlay() {
        if (replay != null) {
            replay.togglePlay();
            refresh();
        }
    }

    public void pause() {
        if (replay != null) {
            replay.pause();
            refresh();
        }
    }

    public void setSpeed(ReplaySpeed s) {
        speed.set(Objects.requireNonNull(s, "speed"));
        if (replay != null) {
            replay.setSpeed(s);
        }
    }

    public void faster() {
        setSpeed(speed.get().faster());
    }

    public void slower() {
        setSpeed(speed.get().slower());
    }

    public void seek(Instant t) {
        if (replay != null) {
            replay.seek(t);
            refresh();
        }
    }

    public void seekFraction(double f) {
        if (replay != null) {
            replay.seekFraction(f);
            refresh();
        }
    }

    public void toStart() {
        if (replay != null) {
            seek(replay.from());
        }
    }

    public void toEnd() {
        if (replay != null) {
            seek(replay.to());
        }
    }

    /** Moves the play-head by the wall-clock time since the last frame (times the speed), when playing. */
    public void advance(Duration wallElapsed) {
        if (replay == null || !replay.isPlaying()) {
            return;
        }
        replay.advance(wallElapsed);
        refresh();
    }

    private void refresh() {
        if (replay == null) {
            return;
        }
        Instant t = replay.playHead();
        playing.set(replay.isPlaying());
        playHead.set(t);
        progress.set(replay.progress());
        playHeadText.set(HMS.format(t.atZone(zone)));
        frame.set(replay.frame());
        Map<String, WorkerPosition> at = new LinkedHashMap<>();
        for (WorkerPosition p : whoWasWhere.at(t, tracks)) {
            at.put(p.workerId(), p);
        }
        for (WhoRow row : who) {
            WorkerPosition p = at.get(row.worker().id());
            if (p == null) {
                row.update(null, row.worker().fixCount() == 0 ? text.get("replay.who.noFixes")
                        : text.get("replay.who.unknown"), "");
            } else {
                long age = p.ageOfNearestFix().toSeconds();
                row.update(p, gridLabel(p.smallGrid()), text.format("replay.who.age", age));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ state

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Counts the finished loads: changes once each load's tracks, stops and first frame are in place. */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReplaySpeed> speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> playHeadProperty() {
        return playHead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty playHeadTextProperty() {
        return playHeadText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReplayFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The loaded workers with their colours, in the order chosen. */
    public ObservableList<ReplayWorker> workers() {
        return FXCollections.unmodifiableObservableList(workers);
    }

    /** Every loaded worker's stops, by arrival. */
    public ObservableList<StopRow> stops() {
        return FXCollections.unmodifiableObservableList(stops);
    }

    /** One row per loaded worker: where they were at the play-head (updated in place). */
    public ObservableList<WhoRow> whoWasWhere() {
        return FXCollections.unmodifiableObservableList(who);
    }

    /** The box of every loaded fix (WGS-84); empty before a load or when nobody has fixes. */
    public Optional<org.locationtech.jts.geom.Envelope> extent() {
        return extent.isNull() ? Optional.empty() : Optional.of(new org.locationtech.jts.geom.Envelope(extent));
    }

    public String time(Instant t) {
        return HMS.format(t.atZone(zone));
    }

    /** A worker in the replay: its colour is an index into the view's palette. */
    public record ReplayWorker(String id, String name, int colour, int fixCount) {
    }

    /** A stop as the stops table shows it. */
    public record StopRow(Stop stop, ReplayWorker worker, String gridLabel) {
    }

    /** Where one worker was at the play-head; empty position before, after or inside a gap of their fixes. */
    public static final class WhoRow {
        private final ReplayWorker worker;
        private final ReadOnlyObjectWrapper<WorkerPosition> position = new ReadOnlyObjectWrapper<>();
        private final ReadOnlyStringWrapper where = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper("");

        WhoRow(ReplayWorker worker) {
            this.worker = worker;
        }

        void update(WorkerPosition p, String whereText, String ageText) {
            position.set(p);
            where.set(whereText);
            age.set(ageText);
        }

        public ReplayWorker worker() {
            return worker;
        }

        public ReadOnlyObjectProperty<WorkerPosition> positionProperty() {
            return position.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty whereProperty() {
            return where.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty ageProperty() {
            return age.getReadOnlyProperty();
        }
    }
}
