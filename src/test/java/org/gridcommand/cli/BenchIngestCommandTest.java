package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * `bench ingest` runs a tiny round on a private Mosquitto and ends with its figures in the house format;
 * the speed itself is the benchmark's job, not this test's.
 */
@Tag("broker")
@Tag("slow")
class BenchIngestCommandTest {
    @Test
    void printsOneLinePerFigureAtTheEnd() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute("bench", "ingest", "--stored", "20000", "--seconds", "1", "--fixes-per-message", "10",
                "--latency-seconds", "2", "--queries", "5");
        assertThat(status).as(out + "\n" + err).isZero();
        List<String> lines = out.toString().strip().lines().toList();
        int n = lines.size();
        assertThat(lines.get(n - 4)).matches("bench ingest-query-worker-day-p95: \\d+\\.\\d ms");
        assertThat(lines.get(n - 3)).matches("bench ingest-points: \\d+ points/s; baseline naive-commit-per-message "
                + "\\d+ points/s; ratio \\d+\\.\\d");
        assertThat(lines.get(n - 2)).matches("bench ingest-single-fix-messages: \\d+ points/s; baseline "
                + "naive-commit-per-message \\d+ points/s; ratio \\d+\\.\\d");
        assertThat(lines.get(n - 1)).matches("bench ingest-latency-p99: \\d+\\.\\d ms");
        assertThat(out.toString()).contains("fill: 20,000 fixes written").contains("private");
    }

    @Test
    void refusesNonsensicalSizes() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("bench", "ingest", "--fixes-per-message", "500")).isEqualTo(2);
        assertThat(err.toString()).contains("--fixes-per-message must be 1 to 120, got 500");
    }
}
