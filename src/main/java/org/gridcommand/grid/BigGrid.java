package org.gridcommand.grid;

import org.gridcommand.common.BilingualName;
import org.locationtech.jts.geom.Geometry;

/** A big grid (大网格), one community in the demo; its code is the 12-digit community prefix. */
public record BigGrid(String code, BilingualName name, Geometry area) {
    public BigGrid {
        if (code == null || !code.matches("\\d{12}")) {
            throw new IllegalArgumentException("big grid code must be 12 digits, got: " + code);
        }
    }
}
