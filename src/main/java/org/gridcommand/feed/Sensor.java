package org.gridcommand.feed;

import java.util.Objects;
import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.UnitGridCode;

/**
 * A registered field sensor. {@code kind} is a {@link SensorKind} code; {@code position} is WGS-84;
 * {@code smallGrid} is the small grid it stands in, or null when the register does not say.
 */
public record Sensor(String id, String kind, GeoPoint position, BilingualName name, UnitGridCode smallGrid) {
    public Sensor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(name, "name");
    }
}
