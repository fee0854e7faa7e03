package org.gridcommand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridcommand.app.AppContext;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.track.CoverageSettings;
import org.gridcommand.feed.track.PatrolCoverage;
import org.gridcommand.sla.WorkingCalendar;
import org.gridcommand.stats.CountRow;
import org.gridcommand.stats.Granularity;
import org.gridcommand.stats.Kpis;
import org.gridcommand.stats.PatrolCoverageStats;
import org.gridcommand.stats.PeriodStats;
import org.gridcommand.stats.Rate;
import org.gridcommand.stats.ResponseTime;
import org.gridcommand.stats.SafetyIndex;
import org.gridcommand.stats.SafetyIndexRules;
import org.gridcommand.stats.StatsPeriod;
import org.gridcommand.stats.StatsService;
import org.gridcommand.store.JdbcStatsRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stats SUBJECT --from YYYY-MM-DD --to YYYY-MM-DD [--by day|week|month] [--csv FILE]}: tables over the
 * cases of the local store (docs/statistics.md defines every figure). Exit status 0, 2 for bad input (subject,
 * dates, range, bucket, an unwritable CSV file), 1 for anything else; never a stack trace.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Statistics over the stored cases: counts by grid, category, channel and time, the governance "
                + "KPIs, response-time percentiles, the daily safety index and patrol coverage. Days are whole days in "
                + "the district's zone (" + DistrictTime.ZONE_ID + "); --to is included. See docs/statistics.md and docs/safety-index.md.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the table was printed (and written)", "1:the store could not be read", "2:bad input"})
