package org.gridcommand.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.track.CoverageReport;
import org.gridcommand.feed.track.PatrolCoverage;
import org.gridcommand.feed.track.Track;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;

/**
 * Patrol coverage over a period: per day, the share of the district's cells the grid workers covered in
 * their own grids ({@link PatrolCoverage}, midnight to midnight, to now for today). Days without any GPS fix
 * are "no data", not 0 %: the period's figure is the mean over the days with data. Reading a day's tracks
 * is the cost (a district-day at 5 s sampling is 2.7 M fixes), so a period with no GPS data at all is
 * answered by one key probe per worker.
 */
public final class PatrolCoverageStats {
    private final PatrolCoverage coverage;
    private final District district;
    private final FeedStore feed;
    private final StatsRepository repository;
    private final Clock clock;

    public PatrolCoverageStats(PatrolCoverage coverage, District district, FeedStore feed, StatsRepository repository,
                               Clock clock) {
        this.coverage = Objects.requireNonNull(coverage, "coverage");
        this.district = Objects.requireNonNull(district, "district");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One day: coverage 0..1 when there were fixes (NaN otherwise); partial while the day runs. */
    public record Day(LocalDate date, boolean hasData, double coverage, boolean partial) {
    }

    /** The days of the period and the mean coverage of the days with data (empty when none had any). */
    public record Report(StatsPeriod period, List<Day> days, OptionalDouble mean) {
        public Report {
            days = List.copyOf(days);
        }

        public long daysWithData() {
            return days.stream().filter(Day::hasData).count();
        }
    }

    public Report compute(StatsPeriod period) {
        Instant now = clock.instant();
        List<Day> days = new ArrayList<>();
        boolean anyData = repository.anyGpsFixBetween(period.start(), period.asOf(now));
        double sum = 0;
        int withData = 0;
        for (StatsPeriod day : period.buckets(Granularity.DAY)) {
            Instant from = day.start();
            Instant to = day.asOf(now);
            boolean partial = to.isBefore(day.end());
            if (!anyData || !from.isBefore(to) || !repository.anyGpsFixBetween(from, to)) {
                days.add(new Day(day.from(), false, Double.NaN, partial));
                continue;
            }
            List<Track> tracks = new ArrayList<>();
            for (GridWorker w : district.gridWorkers()) {
                tracks.add(Track.of(w.id(), feed.track(w.id(), from, to)));
            }
            CoverageReport r = coverage.compute(tracks, from, to);
            double share = r.districtCoverage();
            days.add(new Day(day.from(), true, share, partial));
            sum += share;
            withData++;
        }
        return new Report(period, days, withData == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / withData));
    }
}
