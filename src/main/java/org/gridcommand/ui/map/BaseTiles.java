package org.gridcommand.ui.map;

import javafx.scene.image.Image;
import org.gridcommand.geo.Datum;

/**
 * Base-map tiles in the XYZ (Web Mercator, 256 px) scheme. tile() must answer at once: null when the tile is
 * not loaded yet, and then call the onTileLoaded callback (from any thread) once it is. When the tiles are in
 * GCJ-02 the map shifts its WGS-84 vector overlay into GCJ-02 before projecting, so both line up.
 */
public interface BaseTiles {
    Image tile(int z, long x, long y);

    Datum datum();

    void onTileLoaded(Runnable redraw);
}
