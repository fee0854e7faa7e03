package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * `bench video` runs a tiny wall (two tiles, real libVLC, real ffmpeg streams) and ends with its figures in
 * the house format; the speed itself is the benchmark's job.
 */
@Tag("ui")
@Tag("libvlc")
@Tag("slow")
class BenchVideoCommandTest {
    @Test
    void printsOneLinePerFigureAtTheEnd() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute("bench", "video", "--grid", "1x2", "--seconds", "2");
        assertThat(status).as(out + "\n" + err).isZero();
        List<String> lines = out.toString().strip().lines().toList();
        int n = lines.size();
        assertThat(lines.get(n - 4)).matches("bench video-frames-shown: \\d+\\.\\d %");
        assertThat(lines.get(n - 3)).matches("bench video-cpu-per-frame: \\d+\\.\\d{3} ms; baseline ffmpeg-decode-bgra "
                + "\\d+\\.\\d{3} ms; ratio \\d+\\.\\d{2}");
        assertThat(lines.get(n - 2)).matches("bench video-first-frame-max: \\d+ ms");
        assertThat(lines.get(n - 1)).matches("bench video-longest-fx-stall: \\d+ ms");
        assertThat(out.toString()).contains("tile  1:").contains("tile  2:");
    }

    @Test
    void refusesABadGrid() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("bench", "video", "--grid", "four")).isEqualTo(2);
        assertThat(err.toString()).contains("--grid must be RxC like 4x4, got four");
    }
}
