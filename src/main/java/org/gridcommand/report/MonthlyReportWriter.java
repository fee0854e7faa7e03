package org.gridcommand.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.gridcommand.stats.StatsService;

/**
 * Builds the monthly report and writes the PDF (and the HTML) whole or not at all: each file is written to a
 * temporary file beside its target and moved into place only when both are complete, so a failure never leaves
 * a half-written report or replaces an older good one. Bad input fails with {@link IllegalArgumentException}
 * naming the option and the problem, before anything is written.
 */
public final class MonthlyReportWriter {
    private final MonthlyReportBuilder builder;

    public MonthlyReportWriter(MonthlyReportBuilder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** Parses --month: YYYY-MM, a real month. */
    public static YearMonth parseMonth(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--month is required: the month to report, as YYYY-MM (e.g. 2026-10)");
        }
        String t = text.trim();
        if (!t.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException("--month '" + text + "' is not a month in the form YYYY-MM (e.g. 2026-10)");
        }
        try {
            return YearMonth.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--month '" + text + "' is not a calendar month (months run 01 to 12)");
        }
    }

    /** The months a report can be made for now: the store's history up to the current month (month to date). */
    public ReportMonths months() {
        StatsService service = builder.service();
        return ReportMonths.between(service.firstCaseReportedAt(), builder.clock().instant(), service.zone());
    }

    /** Checks a target file: not a folder, in a folder that exists. */
    public static void checkTarget(String option, Path file) {
        if (file == null) {
            throw new IllegalArgumentException(option + " is required: the file to write");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder: name a file to write");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " " + file + ": the folder " + parent + " does not exist");
        }
    }

    /**
     * Builds the month's report and writes {@code pdf} and, when not null, {@code html}.
     *
     * @throws IllegalArgumentException the month has not begun, or no case was reported in it
     * @throws IOException              a file could not be written (nothing is left behind)
     */
    public MonthlyReport write(YearMonth month, Path pdf, Path html, ReportProgress progress) throws IOException {
        checkTarget("--out", pdf);
        if (html != null) {
            checkTarget("--html", html);
            if (html.toAbsolutePath().normalize().equals(pdf.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--html " + html + " is the same file as --out: name two files");
            }
        }
        StatsService service = builder.service();
        LocalDate today = LocalDate.now(builder.clock().withZone(service.zone()));
        if (month.atDay(1).isAfter(today)) {
            throw new IllegalArgumentException("--month " + month + " has not begun yet (today is " + today + " in "
                    + service.zone().getId() + "); the current month " + YearMonth.from(today)
                    + " can be reported up to today");
        }
        ReportMonths months = months();
        if (months.first().isEmpty()) {
            throw new IllegalArgumentException("--month " + month + ": the store holds no cases yet, so there is nothing"
                    + " to report");
        }
        if (month.isBefore(months.first().get())) {
            throw new IllegalArgumentException("--month " + month + " is before the first stored case: the store's cases"
                    + " run from " + months.first().get() + " to " + YearMonth.from(today)
                    + ", so choose a month in that range");
        }
        progress.update(0, "load");
        StatsService.Comparison both = service.compare(builder.period(month));
        if (both.current().cases().isEmpty()) {
            throw new IllegalArgumentException("--month " + month + ": no cases were reported in that month, so there is "
                    + "nothing to report (the store holds " + (both.previous().cases().isEmpty() ? "none in the month before either"
                    : both.previous().cases().size() + " in " + both.previous().period().label()) + ")");
        }
        MonthlyReport report = builder.build(month, both, progress, 10, 40);
        Path pdfTemp = temp(pdf);
        Path htmlTemp = null;
        try {
            progress.update(45, "pdf");
            try (OutputStream out = Files.newOutputStream(pdfTemp)) {
                new MonthlyReportPdf().write(report, out);
            }
            if (html != null) {
                progress.update(85, "html");
                htmlTemp = temp(html);
                Files.writeString(htmlTemp, new MonthlyReportHtml().render(report), StandardCharsets.UTF_8);
            }
            move(pdfTemp, pdf);
            if (htmlTemp != null) {
                move(htmlTemp, html);
            }
            progress.update(100, "done");
            return report;
        } finally {
            Files.deleteIfExists(pdfTemp);
            if (htmlTemp != null) {
                Files.deleteIfExists(htmlTemp);
            }
        }
    }

    private static Path temp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        return Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
