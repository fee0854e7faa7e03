package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * `bench queue` runs a tiny round and ends with its figures in the house format. Speed is the benchmark's job, so
 * no figure is held to a target here; but every figure must be a plausible measurement (positive, below the
 * benchmark's own 3-minute wait, p50 ≤ p95 ≤ max) and the closing lines must repeat the summary's figures.
 */
@Tag("ui")
@Tag("slow")
class BenchQueueCommandTest {
    private static final String NUMBER = "(\\d+\\.\\d+)";
    private static final Pattern STORE = Pattern.compile("(?m)^store: (\\d+) cases, (\\d+) open \\(seeding not timed\\)$");
    private static final Pattern RUN = Pattern.compile(
            "(?m)^start run 1 of 1 \\(fresh JVM\\): " + NUMBER + " s \\(JVM boot \\d+ ms, then: .* first frame \\d+ ms\\)$");
    private static final Pattern START_SUMMARY = Pattern.compile("(?m)^start to interactive queue: median " + NUMBER
            + " s of 1 runs \\(fresh JVM each, from process start\\); target 2 s$");
    private static final Pattern FILTER_SUMMARY = Pattern.compile("(?m)^filter and sort: p50 " + NUMBER + " ms, p95 "
            + NUMBER + " ms, max " + NUMBER + " ms over 12 operations on (\\d+) rows; target p95 30 ms$");
    private static final Pattern START = Pattern.compile("bench queue-start: (\\d+\\.\\d{2}) s");
    private static final Pattern P50 = Pattern.compile("bench queue-filter-sort-p50: (\\d+\\.\\d) ms");
    private static final Pattern P95 = Pattern.compile("bench queue-filter-sort-p95: (\\d+\\.\\d) ms");
    /** The benchmark gives up on a start or an operation after 3 minutes: a figure above that is not a measurement. */
    private static final double LONGEST_WAIT_SECONDS = 180;

    @Test
    void printsPlausibleFiguresAndOneLinePerFigureAtTheEnd() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute("bench", "queue", "--open", "120", "--runs", "1", "--ops", "12");
        String printed = out.toString();
        assertThat(status).as(printed + "\n" + err).isZero();

        // The demo store (~37,000 cases over three years) topped up to at least the 120 open cases asked for.
        Matcher store = find(STORE, printed);
        long cases = Long.parseLong(store.group(1));
        assertThat(cases).isBetween(30_000L, 50_000L);
        assertThat(Long.parseLong(store.group(2))).isBetween(120L, cases);

        double run = Double.parseDouble(find(RUN, printed).group(1));
        assertThat(run).isGreaterThan(0).isLessThan(LONGEST_WAIT_SECONDS);
        Matcher startSummary = find(START_SUMMARY, printed);
        assertThat(Double.parseDouble(startSummary.group(1))).as("the median of one run is that run").isEqualTo(run);

        Matcher filter = find(FILTER_SUMMARY, printed);
        double p50 = Double.parseDouble(filter.group(1));
        double p95 = Double.parseDouble(filter.group(2));
        double max = Double.parseDouble(filter.group(3));
        assertThat(p50).isGreaterThan(0).isLessThanOrEqualTo(p95);
        assertThat(p95).isLessThanOrEqualTo(max);
        assertThat(max).isLessThan(LONGEST_WAIT_SECONDS * 1000);
        assertThat(Long.parseLong(filter.group(4))).as("rows in the queue").isBetween(1L, cases);

        List<String> lines = printed.strip().lines().toList();
        assertThat(lines.size()).isGreaterThan(3);
        Matcher start = matches(START, lines.get(lines.size() - 3));
        Matcher p50Line = matches(P50, lines.get(lines.size() - 2));
        Matcher p95Line = matches(P95, lines.get(lines.size() - 1));
        assertThat(start.group(1)).isEqualTo(startSummary.group(1));
        assertThat(p50Line.group(1)).isEqualTo(filter.group(1));
        assertThat(p95Line.group(1)).isEqualTo(filter.group(2));
    }

    @Test
    void refusesANonsensicalRunCount() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("bench", "queue", "--runs", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--runs");
    }

    private static Matcher find(Pattern pattern, String printed) {
        Matcher m = pattern.matcher(printed);
        assertThat(m.find()).as("a line matching %s in:%n%s", pattern, printed).isTrue();
        return m;
    }

    private static Matcher matches(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        assertThat(m.matches()).as("%s matches %s", line, pattern).isTrue();
        return m;
    }
}
