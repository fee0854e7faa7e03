package org.gridcommand.report;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.DurationWords;
import org.gridcommand.common.Messages;
import org.gridcommand.grid.District;
import org.gridcommand.report.MonthlyReport.ActiveShare;
import org.gridcommand.report.MonthlyReport.Figure;
import org.gridcommand.report.MonthlyReport.GridLine;
import org.gridcommand.report.MonthlyReport.Ranking;
import org.gridcommand.report.MonthlyReport.ResponseLine;
import org.gridcommand.report.MonthlyReport.Share;
import org.gridcommand.report.MonthlyReport.Trend;
import org.gridcommand.sla.SlaEngine;
import org.gridcommand.stats.CountRow;
import org.gridcommand.stats.Granularity;
import org.gridcommand.stats.Kpis;
import org.gridcommand.stats.PeriodStats;
import org.gridcommand.stats.Rate;
import org.gridcommand.stats.ResponseTime;
import org.gridcommand.stats.SafetyIndex;
import org.gridcommand.stats.SafetyIndexRules;
import org.gridcommand.stats.StatsPeriod;
import org.gridcommand.stats.StatsRepository;
import org.gridcommand.stats.StatsService;

/**
 * Computes a {@link MonthlyReport} from the statistics service: the month and the previous one
 * ({@link StatsService#compare}), counts by major category and channel, the safety index, response times, and
 * per-grid rankings whose on-time rate is the service's own end-to-end verdict over that grid's cases.
 */
public final class MonthlyReportBuilder {
    /** Rows at each end of a big-grid ranking. */
    static final int BIG_GRID_ROWS = 5;
    /** Rows at each end of a small-grid ranking. */
    static final int SMALL_GRID_ROWS = 10;
    /**
     * A small grid enters the on-time ranking with at least this many decided cases: one late case out of one
     * says little about a grid and would fill the bottom of the table.
     */
    static final int MIN_DECIDED_SMALL_GRID = 5;

    private final StatsService service;
    private final SlaEngine sla;
    private final CategoryDictionary categories;
    private final District district;
    private final Clock clock;
    private final Messages zh;
    private final Messages en;

    public MonthlyReportBuilder(StatsRepository repository, SlaEngine sla, CategoryDictionary categories,
                                District district, Clock clock) {
        this.sla = Objects.requireNonNull(sla, "sla");
        this.categories = Objects.requireNonNull(categories, "categories");
        this.district = Objects.requireNonNull(district, "district");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.service = StatsService.withDefaults(repository, sla, categories, district, clock);
        this.zh = Messages.forLocale(Messages.ZH_CN);
        this.en = Messages.forLocale(Locale.ENGLISH);
    }

    public StatsService service() {
        return service;
    }

    Clock clock() {
        return clock;
    }

    /** The month as a statistics period in the district's zone. */
    public StatsPeriod period(YearMonth month) {
        return StatsPeriod.month(month, service.zone());
    }

    /** Builds the figures; progress runs from {@code from} to {@code to} percent. */
    public MonthlyReport build(YearMonth month, ReportProgress progress, int from, int to) {
        StatsService.Comparison both = service.compare(period(month));
        return build(month, both, progress, from, to);
    }

