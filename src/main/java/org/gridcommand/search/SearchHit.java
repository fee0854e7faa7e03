package org.gridcommand.search;

import org.gridcommand.geo.GeoPoint;
import org.locationtech.jts.geom.Envelope;

/**
 * One answer of the search box: what it is, how to show it, and where the map should fly.
 * extent is the area to fit (a grid) or null for a point feature.
 */
public record SearchHit(Kind kind, String id, String label, GeoPoint focus, Envelope extent, int rank) {
    public enum Kind { SMALL_GRID, BIG_GRID, WORKER, GRID_HEAD, CAMERA, CASE }
}
