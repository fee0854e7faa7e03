package org.gridcommand.ui.map;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/** A shape on the OVERLAY layer: any JTS geometry in WGS-84 (lon, lat), a style and an optional label. */
public record OverlayShape(Geometry wgs84, OverlayStyle style, String label) {
    public OverlayShape {
        Objects.requireNonNull(wgs84, "wgs84");
        Objects.requireNonNull(style, "style");
        label = label == null ? "" : label;
    }
}
