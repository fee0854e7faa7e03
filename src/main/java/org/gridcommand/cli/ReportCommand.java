package org.gridcommand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridcommand.app.AppContext;
import org.gridcommand.common.Messages;
import org.gridcommand.report.MonthlyReportBuilder;
import org.gridcommand.report.MonthlyReportWriter;
import org.gridcommand.report.ReportProgress;
import org.gridcommand.store.JdbcStatsRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report monthly --month YYYY-MM --out FILE.pdf [--html FILE.html]}: the monthly report (月报). */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports over the stored cases.",
        subcommands = {ReportCommand.Monthly.class, ReportCommand.Timeline.class})
public final class ReportCommand implements Runnable {
    static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "monthly", mixinStandardHelpOptions = true,
            description = "The 「智慧高新」 grid service monthly report (月报) as an A4 PDF with an embedded Chinese font, "
                    + "and optionally as HTML: headline KPIs against the previous month, cases by category and channel, "
                    + "grid rankings, response times and the safety index (docs/statistics.md defines every figure).",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:the report was written", "1:the store or a file could not be read or written",
                    "2:bad input (month, file, a month without cases)"})
    public static final class Monthly implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month to report (required): any month "
                + "from the first stored case's to the current one, which is reported to date (its report says to which day).")
        String monthText;

        @Option(names = "--out", paramLabel = "FILE.pdf", description = "The PDF to write (required).")
        Path out;

        @Option(names = "--html", paramLabel = "FILE.html", description = "Also write the report as one HTML page.")
        Path html;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            YearMonth month;
            Locale locale;
            try {
                month = MonthlyReportWriter.parseMonth(monthText);
                MonthlyReportWriter.checkTarget("--out", out);
                if (html != null) {
                    MonthlyReportWriter.checkTarget("--html", html);
                }
                locale = common.locale();
            } catch (IllegalArgumentException e) {
                return bad(err, e.getMessage());
            }
            try (AppContext context = AppContext.openDemo(common.dataDir(), locale, Clock.systemUTC())) {
                Messages text = context.messages();
                MonthlyReportBuilder builder = new MonthlyReportBuilder(JdbcStatsRepository.of(context.database()),
                        context.sla(), context.categories(), context.district(), context.clock());
                ReportProgress progress = (percent, stage) -> {
                    stdout.println(String.format(Locale.ROOT, "%3d%% %s", percent, text.get("report.stage." + stage)));
                    stdout.flush();
                };
                try {
                    new MonthlyReportWriter(builder).write(month, out, html, progress);
                } catch (IllegalArgumentException e) {
                    return bad(err, e.getMessage());
                }
                stdout.println(text.format("report.wrote", out.toString()));
                if (html != null) {
                    stdout.println(text.format("report.wrote", html.toString()));
                }
                stdout.flush();
                return 0;
            } catch (IOException | RuntimeException e) {
                stdout.flush();
                return InputFiles.fail(err, "report", e);
            }
        }

        private static int bad(PrintWriter err, String message) {
            err.println("gridcommand report: " + message);
            err.flush();
            return BAD_INPUT;
        }
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true,
            description = "Write the after-action account of one case (trail, plan steps, notifications, minute by "
                    + "minute) as an HTML page.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:the timeline was written", "1:the store or the file could not be read or written",
                    "2:bad input (no such case, bad file)"})
    public static final class Timeline implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @CommandLine.Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
        String caseId;

        @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "The page to write.")
        Path out;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                MonthlyReportWriter.checkTarget("--out", out);
            } catch (IllegalArgumentException e) {
                return Monthly.bad(err, e.getMessage());
            }
            try (AppContext context = AppContext.openDemo(common.dataDir(), common.locale(), Clock.systemUTC())) {
                var found = context.database().cases().findById(caseId.strip());
                if (found.isEmpty()) {
                    return Monthly.bad(err, "no case with id " + caseId.strip() + " in " + context.database().describe());
                }
                var c = found.get();
                var checklist = context.plans().checklist(c.id());
                var timeline = org.gridcommand.debrief.CaseTimeline.of(c, context.caseService().trail(c.id()), checklist,
                        checklist.map(l -> context.plans().notifications(l.run().id())).orElse(java.util.List.of()),
                        context.messages());
                Messages text = context.messages();
                String title = text.format("timeline.title", c.id());
                String category = context.categories().find(c.categoryCode())
                        .map(cat -> cat.name().in(text.locale())).orElse(String.valueOf(c.categoryCode()));
                String subtitle = text.format("timeline.subtitle", category, c.address() == null ? "" : c.address());
                org.gridcommand.debrief.DebriefHtml.write(org.gridcommand.debrief.DebriefHtml.render(title,
                        subtitle, context.isDrill(), java.util.List.of(), timeline, context.zone(), text), out);
                stdout.println(text.format("report.wrote", out.toString()));
                stdout.flush();
                return 0;
            } catch (IOException | RuntimeException e) {
                return InputFiles.fail(err, "report timeline", e);
            }
        }
    }
}
