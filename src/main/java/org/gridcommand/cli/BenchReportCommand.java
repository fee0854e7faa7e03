package org.gridcommand.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridcommand.app.AppContext;
import org.gridcommand.common.Messages;
import org.gridcommand.common.Percentiles;
import org.gridcommand.report.MonthlyReportBuilder;
import org.gridcommand.report.MonthlyReportWriter;
import org.gridcommand.report.ReportProgress;
import org.gridcommand.store.JdbcStatsRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench report}: time to build the monthly report PDF on the demo store (~37,000 cases over three years):
 * reading the month and the previous one, every figure, the grid rankings and the PDF with its font subset.
 * Each run builds the report from the store afresh; the median counts. There is no baseline: nothing else builds
 * this report. Ends with {@code bench report-monthly-pdf: VALUE s}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Seconds to build the monthly report PDF over the demo's ~37,000 cases (median); target 10 s.")
public final class BenchReportCommand implements Callable<Integer> {
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
            Path work = Files.createTempDirectory("gc-bench-report-out");
            try {
                long open = System.nanoTime();
                try (AppContext context = AppContext.openDemo(store.dir(), Messages.ZH_CN, Clock.systemUTC())) {
                    out.println(String.format(Locale.ROOT, "store ready (seeded on first use) in %.1f s",
                            (System.nanoTime() - open) / 1e9));
                    YearMonth month = given != null ? given
                            : YearMonth.now(context.clock().withZone(AppContext.DISTRICT_ZONE)).minusMonths(1);
                    MonthlyReportBuilder builder = new MonthlyReportBuilder(JdbcStatsRepository.of(context.database()),
                            context.sla(), context.categories(), context.district(), context.clock());
                    MonthlyReportWriter writer = new MonthlyReportWriter(builder);
                    Path pdf = work.resolve("report-" + month + ".pdf");
                    writer.write(month, pdf, null, ReportProgress.NONE);
                    out.println(String.format(Locale.ROOT, "warm-up: %s, %d KB", month, Files.size(pdf) / 1024));
                    List<Double> seconds = new ArrayList<>();
                    for (int i = 1; i <= runs; i++) {
                        long t0 = System.nanoTime();
                        writer.write(month, pdf, null, ReportProgress.NONE);
                        double s = (System.nanoTime() - t0) / 1e9;
                        seconds.add(s);
                        out.println(String.format(Locale.ROOT, "run %d: %.2f s, %d KB", i, s, Files.size(pdf) / 1024));
                        out.flush();
                    }
                    double median = Percentiles.of(seconds.stream().mapToDouble(Double::doubleValue).toArray(), 50);
                    out.println(String.format(Locale.ROOT, "monthly report %s: median %.2f s of %d runs; target 10 s",
                            month, median, runs));
                    out.println(String.format(Locale.ROOT, "bench report-monthly-pdf: %.2f s", median));
                    out.flush();
                }
            } finally {
                try (var files = Files.list(work)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(work);
            }
            return 0;
        }
    }
}
