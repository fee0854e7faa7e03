package org.gridcommand.grid.proof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridcommand.geo.Datum;

/** Small grid files written in the test, near 113.58 E 22.36 N where the demo district lies. */
final class ProofFiles {
    private ProofFiles() {
    }

    static GridFile geojson(String... features) {
        return geojson(Datum.WGS84, features);
    }

    static GridFile geojson(Datum datum, String... features) {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}";
        return GridFileReader.read(json.getBytes(StandardCharsets.UTF_8), "test.geojson", datum);
    }

    static GridFile csv(String text) {
        return GridFileReader.read(text.getBytes(StandardCharsets.UTF_8), "test.csv", Datum.WGS84);
    }

    /** A feature; props is the inside of the properties object, e.g. {@code "name":"A","code":"…"}. */
    static String feature(String props, String geometryType, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":{\"type\":\"" + geometryType
                + "\",\"coordinates\":" + coordinates + "}}";
    }

    static String polygon(String props, double[][]... rings) {
        List<String> parts = new ArrayList<>();
        for (double[][] ring : rings) {
            parts.add(ring(ring));
        }
        return feature(props, "Polygon", "[" + String.join(",", parts) + "]");
    }

    static String box(String props, double west, double south, double east, double north) {
        return polygon(props, boxRing(west, south, east, north));
    }

    static double[][] boxRing(double west, double south, double east, double north) {
        return new double[][] {{west, south}, {east, south}, {east, north}, {west, north}, {west, south}};
    }

    static String ring(double[][] positions) {
        List<String> p = new ArrayList<>();
        for (double[] xy : positions) {
            p.add(String.format(Locale.ROOT, "[%s,%s]", num(xy[0]), num(xy[1])));
        }
        return "[" + String.join(",", p) + "]";
    }

    /** Shortest text that reads back as the same double, like a GIS export writes it. */
    static String num(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    static String props(String name, String code, String parent) {
        StringBuilder s = new StringBuilder();
        if (name != null) {
            s.append("\"name\":\"").append(name).append('"');
        }
        if (code != null) {
            s.append(s.length() > 0 ? "," : "").append("\"code\":\"").append(code).append('"');
        }
        if (parent != null) {
            s.append(s.length() > 0 ? "," : "").append("\"parent\":\"").append(parent).append('"');
        }
        return s.toString();
    }

    static List<Defect> of(ProofReport report, DefectKind kind) {
        return report.defects().stream().filter(d -> d.kind() == kind).toList();
    }
}
