package org.gridcommand.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The search box behind the map: a grid code or name, a worker, a camera or a case id. Codes and ids
 * match exactly or by prefix; names match anywhere, in Chinese or English. Exact matches rank first.
 */
public final class SearchService {
    private static final int EXACT = 0;
    private static final int PREFIX = 1;
    private static final int CONTAINS = 2;

    private final District district;
    private final List<Camera> cameras;
    private final Supplier<List<Case>> cases;

    public SearchService(District district, List<Camera> cameras, Supplier<List<Case>> cases) {
        this.district = district;
        this.cameras = List.copyOf(cameras);
        this.cases = cases;
    }

    public List<SearchHit> search(String query, int limit, Locale locale) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        String lower = q.toLowerCase(Locale.ROOT);
        List<SearchHit> hits = new ArrayList<>();
        for (SmallGrid grid : district.smallGrids()) {
            int rank = match(lower, grid.code().value(), grid.name());
            if (rank >= 0) {
                hits.add(new SearchHit(SearchHit.Kind.SMALL_GRID, grid.code().value(),
                        grid.name().in(locale) + " · " + grid.code(), centre(grid.area()),
                        grid.area().getEnvelopeInternal(), rank));
            }
        }
        for (BigGrid grid : district.bigGrids()) {
            int rank = match(lower, grid.code(), grid.name());
            if (rank >= 0) {
                hits.add(new SearchHit(SearchHit.Kind.BIG_GRID, grid.code(), grid.name().in(locale) + " · " + grid.code(),
                        centre(grid.area()), grid.area().getEnvelopeInternal(), rank));
            }
        }
        for (GridWorker worker : district.gridWorkers()) {
            int rank = match(lower, worker.id(), worker.name());
            if (rank >= 0) {
                GeoPoint where = worker.lastPosition() != null ? worker.lastPosition()
                        : district.smallGrid(worker.smallGrid()).map(g -> centre(g.area())).orElse(null);
                if (where != null) {
                    hits.add(new SearchHit(SearchHit.Kind.WORKER, worker.id(),
                            worker.name().in(locale) + " · " + worker.id(), where, null, rank));
                }
            }
        }
        for (GridHead head : district.gridHeads()) {
            int rank = match(lower, head.id(), head.name());
            if (rank >= 0) {
                district.bigGrids().stream().filter(b -> b.code().equals(head.bigGridCode())).findFirst()
                        .ifPresent(big -> hits.add(new SearchHit(SearchHit.Kind.GRID_HEAD, head.id(),
                                head.name().in(locale) + " · " + big.name().in(locale), centre(big.area()),
                                big.area().getEnvelopeInternal(), rank)));
            }
        }
        for (Camera camera : cameras) {
            int rank = match(lower, camera.id(), camera.name());
            if (rank >= 0) {
                hits.add(new SearchHit(SearchHit.Kind.CAMERA, camera.id(), camera.name().in(locale) + " · " + camera.id(),
                        camera.position(), null, rank));
            }
        }
        for (Case c : cases.get()) {
            int rank = matchId(lower, c.id());
            if (c.number() != null) {
                // The number as people say it: whole, or its day's sequence ("0042") or its end ("20261208-0042").
                int byNumber = matchId(lower, c.number());
                if (byNumber < 0 && lower.length() >= 3 && c.number().toLowerCase(Locale.ROOT).endsWith(lower)) {
                    byNumber = PREFIX;
                }
                rank = rank < 0 ? byNumber : byNumber < 0 ? rank : Math.min(rank, byNumber);
            }
            if (rank >= 0 && c.location() != null) {
                String shown = c.number() != null ? c.number() : c.id();
                hits.add(new SearchHit(SearchHit.Kind.CASE, c.id(), shown + " · " + c.address(), c.location(), null, rank));
            }
        }
        hits.sort(Comparator.comparingInt(SearchHit::rank).thenComparing(SearchHit::kind).thenComparing(SearchHit::id));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    /** Rank of the best match of the query against an id/code and a name, or -1. */
    private static int match(String lower, String id, BilingualName name) {
        int byId = matchId(lower, id);
        int byName = -1;
        String zh = name.zh().toLowerCase(Locale.ROOT);
        String en = name.en().toLowerCase(Locale.ROOT);
        if (zh.equals(lower) || en.equals(lower)) {
            byName = EXACT;
        } else if (zh.contains(lower) || en.contains(lower)) {
            byName = CONTAINS;
        }
        if (byId < 0) {
            return byName;
        }
        return byName < 0 ? byId : Math.min(byId, byName);
    }

    private static int matchId(String lower, String id) {
        String candidate = id.toLowerCase(Locale.ROOT);
        if (candidate.equals(lower)) {
            return EXACT;
        }
        // A prefix of a code needs a few characters, or "4" would list every grid in the district.
        return lower.length() >= 3 && candidate.startsWith(lower) ? PREFIX : -1;
    }

    private static GeoPoint centre(Geometry area) {
        Point p = area.getInteriorPoint();
        return new GeoPoint(p.getX(), p.getY());
    }
}
