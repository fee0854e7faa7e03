package org.gridcommand.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.Channel;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.Percentiles;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.sla.SlaStage;

/**
 * The cases reported in one period, loaded once, and every table and indicator over them: counts by grid,
 * category, channel and time bucket, the KPIs, response times and the safety index. The figures are taken at
 * {@link #asOf()}: the period's end, or the current time while the period runs; what happened to a case after
 * that moment does not count, so a past period gives the same figures whenever it is computed.
 *
 * <p>Immutable apart from caching the per-case stage verdicts; safe to share once built.
 */
public final class PeriodStats {
    private static final SlaStage[] STAGES = SlaStage.values();

    private final StatsPeriod period;
    private final Instant asOf;
    private final List<CaseFacts> cases;
    private final List<Instant> alarms;
    private final StatsContext context;
    private volatile StageOutcome[][] outcomes;

    PeriodStats(StatsPeriod period, List<CaseFacts> cases, List<Instant> alarms, StatsContext context) {
        this.period = Objects.requireNonNull(period, "period");
        this.cases = List.copyOf(cases);
        this.alarms = List.copyOf(alarms);
        this.context = context;
        this.asOf = period.asOf(context.now());
    }

    public StatsPeriod period() {
        return period;
    }

    /** The moment the figures are taken at: the period's end, or now while it runs. */
    public Instant asOf() {
        return asOf;
    }

    /** The cases reported in the period (voided included), oldest first. */
    public List<CaseFacts> cases() {
        return cases;
    }

    /** Sensor alarms in the period ({@link StatsRepository#sensorAlarmTimes}: never fewer than sensor cases). */
    public long sensorAlarms() {
        return alarms.size();
    }

    StatsContext context() {
        return context;
    }

    /** The period cut into buckets, each its own PeriodStats (its own asOf) over the cases already loaded. */
    public List<PeriodStats> split(Granularity by) {
        List<PeriodStats> out = new ArrayList<>();
        for (StatsPeriod bucket : period.buckets(by)) {
            Instant from = bucket.start();
            Instant to = bucket.end();
            out.add(new PeriodStats(bucket, slice(cases, CaseFacts::reportedAt, from, to),
                    slice(alarms, Function.identity(), from, to), context));
        }
        return out;
    }

    /** Elements of a list sorted by {@code time} with from <= time < to (binary search on both ends). */
    private static <T> List<T> slice(List<T> sorted, Function<T, Instant> time, Instant from, Instant to) {
        return sorted.subList(firstAtOrAfter(sorted, time, from), firstAtOrAfter(sorted, time, to));
    }

