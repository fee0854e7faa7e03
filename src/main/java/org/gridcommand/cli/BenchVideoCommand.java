package org.gridcommand.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridcommand.bench.video.VideoBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench video}: a wall of live ffmpeg-made streams, see {@link VideoBench}. */
@Command(name = "video", mixinStandardHelpOptions = true,
        description = "16 live 640x360@25 streams on a 4x4 wall: frames shown, CPU per shown frame beside ffmpeg's "
                + "own decode, time to first frame, longest FX-thread stall.")
public final class BenchVideoCommand implements Callable<Integer> {
    /** The options every command takes (README); this one uses no store, so --data-dir changes nothing here. */
    @picocli.CommandLine.Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--grid", paramLabel = "RxC", defaultValue = "4x4", description = "Wall layout (default: ${DEFAULT-VALUE}).")
    String grid;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String[] rc = grid.split("x");
        int rows;
        int cols;
        try {
            rows = Integer.parseInt(rc[0]);
            cols = Integer.parseInt(rc[1]);
        } catch (RuntimeException e) {
            err.println("gridcommand: --grid must be RxC like 4x4, got " + grid);
            return 2;
        }
        if (rows < 1 || cols < 1 || rows * cols > 36 || seconds < 1 || seconds > 600) {
            err.println("gridcommand: --grid must have 1 to 36 tiles and --seconds be 1 to 600");
            return 2;
        }
        VideoBench.Result r = new VideoBench(line -> {
            out.println(line);
            out.flush();
        }).run(new VideoBench.Options(rows, cols, seconds, 1920, 1080));
        out.println(String.format(Locale.ROOT, "frames shown %d of %d sent; time to first frame p50 %.0f ms, max %.0f ms",
                r.shown(), r.sent(), r.firstFrameP50(), r.firstFrameMax()));
        out.println(String.format(Locale.ROOT, "bench video-frames-shown: %.1f %%", 100 * r.shownShare()));
        out.println(String.format(Locale.ROOT, "bench video-cpu-per-frame: %.3f ms; baseline ffmpeg-decode-bgra %.3f ms; "
                + "ratio %.2f", r.cpuMsPerFrame(), r.ffmpegMsPerFrame(), r.cpuMsPerFrame() / r.ffmpegMsPerFrame()));
        out.println(String.format(Locale.ROOT, "bench video-first-frame-max: %.0f ms", r.firstFrameMax()));
        out.println(String.format(Locale.ROOT, "bench video-longest-fx-stall: %.0f ms", r.longestStallMs()));
        out.flush();
        return 0;
    }
}
