package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gridcommand bench map` end to end with tiny settings, in its own JVM (it starts JavaFX with uncapped
 * pulses, which a shared test JVM cannot). Checks the figure lines only: timings are for the lead's idle
 * machine, never asserted here.
 */
@Tag("ui")
@Tag("slow")
class BenchMapCommandTest {
    private static final String NUMBER = "[0-9]+\\.[0-9]+";

    @TempDir
    Path temp;

    @Test
    void printsEveryFigureLineInTheAgreedFormat() throws Exception {
        Path log = temp.resolve("bench.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx1g", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "bench", "map", "--frames", "12", "--warmup-frames", "4", "--sizes", "640x360",
                "--seconds", "2", "--wall-warmup", "0.5", "--wall-size", "640x360"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("bench finished in time; output:\n" + output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:\n" + output).isZero();

        List<String> lines = output.lines().filter(l -> l.startsWith("bench map-")).toList();
        assertThat(lines).as(output).hasSize(5);
        assertThat(lines.get(0)).matches("bench map-pan-360-p50: " + NUMBER + " ms; baseline floor " + NUMBER
                + " ms; ratio " + NUMBER);
        assertThat(lines.get(1)).matches("bench map-pan-360-p95: " + NUMBER + " ms; baseline floor " + NUMBER
                + " ms; ratio " + NUMBER);
        assertThat(lines.get(2)).matches("bench map-pan-360-vs-nodes-p50: " + NUMBER + " ms; baseline nodes "
                + NUMBER + " ms; ratio " + NUMBER);
        assertThat(lines.get(3)).matches("bench map-pan-360-vs-nodes-p95: " + NUMBER + " ms; baseline nodes "
                + NUMBER + " ms; ratio " + NUMBER);
        assertThat(lines.get(4)).matches("bench map-wall-cpu: " + NUMBER + " %; baseline nodes " + NUMBER
                + " %; ratio " + NUMBER);
        // The figure lines close the output.
        List<String> all = output.lines().filter(l -> !l.isBlank()).toList();
        assertThat(all.subList(all.size() - 5, all.size())).isEqualTo(lines);
    }

    @Test
    void tooFewFramesAreRefused() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        int status = cli.execute("bench", "map", "--frames", "3");
        assertThat(status).isNotZero();
        assertThat(err.toString()).contains("--frames");
    }
}
