package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridcommand.bench.report.ReportBenchmark;
import org.gridcommand.report.MonthlyReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench report}: time to build the monthly report PDF on the demo store (~37,000 cases over three years):
 * reading the month and the previous one, every figure, the grid rankings and the PDF with its font subset.
 * Each run builds the report from the store afresh; the median counts. There is no baseline: nothing else builds
 * this report. Ends with {@code bench report-monthly-pdf: VALUE s}. The measuring is {@link ReportBenchmark}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Seconds to build the monthly report PDF over the demo's ~37,000 cases (median); target 10 s.")
public final class BenchReportCommand implements Callable<Integer> {
    /** --lang, as every command takes (its own --data-dir above says where its benchmark store goes). */
    @picocli.CommandLine.Mixin
    LangOption lang;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Store to measure on; seeded with the demo on first use (default: a temporary folder, removed after).")
    Path dataDir;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "3",
            description = "Timed runs after one untimed warm-up; the median counts (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "Month to report (default: the last whole month of the store's clock).")
    String monthText;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1 || runs > 50) {
            err.println("gridcommand: --runs must be 1 to 50, got " + runs);
            return 2;
        }
        YearMonth given;
        try {
            given = monthText == null ? null : MonthlyReportWriter.parseMonth(monthText);
        } catch (IllegalArgumentException e) {
            err.println("gridcommand: " + e.getMessage());
            return 2;
        }
        try (TemporaryStore store = TemporaryStore.of(dataDir, "gc-bench-report", err)) {
            ReportBenchmark.Result r = new ReportBenchmark(line -> {
                out.println(line);
                out.flush();
            }).run(new ReportBenchmark.Options(store.dir(), given, runs));
            out.println(String.format(Locale.ROOT, "monthly report %s: median %.2f s of %d runs; target 10 s",
                    r.month(), r.medianSeconds(), r.runs()));
            out.println(String.format(Locale.ROOT, "bench report-monthly-pdf: %.2f s", r.medianSeconds()));
            out.flush();
            return 0;
        }
    }
}
