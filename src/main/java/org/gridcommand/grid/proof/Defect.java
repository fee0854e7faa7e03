package org.gridcommand.grid.proof;

import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One thing wrong with a grid file, with the place to look at.
 *
 * @param featureRef      e.g. {@code feature #12 "唐家社区第3网格" (440402104001003)}, or the file for a file-level defect
 * @param otherFeatureRef the second feature of a pair (overlap, duplicate code, a gap's neighbour), else null
 * @param lon             WGS-84 longitude of the place; NaN when the defect has no place (an unreadable file)
 * @param lat             WGS-84 latitude of the place; NaN when the defect has no place
 * @param areaM2          area in m² for overlaps, gaps and parts outside a parent, else null
 * @param where           the defect's shape in WGS-84 for a map layer (the overlap, the gap, the bad vertex); may be null
 */
public record Defect(DefectKind kind, String featureRef, String otherFeatureRef, double lon, double lat,
                     Double areaM2, String detail, Geometry where) {
    public Defect {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(featureRef, "featureRef");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean hasPlace() {
        return Double.isFinite(lon) && Double.isFinite(lat);
    }

    /** One report line, e.g. {@code OVERLAP feature #3 "A" (…) × feature #7 "B" (…): 1234.5 m² at 113.5801234, 22.3601234}. */
    public String toLine() {
        StringBuilder line = new StringBuilder(kind.name()).append(' ');
        if (otherFeatureRef == null) {
            line.append(featureRef);
        } else if (kind == DefectKind.OVERLAP) {
            line.append(featureRef).append(" × ").append(otherFeatureRef);
        } else if (kind == DefectKind.GAP) {
            line.append("between ").append(featureRef).append(" and ").append(otherFeatureRef);
        } else {
            line.append(featureRef).append(" and ").append(otherFeatureRef);
        }
        line.append(": ").append(detail);
        if (hasPlace()) {
            line.append(" at ").append(coordinate(lon)).append(", ").append(coordinate(lat));
        }
        return line.toString();
    }

    static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.7f", degrees);
    }

    static String area(double m2) {
        return String.format(Locale.ROOT, "%.1f m²", m2);
    }
}
