package org.gridcommand.bench.map;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.gridcommand.geo.WebMercator;
import org.gridcommand.common.Percentiles;
import org.gridcommand.fx.FxThread;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.map.MapProjection;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code bench map}: the grid map against two references in the same run and window size.
 *
 * <ul>
 *   <li>nodes: the same scene as one JavaFX node per feature, repositioned Gluon-MapLayer style
 *       ({@link NodeMapScene});</li>
 *   <li>floor: a window-sized canvas refilled with one colour each frame, the least a full-frame change
 *       costs in this graphics pipeline.</li>
 * </ul>
 *
 * <p>Interactive: with pulses uncapped ({@code javafx.animation.fullspeed}, set before the toolkit starts),
 * an AnimationTimer plays the same script on every contender: pan across (a third of the frames, 60 % of
 * the width and 25 % of the height), zoom in two levels (x4) at the centre, zoom out again. What is measured
 * is the interval between consecutive timer callbacks, i.e. how often the toolkit completes a frame,
 * including all the work each contender does for the step. Each run starts from the fitted view at rest
 * (for the map: with its tiles rendered), after an unmeasured warm-up pass of the same script, compressed.
 * By design the map renders no tile while the view moves (it stretches the cached scale and falls back to
 * its overview, then renders at the exact scale once the view rests, after the measured frames); the
 * progress line says how many frames it composed and tiles it rendered during the run.
 *
 * <p>Live wall: map at rest, all 316 workers take a 5-15 m step once a second and 50 cases blink, a second on
 * and a second off ({@link GridMapView#BLINK_BEAT_MS}; the map blinks them itself and applies the moves on
 * its beat; the node scene toggles its rings and moves its worker layer together on the same beat). After a
 * warm-up, the process CPU time (all threads, nothing subtracted) over the measured seconds, as % of one
 * core. Run it in a JVM without fullspeed, as the console runs. A third, informative run measures a still
 * window-sized image redrawn once per beat: the pipeline's own cost of one full-window frame a second,
 * which bounds what any full-window live layer can reach.
 */
public final class MapBench {
    private static final long SETTLE_MS = 1_200;
    private static volatile boolean started;
    private static volatile String toolkitNote = "";

    private MapBench() {
    }

    public record Size(int width, int height) {
    }

    /** Frame-interval percentiles in milliseconds. */
    public record FrameStats(double p50, double p95, int frames, String note) {
    }

    public record SizeResult(Size size, FrameStats map, FrameStats nodes, FrameStats floor) {
    }

    /** Process CPU as % of one core. */
    public record WallResult(double map, double nodes) {
    }

    /** A note when the toolkit was already running (then fullspeed may be off); empty normally. */
    public static String toolkitNote() {
        return toolkitNote;
    }

    // ---------------------------------------------------------------- interactive

    public static List<SizeResult> interactive(List<Size> sizes, int frames, int warmupFrames, Consumer<String> log)
            throws Exception {
        startToolkit(true);
        log.accept("bench map: building the scene (136 grids, 316 workers, 408 cameras, "
                + BenchScene.CASES + " cases, labels)");
        BenchScene scene = BenchScene.build();
        // The first window of the JVM pays one-off costs (JIT of the pipeline, X window set-up): not the floor's.
        runScript(sizes.get(0), frames, warmupFrames, () -> new FloorContender(sizes.get(0)));
        List<SizeResult> results = new ArrayList<>();
        for (Size size : sizes) {
            FrameStats floor = runScript(size, frames, warmupFrames, () -> new FloorContender(size));
            log.accept(String.format("  %dx%d floor: p50 %.1f ms, p95 %.1f ms%s", size.width(), size.height(),
                    floor.p50(), floor.p95(), floor.note()));
            FrameStats map = runScript(size, frames, warmupFrames, () -> new MapContender(scene, size));
            log.accept(String.format("  %dx%d map:   p50 %.1f ms, p95 %.1f ms%s", size.width(), size.height(),
                    map.p50(), map.p95(), map.note()));
            FrameStats nodes = runScript(size, frames, warmupFrames, () -> new NodeContender(scene, size));
            log.accept(String.format("  %dx%d nodes: p50 %.1f ms, p95 %.1f ms%s", size.width(), size.height(),
                    nodes.p50(), nodes.p95(), nodes.note()));
            results.add(new SizeResult(size, map, nodes, floor));
        }
        return results;
    }

    /** One step of the script: a pan in pixels, or a zoom factor at the view's centre. */
    record Step(double dx, double dy, double zoom) {
    }

    static List<Step> script(int frames, double width, double height) {
        int pan = Math.max(1, frames / 3);
        int in = Math.max(1, frames / 3);
        int out = Math.max(1, frames - pan - in);
        List<Step> steps = new ArrayList<>(frames);
        for (int i = 0; i < pan; i++) {
            steps.add(new Step(-0.6 * width / pan, -0.25 * height / pan, 1));
        }
        for (int i = 0; i < in; i++) {
            steps.add(new Step(0, 0, Math.pow(4, 1.0 / in)));
        }
        for (int i = 0; i < out; i++) {
            steps.add(new Step(0, 0, Math.pow(4, -1.0 / out)));
        }
        return steps;
    }

    /** Something the script drives: the map, the node scene or the floor canvas. */
    private interface Contender {
        Parent root();

        /** Back to the start view. */
        void reset();

        void apply(Step step, int frame);

        /** A line about what the contender did during the measured run, or empty. */
        default String during(Runnable run) {
            run.run();
            return "";
        }

        /** Waits until the contender has drawn the current view completely (the map renders tiles at rest). */
        default void settle() throws Exception {
            Thread.sleep(SETTLE_MS);
        }
    }

    private static FrameStats runScript(Size size, int frames, int warmupFrames, Supplier<Contender> make)
            throws Exception {
        Contender contender = onFx(make::get);
        Stage stage = onFx(() -> show(contender.root(), size));
        try {
            contender.settle();
            if (warmupFrames > 0) {
                onFx(() -> {
                    contender.reset();
                    return null;
                });
                play(contender, script(warmupFrames, size.width(), size.height()));
            }
            onFx(() -> {
                contender.reset();
                return null;
            });
            contender.settle();
            long[][] times = new long[1][];
            Exception[] failure = new Exception[1];
            long cpu0 = processCpuNanos();
            String note = contender.during(() -> {
                try {
                    times[0] = play(contender, script(frames, size.width(), size.height()));
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            long[] t = times[0];
            // Own CPU per frame (all threads): less sensitive than intervals to other load on the machine.
            note = String.format("; process CPU %.1f ms/frame", (processCpuNanos() - cpu0) / 1e6 / frames) + note;
            double[] intervals = new double[t.length - 1];
            for (int i = 1; i < t.length; i++) {
                intervals[i - 1] = (t[i] - t[i - 1]) / 1e6;
            }
            Arrays.sort(intervals);
            return new FrameStats(Percentiles.of(intervals, 50), Percentiles.of(intervals, 95), intervals.length, note);
        } finally {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** Plays the steps, one per pulse; returns the callback times (one more than steps). */
    private static long[] play(Contender contender, List<Step> steps) throws Exception {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            private final long[] times = new long[steps.size() + 1];
            private int frame;

            @Override
            public void handle(long now) {
                times[frame] = System.nanoTime();
                if (frame == steps.size()) {
                    stop();
                    done.complete(times);
                    return;
                }
                contender.apply(steps.get(frame), frame);
                frame++;
            }
        }.start());
        return done.get(30, TimeUnit.MINUTES);
    }

    private static Stage show(Parent root, Size size) {
        Stage stage = new Stage();
        stage.setTitle("bench map");
        stage.setScene(new Scene(root, size.width(), size.height(), Color.BLACK));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return stage;
    }

    /** The fitted view of the district, shared by the map and the node scene. */
    private static MapProjection startView(BenchScene scene, Size size) {
        Envelope e = scene.district.outline().getEnvelopeInternal();
        MapProjection p = new MapProjection();
        p.fit(WebMercator.x(e.getMinX()), WebMercator.y(e.getMinY()), WebMercator.x(e.getMaxX()),
                WebMercator.y(e.getMaxY()), size.width(), size.height(), 16);
        return p;
    }

    private static final class MapContender implements Contender {
        private final GridMapView map = new GridMapView();
        private final MapProjection start;

        MapContender(BenchScene scene, Size size) {
            map.setDistrict(scene.district, b -> b.name().en(), s -> s.code().sequence());
            map.setCameras(scene.cameras);
            map.setResources(scene.resources);
            map.setWorkers(scene.workers);
            map.setCases(scene.cases);
            map.setBlinkingCases(scene.blinking);
            start = startView(scene, size);
            map.setView(start);
        }

        @Override
        public Parent root() {
            return map;
        }

        @Override
        public void reset() {
            map.setView(start);
        }

        @Override
        public void apply(Step step, int frame) {
            if (step.zoom() != 1) {
                map.zoomAt(step.zoom(), map.getWidth() / 2, map.getHeight() / 2);
            } else {
                map.panBy(step.dx(), step.dy());
            }
        }

        @Override
        public void settle() throws Exception {
            awaitRendered(map);
        }

        @Override
        public String during(Runnable run) {
            try {
                GridMapView.RenderStats before = onFx(map::renderStats);
                run.run();
                GridMapView.RenderStats after = onFx(map::renderStats);
                return String.format(" (during the run: %d frames composed, %d tiles rendered)",
                        after.fullFrames() - before.fullFrames(), after.tilesRendered() - before.tilesRendered());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class NodeContender implements Contender {
        private final NodeMapScene nodes;
        private final MapProjection start;

        NodeContender(BenchScene scene, Size size) {
            nodes = new NodeMapScene(scene);
            start = startView(scene, size);
            nodes.projection.setFrom(start);
            nodes.panBy(0, 0);
        }

        @Override
        public Parent root() {
            return nodes;
        }

        @Override
        public void reset() {
            nodes.projection.setFrom(start);
            nodes.panBy(0, 0);
        }

        @Override
        public void apply(Step step, int frame) {
            if (step.zoom() != 1) {
                nodes.zoomAt(step.zoom(), nodes.getWidth() / 2, nodes.getHeight() / 2);
            } else {
                nodes.panBy(step.dx(), step.dy());
            }
        }
    }

    private static final class FloorContender implements Contender {
        private final Pane root = new Pane();
        private final Canvas canvas;

        FloorContender(Size size) {
            canvas = new Canvas(size.width(), size.height());
            root.getChildren().add(canvas);
        }

        @Override
        public Parent root() {
            return root;
        }

        @Override
        public void reset() {
            apply(null, 0);
        }

        @Override
        public void apply(Step step, int frame) {
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.setFill(frame % 2 == 0 ? Color.web("#0d1117") : Color.web("#111822"));
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        }
    }

    // ---------------------------------------------------------------- live wall

    public static WallResult wall(Size size, double seconds, double warmupSeconds, Consumer<String> log)
            throws Exception {
        startToolkit(false);
        BenchScene scene = BenchScene.build();
        double map = wallRun(scene, size, seconds, warmupSeconds, true);
        log.accept(String.format("  wall %dx%d map:   %.2f %% of one core", size.width(), size.height(), map));
        double nodes = wallRun(scene, size, seconds, warmupSeconds, false);
        log.accept(String.format("  wall %dx%d nodes: %.2f %% of one core", size.width(), size.height(), nodes));
        double floor = wallFloor(size, seconds, warmupSeconds);
        log.accept(String.format("  wall %dx%d floor: %.2f %% of one core (a still window-sized image redrawn once a"
                + " second, nothing else: what one full-window frame a second costs in this pipeline)",
                size.width(), size.height(), floor));
        return new WallResult(map, nodes);
    }

    /**
     * For reading the wall figure: a window-sized image moved by one pixel and back once per beat, so the
     * toolkit redraws, reads back and uploads the whole window once a second with no drawing work at all.
     */
    private static double wallFloor(Size size, double seconds, double warmupSeconds) throws Exception {
        ScheduledExecutorService clock = new ScheduledThreadPoolExecutor(1, FxThread.daemonThreads("bench-floor"));
        javafx.scene.image.ImageView[] view = new javafx.scene.image.ImageView[1];
        Stage stage = onFx(() -> {
            Canvas canvas = new Canvas(size.width(), size.height());
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.setFill(Color.web("#0d1117"));
            g.fillRect(0, 0, size.width(), size.height());
            g.setFill(Color.web("#2a4d69"));
            g.fillOval(size.width() * 0.2, size.height() * 0.1, size.width() * 0.6, size.height() * 0.8);
            view[0] = new javafx.scene.image.ImageView(canvas.snapshot(null, null));
            Pane root = new Pane(view[0]);
            return show(root, size);
        });
        try {
            Thread.sleep(2 * SETTLE_MS);
            ScheduledFuture<?> updates = clock.scheduleAtFixedRate(() -> Platform.runLater(
                    () -> view[0].setLayoutX(view[0].getLayoutX() == 0 ? 1 : 0)), 0, GridMapView.BLINK_BEAT_MS,
                    TimeUnit.MILLISECONDS);
            try {
                return cpuShare(warmupSeconds, seconds);
            } finally {
                updates.cancel(false);
            }
        } finally {
            clock.shutdownNow();
            onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    private static double wallRun(BenchScene scene, Size size, double seconds, double warmupSeconds, boolean ours)
            throws Exception {
        ScheduledExecutorService clock = new ScheduledThreadPoolExecutor(1, FxThread.daemonThreads("bench-wall"));
        Object[] holder = new Object[1];
        Stage stage = onFx(() -> {
            scene.resetWalk();
            Parent root;
            if (ours) {
                MapContender c = new MapContender(scene, size);
                holder[0] = c.map;
                root = c.map;
            } else {
                NodeContender c = new NodeContender(scene, size);
                holder[0] = c.nodes;
                root = c.nodes;
            }
            return show(root, size);
        });
        try {
            if (ours) {
                awaitRendered((GridMapView) holder[0]);
            } else {
                Thread.sleep(2 * SETTLE_MS);
            }
            ScheduledFuture<?> updates;
            if (ours) {
                GridMapView map = (GridMapView) holder[0];
                updates = clock.scheduleAtFixedRate(() -> Platform.runLater(() -> map.moveWorkers(scene.step())),
                        0, 1000, TimeUnit.MILLISECONDS);
            } else {
                NodeMapScene nodes = (NodeMapScene) holder[0];
                AtomicInteger tick = new AtomicInteger();
                updates = clock.scheduleAtFixedRate(() -> Platform.runLater(() -> {
                    nodes.setBlinkOn(tick.getAndIncrement() % 2 == 1);
                    nodes.moveWorkers(scene.step());
                }), 0, GridMapView.BLINK_BEAT_MS, TimeUnit.MILLISECONDS);
            }
            try {
                return cpuShare(warmupSeconds, seconds);
            } finally {
                updates.cancel(false);
            }
        } finally {
            clock.shutdownNow();
            onFx(() -> {
                stage.close();
                return null;
            });
            Thread.sleep(300);
        }
    }

    /** Waits (at most a minute) until the map has drawn its view completely, then a little longer. */
    static void awaitRendered(GridMapView map) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Thread.sleep(300);
        while (!onFx(map::isRenderComplete) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
    }

    /** After a warm-up, this process's CPU time over {@code seconds}, as % of one core. */
    private static double cpuShare(double warmupSeconds, double seconds) throws InterruptedException {
        Thread.sleep((long) (warmupSeconds * 1000));
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        return 100.0 * (processCpuNanos() - cpu0) / (System.nanoTime() - t0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // ---------------------------------------------------------------- toolkit

    private static synchronized void startToolkit(boolean fullspeed) throws InterruptedException {
        if (started) {
            return;
        }
        if (fullspeed) {
            // Read once when the toolkit starts: pulses then run back to back instead of at 60 Hz.
            System.setProperty("javafx.animation.fullspeed", "true");
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            toolkitNote = "JavaFX was already running: pulse pacing as configured when it started";
            up.countDown();
        }
        up.await();
        Platform.setImplicitExit(false);
        started = true;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }
}
