package org.gridcommand.grid;

import org.gridcommand.common.BilingualName;
import org.locationtech.jts.geom.Geometry;

/** A small grid (小网格): the unit every point of the district belongs to, owned by 2-3 grid workers. */
public record SmallGrid(UnitGridCode code, String bigGridCode, BilingualName name, Geometry area) {
}
