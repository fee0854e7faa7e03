package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `bench locate` runs and prints its closing line; its speed target is checked by the benchmark, not here. */
class BenchLocateCommandTest {
    private static final Pattern LINE = Pattern.compile(
            "(?m)^bench locate: (\\d+) points/s; baseline jts-strtree-prepared (\\d+) points/s; ratio (\\d+\\.\\d)$");

    @Test
    void printsTheFigureTheBaselineAndTheRatio() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute("bench", "locate", "--points", "20000", "--rounds", "2");
        assertThat(status).as(out + "\n" + err).isZero();
        Matcher m = LINE.matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isPositive();
        assertThat(Long.parseLong(m.group(2))).isPositive();
        assertThat(Double.parseDouble(m.group(3))).isPositive();
        assertThat(out.toString().strip()).endsWith(m.group());
        assertThat(out.toString()).contains("0 off edges");
    }

    @Test
    void refusesANonsensicalPointCount() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("bench", "locate", "--points", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--points");
    }
}
