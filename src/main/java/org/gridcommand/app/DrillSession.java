package org.gridcommand.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.drill.DrillClock;
import org.gridcommand.drill.DrillRunner;
import org.gridcommand.drill.DrillScenario;
import org.gridcommand.drill.DrillScore;
import org.gridcommand.feed.FeedDelivery;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.plans.Checklist;

/**
 * One drill: its own store under {@code <data dir>/drills/<scenario>-<run>/} (the live district, cameras and
 * resources copied in; never the live store, so no drill record can reach live queues, statistics or
 * reports), the drill clock starting at the scenario's time of day, the seat's feed over that store, and the
 * runner that plays the timeline into it. The console shown on {@link #context()} is the drill's console.
 */
public final class DrillSession implements AutoCloseable {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AppContext context;
    private final DrillClock clock;
    private final DrillRunner runner;
    private final FieldFeed feed;
    private final Path dir;
    private volatile Consumer<List<FieldMessage>> onStored = m -> { };
    private volatile Consumer<String> onCamera = id -> { };

    private DrillSession(AppContext context, DrillClock clock, DrillRunner runner, FieldFeed feed, Path dir) {
        this.context = context;
        this.clock = clock;
        this.runner = runner;
        this.feed = feed;
        this.dir = dir;
    }

    /**
     * Opens the drill's store and feed with the clock paused at the scenario's start (today, district time);
     * {@link #start()} lets the timeline run.
     */
    public static DrillSession open(AppContext live, DrillScenario scenario, Clock realClock) {
        if (live.isDrill()) {
            throw new IllegalStateException("a drill cannot start inside another drill");
        }
        if (live.dataDir() == null) {
            throw new IllegalStateException("a drill needs a seat with a data folder for its own store");
        }
        ZoneId zone = live.zone();
        Instant now = realClock.instant();
        String runId = RUN_ID.format(now.atZone(zone));
        Path dir = live.dataDir().resolve("drills").resolve(scenario.id() + "-" + runId);
        Instant start = now.atZone(zone).toLocalDate().atTime(scenario.startsAt()).atZone(zone).toInstant();
        DrillClock clock = new DrillClock(start, realClock, zone);
        clock.pause();
        AppContext drill = AppContext.openDrill(dir, live, scenario.id(), clock);
        DrillSession[] session = new DrillSession[1];
        FieldFeed feed;
        try {
            feed = FieldFeed.open(drill, SensorRegistry.loadDemo(), FeedIngest.Settings.DEFAULT,
                    stored -> session[0].onStored.accept(stored));
        } catch (RuntimeException e) {
            drill.close();
            throw e;
        }
        DrillRunner runner = new DrillRunner(scenario, clock, start, drill.district().adminCode(), runId,
                new DrillRunner.Target() {
                    @Override
                    public void send(FeedDelivery delivery) {
                        feed.offer(delivery);
                    }

                    @Override
                    public void showCamera(String cameraId) {
                        session[0].onCamera.accept(cameraId);
                    }
                });
        session[0] = new DrillSession(drill, clock, runner, feed, dir);
        return session[0];
    }

    /** Starts the timeline (the clock runs from the scenario's start). */
    public void start() {
        clock.resume();
        runner.start();
    }

    public AppContext context() {
        return context;
    }

    public DrillClock clock() {
        return clock;
    }

    public DrillRunner runner() {
        return runner;
    }

    public FieldFeed feed() {
        return feed;
    }

    /** Where the drill's store lives. */
    public Path dir() {
        return dir;
    }

    /** Told on the ingest thread of what each commit of the drill feed stored (workers' moves for the map). */
    public void setOnStored(Consumer<List<FieldMessage>> listener) {
        onStored = listener == null ? m -> { } : listener;
    }

    /** Told on the drill thread when the scenario switches a camera onto the wall. */
    public void setOnCamera(Consumer<String> listener) {
        onCamera = listener == null ? id -> { } : listener;
    }

    /** The incident's case in the drill store, once the intake has made it. */
    public Optional<Case> incidentCase() {
        return context.database().cases().findByReportId(runner.incidentReportId());
    }

    /** The score so far, from what the drill store recorded. */
    public DrillScore score(Function<String, Optional<Checklist>> plans) {
        Instant injected = runner.incident().map(DrillRunner.Injection::at).orElse(null);
        Optional<Case> c = incidentCase();
        if (c.isEmpty()) {
            return DrillScore.of(runner.scenario(), injected,
                    new DrillScore.Facts(null, null, null, null, null, Optional.empty()));
        }
        Case aCase = c.get();
        List<CaseEvent> trail = context.caseService().trail(aCase.id());
        Instant reported = first(trail, CaseAction.REPORT);
        return DrillScore.of(runner.scenario(), injected, new DrillScore.Facts(reported,
                first(trail, CaseAction.ACCEPT), aCase.smallGridCode() != null ? reported : null,
                first(trail, CaseAction.CAMERAS_SHOWN), first(trail, CaseAction.CLOSE), plans.apply(aCase.id())));
    }

    private static Instant first(List<CaseEvent> trail, CaseAction action) {
        return trail.stream().filter(e -> e.action() == action).map(CaseEvent::at).min(Instant::compareTo).orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        runner.close();
        try {
            feed.close();
        } finally {
            context.close();
        }
    }
}
