package org.gridcommand.ui.map;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.directory.ResourceKind;

/**
 * Which camera and resource symbols to draw at one scale, so that a district-wide view is not a carpet of
 * overlapping icons: greedy, the most important first (fire stations, hospitals, police posts, medical points,
 * shelters, depots, hydrants, then cameras, those whose signal is lost first), dropping a symbol that would sit within {@link #SPACING_PX}
 * ({@link #SPARSE_SPACING_PX} for hydrants and cameras) of one already shown. Zooming in brings every symbol back. Cases and workers are never thinned: they are what
 * the officer is looking for.
 *
 * <p>Decided for the whole district per scale (like the labels), so tiles agree at their seams and symbols do
 * not pop while panning; the hit test uses the same answer, so a hidden symbol cannot be clicked.
 */
final class SymbolThinning {
    /** Closest distance between two shown symbols, in pixels times the scale factor (a symbol is ~14 px). */
    static final double SPACING_PX = 13;
    /**
     * Hydrants and cameras, hundreds of each, need this much room of their own: at a district-wide view they
     * would otherwise carpet the map, and they matter only once the officer zooms to a place.
     */
    static final double SPARSE_SPACING_PX = 30;
    private static final ResourceKind[] IMPORTANCE = {ResourceKind.FIRE_STATION, ResourceKind.HOSPITAL,
            ResourceKind.POLICE_POST, ResourceKind.MEDICAL_POINT, ResourceKind.SHELTER, ResourceKind.SUPPLY_DEPOT,
            ResourceKind.HYDRANT};
    private static final int CACHED_SCALES = 4;

    /** The answer for one scale: shown flags by camera and by resource index. */
    record Shown(boolean[] cameras, boolean[] resources) {
        int hiddenCount() {
            int n = 0;
            for (boolean b : cameras) {
                n += b ? 0 : 1;
            }
            for (boolean b : resources) {
                n += b ? 0 : 1;
            }
            return n;
        }
    }

    private final Map<String, Shown> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shown> eldest) {
            return size() > CACHED_SCALES;
        }
    };

    /** Forget every answer: cameras or resources changed. */
    void clear() {
        cache.clear();
    }

    /** @param ppm pixels per mercator metre; @param scale the map's scale factor */
    Shown at(MapData data, double ppm, double scale) {
        String key = ppm + "|" + scale;
        Shown shown = cache.get(key);
        if (shown == null || shown.cameras().length != data.cameras.size()
                || shown.resources().length != data.resources.size()) {
            shown = compute(data, ppm, scale);
            cache.put(key, shown);
        }
        return shown;
    }

    static Shown compute(MapData data, double ppm, double scale) {
        double spacing = SPACING_PX * scale;
        double sparse = SPARSE_SPACING_PX * scale;
        Occupancy taken = new Occupancy(sparse);
        boolean[] resources = new boolean[data.resources.size()];
        for (ResourceKind kind : claimOrder()) {
            for (int i = 0; i < resources.length; i++) {
                if (data.resources.get(i).kind() == kind) {
                    resources[i] = taken.tryTake(data.resourceX[i] * ppm, -data.resourceY[i] * ppm,
                            kind == ResourceKind.HYDRANT ? sparse : spacing);
                }
            }
        }
        boolean[] cameras = new boolean[data.cameras.size()];
        // A camera whose signal is lost claims its place before the other cameras, so an outage is not thinned away.
        CameraStatus.State[] states = data.cameraState;
        for (int pass = states == null ? 1 : 0; pass < 2; pass++) {
            for (int i = 0; i < cameras.length; i++) {
                boolean lost = states != null && states[i] == CameraStatus.State.LOST;
                if (lost == (pass == 0)) {
                    cameras[i] = taken.tryTake(data.cameraX[i] * ppm, -data.cameraY[i] * ppm, sparse);
                }
            }
        }
        return new Shown(cameras, resources);
    }

    /** The ranked kinds, then any kind the ranking does not name yet (so a new kind is never lost). */
    private static Set<ResourceKind> claimOrder() {
        Set<ResourceKind> order = new LinkedHashSet<>(Arrays.asList(IMPORTANCE));
        order.addAll(Arrays.asList(ResourceKind.values()));
        return order;
    }

    /**
     * Shown points on a grid of cells as wide as the largest spacing: a new point checks only the 3 x 3
     * cells around it.
     */
    private static final class Occupancy {
        private final double cell;
        private final Map<Long, double[]> cells = new HashMap<>();

        Occupancy(double largestSpacing) {
            this.cell = largestSpacing;
        }

        /** Shows the point unless a shown one lies within {@code spacing} (at most the largest spacing). */
        boolean tryTake(double x, double y, double spacing) {
            long cx = (long) Math.floor(x / cell);
            long cy = (long) Math.floor(y / cell);
            double limit = spacing * spacing;
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    double[] pts = cells.get(key(cx + dx, cy + dy));
                    if (pts == null) {
                        continue;
                    }
                    for (int k = 1; k < 1 + 2 * (int) pts[0]; k += 2) {
                        double ex = pts[k] - x;
                        double ey = pts[k + 1] - y;
                        if (ex * ex + ey * ey < limit) {
                            return false;
                        }
                    }
                }
            }
            cells.merge(key(cx, cy), new double[] {1, x, y}, (old, add) -> {
                int n = (int) old[0];
                double[] grown = Arrays.copyOf(old, Math.max(old.length, 1 + 2 * (n + 1)));
                grown[0] = n + 1;
                grown[1 + 2 * n] = add[1];
                grown[2 + 2 * n] = add[2];
                return grown;
            });
            return true;
        }

        private static long key(long cx, long cy) {
            return (cx << 32) ^ (cy & 0xffffffffL);
        }
    }
}
