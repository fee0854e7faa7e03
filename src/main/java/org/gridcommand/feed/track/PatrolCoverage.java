package org.gridcommand.feed.track;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;

/**
 * Patrol coverage: per small grid and window (a shift or a day), the share of the grid's cells its own
 * workers visited, and per worker the share of fixes outside their own grid and whether they went unseen.
 *
 * <p>A cell counts as visited when a fix of one of the grid's own workers lies in it, or when the straight
 * segment between two consecutive fixes (at most the gap limit apart) crosses it. Fixes of a worker in
 * another grid count for neither grid's coverage (they count as outside for the worker). The grids are cut
 * into cells once, when the object is made (about a tenth of a second for the demo district's 136 grids);
 * each report is then one pass over the fixes.
 *
 * <p>Immutable after construction; reports may be computed from several threads.
 */
public final class PatrolCoverage {
    private final District district;
    private final GridLocator locator;
    private final CoverageSettings settings;
    private final List<SmallGrid> grids;
    private final CellRaster[] rasters;
    private final Map<UnitGridCode, Integer> gridIndex = new HashMap<>();
    private final Map<String, GridWorker> workers = new HashMap<>();

    public PatrolCoverage(District district, GridLocator locator, CoverageSettings settings) {
        this.district = Objects.requireNonNull(district, "district");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.grids = locator.grids();
        this.rasters = new CellRaster[grids.size()];
        for (int g = 0; g < grids.size(); g++) {
            rasters[g] = new CellRaster(grids.get(g).area(), settings.cellMetres());
            gridIndex.put(grids.get(g).code(), g);
        }
        for (GridWorker w : district.gridWorkers()) {
            workers.put(w.id(), w);
        }
    }

    public CoverageSettings settings() {
        return settings;
    }

    /** The cells of a small grid. */
    public Optional<CellRaster> raster(UnitGridCode grid) {
        Integer g = gridIndex.get(grid);
        return g == null ? Optional.empty() : Optional.of(rasters[g]);
    }

    /** Coverage for one occurrence of a shift (the one starting on {@code day} in the district's zone). */
    public CoverageReport forShift(Collection<Track> tracks, Shift shift, LocalDate day, ZoneId zone) {
        ShiftWindow w = shift.on(day, zone);
        return compute(tracks, w.from(), w.to());
    }

    /** Coverage for a calendar day in the district's zone (midnight to midnight). */
    public CoverageReport forDay(Collection<Track> tracks, LocalDate day, ZoneId zone) {
        return compute(tracks, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Coverage for the window {@code from <= at < to}. Tracks may hold fixes outside it (they are ignored);
     * at most one track per worker. For a window still running, pass the current time as {@code to}, or a
     * worker is unseen for the future part.
     */
    public CoverageReport compute(Collection<Track> tracks, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends (" + to + ") before it starts (" + from + ")");
        }
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        long gap = settings.gapLimit().toMillis();
        long unseenMs = settings.unseenAfter().toMillis();
        BitSet[] visited = new BitSet[grids.size()];
        for (int g = 0; g < visited.length; g++) {
            visited[g] = new BitSet();
        }
        Map<String, WorkerPatrol> patrols = new HashMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        for (Track track : tracks) {
            GridWorker worker = workers.get(track.workerId());
            if (worker == null) {
                unknown.add(track.workerId());
                continue;
            }
            if (patrols.containsKey(worker.id())) {
                throw new IllegalArgumentException("two tracks for worker " + worker.id());
            }
            Integer own = gridIndex.get(worker.smallGrid());
            int ownIndex = own == null ? Integer.MIN_VALUE : own;
            CellRaster raster = own == null ? null : rasters[own];
            BitSet cells = own == null ? null : visited[own];
            int a = track.firstAtOrAfter(fromMs);
            int b = track.firstAtOrAfter(toMs);
            int outside = 0;
            long previous = fromMs;
            long longest = 0;
            double pu = 0;
            double pv = 0;
            for (int i = a; i < b; i++) {
                long t = track.epochMilli(i);
                double lon = track.lon(i);
                double lat = track.lat(i);
                longest = Math.max(longest, t - previous);
                if (raster != null) {
                    double u = raster.u(lon);
                    double v = raster.v(lat);
                    if (i > a && t - previous <= gap) {
                        raster.markSegment(pu, pv, u, v, cells);
                    } else {
                        raster.markPoint(u, v, cells);
                    }
                    pu = u;
                    pv = v;
                }
                if (locator.locateIndex(lon, lat) != ownIndex) {
                    outside++;
                }
                previous = t;
            }
            int count = b - a;
            longest = Math.max(longest, toMs - previous);
            Optional<Instant> lastSeen = count == 0 ? Optional.empty() : Optional.of(track.time(b - 1));
            patrols.put(worker.id(), patrol(worker, count, outside, longest, lastSeen, unseenMs));
        }
        List<WorkerPatrol> all = new ArrayList<>(workers.size());
        for (GridWorker w : district.gridWorkers()) {
            WorkerPatrol p = patrols.get(w.id());
            all.add(p != null ? p : patrol(w, 0, 0, toMs - fromMs, Optional.empty(), unseenMs));
        }
        all.sort(java.util.Comparator.comparing(WorkerPatrol::workerId));
        List<GridCoverage> coverage = new ArrayList<>(grids.size());
        for (int g = 0; g < grids.size(); g++) {
            UnitGridCode code = grids.get(g).code();
            List<String> own = district.gridWorkers().stream()
                    .filter(w -> w.smallGrid().equals(code)).map(GridWorker::id).sorted().toList();
            coverage.add(new GridCoverage(code, own, rasters[g], visited[g]));
        }
        return new CoverageReport(from, to, coverage, all, List.copyOf(unknown));
    }

    private WorkerPatrol patrol(GridWorker w, int count, int outside, long longestMs, Optional<Instant> lastSeen,
                                long unseenMs) {
        boolean isOutside = count > 0 && outside / (double) count > settings.outsideShareLimit();
        return new WorkerPatrol(w.id(), w.smallGrid(), count, outside, Duration.ofMillis(longestMs), lastSeen,
                isOutside, longestMs >= unseenMs);
    }
}
