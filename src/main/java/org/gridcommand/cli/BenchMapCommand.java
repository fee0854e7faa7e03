package org.gridcommand.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcommand.bench.map.MapBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench map}: frame intervals of the grid map during a scripted pan and zoom, and its CPU on a live
 * wall, each beside the node-per-feature scene and (for frames) the floor, in one run. The interactive part
 * runs here with uncapped pulses; the wall part runs in a second JVM started without them, as the console
 * runs, so the fullspeed pulse timer does not inflate the wall's CPU. See {@link MapBench} for what is
 * measured.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Map frame times (pan/zoom) and live-wall CPU against a node-per-feature scene and the floor.")
public final class BenchMapCommand implements Callable<Integer> {
    private static final Pattern WALL = Pattern.compile("^wall-cpu map ([0-9.]+) nodes ([0-9.]+)$");

    /** The options every command takes (README); this one uses no store, so --data-dir changes nothing here. */
    @picocli.CommandLine.Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--frames", defaultValue = "300", description = "Scripted frames per run (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--warmup-frames", defaultValue = "90",
            description = "Unmeasured frames before each run (default: ${DEFAULT-VALUE}).")
    int warmupFrames;

    @Option(names = "--sizes", defaultValue = "1920x1080,3840x2160", split = ",",
            converter = WindowSize.Converter.class, description = "Window sizes (default: ${DEFAULT-VALUE}).")
    List<WindowSize> sizes;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured live-wall seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--wall-warmup", defaultValue = "10",
            description = "Live-wall seconds before measuring (default: ${DEFAULT-VALUE}).")
    double wallWarmup;

    @Option(names = "--wall-size", defaultValue = "3840x2160", converter = WindowSize.Converter.class,
            description = "Live-wall window size (default: ${DEFAULT-VALUE}).")
    WindowSize wallSize;

    @Option(names = "--phase", hidden = true, description = "Internal: 'wall' runs only the live-wall part.")
    String phase;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (frames < 10 || warmupFrames < 0 || !(seconds > 0) || wallWarmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "need --frames >= 10, --warmup-frames >= 0, --seconds > 0, --wall-warmup >= 0");
        }
        if ("wall".equals(phase)) {
            MapBench.WallResult r = MapBench.wall(new MapBench.Size(wallSize.width(), wallSize.height()), seconds,
                    wallWarmup, line -> {
                        out.println(line);
                        out.flush();
                    });
            out.printf(Locale.ROOT, "wall-cpu map %.4f nodes %.4f%n", r.map(), r.nodes());
            out.flush();
            return 0;
        }
        List<MapBench.Size> list = sizes.stream().map(s -> new MapBench.Size(s.width(), s.height())).toList();
        List<MapBench.SizeResult> results = MapBench.interactive(list, frames, warmupFrames, line -> {
            out.println(line);
            out.flush();
        });
        if (!MapBench.toolkitNote().isEmpty()) {
            out.println("  note: " + MapBench.toolkitNote());
        }
        MapBench.WallResult wall = runWall(out);

        for (MapBench.SizeResult r : results) {
            String tag = "map-pan-" + r.size().height();
            out.printf(Locale.ROOT, "bench %s-p50: %.1f ms; baseline floor %.1f ms; ratio %.2f%n", tag,
                    r.map().p50(), r.floor().p50(), r.map().p50() / r.floor().p50());
            out.printf(Locale.ROOT, "bench %s-p95: %.1f ms; baseline floor %.1f ms; ratio %.2f%n", tag,
                    r.map().p95(), r.floor().p95(), r.map().p95() / r.floor().p95());
            out.printf(Locale.ROOT, "bench %s-vs-nodes-p50: %.1f ms; baseline nodes %.1f ms; ratio %.2f%n", tag,
                    r.map().p50(), r.nodes().p50(), r.nodes().p50() / r.map().p50());
            out.printf(Locale.ROOT, "bench %s-vs-nodes-p95: %.1f ms; baseline nodes %.1f ms; ratio %.2f%n", tag,
                    r.map().p95(), r.nodes().p95(), r.nodes().p95() / r.map().p95());
        }
        out.printf(Locale.ROOT, "bench map-wall-cpu: %.1f %%; baseline nodes %.1f %%; ratio %.2f%n",
                wall.map(), wall.nodes(), wall.map() / wall.nodes());
        out.flush();
        return 0;
    }

    /** Runs the live-wall part in a fresh JVM (same classpath and JVM options, minus fullspeed and agents). */
    private MapBench.WallResult runWall(PrintWriter out) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String arg : jvmArgs) {
            if (!arg.startsWith("-Djavafx.animation.fullspeed") && !arg.startsWith("-agentlib")
                    && !arg.startsWith("-javaagent") && !arg.startsWith("-Xrunjdwp")
                    && !arg.startsWith("-XX:StartFlightRecording")) {
                command.add(arg);
            }
        }
        for (String property : new String[] {"prism.order", "file.encoding", "gridcommand.assets"}) {
            String value = System.getProperty(property);
            if (value != null && jvmArgs.stream().noneMatch(a -> a.startsWith("-D" + property + "="))) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "bench", "map", "--phase", "wall",
                "--seconds", String.valueOf(seconds), "--wall-warmup", String.valueOf(wallWarmup),
                "--wall-size", wallSize.width() + "x" + wallSize.height()));
        out.printf(Locale.ROOT, "bench map: live wall %dx%d, %.0f s after %.0f s warm-up, in a JVM without fullspeed%n",
                wallSize.width(), wallSize.height(), seconds, wallWarmup);
        out.flush();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        MapBench.WallResult result = null;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher m = WALL.matcher(line.trim());
                if (m.matches()) {
                    result = new MapBench.WallResult(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
                } else {
                    out.println(line);
                    out.flush();
                }
            }
        }
        long limit = (long) (2 * (seconds + wallWarmup)) + 180;
        if (!process.waitFor(limit, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the live-wall run did not finish in " + limit + " s");
        }
        if (process.exitValue() != 0 || result == null) {
            throw new IllegalStateException("the live-wall run failed (exit " + process.exitValue() + ")");
        }
        return result;
    }
}