    private static <T> int firstAtOrAfter(List<T> sorted, Function<T, Instant> time, Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.apply(sorted.get(mid)).isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---------------------------------------------------------------- counts

    /** Every small grid of the district (none left out, zeros included), then older grids, then "no grid". */
    public List<CountRow> countsBySmallGrid() {
        Map<String, SmallGrid> known = context.smallGrids();
        Map<String, long[]> counts = count(c -> c.smallGridCode());
        List<CountRow> rows = new ArrayList<>();
        for (SmallGrid g : known.values()) {
            BigGrid big = context.bigGrids().get(g.bigGridCode());
            rows.add(row(g.code().value(), g.name(), g.bigGridCode(), big == null ? null : big.name(),
                    counts.remove(g.code().value())));
        }
        long[] none = counts.remove(null);
        for (Map.Entry<String, long[]> e : sorted(counts)) {
            String big = context.bigGridOf(e.getKey());
            BigGrid b = big == null ? null : context.bigGrids().get(big);
            rows.add(row(e.getKey(), null, big, b == null ? null : b.name(), e.getValue()));
        }
        if (none != null) {
            rows.add(row(null, null, null, null, none));
        }
        return rows;
    }

    /** Every big grid of the district (zeros included), then older ones, then "no grid". */
    public List<CountRow> countsByBigGrid() {
        Map<String, long[]> counts = count(c -> c.smallGridCode() == null ? null : context.bigGridOf(c.smallGridCode()));
        List<CountRow> rows = new ArrayList<>();
        for (BigGrid b : context.bigGrids().values()) {
            rows.add(row(b.code(), b.name(), null, null, counts.remove(b.code())));
        }
        long[] none = counts.remove(null);
        for (Map.Entry<String, long[]> e : sorted(counts)) {
            rows.add(row(e.getKey(), null, null, null, e.getValue()));
        }
        if (none != null) {
            rows.add(row(null, null, null, null, none));
        }
        return rows;
    }

    /** Every minor category of the dictionary in its order (zeros included), then codes it does not know. */
    public List<CountRow> countsByCategory() {
        Map<String, long[]> counts = count(CaseFacts::categoryCode);
        List<CountRow> rows = new ArrayList<>();
        for (Category c : context.categories().minors()) {
            Category major = context.categories().find(c.majorCode()).orElse(null);
            rows.add(row(c.code(), c.name(), c.majorCode(), major == null ? null : major.name(), counts.remove(c.code())));
        }
        long[] none = counts.remove(null);
        for (Map.Entry<String, long[]> e : sorted(counts)) {
            Category known = context.categories().find(e.getKey()).orElse(null);
            rows.add(row(e.getKey(), known == null ? null : known.name(), null, null, e.getValue()));
        }
        if (none != null) {
            rows.add(row(null, null, null, null, none));
        }
        return rows;
    }

    /** Every major category of the dictionary (a case of a minor counts for its major), then unknown codes. */
    public List<CountRow> countsByMajorCategory() {
        Map<String, long[]> counts = count(c -> context.majorOf(c.categoryCode()));
        List<CountRow> rows = new ArrayList<>();
        for (Category m : context.categories().majors()) {
            rows.add(row(m.code(), m.name(), null, null, counts.remove(m.code())));
        }
        long[] none = counts.remove(null);
        for (Map.Entry<String, long[]> e : sorted(counts)) {
            rows.add(row(e.getKey(), null, null, null, e.getValue()));
        }
        if (none != null) {
            rows.add(row(null, null, null, null, none));
        }
        return rows;
    }

    /** Every channel, in the order of {@link Channel}. */
    public List<CountRow> countsByChannel() {
        Map<String, long[]> counts = count(c -> c.channel().name());
        List<CountRow> rows = new ArrayList<>();
        for (Channel ch : Channel.values()) {
            rows.add(row(ch.name(), null, null, null, counts.remove(ch.name())));
        }
        return rows;
    }

    /** One row per time bucket (code = the bucket's label), each counted at its own asOf. */
    public List<CountRow> countsByTime(Granularity by) {
        List<CountRow> rows = new ArrayList<>();
        for (PeriodStats bucket : split(by)) {
            long[] total = bucket.count(c -> "").getOrDefault("", new long[3]);
            rows.add(row(bucket.period().label(), null, null, null, total));
        }
        return rows;
    }

    /** [reported, voided, closed by asOf] per key; a null key collects cases without one. */
    private Map<String, long[]> count(Function<CaseFacts, String> key) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (CaseFacts c : cases) {
            long[] n = out.computeIfAbsent(key.apply(c), k -> new long[3]);
            n[0]++;
            if (c.isVoided()) {
                n[1]++;
            } else if (closedBy(c)) {
                n[2]++;
            }
        }
        return out;
    }

    private boolean closedBy(CaseFacts c) {
        return c.state() == CaseState.CLOSED && c.closedAt() != null && !c.closedAt().isAfter(asOf);
    }

