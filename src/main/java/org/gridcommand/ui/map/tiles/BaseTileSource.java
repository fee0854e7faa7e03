package org.gridcommand.ui.map.tiles;

import com.gluonhq.maps.tile.TileRetriever;
import java.util.Objects;
import org.gridcommand.geo.Datum;

/**
 * A base map under the vector grid map: where its tiles come from and in which datum they are drawn.
 * Tiles of a domestic provider are in GCJ-02, so the grid overlay (WGS-84) must be shifted into that datum
 * to sit on the right streets; {@link #shiftsOverlay()} tells the map so.
 *
 * @param name        shown in the layer list
 * @param retriever   Gluon Maps' tile SPI: completes with null for a tile it does not have
 * @param datum       the datum the tiles are drawn in
 * @param minZoom     lowest zoom level with tiles
 * @param maxZoom     highest zoom level with tiles (the map scales the last level up beyond it)
 * @param attribution the credit line the tiles' licence asks for ("" when none)
 */
public record BaseTileSource(String name, TileRetriever retriever, Datum datum, int minZoom, int maxZoom,
                             String attribution) implements AutoCloseable {
    public BaseTileSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retriever, "retriever");
        Objects.requireNonNull(datum, "datum");
        attribution = attribution == null ? "" : attribution;
        if (minZoom < 0 || maxZoom > 30 || minZoom > maxZoom) {
            throw new IllegalArgumentException("zoom levels must satisfy 0 <= min <= max <= 30, got " + minZoom + ".." + maxZoom);
        }
    }

    /** True when the overlay must be converted from WGS-84 into the tiles' datum before drawing. */
    public boolean shiftsOverlay() {
        return datum != Datum.WGS84;
    }

    public boolean hasZoom(int zoom) {
        return zoom >= minZoom && zoom <= maxZoom;
    }

    /** Releases the retriever's file or threads, when it holds any. */
    @Override
    public void close() {
        if (retriever instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(BaseTileSource.class.getName())
                        .log(System.Logger.Level.DEBUG, "closing the tile source " + name + " failed", e);
            }
        }
    }
}