    MonthlyReport build(YearMonth month, StatsService.Comparison both, ReportProgress progress, int from, int to) {
        PeriodStats cur = both.current();
        PeriodStats prev = both.previous();
        boolean partial = cur.asOf().isBefore(cur.period().end());
        Kpis k = cur.kpis();
        Kpis p = prev.kpis();
        progress.update(step(from, to, 1, 4), "kpis");
        SafetyIndex.Report safetyNow = service.safetyIndex(cur);
        SafetyIndex.Report safetyBefore = service.safetyIndex(prev);

        List<Figure> headline = List.of(count(partial, "reported", k.reported(), p.reported()),
                count(partial, "valid", k.valid(), p.valid()), count(partial, "closed", k.closed(), p.closed()),
                rate("closure", k.closure(), p.closure()), rate("endToEnd", k.endToEnd().rate(), p.endToEnd().rate()),
                count(partial, "overdue", k.endToEnd().late(), p.endToEnd().late()),
                rate("foundActively", k.foundActively(), p.foundActively()),
                rate("goodOrBetter", safetyNow.goodOrBetter(), safetyBefore.goodOrBetter()));
        List<Figure> kpis = new ArrayList<>();
        kpis.add(count(partial, "reported", k.reported(), p.reported()));
        kpis.add(count(partial, "voided", k.voided(), p.voided()));
        kpis.add(count(partial, "valid", k.valid(), p.valid()));
        kpis.add(count(partial, "closed", k.closed(), p.closed()));
        kpis.add(count(partial, "overdue", k.endToEnd().late(), p.endToEnd().late()));
        List<Kpis.Indicator> before = p.indicators();
        for (int i = 0; i < k.indicators().size(); i++) {
            Kpis.Indicator ind = k.indicators().get(i);
            kpis.add(rate(ind.key(), ind.rate(), before.get(i).rate()));
        }
        kpis.add(count(partial, "sensorAlarms", k.sensorAlarms(), p.sensorAlarms()));

        List<Share> majors = shares(partial, cur.countsByMajorCategory(), prev.countsByMajorCategory(),
                r -> r.name() == null ? (r.code() == null ? zh.get("report.none") : r.code()) : r.name().zh());
        List<Share> channels = shares(partial, cur.countsByChannel(), prev.countsByChannel(),
                r -> zh.get("channel." + r.code()));
        Rate active = k.foundActively();
        ActiveShare activeShare = new ActiveShare(active.numerator(), active.denominator() - active.numerator(),
                active.percent(), new Rate(active.denominator() - active.numerator(), active.denominator()).percent(),
                p.foundActively().percent(), ppChange(active, p.foundActively()),
                ChangeVerdicts.of("foundActively", rateTrend(active, p.foundActively())));
        progress.update(step(from, to, 2, 4), "rankings");

        List<Ranking> rankings = rankings(cur);
        progress.update(step(from, to, 3, 4), "responseTimes");

        List<ResponseLine> response = new ArrayList<>();
        List<ResponseTime> now = cur.responseTimes();
        List<ResponseTime> then = prev.responseTimes();
        for (int i = 0; i < now.size(); i++) {
            response.add(responseLine(now.get(i), "current"));
            response.add(responseLine(then.get(i), "previous"));
        }

        List<MonthlyReport.Band> bands = new ArrayList<>();
        for (SafetyIndexRules.Band b : service.safetyRules().bands()) {
            String colour = zh.has("report.colour." + b.colour()) ? zh.get("report.colour." + b.colour()) : "";
            bands.add(new MonthlyReport.Band(b.id(), b.name().zh(), b.hex(), colour,
                    safetyNow.bandDays().getOrDefault(b.id(), 0L), safetyBefore.bandDays().getOrDefault(b.id(), 0L)));
        }
        MonthlyReport.Safety safety = new MonthlyReport.Safety(bands, mean(safetyNow.mean()), mean(safetyBefore.mean()),
                safetyNow.goodOrBetter().percent(), fraction(safetyNow.goodOrBetter()),
                safetyBefore.goodOrBetter().percent(), ppChange(safetyNow.goodOrBetter(), safetyBefore.goodOrBetter()),
                ChangeVerdicts.of("goodOrBetter", rateTrend(safetyNow.goodOrBetter(), safetyBefore.goodOrBetter())),
                safetyNow.goodOrBetter().denominator());

        List<Long> daily = cur.countsByTime(Granularity.DAY).stream().map(CountRow::valid).toList();
        progress.update(step(from, to, 4, 4), "figures");
        String name = district.name() == null ? "" : district.name().zh();
        SummaryFacts facts = summaryFacts(month, partial, cur, k, p);
        MonthlyReport.Summary summary = new MonthlyReport.Summary(new ReportSummary(zh).write(facts),
                new ReportSummary(en).write(facts));
        return new MonthlyReport(month, name, service.zone(), cur.asOf(), partial, clock.instant(), summary, headline,
                kpis, majors, channels, activeShare, rankings, response, service.settings().percentiles(), safety, daily);
    }

    // ---------------------------------------------------------------- summary

    private SummaryFacts summaryFacts(YearMonth month, boolean partial, PeriodStats cur, Kpis k, Kpis p) {
        SummaryFacts.GridFact biggest = cur.countsByBigGrid().stream()
                .filter(r -> r.code() != null && r.valid() > 0)
                .max(Comparator.comparingLong(CountRow::valid).thenComparing(CountRow::code, Comparator.reverseOrder()))
                .map(r -> new SummaryFacts.GridFact(r.name() == null
                        ? new BilingualName(zh.get("report.formerGrid"), en.get("report.formerGrid")) : r.name(),
                        r.valid(), new Rate(r.valid(), k.valid())))
                .orElse(null);
        return new SummaryFacts(month, partial, LocalDateTime.ofInstant(cur.asOf(), service.zone()), k.valid(),
                p.valid(), k.closed(), k.closure(), k.endToEnd().rate(), p.endToEnd().rate(), biggest, notable(k, p));
    }

