package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `bench queue` runs a tiny round and ends with its figures in the house format; speed is the benchmark's job. */
class BenchQueueCommandTest {
    private static final Pattern START = Pattern.compile("bench queue-start: \\d+\\.\\d{2} s");
    private static final Pattern P50 = Pattern.compile("bench queue-filter-sort-p50: \\d+\\.\\d ms");
    private static final Pattern P95 = Pattern.compile("bench queue-filter-sort-p95: \\d+\\.\\d ms");

    @Test
    void printsOneLinePerFigureAtTheEnd() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute("bench", "queue", "--open", "120", "--runs", "1", "--ops", "12");
        assertThat(status).as(out + "\n" + err).isZero();
        List<String> lines = out.toString().strip().lines().toList();
        assertThat(lines.size()).isGreaterThan(3);
        assertThat(lines.get(lines.size() - 3)).matches(START);
        assertThat(lines.get(lines.size() - 2)).matches(P50);
        assertThat(lines.get(lines.size() - 1)).matches(P95);
        assertThat(out.toString()).contains("fresh JVM");
    }

    @Test
    void refusesANonsensicalRunCount() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("bench", "queue", "--runs", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--runs");
    }
}
