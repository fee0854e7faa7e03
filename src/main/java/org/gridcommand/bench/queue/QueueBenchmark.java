package org.gridcommand.bench.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.gridcommand.app.AppContext;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Percentiles;
import org.gridcommand.common.Ulid;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.ui.ConsoleSettings;
import org.gridcommand.ui.ConsoleStart;
import org.gridcommand.fx.FxThread;
import org.gridcommand.fx.UiExecutor;
import org.gridcommand.ui.ConsoleWindow;
import org.gridcommand.ui.queue.CaseQueueView;
import org.gridcommand.ui.queue.CaseQueueViewModel;
import org.gridcommand.ui.queue.CaseRow;
import org.gridcommand.ui.queue.StateFilter;
import org.gridcommand.video.VideoEngine;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * {@code bench queue}: the console's queue on the demo store topped up to a given number of open cases.
 *
 * <p>(a) start: from the process's start (a fresh JVM per run by default, so JVM boot, class loading and
 * JIT are as cold as at a real start) to the first frame with the queue's rows in a shown console window
 * (the whole window: map, queue, video, plan, status bar) on the existing store, through the console's own
 * start sequence ({@link ConsoleStart}). With {@code --same-jvm} it counts from that sequence's first step.
 * The console starts its video players two frames after the queue's rows arrive (the queue comes first), so
 * the figure does not include the wall's first video frames. The moment counted is the pulse
 * after the one that laid the rows out: a pulse starts only when the previous frame has been rendered.
 *
 * <p>(b) filter and sort: scripted changes of a filter or of the sort column/direction in the console,
 * each timed on the FX thread from the change to the end of the next pulse's layout, i.e. the table's items
 * updated and its cells laid out; that includes waiting for the pulse, up to one frame. Changes are started
 * at a random moment between frames, as key presses arrive.
 *
 * <p>Seeding (demo store, extra open cases) is not timed. Everything FX runs on the FX thread; the caller
 * waits on futures.
 */
public final class QueueBenchmark {
    /** Marker line of the child JVM's answer, followed by {@link #format(StartTimes)}. */
    public static final String START_MARK = "queue-start-ms ";
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;

    /**
     * @param freshJvm   measure each start in a new JVM (the probe's main class is {@code probeClass})
     */
    public record Options(Path dataDir, Locale locale, int openCases, int runs, int operations, boolean freshJvm,
                          String probeClass, long seed) {
    }

    /**
     * @param baselineMedian the median start of the baseline runs (the JVM's default compiler thresholds), or NaN
     *                       when the starts were not run in fresh JVMs with thresholds of their own
     */
    public record Result(long storedCases, int openCases, int queueRows, double[] startSeconds, double startMedian,
                         double baselineMedian, double[] operationMillis, double p50, double p95, double max) {
    }

    /** The compiler options {@code packaging/java-options} sets; the baseline starts run without them. */
    static boolean isCompilerThreshold(String jvmArgument) {
        return jvmArgument.startsWith("-XX:Tier4");
    }

    private final Consumer<String> out;

    public QueueBenchmark(Consumer<String> out) {
        this.out = out;
    }