    /**
     * The judged rate that moved most, in points as shown, since the previous month; the end-to-end on-time rate is
     * left out (the summary tells it anyway). Null when none moved for the better or the worse.
     */
    private static SummaryFacts.Change notable(Kpis k, Kpis p) {
        SummaryFacts.Change most = null;
        double largest = 0;
        List<Kpis.Indicator> before = p.indicators();
        for (int i = 0; i < k.indicators().size(); i++) {
            Kpis.Indicator now = k.indicators().get(i);
            Rate then = before.get(i).rate();
            MonthlyReport.Verdict verdict = ChangeVerdicts.of(now.key(), rateTrend(now.rate(), then));
            if (now.key().equals("endToEnd")
                    || (verdict != MonthlyReport.Verdict.BETTER && verdict != MonthlyReport.Verdict.WORSE)) {
                continue;
            }
            double points = Math.abs(round1(now.rate()) - round1(then));
            if (points > largest) {
                largest = points;
                most = new SummaryFacts.Change(now.key(), now.rate(), then, verdict);
            }
        }
        return most;
    }

    private static int step(int from, int to, int i, int n) {
        return from + (to - from) * i / n;
    }

    // ---------------------------------------------------------------- rankings

    private List<Ranking> rankings(PeriodStats cur) {
        MonthCases cases = new MonthCases(cur.cases());
        StatsService byGrid = new StatsService(cases, sla, categories, district, service.settings(),
                service.safetyRules(), clock);
        List<GridLine> big = new ArrayList<>();
        for (CountRow r : cur.countsByBigGrid()) {
            if (r.code() == null) {
                continue;
            }
            String code = r.code();
            cases.select(c -> c.smallGridCode() != null && c.smallGridCode().startsWith(code));
            big.add(gridLine(r, byGrid.period(cur.period()).kpis().endToEnd().rate()));
        }
        List<GridLine> small = new ArrayList<>();
        List<Rate> smallRates = new ArrayList<>();
        for (CountRow r : cur.countsBySmallGrid()) {
            if (r.code() == null) {
                continue;
            }
            String code = r.code();
            cases.select(c -> code.equals(c.smallGridCode()));
            Rate rate = r.valid() == 0 ? new Rate(0, 0) : byGrid.period(cur.period()).kpis().endToEnd().rate();
            small.add(gridLine(r, rate));
            smallRates.add(rate);
        }
        List<GridLine> smallRated = new ArrayList<>();
        for (int i = 0; i < small.size(); i++) {
            if (smallRates.get(i).denominator() >= MIN_DECIDED_SMALL_GRID) {
                smallRated.add(small.get(i));
            }
        }
        List<GridLine> bigRated = big.stream().filter(g -> !g.onTime().equals(Rate.NO_VALUE)).toList();
        return List.of(rank("bigGridCases", big, BY_CASES, BIG_GRID_ROWS),
                rank("bigGridOnTime", bigRated, BY_ON_TIME, BIG_GRID_ROWS),
                rank("smallGridCases", small, BY_CASES, SMALL_GRID_ROWS),
                rank("smallGridOnTime", smallRated, BY_ON_TIME, SMALL_GRID_ROWS));
    }

    private static final Comparator<GridLine> BY_CASES = Comparator.comparingLong(GridLine::validCases).reversed()
            .thenComparing(GridLine::code);
    private static final Comparator<GridLine> BY_ON_TIME = Comparator
            .comparingDouble((GridLine g) -> -onTimeValue(g)).thenComparing(GridLine::code);

    private static double onTimeValue(GridLine g) {
        String[] f = g.fraction().split("/");
        return Long.parseLong(f[0]) / (double) Long.parseLong(f[1]);
    }

