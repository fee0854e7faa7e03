package org.gridcommand.feed.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;

/**
 * "Who was where at time T": each worker's position at T interpolated between the fixes around T
 * ({@link Track#positionAt}), with its small grid and the age of the nearest fix. A worker whose T falls in a
 * gap or outside the data has no position and is left out of the answer.
 */
public final class WhoWasWhere {
    private final GridLocator locator;
    private final Duration gapLimit;

    /** locator may be null (answers then carry no small grid). */
    public WhoWasWhere(GridLocator locator, Duration gapLimit) {
        this.locator = locator;
        this.gapLimit = Objects.requireNonNull(gapLimit, "gapLimit");
    }

    public WhoWasWhere(GridLocator locator, TrackSettings settings) {
        this(locator, settings.gapLimit());
    }

    /** One worker's position at t, when known. */
    public Optional<WorkerPosition> at(Instant t, Track track) {
        Optional<GeoPoint> p = track.positionAt(t, gapLimit);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        GeoPoint point = p.get();
        Optional<UnitGridCode> grid = locator == null ? Optional.empty()
                : locator.locate(point.lon(), point.lat()).map(SmallGrid::code);
        return Optional.of(new WorkerPosition(track.workerId(), point, grid, track.ageOfNearestFix(t).orElseThrow()));
    }

    /** The positions at t of every worker whose track gives one, by worker id. */
    public List<WorkerPosition> at(Instant t, Collection<Track> tracks) {
        List<WorkerPosition> out = new ArrayList<>(tracks.size());
        for (Track track : tracks) {
            at(t, track).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(WorkerPosition::workerId));
        return out;
    }
}