public final class StatsCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The tables the command prints. */
    enum Subject {
        CASES_BY_GRID("cases-by-grid"), CASES_BY_BIG_GRID("cases-by-big-grid"), CASES_BY_CATEGORY("cases-by-category"),
        CASES_BY_MAJOR_CATEGORY("cases-by-major-category"), CASES_BY_CHANNEL("cases-by-channel"),
        CASES_BY_TIME("cases-by-time"), KPI("kpi"), RESPONSE_TIMES("response-times"), SAFETY_INDEX("safety-index"),
        PATROL_COVERAGE("patrol-coverage");

        final String word;

        Subject(String word) {
            this.word = word;
        }

        static Subject parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Subject s : values()) {
                if (s.word.equals(t)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown subject '" + text + "' (use one of: " + words() + ")");
        }

        static String words() {
            return Arrays.stream(values()).map(s -> s.word).collect(Collectors.joining(", "));
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SUBJECT",
            description = "cases-by-grid, cases-by-big-grid, cases-by-category, cases-by-major-category, "
                    + "cases-by-channel, cases-by-time, kpi, response-times, safety-index or patrol-coverage.")
    String subjectText;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the period (required).")
    String fromText;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the period, included (required).")
    String toText;

    @Option(names = "--by", paramLabel = "BUCKET",
            description = "Split the period into day, week (ISO, Monday first) or month buckets; cases-by-time "
                    + "splits by day unless told.")
    String byText;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write the table as CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese text).")
    Path csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Subject subject;
        StatsPeriod period;
        Granularity by;
        Locale locale;
        try {
            subject = Subject.parse(subjectText);
            if (fromText == null) {
                return bad(err, "--from is required: the first day of the period (YYYY-MM-DD)");
            }
            if (toText == null) {
                return bad(err, "--to is required: the last day of the period, included (YYYY-MM-DD)");
            }
            LocalDate from = StatsPeriod.parseDate("--from", fromText);
            LocalDate to = StatsPeriod.parseDate("--to", toText);
            if (to.isBefore(from)) {
                return bad(err, "--to " + to + " is before --from " + from + ": the period must end on or after its first day");
            }
            period = StatsPeriod.of(from, to, DistrictTime.ZONE);
            by = byText == null ? (subject == Subject.CASES_BY_TIME ? Granularity.DAY : null) : Granularity.parse(byText);
            locale = common.locale();
        } catch (IllegalArgumentException e) {
            return bad(err, e.getMessage());
        }
        if (csv != null && Files.isDirectory(csv)) {
            return bad(err, "--csv " + csv + " is a folder: name a file to write");
        }
        if (csv != null && csv.toAbsolutePath().getParent() != null && !Files.isDirectory(csv.toAbsolutePath().getParent())) {
            return bad(err, "--csv " + csv + ": the folder " + csv.toAbsolutePath().getParent() + " does not exist");
        }
        try (AppContext context = AppContext.openDemo(common.dataDir(), locale, Clock.systemUTC())) {
            StatsService service = StatsService.withDefaults(JdbcStatsRepository.of(context.database()), context.sla(),
                    context.categories(), context.district(), context.clock());
            Tables tables = new Tables(context.messages(), locale);
            // Patrol coverage reads GPS tracks only; every other subject reads the period's cases once.
            PeriodStats stats = subject == Subject.PATROL_COVERAGE ? null : service.period(period);
            TextTable table;
            List<String> notes = new ArrayList<>();
            switch (subject) {
                case CASES_BY_GRID -> table = tables.counts(stats, by, Tables.Kind.SMALL_GRID);
                case CASES_BY_BIG_GRID -> table = tables.counts(stats, by, Tables.Kind.BIG_GRID);
                case CASES_BY_CATEGORY -> table = tables.counts(stats, by, Tables.Kind.CATEGORY);
                case CASES_BY_MAJOR_CATEGORY -> table = tables.counts(stats, by, Tables.Kind.MAJOR_CATEGORY);
                case CASES_BY_CHANNEL -> table = tables.counts(stats, by, Tables.Kind.CHANNEL);
                case CASES_BY_TIME -> table = tables.byTime(stats, by);
                case KPI -> {
                    table = tables.kpis(stats, by);
                    long unknown = stats.kpis().notAssessable();
                    if (unknown > 0) {
                        notes.add(context.messages().format("stats.note.notAssessable", unknown,
                                calendarYears(context.sla().calendar())));
                    }
                }
                case RESPONSE_TIMES -> table = tables.responseTimes(stats, by, service.settings().percentiles());
                case SAFETY_INDEX -> {
                    table = tables.safetyIndex(service, stats, by);
                    SafetyIndex.Report r = service.safetyIndex(stats);
                    notes.add(context.messages().format("stats.note.safety", r.goodOrBetter().percent(),
                            r.goodOrBetter().numerator(), r.goodOrBetter().denominator(),
                            Double.isNaN(r.mean()) ? Rate.NO_VALUE : String.format(Locale.ROOT, "%.1f", r.mean())));
                }
                case PATROL_COVERAGE -> {
                    PatrolCoverageStats coverage = new PatrolCoverageStats(
                            new PatrolCoverage(context.district(), context.locateService().locator(), CoverageSettings.DEFAULTS),
                            context.district(), context.database().feed(), JdbcStatsRepository.of(context.database()),
                            context.clock());
                    PatrolCoverageStats.Report r = coverage.compute(period);
                    table = tables.patrolCoverage(r, by);
                    notes.add(context.messages().format("stats.note.coverage", r.daysWithData(), r.days().size(),
                            r.mean().isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * r.mean().getAsDouble())
                                    : context.messages().get("stats.noData")));
                }
                default -> throw new IllegalStateException("no table for " + subject);
            }
            out.println(context.messages().format("stats.title", subject.word, period.label(), period.zone().getId(),
                    AS_OF.format((stats != null ? stats.asOf() : period.asOf(context.clock().instant()))
                            .atZone(period.zone()))));
            out.print(table.toText());
            for (String note : notes) {
                out.println(note);
            }
            if (csv != null) {
                try {
                    Files.writeString(csv, table.toCsv(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    out.flush();
                    return bad(err, "cannot write " + csv + ": " + writeFailure(e));
                }
                out.println(context.messages().format("stats.wrote", table.size(), csv.toString()));
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            out.flush();
            return InputFiles.fail(err, "stats", e);
        }
    }

    private static String writeFailure(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage().lines().findFirst().orElse("");
    }

    private static String calendarYears(WorkingCalendar calendar) {
        return calendar.years().stream().map(y -> String.valueOf(y.year())).collect(Collectors.joining(", "));
    }

    private static int bad(PrintWriter err, String message) {
        err.println("gridcommand stats: " + message);
        err.flush();
        return BAD_INPUT;
    }

    /** The tables, with headers and names in the chosen language. */
    static final class Tables {
        enum Kind { SMALL_GRID, BIG_GRID, CATEGORY, MAJOR_CATEGORY, CHANNEL }

        private final Messages text;
        private final Locale locale;

        Tables(Messages text, Locale locale) {
            this.text = text;
            this.locale = locale;
        }

        TextTable counts(PeriodStats stats, Granularity by, Kind kind) {
            List<String> headers = new ArrayList<>();
            if (by != null) {
                headers.add(col("period"));
            }
            switch (kind) {
                case SMALL_GRID -> headers.addAll(List.of(col("bigGrid"), col("bigGridName"), col("smallGrid"), col("smallGridName")));
                case BIG_GRID -> headers.addAll(List.of(col("bigGrid"), col("bigGridName")));
                case CATEGORY -> headers.addAll(List.of(col("major"), col("majorName"), col("category"), col("categoryName")));
                case MAJOR_CATEGORY -> headers.addAll(List.of(col("major"), col("majorName")));
                case CHANNEL -> headers.addAll(List.of(col("channel"), col("channelName")));
            }
            headers.addAll(List.of(col("reported") + ">", col("voided") + ">", col("closed") + ">", col("open") + ">",
                    col("share") + ">"));
            TextTable table = new TextTable(headers);
            for (PeriodStats bucket : by == null ? List.of(stats) : stats.split(by)) {
                List<CountRow> rows = switch (kind) {
                    case SMALL_GRID -> bucket.countsBySmallGrid();
                    case BIG_GRID -> bucket.countsByBigGrid();
                    case CATEGORY -> bucket.countsByCategory();
                    case MAJOR_CATEGORY -> bucket.countsByMajorCategory();
                    case CHANNEL -> bucket.countsByChannel();
                };
                long valid = rows.stream().mapToLong(CountRow::valid).sum();
                for (CountRow r : rows) {
                    List<String> cells = new ArrayList<>();
                    if (by != null) {
                        cells.add(bucket.period().label());
                    }
                    switch (kind) {
                        case SMALL_GRID -> cells.addAll(List.of(orNone(r.parentCode()), name(r.parentName(), r.parentCode()),
                                orNone(r.code()), r.code() == null ? text.get("stats.noGrid") : name(r.name(), r.code())));
                        case BIG_GRID -> cells.addAll(List.of(orNone(r.code()),
                                r.code() == null ? text.get("stats.noGrid") : name(r.name(), r.code())));
                        case CATEGORY -> cells.addAll(List.of(orNone(r.parentCode()), name(r.parentName(), r.parentCode()),
                                orNone(r.code()), name(r.name(), r.code())));
                        case MAJOR_CATEGORY -> cells.addAll(List.of(orNone(r.code()), name(r.name(), r.code())));
                        case CHANNEL -> cells.addAll(List.of(r.code(), text.get("channel." + r.code())));
                    }
                    cells.addAll(List.of(Long.toString(r.reported()), Long.toString(r.voided()), Long.toString(r.closed()),
                            Long.toString(r.open()), new Rate(r.valid(), valid).percent()));
                    table.add(cells);
                }
            }
            return table;
        }

        TextTable byTime(PeriodStats stats, Granularity by) {
            TextTable table = new TextTable(List.of(col("period"), col("reported") + ">", col("voided") + ">",
                    col("closed") + ">", col("open") + ">"));
            for (CountRow r : stats.countsByTime(by)) {
                table.add(List.of(r.code(), Long.toString(r.reported()), Long.toString(r.voided()),
                        Long.toString(r.closed()), Long.toString(r.open())));
            }
            return table;
        }

        TextTable kpis(PeriodStats stats, Granularity by) {
            List<String> headers = new ArrayList<>();
            if (by != null) {
                headers.add(col("period"));
            }
            headers.addAll(List.of(col("indicator"), col("indicatorName"), col("value") + ">", col("numerator") + ">",
                    col("denominator") + ">"));
            TextTable table = new TextTable(headers);
            for (PeriodStats bucket : by == null ? List.of(stats) : stats.split(by)) {
                Kpis k = bucket.kpis();
                String p = bucket.period().label();
                count(table, by, p, "reported", k.reported());
                count(table, by, p, "voided", k.voided());
                count(table, by, p, "valid", k.valid());
                count(table, by, p, "closed", k.closed());
                for (Kpis.Indicator i : k.indicators()) {
                    List<String> cells = new ArrayList<>();
                    if (by != null) {
                        cells.add(p);
                    }
                    cells.addAll(List.of(i.key(), text.get("stats.kpi." + i.key()), i.rate().percent(),
                            Long.toString(i.rate().numerator()), Long.toString(i.rate().denominator())));
                    table.add(cells);
                }
                count(table, by, p, "sensorAlarms", k.sensorAlarms());
            }
            return table;
        }

        private void count(TextTable table, Granularity by, String period, String key, long value) {
            List<String> cells = new ArrayList<>();
            if (by != null) {
                cells.add(period);
            }
            cells.addAll(List.of(key, text.get("stats.kpi." + key), Long.toString(value), "", ""));
            table.add(cells);
        }

        TextTable responseTimes(PeriodStats stats, Granularity by, List<Double> percentiles) {
            List<String> headers = new ArrayList<>();
            if (by != null) {
                headers.add(col("period"));
            }
            headers.addAll(List.of(col("measure"), col("measureName"), col("count") + ">", col("mean") + ">"));
            for (double p : percentiles) {
                headers.add(text.format("stats.col.percentile", plain(p)) + ">");
            }
            TextTable table = new TextTable(headers);
            for (PeriodStats bucket : by == null ? List.of(stats) : stats.split(by)) {
                for (ResponseTime t : bucket.responseTimes()) {
                    List<String> cells = new ArrayList<>();
                    if (by != null) {
                        cells.add(bucket.period().label());
                    }
                    cells.addAll(List.of(t.measure(), text.get("stats.response." + t.measure()), Long.toString(t.count()),
                            minutes(t.mean())));
                    for (double p : percentiles) {
                        cells.add(minutes(t.at(p)));
                    }
                    table.add(cells);
                }
            }
            return table;
        }

        TextTable safetyIndex(StatsService service, PeriodStats stats, Granularity by) {
            SafetyIndexRules rules = service.safetyRules();
            if (by == null || by == Granularity.DAY) {
                List<String> headers = new ArrayList<>(List.of(col("date"), col("index") + ">", col("band"), col("colour")));
                for (SafetyIndexRules.Indicator i : rules.indicators()) {
                    headers.add(i.name().in(locale) + ">");
                }
                TextTable table = new TextTable(headers);
                for (SafetyIndex.Day d : service.safetyIndex(stats).days()) {
                    List<String> cells = new ArrayList<>(List.of(d.date().toString(),
                            String.format(Locale.ROOT, "%.1f", d.index()) + (d.partial() ? "*" : ""),
                            d.band().name().in(locale), d.band().colour()));
                    for (SafetyIndex.Score s : d.scores()) {
                        cells.add(plain(s.value()));
                    }
                    table.add(cells);
                }
                return table;
            }
            List<String> headers = new ArrayList<>(List.of(col("period"), col("days") + ">", col("meanIndex") + ">",
                    col("goodOrBetter") + ">"));
            for (SafetyIndexRules.Band b : rules.bands()) {
                headers.add(b.name().in(locale) + ">");
            }
            TextTable table = new TextTable(headers);
            for (PeriodStats bucket : stats.split(by)) {
                SafetyIndex.Report r = service.safetyIndex(bucket);
                List<String> cells = new ArrayList<>(List.of(bucket.period().label(),
                        Long.toString(r.goodOrBetter().denominator()),
                        Double.isNaN(r.mean()) ? Rate.NO_VALUE : String.format(Locale.ROOT, "%.1f", r.mean()),
                        r.goodOrBetter().percent()));
                for (Map.Entry<String, Long> e : r.bandDays().entrySet()) {
                    cells.add(Long.toString(e.getValue()));
                }
                table.add(cells);
            }
            return table;
        }

        TextTable patrolCoverage(PatrolCoverageStats.Report report, Granularity by) {
            TextTable table = new TextTable(List.of(col("period"), col("daysWithData") + ">", col("coverage") + ">"));
            List<StatsPeriod> buckets = report.period().buckets(by == null ? Granularity.DAY : by);
            for (StatsPeriod b : buckets) {
                double sum = 0;
                int n = 0;
                for (PatrolCoverageStats.Day d : report.days()) {
                    if (d.hasData() && !d.date().isBefore(b.from()) && !d.date().isAfter(b.to())) {
                        sum += d.coverage();
                        n++;
                    }
                }
                table.add(List.of(b.label(), Integer.toString(n),
                        n == 0 ? text.get("stats.noData") : String.format(Locale.ROOT, "%.1f%%", 100 * sum / n)));
            }
            return table;
        }

        private String col(String key) {
            return text.get("stats.col." + key);
        }

        private String name(BilingualName name, String code) {
            if (code == null) {
                return "";
            }
            return name == null ? text.get("stats.unknown") : name.in(locale);
        }

        private static String orNone(String code) {
            return code == null ? "" : code;
        }

        private static String minutes(Duration d) {
            return d == null ? Rate.NO_VALUE : String.format(Locale.ROOT, "%.1f", d.toMillis() / 60_000.0);
        }

        private static String plain(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
        }
    }
}