    public Result run(Options o) throws Exception {
        startToolkit();
        long[] seeded = seed(o);
        out.accept(String.format(Locale.ROOT, "store: %d cases, %d open (seeding not timed)", seeded[0], seeded[1]));

        double[] starts = new double[o.runs()];
        for (int i = 0; i < o.runs(); i++) {
            StartTimes t = o.freshJvm() ? startInFreshJvm(o, true) : startOnce(o.dataDir(), o.locale(), 0);
            starts[i] = t.fromProcessStart() / 1e3;
            out.accept(String.format(Locale.ROOT, "start run %d of %d%s: %.2f s (%s)", i + 1, o.runs(),
                    o.freshJvm() ? " (fresh JVM)" : " (same JVM)", starts[i], t.breakdown()));
        }
        double median = Percentiles.of(starts, 50);
        // The same starts with the JVM's default thresholds for its optimising compiler, in this run: what the
        // launcher's compiler options are worth on this machine.
        double baseline = Double.NaN;
        if (o.freshJvm() && ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(QueueBenchmark::isCompilerThreshold)) {
            double[] base = new double[o.runs()];
            for (int i = 0; i < o.runs(); i++) {
                StartTimes t = startInFreshJvm(o, false);
                base[i] = t.fromProcessStart() / 1e3;
                out.accept(String.format(Locale.ROOT, "baseline start run %d of %d (fresh JVM, default compiler "
                        + "thresholds): %.2f s (%s)", i + 1, o.runs(), base[i], t.breakdown()));
            }
            baseline = Percentiles.of(base, 50);
        }

        FilterSortRun fs = filterAndSort(o);
        double[] ms = fs.millis();
        return new Result(seeded[0], (int) seeded[1], fs.rows(), starts, median, baseline, ms, Percentiles.of(ms, 50),
                Percentiles.of(ms, 95), Arrays.stream(ms).max().orElse(0));
    }

    // ---------------------------------------------------------------- seeding

    /** Opens (seeding the demo on first use) and tops the open cases up to the wanted count; returns {cases, open}. */
    long[] seed(Options o) {
        try (AppContext context = AppContext.openDemo(o.dataDir(), o.locale(), Clock.systemUTC())) {
            int open = context.database().cases().findOpen().size();
            int missing = o.openCases() - open;
            if (missing > 0) {
                context.database().cases().insertAll(openCases(context, missing, new Random(o.seed())));
                open += missing;
            }
            return new long[] {context.database().cases().count(), open};
        }
    }

