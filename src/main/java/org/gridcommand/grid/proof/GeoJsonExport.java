package org.gridcommand.grid.proof;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes the grids as an RFC 7946 GeoJSON FeatureCollection: WGS-84, longitude first, 7 decimals (about 1 cm),
 * exterior rings counter-clockwise and holes clockwise, big grids first (name, name_en, code, level "big"), then
 * small grids (name, name_en, code, parent, level "small"), each sorted by code, one feature per line.
 * The same grids always give the same bytes, so an exported file can be kept in version control and compared.
 */
public final class GeoJsonExport {
    private GeoJsonExport() {
    }

    public static String toGeoJson(District district) {
        return toGeoJson(district.bigGrids(), district.smallGrids());
    }

    public static String toGeoJson(List<BigGrid> bigGrids, List<SmallGrid> smallGrids) {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[\n");
        boolean first = true;
        for (BigGrid g : bigGrids.stream().sorted(Comparator.comparing(BigGrid::code)).toList()) {
            first = separator(out, first);
            out.append("{\"type\":\"Feature\",\"properties\":{");
            property(out, "name", g.name().zh()).append(',');
            property(out, "name_en", g.name().en()).append(',');
            property(out, "code", g.code()).append(',');
            property(out, "level", "big");
            out.append("},\"geometry\":");
            geometry(out, g.area());
            out.append('}');
        }
        for (SmallGrid g : smallGrids.stream().sorted(Comparator.comparing(SmallGrid::code)).toList()) {
            first = separator(out, first);
            out.append("{\"type\":\"Feature\",\"properties\":{");
            property(out, "name", g.name().zh()).append(',');
            property(out, "name_en", g.name().en()).append(',');
            property(out, "code", g.code().value()).append(',');
            property(out, "parent", g.bigGridCode()).append(',');
            property(out, "level", "small");
            out.append("},\"geometry\":");
            geometry(out, g.area());
            out.append('}');
        }
        out.append("\n]}\n");
        return out.toString();
    }

    public static void write(District district, Path file) throws IOException {
        Files.writeString(file, toGeoJson(district), StandardCharsets.UTF_8);
    }

    private static boolean separator(StringBuilder out, boolean first) {
        if (!first) {
            out.append(",\n");
        }
        return false;
    }

    private static StringBuilder property(StringBuilder out, String key, String value) {
        out.append('"').append(key).append("\":");
        if (value == null) {
            return out.append("null");
        }
        return out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
    }

    private static void geometry(StringBuilder out, Geometry area) {
        List<Polygon> polygons = ProofGeometry.parts(area);
        if (polygons.size() == 1) {
            out.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(out, polygons.get(0));
        } else {
            out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < polygons.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                polygon(out, polygons.get(i));
            }
            out.append(']');
        }
        out.append('}');
    }

    private static void polygon(StringBuilder out, Polygon p) {
        out.append('[');
        ring(out, p.getExteriorRing(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            out.append(',');
            ring(out, p.getInteriorRingN(i), false);
        }
        out.append(']');
    }

    /** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
    private static void ring(StringBuilder out, LineString ring, boolean exterior) {
        Coordinate[] coords = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(coords) != exterior;
        out.append('[');
        for (int k = 0; k < coords.length; k++) {
            Coordinate c = coords[reverse ? coords.length - 1 - k : k];
            if (k > 0) {
                out.append(',');
            }
            out.append('[').append(decimal(c.x)).append(',').append(decimal(c.y)).append(']');
        }
        out.append(']');
    }

    /** At most 7 decimals, no trailing zeros, never exponent notation. */
    static String decimal(double degrees) {
        BigDecimal d = BigDecimal.valueOf(Math.round(degrees * 1e7)).movePointLeft(7).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