    private static List<Map.Entry<String, long[]>> sorted(Map<String, long[]> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static CountRow row(String code, BilingualName name, String parent, BilingualName parentName, long[] n) {
        long[] v = n == null ? new long[3] : n;
        return new CountRow(code, name, parent, parentName, v[0], v[1], v[2]);
    }

    // ---------------------------------------------------------------- KPIs

    /** The stage verdicts of every case at asOf, computed once. */
    StageOutcome[][] outcomes() {
        StageOutcome[][] o = outcomes;
        if (o == null) {
            long at = StageClock.nanos(asOf);
            o = new StageOutcome[cases.size()][];
            for (int i = 0; i < o.length; i++) {
                o[i] = context.judge().judge(cases.get(i), at);
            }
            outcomes = o;
        }
        return o;
    }

    public Kpis kpis() {
        StageOutcome[][] verdicts = outcomes();
        long[][] stage = new long[STAGES.length][StageOutcome.values().length];
        long[] endToEnd = new long[StageOutcome.values().length];
        long voided = 0;
        long closed = 0;
        long reworked = 0;
        long fedBack = 0;
        long active = 0;
        long machine = 0;
        long dispatched = 0;
        long toWorker = 0;
        long supervised = 0;
        long escalated = 0;
        for (int i = 0; i < cases.size(); i++) {
            CaseFacts c = cases.get(i);
            if (c.isVoided()) {
                voided++;
                continue;
            }
            StageOutcome[] v = verdicts[i];
            for (SlaStage s : STAGES) {
                stage[s.ordinal()][v[s.ordinal()].ordinal()]++;
            }
            boolean isClosed = closedBy(c);
            if (isClosed) {
                closed++;
            }
            endToEnd[endToEnd(v, isClosed).ordinal()]++;
            boolean wasReworked = c.reworkCount() > 0
                    && (c.handlingStartedAt() == null || !c.handlingStartedAt().isAfter(asOf));
            if (wasReworked) {
                reworked++;
            }
            if (wasReworked || reached(c.fedBackAt())) {
                fedBack++;
            }
            if (context.settings().activeChannels().contains(c.channel())) {
                active++;
            }
            if (context.settings().machineChannels().contains(c.channel())) {
                machine++;
            }
            if (reached(c.dispatchedAt())) {
                dispatched++;
                if (c.assigneeKind() == Assignee.Kind.GRID_WORKER) {
                    toWorker++;
                }
            }
            if (c.supervised()) {
                supervised++;
            }
            if (c.escalated()) {
                escalated++;
            }
        }
        long valid = cases.size() - voided;
        Map<SlaStage, StageTally> stages = new EnumMap<>(SlaStage.class);
        for (SlaStage s : STAGES) {
            stages.put(s, StageTally.of(stage[s.ordinal()]));
        }
        return new Kpis(period, asOf, cases.size(), voided, closed, stages, StageTally.of(endToEnd),
                new Rate(reworked, fedBack), new Rate(closed, valid), new Rate(active, valid), new Rate(machine, valid),
                new Rate(toWorker, dispatched), new Rate(supervised, valid), new Rate(escalated, valid),
                new Rate(voided, cases.size()), alarms.size());
    }

    /**
     * A case end to end: late as soon as any stage is late; else not assessable when any stage is; else on
     * time once closed; else pending.
     */
    private static StageOutcome endToEnd(StageOutcome[] v, boolean closed) {
        boolean unknown = false;
        for (StageOutcome o : v) {
            if (o == StageOutcome.LATE) {
                return StageOutcome.LATE;
            }
            unknown |= o == StageOutcome.NOT_ASSESSABLE;
        }
        if (unknown) {
            return StageOutcome.NOT_ASSESSABLE;
        }
        return closed ? StageOutcome.ON_TIME : StageOutcome.PENDING;
    }

    private boolean reached(Instant t) {
        return t != null && !t.isAfter(asOf);
    }

    // ---------------------------------------------------------------- response times

    /** Report → accepted, → dispatched, → closed over the valid cases that got there by asOf. */
    public List<ResponseTime> responseTimes() {
        return List.of(responseTime("accepted", CaseFacts::acceptedAt),
                responseTime("dispatched", CaseFacts::dispatchedAt),
                responseTime("closed", c -> c.state() == CaseState.CLOSED ? c.closedAt() : null));
    }

    private ResponseTime responseTime(String measure, Function<CaseFacts, Instant> mark) {
        double[] seconds = new double[cases.size()];
        int n = 0;
        double sum = 0;
        for (CaseFacts c : cases) {
            Instant t = c.isVoided() ? null : mark.apply(c);
            if (t == null || t.isAfter(asOf) || t.isBefore(c.reportedAt())) {
                continue;
            }
            double s = Duration.between(c.reportedAt(), t).toNanos() / 1e9;
            seconds[n++] = s;
            sum += s;
        }
        double[] values = Arrays.copyOf(seconds, n);
        // Sorted once: Percentiles sorts its own copy again, which is quick on sorted input.
        Arrays.sort(values);
        List<Double> ps = context.settings().percentiles();
        List<Duration> at = new ArrayList<>();
        if (n > 0) {
            for (double p : ps) {
                at.add(duration(Percentiles.of(values, p)));
            }
        }
        return new ResponseTime(measure, n, n == 0 ? null : duration(sum / n), ps, at);
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    // ---------------------------------------------------------------- per day

    /** Valid cases per local day of the period (every day present, zeros included). */
    Map<LocalDate, List<CaseFacts>> validCasesByDay() {
        Map<LocalDate, List<CaseFacts>> out = new LinkedHashMap<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            out.put(d, new ArrayList<>());
        }
        for (CaseFacts c : cases) {
            if (!c.isVoided()) {
                out.get(c.reportedAt().atZone(period.zone()).toLocalDate()).add(c);
            }
        }
        return out;
    }
}