    /** Believable open cases over the last three days, in every open state, each in a real small grid. */
    static List<Case> openCases(AppContext context, int count, Random rnd) {
        List<SmallGrid> grids = context.district().smallGrids();
        List<PreparedGeometry> areas = grids.stream().map(g -> PreparedGeometryFactory.prepare(g.area())).toList();
        List<GridWorker> workers = context.district().gridWorkers();
        List<Category> minors = context.categories().minors();
        CaseState[] states = {CaseState.REPORTED, CaseState.ACCEPTED, CaseState.DISPATCHED, CaseState.IN_HANDLING,
                CaseState.IN_HANDLING, CaseState.FED_BACK, CaseState.VERIFIED, CaseState.SUSPENDED};
        Channel[] channels = Channel.values();
        Instant now = Instant.now();
        GeometryFactory factory = new GeometryFactory();
        List<Case> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int g = rnd.nextInt(grids.size());
            Envelope box = grids.get(g).area().getEnvelopeInternal();
            GeoPoint point;
            do {
                point = new GeoPoint(box.getMinX() + rnd.nextDouble() * box.getWidth(),
                        box.getMinY() + rnd.nextDouble() * box.getHeight());
            } while (!areas.get(g).contains(factory.createPoint(new Coordinate(point.lon(), point.lat()))));
            Category category = minors.get(rnd.nextInt(minors.size()));
            CaseState state = states[rnd.nextInt(states.length)];
            Instant reported = now.minusSeconds(60 + rnd.nextInt(72 * 3600));
            long room = Duration.between(reported, now).getSeconds();
            Instant accepted = reported.plusSeconds(room / 8);
            Instant dispatched = reported.plusSeconds(room / 4);
            Instant handling = reported.plusSeconds(room / 3);
            Instant fedBack = reported.plusSeconds(room / 2);
            Instant verified = reported.plusSeconds(room * 2 / 3);
            String id = new Ulid(Clock.fixed(reported, java.time.ZoneOffset.UTC), rnd).nextId();
            Case.Builder b = Case.builder().id(id).channel(channels[rnd.nextInt(channels.length)])
                    .categoryCode(category.code()).location(point).smallGridCode(grids.get(g).code().value())
                    .address(grids.get(g).name().zh() + " " + (1 + rnd.nextInt(300)) + "号")
                    .description("bench open case " + (i + 1) + ": " + category.name().en())
                    .priority(context.categories().defaultPriority(category.code()))
                    .state(state).reportedAt(reported);
            int progress = switch (state) {
                case REPORTED -> 0;
                case ACCEPTED -> 1;
                case DISPATCHED, SUSPENDED -> 2;
                case IN_HANDLING -> 3;
                case FED_BACK -> 4;
                default -> 5;
            };
            if (progress >= 1) {
                b.acceptedAt(accepted);
            }
            if (progress >= 2) {
                String worker = workers.get(rnd.nextInt(workers.size())).id();
                b.dispatchedAt(dispatched).assignee(Assignee.worker(worker));
            }
            if (progress >= 3) {
                b.handlingStartedAt(handling);
            }
            if (progress >= 4) {
                b.fedBackAt(fedBack);
            }
            if (progress >= 5) {
                b.verifiedAt(verified);
            }
            if (state == CaseState.SUSPENDED) {
                b.suspendedFrom(CaseState.DISPATCHED).suspendedAt(handling).stateReason("bench: waiting for parts");
            }
            b.supervised(state != CaseState.REPORTED && rnd.nextInt(8) == 0);
            out.add(b.build());
        }
        return out;
    }

    // ---------------------------------------------------------------- (a) start

    /** @param compilerThresholds keep this JVM's compiler thresholds; false: the JVM's defaults (the baseline) */
    private StartTimes startInFreshJvm(Options o, boolean compilerThresholds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger or agent of this JVM must not be cloned into the child (it would fight for the port).
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent") && !arg.startsWith("-Xrunjdwp")
                    && (compilerThresholds || !isCompilerThreshold(arg))) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(o.probeClass());
        command.add(o.dataDir().toString());
        command.add(o.locale().toLanguageTag());
        // The moment of launch, so the child counts JVM boot too (the OS's own process start time is
        // rounded to the machine's boot second on Linux: off by up to a second).
        command.add(Long.toString(System.currentTimeMillis()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String answer = null;
        StringBuilder log = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(START_MARK)) {
                    answer = line.substring(START_MARK.length()).strip();
                } else if (log.length() < 4000) {
                    log.append(line).append('\n');
                }
            }
        }
        if (!child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the start probe did not finish within " + WAIT.toMinutes() + " minutes");
        }
        if (answer == null || child.exitValue() != 0) {
            throw new IllegalStateException("the start probe failed (exit " + child.exitValue() + "):\n" + log);
        }
        return parse(answer);
    }

    /** The probe's answer line, after the mark: the eight figures of {@link StartTimes}, space-separated. */
    public static String format(StartTimes t) {
        return String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f", t.jvm(), t.total(),
                t.storeOpen(), t.videoEngine(), t.toolkit(), t.windowBuilt(), t.windowShown(), t.rowsPublished());
    }

    static StartTimes parse(String answer) {
        double[] v = Arrays.stream(answer.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        return new StartTimes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /**
     * One start and where it went, in milliseconds: {@code jvm} from the process's start to the start
     * sequence's first step (JVM boot, main class; 0 when timed in a warm JVM), the others from that step.
     */
    public record StartTimes(double jvm, double total, double storeOpen, double videoEngine, double toolkit,
                             double windowBuilt, double windowShown, double rowsPublished) {
        /** From the process's start to the first frame with the queue's rows. */
        public double fromProcessStart() {
            return jvm + total;
        }

        public String breakdown() {
            return String.format(Locale.ROOT, "JVM boot %.0f ms, then: store %.0f, libVLC %.0f, JavaFX %.0f (all three "
                    + "at once), window built %.0f, shown %.0f, rows %.0f, first frame %.0f ms", jvm, storeOpen,
                    videoEngine, toolkit, windowBuilt, windowShown, rowsPublished, total);
        }
    }

    /**
     * One start as the console does it ({@link ConsoleStart}: store, libVLC and JavaFX at once), then the
     * whole window built and shown, up to the first frame with the queue's rows.
     *
     * @param processStartMillis the process's start (epoch ms) when this JVM was started for this one run,
     *                           else 0
     */
    public static StartTimes startOnce(Path dataDir, Locale locale, long processStartMillis) throws Exception {
        long jvmMillis = processStartMillis > 0 ? Math.max(0, System.currentTimeMillis() - processStartMillis) : 0;
        long t0 = System.nanoTime();
        ConsoleStart start = ConsoleStart.begin(() -> AppContext.openDemo(dataDir, locale, Clock.systemUTC()));
        try {
            ConsoleStart.startToolkit();
            long tFx = System.nanoTime();
            ConsoleStart.Ready ready = start.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            long[] marks = new long[3];
            CompletableFuture<Long> firstFrame = new CompletableFuture<>();
            CompletableFuture<Stage> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    Window w = openConsole(ready.context(), ready.video(), ready.settings(), marks);
                    shown.complete(w.stage());
                    CaseQueueViewModel model = w.queue().model();
                    Runnable whenLoaded = () -> {
                        marks[2] = System.nanoTime();
                        afterPulses(w.stage().getScene(), 2, () -> firstFrame.complete(System.nanoTime()));
                    };
                    if (model.loadedProperty().get()) {
                        whenLoaded.run();
                    } else {
                        model.loadedProperty().addListener((obs, was, now) -> {
                            if (now) {
                                whenLoaded.run();
                            }
                        });
                    }
                } catch (RuntimeException e) {
                    firstFrame.completeExceptionally(e);
                    shown.completeExceptionally(e);
                }
            });
            try {
                long t1 = firstFrame.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                return new StartTimes(jvmMillis, ms(t0, t1), start.storeNanos() / 1e6, start.videoNanos() / 1e6,
                        ms(t0, tFx), ms(t0, marks[0]), ms(t0, marks[1]), ms(t0, marks[2]));
            } finally {
                Stage stage = shown.getNow(null);
                CompletableFuture<Void> closed = new CompletableFuture<>();
                Platform.runLater(() -> {
                    if (stage != null) {
                        closeConsole(stage);
                    }
                    closed.complete(null);
                });
                closed.get(1, TimeUnit.MINUTES);
            }
        } finally {
            start.close();
        }
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    // ---------------------------------------------------------------- (b) filter and sort

    private record FilterSortRun(double[] millis, int rows) {
    }

    private FilterSortRun filterAndSort(Options o) throws Exception {
        AppContext context = AppContext.openDemo(o.dataDir(), o.locale(), Clock.systemUTC());
        VideoEngine engine = VideoEngine.start();
        CompletableFuture<Window> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Window w = openConsole(context, engine);
                w.queue().model().loadedProperty().addListener((obs, was, now) -> {
                    if (now) {
                        opened.complete(w);
                    }
                });
                // A load that finished before the listener was added (a starved FX thread) counts too.
                if (w.queue().model().loadedProperty().get()) {
                    opened.complete(w);
                }
            } catch (RuntimeException e) {
                opened.completeExceptionally(e);
            }
        });
        Window w = opened.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            List<Operation> script = script(w.queue().table(), w.queue().model());
            int rows = onFx(() -> w.queue().model().rows().size());
            // The console runs for a whole shift: the figure is its steady state, once the JIT has compiled the
            // table's CSS and layout paths (five rounds of the script), not the first clicks after a start.
            for (int i = 0; i < 5 * script.size(); i++) {
                time(w.stage().getScene(), script.get(i % script.size()));
            }
            double[] ms = new double[o.operations()];
            double[] change = new double[o.operations()];
            double[] layout = new double[o.operations()];
            java.util.Map<String, Double> worst = new java.util.TreeMap<>();
            // A key press lands anywhere between two frames; starting each change right after the previous
            // pulse would make every one of them wait a whole frame.
            Random arrival = new Random(o.seed());
            for (int i = 0; i < o.operations(); i++) {
                Operation op = script.get(i % script.size());
                Thread.sleep(arrival.nextInt(17));
                double[] t = time(w.stage().getScene(), op);
                ms[i] = t[0];
                change[i] = t[1];
                layout[i] = t[2];
                worst.merge(op.name(), t[0], Math::max);
            }
            double[] idleLayout = new double[50];
            double[] idleTotal = new double[50];
            for (int i = 0; i < idleLayout.length; i++) {
                Thread.sleep(arrival.nextInt(17));
                double[] t = time(w.stage().getScene(), new Operation("no change", () -> { }));
                idleTotal[i] = t[0];
                idleLayout[i] = t[2];
            }
            out.accept(String.format(Locale.ROOT, "a pulse with no change in the queue, for comparison: total p50 %.1f ms, "
                    + "p95 %.1f ms; CSS and layout p50 %.1f ms, p95 %.1f ms", Percentiles.of(idleTotal, 50),
                    Percentiles.of(idleTotal, 95), Percentiles.of(idleLayout, 50), Percentiles.of(idleLayout, 95)));
            out.accept("slowest operations: " + worst.entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(4)
                    .map(e -> String.format(Locale.ROOT, "%s %.1f ms", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", ")));
            out.accept(String.format(Locale.ROOT, "filter and sort: %d operations on %d rows (%d open); the change "
                    + "itself p50 %.1f ms, p95 %.1f ms; CSS and layout of the pulse p50 %.1f ms, p95 %.1f ms; the rest "
                    + "is waiting for the pulse (the frame before it, other windows' work)",
                    o.operations(), rows, onFx(() -> w.queue().model().openCountProperty().get()),
                    Percentiles.of(change, 50), Percentiles.of(change, 95), Percentiles.of(layout, 50), Percentiles.of(layout, 95)));
            return new FilterSortRun(ms, rows);
        } finally {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            Platform.runLater(() -> {
                closeConsole(w.stage());
                closed.complete(null);
            });
            closed.get(1, TimeUnit.MINUTES);
            engine.close();
            context.close();
        }
    }

    /** A named change of the queue's view, run on the FX thread. */
    private record Operation(String name, Runnable change) {
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> script(TableView<CaseRow> table, CaseQueueViewModel model) throws Exception {
        return onFx(() -> {
            TableColumn<CaseRow, ?> time = column(table, "col-time");
            TableColumn<CaseRow, ?> priority = column(table, "col-priority");
            TableColumn<CaseRow, ?> category = column(table, "col-category");
            TableColumn<CaseRow, ?> sla = column(table, "col-sla");
            TableColumn<CaseRow, ?> grid = column(table, "col-grid");
            List<Operation> ops = new ArrayList<>();
            ops.add(new Operation("state open", () -> model.stateFilterProperty().set(StateFilter.OPEN)));
            ops.add(new Operation("sort priority asc", () -> sort(table, priority, TableColumn.SortType.ASCENDING)));
            ops.add(new Operation("priority urgent", () -> model.priorityFilterProperty().set(Priority.URGENT)));
            ops.add(new Operation("priority any", () -> model.priorityFilterProperty().set(null)));
            ops.add(new Operation("sort priority desc", () -> sort(table, priority, TableColumn.SortType.DESCENDING)));
            ops.add(new Operation("state in handling", () -> model.stateFilterProperty().set(StateFilter.of(CaseState.IN_HANDLING))));
            ops.add(new Operation("channel hotline", () -> model.channelFilterProperty().set(Channel.HOTLINE)));
            ops.add(new Operation("sort time asc", () -> sort(table, time, TableColumn.SortType.ASCENDING)));
            ops.add(new Operation("channel any", () -> model.channelFilterProperty().set(null)));
            ops.add(new Operation("state all today", () -> model.stateFilterProperty().set(StateFilter.ALL_TODAY)));
            ops.add(new Operation("category 02", () -> model.majorFilterProperty().set("02")));
            ops.add(new Operation("sort sla asc", () -> sort(table, sla, TableColumn.SortType.ASCENDING)));
            ops.add(new Operation("category any", () -> model.majorFilterProperty().set(null)));
            ops.add(new Operation("grid text", () -> model.gridFilterProperty().set("1")));
            ops.add(new Operation("sort category desc", () -> sort(table, category, TableColumn.SortType.DESCENDING)));
            ops.add(new Operation("grid cleared", () -> model.gridFilterProperty().set("")));
            ops.add(new Operation("text filter", () -> model.textFilterProperty().set("light")));
            ops.add(new Operation("sort grid asc", () -> sort(table, grid, TableColumn.SortType.ASCENDING)));
            ops.add(new Operation("text cleared", () -> model.textFilterProperty().set("")));
            ops.add(new Operation("default order", () -> table.getSortOrder().clear()));
            return ops;
        });
    }

    private static TableColumn<CaseRow, ?> column(TableView<CaseRow> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the queue has no column " + id));
    }

    private static void sort(TableView<CaseRow> table, TableColumn<CaseRow, ?> column, TableColumn.SortType type) {
        column.setSortType(type);
        table.getSortOrder().setAll(List.of(column));
    }

    /**
     * Milliseconds from the change to the end of the layout of the pulse that shows it, and of that the
     * change itself (filtering or sorting the rows, on the FX thread).
     */
    private static double[] time(Scene scene, Operation op) throws Exception {
        CompletableFuture<double[]> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            op.change().run();
            long changed = System.nanoTime();
            long[] pulseStart = new long[1];
            Runnable pre = new Runnable() {
                @Override
                public void run() {
                    scene.removePreLayoutPulseListener(this);
                    pulseStart[0] = System.nanoTime();
                }
            };
            scene.addPreLayoutPulseListener(pre);
            afterPulses(scene, 1, () -> {
                long end = System.nanoTime();
                done.complete(new double[] {ms(t0, end), ms(t0, changed), ms(pulseStart[0], end)});
            });
        });
        return done.get(1, TimeUnit.MINUTES);
    }

    // ---------------------------------------------------------------- FX helpers

    private record Window(Stage stage, CaseQueueView queue, ConsoleWindow console) {
    }

    private static Window openConsole(AppContext context, VideoEngine engine) {
        return openConsole(context, engine, ConsoleSettings.read(context.dataDir()), new long[2]);
    }

    /** marks[0]: the window is built; marks[1]: the stage is shown. */
    private static Window openConsole(AppContext context, VideoEngine engine, ConsoleSettings settings, long[] marks) {
        ConsoleWindow console = new ConsoleWindow(context, engine,
                new ReadOnlyObjectWrapper<>(new Operator("bench", Role.DUTY_OFFICER)),
                new ReadOnlyStringWrapper("local store only"), UiExecutor.fx(), settings);
        Stage stage = new Stage();
        Scene scene = new Scene(console.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(ConsoleWindow.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        marks[0] = System.nanoTime();
        stage.show();
        marks[1] = System.nanoTime();
        CaseQueueView queue = (CaseQueueView) scene.lookup("#case-queue");
        queue.setAlertSound(() -> { });
        return new Window(stage, queue, console);
    }

    private static void closeConsole(Stage stage) {
        Scene scene = stage.getScene();
        stage.close();
        // Detaching the content stops the video players and the queue's timers, as the launcher does.
        scene.setRoot(new Pane());
    }

    /** Runs {@code then} on the FX thread after {@code count} more pulses have laid out the scene. */
    private static void afterPulses(Scene scene, int count, Runnable then) {
        FxThread.afterPulses(scene, count, then);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(1, TimeUnit.MINUTES);
    }

    /** Starts JavaFX once per JVM with the console's theme, as the launcher does. */
    public static void startToolkit() throws InterruptedException {
        ConsoleStart.startToolkit();
    }
}
