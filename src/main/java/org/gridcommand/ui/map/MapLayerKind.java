package org.gridcommand.ui.map;

/**
 * The map's layers, bottom to top. Named "kind" so it does not clash with Gluon Maps' {@code MapLayer}.
 * BASE_TILES to CAMERAS are static: drawn once into cached tiles. CASES are static too except the
 * blinking ones; WORKERS, OVERLAY and SELECTION are redrawn on every change.
 */
public enum MapLayerKind {
    BASE_TILES, GRIDS, GRID_OUTLINES, LABELS, RESOURCES, CAMERAS, CASES, WORKERS, OVERLAY, SELECTION;

    boolean isStatic() {
        return ordinal() <= CASES.ordinal();
    }
}
