package org.gridcommand.bench.video;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.gridcommand.video.VideoEngine;
import org.gridcommand.video.VideoTile;
import org.gridcommand.video.VideoWall;

/**
 * {@code bench video}: a 4x4 wall of live 640x360@25 streams made by ffmpeg on this machine.
 *
 * <p>One 640x360@25 H.264 clip (short GOP) is encoded once; sixteen ffmpeg senders loop it in real time to
 * sixteen UDP MPEG-TS addresses without re-encoding (so the senders cost little). The wall shows them for
 * {@code seconds}. Figures:
 * <ul>
 * <li>frames shown: per tile, the pictures published into its image on the FX thread (counted by the tile),
 * but never more than libVLC decoded (libVLC may show a picture again, which the FX count would include),
 * over the frames sent (25 per second per stream);</li>
 * <li>CPU per shown frame (this process, all threads) beside ffmpeg's own CPU to decode the same clip and
 * convert it to BGRA ({@code -threads 1 -pix_fmt bgra -f null -}), per frame: the console's overhead ratio;</li>
 * <li>time from assigning a camera to its tile's first shown frame (p50, max);</li>
 * <li>the longest gap between two pulses of the FX thread while the wall plays.</li>
 * </ul>
 */
public final class VideoBench {
    private static final int FPS = 25;
    private static final Pattern UTIME = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s");

    public record Options(int rows, int cols, int seconds, int width, int height) {
    }

    public record Result(double shownShare, double cpuMsPerFrame, double ffmpegMsPerFrame, double firstFrameP50,
                         double firstFrameMax, double longestStallMs, long shown, long sent) {
    }

    private final Consumer<String> out;

    public VideoBench(Consumer<String> out) {
        this.out = out;
    }

    public Result run(Options o) throws Exception {
        int n = o.rows() * o.cols();
        Path dir = Files.createTempDirectory("gc-bench-video");
        List<Process> senders = new ArrayList<>();
        VideoEngine engine = VideoEngine.start();
        if (!engine.available()) {
            throw new IllegalStateException("libVLC 3 is not available: " + engine.detail() + " ("
                    + VideoEngine.INSTALL_COMMAND + ")");
        }
        try {
            Path clip = dir.resolve("clip.ts");
            ffmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=" + FPS, "-t", "30", "-c:v", "libx264",
                    "-preset", "veryfast", "-g", "25", "-pix_fmt", "yuv420p", "-f", "mpegts", clip.toString()), 120);
            double ffmpegMs = ffmpegDecodeCostMs(clip);
            out.accept(String.format(Locale.ROOT, "ffmpeg decode + convert to BGRA, one thread: %.3f ms per frame", ffmpegMs));

