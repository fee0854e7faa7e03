package org.gridcommand.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gridcommand.app.AppContext;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.common.Messages;
import org.gridcommand.common.Percentiles;
import org.gridcommand.report.MonthlyReportBuilder;
import org.gridcommand.report.MonthlyReportWriter;
import org.gridcommand.report.ReportProgress;
import org.gridcommand.store.JdbcStatsRepository;

/**
 * {@code bench report}: time to build the monthly report PDF on the demo store (~37,000 cases over three years):
 * reading the month and the previous one, every figure, the grid rankings and the PDF with its font subset.
 * Each run builds the report from the store afresh after one untimed warm-up; the median counts. There is no
 * baseline: nothing else builds this report. The PDFs go to a temporary folder, removed afterwards.
 */
public final class ReportBenchmark {
    /**
     * @param dataDir the store, seeded with the demo on first use
     * @param month   the month to report, or null for the last whole month of the store's clock
     * @param runs    timed runs after the warm-up
     */
    public record Options(Path dataDir, YearMonth month, int runs) {
        public Options {
            if (runs < 1) {
                throw new IllegalArgumentException("runs must be at least 1, got " + runs);
            }
        }
    }

    /** @param medianSeconds median of the timed runs */
    public record Result(YearMonth month, int runs, double medianSeconds) {
    }

    private final Consumer<String> progress;

    /** @param progress receives a line for the store, the warm-up and each run */
    public ReportBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Result run(Options options) throws IOException {
        Path work = Files.createTempDirectory("gc-bench-report-out");
        try {
            long open = System.nanoTime();
            try (AppContext context = AppContext.openDemo(options.dataDir(), Messages.ZH_CN, Clock.systemUTC())) {
                progress.accept(String.format(Locale.ROOT, "store ready (seeded on first use) in %.1f s",
                        (System.nanoTime() - open) / 1e9));
                YearMonth month = options.month() != null ? options.month()
                        : YearMonth.now(context.clock().withZone(DistrictTime.ZONE)).minusMonths(1);
                MonthlyReportBuilder builder = new MonthlyReportBuilder(JdbcStatsRepository.of(context.database()),
                        context.sla(), context.categories(), context.district(), context.clock());
                MonthlyReportWriter writer = new MonthlyReportWriter(builder);
                Path pdf = work.resolve("report-" + month + ".pdf");
                writer.write(month, pdf, null, ReportProgress.NONE);
                progress.accept(String.format(Locale.ROOT, "warm-up: %s, %d KB", month, Files.size(pdf) / 1024));
                double[] seconds = new double[options.runs()];
                for (int i = 1; i <= options.runs(); i++) {
                    long t0 = System.nanoTime();
                    writer.write(month, pdf, null, ReportProgress.NONE);
                    seconds[i - 1] = (System.nanoTime() - t0) / 1e9;
                    progress.accept(String.format(Locale.ROOT, "run %d: %.2f s, %d KB", i, seconds[i - 1],
                            Files.size(pdf) / 1024));
                }
                return new Result(month, options.runs(), Percentiles.of(seconds, 50));
            }
        } finally {
            deleteFolder(work);
        }
    }

    private static void deleteFolder(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(work);
    }
}