    /** Best rows first and worst rows last; with few grids, all of them once in "top" (no row twice). */
    private static Ranking rank(String key, List<GridLine> lines, Comparator<GridLine> order, int rows) {
        List<GridLine> sorted = lines.stream().sorted(order).toList();
        List<GridLine> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            GridLine g = sorted.get(i);
            ranked.add(new GridLine(i + 1, g.code(), g.name(), g.validCases(), g.closed(), g.onTime(), g.fraction()));
        }
        if (ranked.size() <= 2 * rows) {
            return new Ranking(key, ranked, List.of());
        }
        return new Ranking(key, ranked.subList(0, rows), ranked.subList(ranked.size() - rows, ranked.size()));
    }

    private GridLine gridLine(CountRow r, Rate onTime) {
        String name = r.name() == null ? zh.get("report.formerGrid") : r.name().zh();
        return new GridLine(0, r.code(), name, r.valid(), r.closed(), onTime.percent(), fraction(onTime));
    }

    // ---------------------------------------------------------------- formatting

    private List<Share> shares(boolean partial, List<CountRow> now, List<CountRow> before,
                               Function<CountRow, String> label) {
        Map<String, CountRow> previous = new java.util.HashMap<>();
        for (CountRow r : before) {
            previous.put(r.code(), r);
        }
        long total = now.stream().mapToLong(CountRow::valid).sum();
        List<Share> out = new ArrayList<>();
        for (CountRow r : now) {
            CountRow b = previous.get(r.code());
            long prev = b == null ? 0 : b.valid();
            out.add(new Share(r.code(), label.apply(r), r.valid(), prev, new Rate(r.valid(), total).percent(),
                    partial ? Rate.NO_VALUE : countChange(r.valid(), prev)));
        }
        return out;
    }

    /**
     * A count beside the previous month's; while the month runs its count is of part of a month, so no rise or fall
     * (and no verdict) is given against the whole previous month: rates are shares and stay comparable.
     */
    static Figure count(boolean partial, String key, long now, long before) {
        return partial ? new Figure(key, Long.toString(now), Long.toString(before), Rate.NO_VALUE, Trend.NONE,
                MonthlyReport.Verdict.NEUTRAL, "") : count(key, now, before);
    }

    static Figure count(String key, long now, long before) {
        Trend trend = trend(Long.compare(now, before));
        return new Figure(key, Long.toString(now), Long.toString(before), countChange(now, before), trend,
                ChangeVerdicts.of(key, trend), "");
    }

    static Figure rate(String key, Rate now, Rate before) {
        Trend trend = rateTrend(now, before);
        return new Figure(key, now.percent(), before.percent(), ppChange(now, before), trend,
                ChangeVerdicts.of(key, trend), fraction(now));
    }

    /** Which way a rate moved, as shown (one decimal); NONE when either month has nothing to rate. */
    static Trend rateTrend(Rate now, Rate before) {
        return now.denominator() == 0 || before.denominator() == 0 ? Trend.NONE
                : trend(Double.compare(round1(now), round1(before)));
    }

    static String countChange(long now, long before) {
        long d = now - before;
        return trend(Long.compare(d, 0)).arrow + " " + (d > 0 ? "+" : "") + d;
    }

    /** The change in percentage points between the shown (one-decimal) percentages, so it adds up on the page. */
    static String ppChange(Rate now, Rate before) {
        if (now.denominator() == 0 || before.denominator() == 0) {
            return Rate.NO_VALUE;
        }
        double d = round1(now) - round1(before);
        Trend t = trend(Double.compare(Math.round(d * 10), 0));
        return t.arrow + " " + String.format(Locale.ROOT, "%+.1f pp", d).replace("-0.0", "+0.0");
    }

    private static double round1(Rate r) {
        return Math.round(1000.0 * r.numerator() / r.denominator()) / 10.0;
    }

    private static Trend trend(int sign) {
        return sign > 0 ? Trend.UP : sign < 0 ? Trend.DOWN : Trend.SAME;
    }

    static String fraction(Rate r) {
        return r.numerator() + "/" + r.denominator();
    }

    private static String mean(double mean) {
        return Double.isNaN(mean) ? Rate.NO_VALUE : String.format(Locale.ROOT, "%.1f", mean);
    }

    /** A duration in words ("32 小时", "45 分钟"), "—" when no case reached that stage. */
    private String words(Duration d) {
        return d == null ? Rate.NO_VALUE : DurationWords.of(d, zh);
    }

    private ResponseLine responseLine(ResponseTime t, String month) {
        List<String> values = new ArrayList<>();
        for (double p : t.percentiles()) {
            values.add(words(t.at(p)));
        }
        return new ResponseLine(t.measure(), month, t.count(), words(t.mean()), values);
    }
}