            List<String> urls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int port = freeUdpPort();
                urls.add("udp://@127.0.0.1:" + port);
                senders.add(new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
                        "-stream_loop", "-1", "-i", clip.toString(), "-c", "copy", "-f", "mpegts",
                        "udp://127.0.0.1:" + port + "?pkt_size=1316").redirectErrorStream(true)
                        .redirectOutput(dir.resolve("sender-" + i + ".log").toFile()).start());
            }
            Thread.sleep(1000);
            startToolkit();
            return play(o, engine, urls, ffmpegMs);
        } finally {
            for (Process p : senders) {
                p.destroy();
            }
            for (Process p : senders) {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            engine.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private Result play(Options o, VideoEngine engine, List<String> urls, double ffmpegMs) throws Exception {
        int n = urls.size();
        long[] assignedAt = new long[n];
        long[] firstAt = new long[n];
        long[] maxGap = new long[1];
        Object[] holder = new Object[3];
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            VideoWall wall = new VideoWall(engine, key -> key, o.rows(), o.cols());
            Stage stage = new Stage();
            stage.setScene(new Scene(wall, o.width(), o.height()));
            stage.setTitle("bench video");
            stage.show();
            AnimationTimer watch = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        maxGap[0] = Math.max(maxGap[0], now - last);
                    }
                    last = now;
                    for (int i = 0; i < n; i++) {
                        if (firstAt[i] == 0 && assignedAt[i] != 0 && wall.tile(i).framesRendered() > 0) {
                            firstAt[i] = System.nanoTime();
                        }
                    }
                }
            };
            watch.start();
            for (int i = 0; i < n; i++) {
                assignedAt[i] = System.nanoTime();
                wall.assign(i, "CAM " + (i + 1), urls.get(i));
            }
            holder[0] = wall;
            holder[1] = stage;
            holder[2] = watch;
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        VideoWall wall = (VideoWall) holder[0];
        // Warm-up: every tile's first frame, or ten seconds.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && java.util.Arrays.stream(firstAt).anyMatch(t -> t == 0)) {
            Thread.sleep(50);
        }
        Thread.sleep(2000);
        long[] before = frames(wall);
        long[] decodedBefore = decoded(wall);
        maxGap[0] = 0;
        java.util.Map<String, Long> threads0 = ThreadCpu.byName();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(o.seconds() * 1000L);
        long cpu1 = processCpuNanos();
        java.util.Map<String, Long> threads1 = ThreadCpu.byName();
        long t1 = System.nanoTime();
        long[] after = frames(wall);
        long[] decodedAfter = decoded(wall);
        long stall = maxGap[0];
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            ((AnimationTimer) holder[2]).stop();
            Stage stage = (Stage) holder[1];
            stage.close();
            stage.getScene().setRoot(new javafx.scene.layout.Pane());
            closed.complete(null);
        });
        closed.get(30, TimeUnit.SECONDS);

        double seconds = (t1 - t0) / 1e9;
        long shownFrames = 0;
        for (int i = 0; i < n; i++) {
            long published = after[i] - before[i];
            long decodedFrames = decodedAfter[i] - decodedBefore[i];
            long s = Math.min(published, decodedFrames);
            shownFrames += s;
            out.accept(String.format(Locale.ROOT, "  tile %2d: %d frames shown in %.1f s (%.1f fps; %d published, %d "
                    + "decoded)", i + 1, s, seconds, s / seconds, published, decodedFrames));
        }
        long sent = Math.round(n * FPS * seconds);
        double cpuMsPerFrame = (cpu1 - cpu0) / 1e6 / Math.max(1, shownFrames);
        double[] first = new double[n];
        for (int i = 0; i < n; i++) {
            first[i] = firstAt[i] == 0 ? Double.POSITIVE_INFINITY : (firstAt[i] - assignedAt[i]) / 1e6;
        }
        java.util.Arrays.sort(first);
        out.accept(String.format(Locale.ROOT, "process CPU %.0f %% of one core over %.1f s", 100.0 * (cpu1 - cpu0) / (t1 - t0),
                seconds));
        ThreadCpu.report(threads0, threads1, t1 - t0, out);
        return new Result((double) shownFrames / sent, cpuMsPerFrame, ffmpegMs, first[(n - 1) / 2], first[n - 1],
                stall / 1e6, shownFrames, sent);
    }

    private static long[] frames(VideoWall wall) throws Exception {
        CompletableFuture<long[]> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(wall.tiles().stream().mapToLong(VideoTile::framesRendered).toArray()));
        return f.get(10, TimeUnit.SECONDS);
    }

    private static long[] decoded(VideoWall wall) throws Exception {
        CompletableFuture<long[]> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(wall.tiles().stream().mapToLong(VideoTile::framesDecoded).toArray()));
        return f.get(10, TimeUnit.SECONDS);
    }

    /** ffmpeg's own CPU (user + system) per frame to decode the clip and convert it to BGRA on one thread. */
    private static double ffmpegDecodeCostMs(Path clip) throws IOException, InterruptedException {
        String log = ffmpeg(List.of("-benchmark", "-threads", "1", "-i", clip.toString(), "-pix_fmt", "bgra", "-f",
                "null", "-"), 120);
        Matcher m = UTIME.matcher(log);
        if (!m.find()) {
            throw new IllegalStateException("ffmpeg -benchmark printed no utime/stime: " + log);
        }
        double cpuSeconds = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
        return cpuSeconds * 1000 / (30.0 * FPS);
    }

    private static String ffmpeg(List<String> args, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-y"));
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("ffmpeg is needed for bench video (sudo apt-get install ffmpeg): " + e.getMessage(), e);
        }
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new String(output, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void startToolkit() throws InterruptedException {
        Platform.setImplicitExit(false);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        if (!started.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("JavaFX did not start within a minute");
        }
    }
}
