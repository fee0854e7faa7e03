package org.gridcommand.grid.proof;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.gridcommand.common.CsvText;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a grid file: a GeoJSON FeatureCollection of Polygon/MultiPolygon features (properties {@code name},
 * {@code name_en}, {@code code}, {@code parent}), or a CSV with a header and a WKT column
 * ({@code name,name_en,code,parent,wkt}; lon lat order), and converts every position from the given datum to
 * WGS-84.
 *
 * <p>Files drawn by hand or exported from another system are where broken rings come from, and JTS refuses to
 * even build such rings. So the coordinates are walked as plain numbers first: an unclosed ring, a ring with
 * too few corners, a position that is not a number, out of range or with latitude first all become defects
 * of their feature, never exceptions. The reader's geometry is its best reading of what was meant (rings
 * closed, swapped pairs swapped back) so the later checks still see the grid.
 */
public final class GridFileReader {
    /**
     * A district spans tens of kilometres; a position farther than this from the middle of the file (about
     * 500 km) is a typo or a placeholder (0, 0), not a corner of the district.
     */
    static final double PLAUSIBLE_SPREAD_DEG = 5.0;

    // NaN is not JSON, but GIS exports write it; reading it lets the bad position be named instead of the file.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Charset GB18030 = Charset.forName("GB18030");

    private GridFileReader() {
    }

    /** Reads a file; an IOException only means the file itself could not be read (missing, a folder, no access). */
    public static GridFile read(Path file, Datum datum) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Path name = file.getFileName();
        return read(content, name == null ? file.toString() : name.toString(), datum);
    }

    /** Reads file content; never throws for bad content. The source name picks the format (.csv) and labels messages. */
    public static GridFile read(byte[] content, String source, Datum datum) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(datum, "datum");
        try {
            return isCsv(content, source) ? readCsv(content, source, datum) : readJson(content, source, datum);
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug must still end as a defect naming the file, not as a stack trace for a duty officer.
            return unreadable(source, datum, "could not be read: " + messageOf(e));
        }
    }

    // ---------------------------------------------------------------- formats

    private static boolean isCsv(byte[] content, String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return true;
        }
        if (lower.endsWith(".json") || lower.endsWith(".geojson")) {
            return false;
        }
        int i = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] != '{' && content[i] != '[';
    }

    private static GridFile readJson(byte[] content, String source, Datum datum) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at != null && at.getLineNr() > 0
                    ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
            return unreadable(source, datum, "not valid JSON" + where + ": " + jacksonMessage(e.getOriginalMessage()));
        } catch (IOException e) {
            return unreadable(source, datum, "not valid JSON: " + messageOf(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return unreadable(source, datum, "the file is empty");
        }
        if (!root.isObject()) {
            return unreadable(source, datum, "not a GeoJSON FeatureCollection: the top level is "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        String type = root.path("type").asText("");
        List<JsonNode> nodes = new ArrayList<>();
        if (type.equalsIgnoreCase("FeatureCollection")) {
            JsonNode features = root.get("features");
            if (features == null || !features.isArray()) {
                return unreadable(source, datum, "a FeatureCollection without a \"features\" array");
            }
            features.forEach(nodes::add);
        } else if (type.equalsIgnoreCase("Feature")) {
            nodes.add(root);
        } else {
            return unreadable(source, datum, "not a GeoJSON FeatureCollection (its type is \"" + abbreviate(type) + "\")");
        }
        List<RawFeature> raws = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            raws.add(jsonFeature(i + 1, nodes.get(i)));
        }
        return interpret(source, datum, raws);
    }

    private static RawFeature jsonFeature(int index, JsonNode node) {
        if (!node.isObject()) {
            return RawFeature.broken(index, null, null, null, null, "is not a GeoJSON Feature object");
        }
        JsonNode props = node.get("properties");
        Map<String, JsonNode> p = new java.util.HashMap<>();
        if (props != null && props.isObject()) {
            props.fields().forEachRemaining(e -> {
                String key = e.getKey().toLowerCase(Locale.ROOT);
                // The exact spelling wins over a differently cased duplicate ("Name" beside "name").
                if (e.getKey().equals(key)) {
                    p.put(key, e.getValue());
                } else {
                    p.putIfAbsent(key, e.getValue());
                }
            });
        }
        String name = text(p.get("name"));
        String nameEn = text(p.get("name_en"));
        String code = text(p.get("code"));
        String parent = text(p.get("parent"));
        JsonNode geometry = node.get("geometry");
        if (geometry == null || geometry.isNull()) {
            return RawFeature.broken(index, name, nameEn, code, parent, "has no geometry");
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.get("coordinates");
        try {
            List<RawPolygon> polygons = new ArrayList<>();
            if (type.equalsIgnoreCase("Polygon")) {
                polygons.add(jsonPolygon(coordinates));
            } else if (type.equalsIgnoreCase("MultiPolygon")) {
                for (JsonNode polygon : array(coordinates, "the coordinates of a MultiPolygon must be an array of polygons")) {
                    polygons.add(jsonPolygon(polygon));
                }
            } else {
                return RawFeature.broken(index, name, nameEn, code, parent, "is a "
                        + (type.isEmpty() ? "geometry without a type" : abbreviate(type))
                        + "; a grid must be a Polygon or MultiPolygon");
            }
            return new RawFeature(index, name, nameEn, code, parent, polygons, null);
        } catch (Malformed e) {
            return RawFeature.broken(index, name, nameEn, code, parent, e.getMessage());
        }
    }

    private static RawPolygon jsonPolygon(JsonNode polygon) {
        List<List<RawPos>> rings = new ArrayList<>();
        for (JsonNode ring : array(polygon, "the coordinates of a Polygon must be an array of rings")) {
            List<RawPos> positions = new ArrayList<>();
            for (JsonNode position : array(ring, "a ring must be an array of positions")) {
                positions.add(jsonPosition(position));
            }
            rings.add(positions);
        }
        return new RawPolygon(rings);
    }

    private static Iterable<JsonNode> array(JsonNode node, String otherwise) {
        if (node == null || !node.isArray()) {
            throw new Malformed(otherwise);
        }
        return node;
    }

    private static RawPos jsonPosition(JsonNode position) {
        if (position == null || !position.isArray() || position.size() < 2) {
            return RawPos.bad("not a [longitude, latitude] pair: " + abbreviate(String.valueOf(position)));
        }
        JsonNode x = position.get(0);
        JsonNode y = position.get(1);
        if (!x.isNumber() || !y.isNumber()) {
            return RawPos.bad("not a number: " + abbreviate(position.toString()));
        }
        return new RawPos(x.doubleValue(), y.doubleValue(), null);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    private static GridFile readCsv(byte[] content, String source, Datum datum) {
        String text = decode(content);
        CsvText csv = new CsvText(text);
        List<CsvText.Row> rows;
        try {
            rows = csv.rows();
        } catch (CsvText.Unclosed e) {
            return unreadable(source, datum, "not a readable CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return unreadable(source, datum, "the file is empty");
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int wkt = column(header, "wkt", "geometry", "geom", "the_geom", "shape");
        if (wkt < 0) {
            return unreadable(source, datum, "not a grid CSV: the header (line " + rows.get(0).line()
                    + ") has no wkt column; columns found: " + printable(String.join(", ", header)));
        }
        int name = column(header, "name");
        int nameEn = column(header, "name_en");
        int code = column(header, "code");
        int parent = column(header, "parent");
        List<RawFeature> raws = new ArrayList<>();
        for (CsvText.Row row : rows.subList(1, rows.size())) {
            List<String> fields = row.fields();
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            int index = raws.size() + 1;
            String wktText = field(fields, wkt);
            // An unquoted WKT is cut at every comma; when it is the last column, the tail is the rest of it.
            if (wkt == header.size() - 1 && fields.size() > header.size()) {
                wktText = String.join(String.valueOf(csv.delimiter()), fields.subList(wkt, fields.size()));
            }
            String n = blankToNull(field(fields, name));
            String ne = blankToNull(field(fields, nameEn));
            String c = blankToNull(field(fields, code));
            String pa = blankToNull(field(fields, parent));
            if (wktText == null || wktText.isBlank()) {
                raws.add(RawFeature.broken(index, n, ne, c, pa, "has no geometry (line " + row.line() + ")"));
                continue;
            }
            try {
                raws.add(new RawFeature(index, n, ne, c, pa, new Wkt(wktText).parse(), null));
            } catch (Malformed e) {
                raws.add(RawFeature.broken(index, n, ne, c, pa, e.getMessage() + " (line " + row.line() + ")"));
            }
        }
        return interpret(source, datum, raws);
    }

    /** UTF-8 first; what is not UTF-8 is taken as GB18030, the encoding Excel on a Chinese Windows writes. */
    private static String decode(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            text = new String(content, GB18030);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int column(List<String> header, String... names) {
        for (String name : names) {
            int i = header.indexOf(name);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String field(List<String> fields, int column) {
        return column >= 0 && column < fields.size() ? fields.get(column) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- interpretation

    private static GridFile interpret(String source, Datum datum, List<RawFeature> raws) {
        double[] centre = centre(raws);
        List<GridFeature> features = new ArrayList<>(raws.size());
        for (RawFeature raw : raws) {
            features.add(interpret(raw, centre, datum));
        }
        List<Defect> fileDefects = features.isEmpty()
                ? List.of(fileDefect(source, "holds no grid features"))
                : List.of();
        return new GridFile(source, datum, features, fileDefects);
    }

    /** The median position of the file: robust against the few swapped or mistyped positions it is used to find. */
    private static double[] centre(List<RawFeature> raws) {
        int n = 0;
        for (RawFeature raw : raws) {
            n += raw.positionCount();
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (RawFeature raw : raws) {
            if (raw.polygons() == null) {
                continue;
            }
            for (RawPolygon polygon : raw.polygons()) {
                for (List<RawPos> ring : polygon.rings()) {
                    for (RawPos p : ring) {
                        if (p.bad() == null && Double.isFinite(p.x()) && Double.isFinite(p.y())
                                && Math.abs(p.x()) <= 180 && Math.abs(p.y()) <= 90) {
                            xs[k] = p.x();
                            ys[k] = p.y();
                            k++;
                        }
                    }
                }
            }
        }
        if (k == 0) {
            return null;
        }
        xs = Arrays.copyOf(xs, k);
        ys = Arrays.copyOf(ys, k);
        Arrays.sort(xs);
        Arrays.sort(ys);
        return new double[] {xs[k / 2], ys[k / 2]};
    }

    private enum Verdict { OK, SWAPPED, BAD }

    private record Check(Verdict verdict, String reason) {
    }

    private static final Check OK = new Check(Verdict.OK, null);
    private static final Check SWAPPED = new Check(Verdict.SWAPPED, null);

    private static Check classify(double x, double y, double[] centre) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return new Check(Verdict.BAD, "not a number");
        }
        boolean inRange = Math.abs(x) <= 180 && Math.abs(y) <= 90;
        boolean swappedInRange = Math.abs(y) <= 180 && Math.abs(x) <= 90;
        if (inRange) {
            if (centre == null || near(x, y, centre)) {
                return OK;
            }
            if (swappedInRange && near(y, x, centre)) {
                return SWAPPED;
            }
            return new Check(Verdict.BAD, String.format(Locale.ROOT,
                    "more than %.0f° from the rest of the file (around %.4f, %.4f)", PLAUSIBLE_SPREAD_DEG,
                    centre[0], centre[1]));
        }
        // [22.36, 113.58]: the second number cannot be a latitude but the pair read backwards is a place.
        if (swappedInRange && (centre == null || near(y, x, centre))) {
            return SWAPPED;
        }
        return new Check(Verdict.BAD, Math.abs(y) > 90 ? "latitude beyond ±90°" : "longitude beyond ±180°");
    }

    private static boolean near(double x, double y, double[] centre) {
        return Math.abs(x - centre[0]) <= PLAUSIBLE_SPREAD_DEG && Math.abs(y - centre[1]) <= PLAUSIBLE_SPREAD_DEG;
    }

    private static GridFeature interpret(RawFeature raw, double[] centre, Datum datum) {
        String ref = GridFeature.ref(raw.index(), raw.name(), raw.code());
        List<Defect> defects = new ArrayList<>();
        if (raw.polygons() == null) {
            defects.add(new Defect(DefectKind.INVALID_GEOMETRY, ref, null, Double.NaN, Double.NaN, null,
                    raw.problem(), null));
            return new GridFeature(raw.index(), raw.name(), raw.nameEn(), raw.code(), raw.parent(), null, defects);
        }
        int positions = raw.positionCount();
        int badCount = 0;
        String firstBad = null;
        int swappedCount = 0;
        String firstSwapped = null;
        Coordinate firstSwappedAt = null;
        List<Coordinate> usablePositions = new ArrayList<>();
        List<Defect> ringDefects = new ArrayList<>();
        List<Polygon> polygons = new ArrayList<>();
        boolean usable = true;
        int polygonCount = raw.polygons().size();
        for (int pi = 0; pi < polygonCount; pi++) {
            List<List<RawPos>> rings = raw.polygons().get(pi).rings();
            boolean polygonUsable = !rings.isEmpty();
            if (rings.isEmpty()) {
                ringDefects.add(new Defect(DefectKind.TOO_FEW_POINTS, ref, null, Double.NaN, Double.NaN, null,
                        (polygonCount > 1 ? "polygon " + (pi + 1) : "the polygon") + " has no rings", null));
            }
            List<LinearRing> built = new ArrayList<>();
            for (int ri = 0; ri < rings.size(); ri++) {
                List<RawPos> ring = rings.get(ri);
                String ringLabel = "ring " + (ri + 1) + (polygonCount > 1 ? " of polygon " + (pi + 1) : "");
                List<Coordinate> coords = new ArrayList<>(ring.size() + 1);
                boolean ringUsable = true;
                for (int vi = 0; vi < ring.size(); vi++) {
                    RawPos p = ring.get(vi);
                    Check check = p.bad() != null ? new Check(Verdict.BAD, p.bad()) : classify(p.x(), p.y(), centre);
                    String label = "vertex " + (vi + 1) + " of " + ringLabel;
                    if (check.verdict() == Verdict.BAD) {
                        ringUsable = false;
                        if (badCount++ == 0) {
                            firstBad = label + (p.bad() != null ? "" : " is (" + plain(p.x()) + ", " + plain(p.y()) + ")")
                                    + ": " + check.reason();
                        }
                        continue;
                    }
                    boolean swapped = check.verdict() == Verdict.SWAPPED;
                    GeoPoint wgs = ChinaDatums.toWgs84(swapped ? p.y() : p.x(), swapped ? p.x() : p.y(), datum);
                    Coordinate c = new Coordinate(wgs.lon(), wgs.lat());
                    if (swapped && swappedCount++ == 0) {
                        firstSwapped = label + " is (" + plain(p.x()) + ", " + plain(p.y()) + ")";
                        firstSwappedAt = c;
                    }
                    coords.add(c);
                    usablePositions.add(c);
                }
                if (!ringUsable) {
                    polygonUsable = false;
                    continue;
                }
                if (coords.size() >= 2 && !coords.get(0).equals2D(coords.get(coords.size() - 1))) {
                    Coordinate start = coords.get(0);
                    Coordinate end = coords.get(coords.size() - 1);
                    ringDefects.add(new Defect(DefectKind.UNCLOSED_RING, ref, null, start.x, start.y, null,
                            ringLabel + " is not closed: it ends at " + Defect.coordinate(end.x) + ", "
                                    + Defect.coordinate(end.y) + " instead of returning to its start",
                            ProofGeometry.FACTORY.createLineString(new Coordinate[] {end.copy(), start.copy()})));
                    coords.add(start.copy());
                }
                int corners = distinctCorners(coords);
                if (corners < 3) {
                    Coordinate at = mean(coords);
                    ringDefects.add(new Defect(DefectKind.TOO_FEW_POINTS, ref, null, at.x, at.y, null,
                            ringLabel + " has " + ring.size() + (ring.size() == 1 ? " position" : " positions")
                                    + " with " + corners + " distinct " + (corners == 1 ? "corner" : "corners")
                                    + "; a ring needs at least 4 positions around 3 distinct corners",
                            Double.isFinite(at.x) ? ProofGeometry.FACTORY.createPoint(at) : null));
                    polygonUsable = false;
                    continue;
                }
                built.add(ProofGeometry.FACTORY.createLinearRing(coords.toArray(Coordinate[]::new)));
            }
            if (polygonUsable) {
                polygons.add(ProofGeometry.FACTORY.createPolygon(built.get(0),
                        built.subList(1, built.size()).toArray(LinearRing[]::new)));
            } else {
                usable = false;
            }
        }
        if (badCount > 0) {
            Coordinate at = mean(usablePositions);
            defects.add(new Defect(DefectKind.COORDINATE_OUT_OF_RANGE, ref, null, at.x, at.y, null,
                    badCount + " of " + positions + " positions cannot be a place in the district; first: " + firstBad,
                    Double.isFinite(at.x) ? ProofGeometry.FACTORY.createPoint(at) : null));
        }
        if (swappedCount > 0) {
            defects.add(new Defect(DefectKind.LAT_LON_SWAPPED, ref, null, firstSwappedAt.x, firstSwappedAt.y, null,
                    swappedCount + " of " + positions + " positions have the latitude first; first: " + firstSwapped,
                    ProofGeometry.FACTORY.createPoint(firstSwappedAt.copy())));
        }
        defects.addAll(ringDefects);
        if (usable && polygons.isEmpty()) {
            defects.add(new Defect(DefectKind.TOO_FEW_POINTS, ref, null, Double.NaN, Double.NaN, null,
                    "the geometry is empty", null));
            usable = false;
        }
        Geometry geometry = !usable ? null
                : polygons.size() == 1 ? polygons.get(0)
                : ProofGeometry.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        return new GridFeature(raw.index(), raw.name(), raw.nameEn(), raw.code(), raw.parent(), geometry, defects);
    }

    private static int distinctCorners(List<Coordinate> closedRing) {
        List<Coordinate> distinct = new ArrayList<>();
        for (int i = 0; i < closedRing.size() - 1; i++) {
            Coordinate c = closedRing.get(i);
            if (distinct.stream().noneMatch(d -> d.equals2D(c))) {
                distinct.add(c);
                if (distinct.size() >= 3) {
                    break;
                }
            }
        }
        return distinct.size();
    }

    private static Coordinate mean(List<Coordinate> coords) {
        if (coords.isEmpty()) {
            return new Coordinate(Double.NaN, Double.NaN);
        }
        double x = 0;
        double y = 0;
        for (Coordinate c : coords) {
            x += c.x;
            y += c.y;
        }
        return new Coordinate(x / coords.size(), y / coords.size());
    }

    // ---------------------------------------------------------------- helpers

    private static GridFile unreadable(String source, Datum datum, String detail) {
        return new GridFile(source, datum, List.of(), List.of(fileDefect(source, detail)));
    }

    private static Defect fileDefect(String source, String detail) {
        return new Defect(DefectKind.UNREADABLE_FILE, "file \"" + source + "\"", null, Double.NaN, Double.NaN,
                null, detail, null);
    }

    /** Jackson's message without its source description and without the location it repeats. */
    private static String jacksonMessage(String message) {
        if (message == null) {
            return "unexpected content";
        }
        String first = message.lines().findFirst().orElse("").strip();
        first = first.replaceAll("\\[Source: [^;\\]]*(\\([^)]*\\))?[^;\\]]*; ", "[");
        return printable(first);
    }

    private static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "unexpected content" : printable(m.lines().findFirst().orElse(m));
    }

    /** Control characters of a binary file would garble the terminal the report is printed on. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 120));
        s.codePoints().limit(120).forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0xFFFD) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (s.codePointCount(0, s.length()) > 120) {
            out.append('…');
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        return printable(s.length() > 60 ? s.substring(0, 57) + "..." : s);
    }

    private static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    // ---------------------------------------------------------------- raw structures

    /** A position as written; {@code bad} names the problem when it was not a pair of numbers. */
    private record RawPos(double x, double y, String bad) {
        static RawPos bad(String problem) {
            return new RawPos(Double.NaN, Double.NaN, problem);
        }
    }

    /** One polygon's rings as written; the first is the shell. */
    private record RawPolygon(List<List<RawPos>> rings) {
    }

    /** A feature before interpretation; {@code polygons} is null when its geometry could not be walked at all. */
    private record RawFeature(int index, String name, String nameEn, String code, String parent,
                              List<RawPolygon> polygons, String problem) {
        static RawFeature broken(int index, String name, String nameEn, String code, String parent, String problem) {
            return new RawFeature(index, name, nameEn, code, parent, null, problem);
        }

        int positionCount() {
            if (polygons == null) {
                return 0;
            }
            int n = 0;
            for (RawPolygon p : polygons) {
                for (List<RawPos> ring : p.rings()) {
                    n += ring.size();
                }
            }
            return n;
        }
    }

    /** Structural trouble while walking a geometry: ends as a defect of that one feature. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    // ---------------------------------------------------------------- CSV

    // ---------------------------------------------------------------- WKT

    /**
     * POLYGON and MULTIPOLYGON text (optionally EWKT's {@code SRID=n;} and a Z/M/ZM tag), walked by hand for
     * the same reason as the GeoJSON: JTS's WKTReader throws on the unclosed rings this reader must report.
     */
    private static final class Wkt {
        private final String s;
        private int pos;

        Wkt(String s) {
            this.s = s.strip();
        }

        List<RawPolygon> parse() {
            if (s.regionMatches(true, 0, "SRID=", 0, 5)) {
                int semicolon = s.indexOf(';');
                if (semicolon < 0) {
                    throw new Malformed("WKT starts with SRID= but has no ';'");
                }
                pos = semicolon + 1;
            }
            String type = word().toUpperCase(Locale.ROOT);
            if (!type.equals("POLYGON") && !type.equals("MULTIPOLYGON")) {
                throw new Malformed(type.isEmpty() ? "the WKT does not start with a geometry type"
                        : "is a " + abbreviate(type) + "; a grid must be a POLYGON or MULTIPOLYGON");
            }
            int mark = pos;
            String tag = word().toUpperCase(Locale.ROOT);
            if (!tag.equals("Z") && !tag.equals("M") && !tag.equals("ZM")) {
                pos = mark;
            }
            mark = pos;
            List<RawPolygon> polygons = new ArrayList<>();
            if (word().equalsIgnoreCase("EMPTY")) {
                end();
                return polygons;
            }
            pos = mark;
            if (type.equals("POLYGON")) {
                polygons.add(polygon());
            } else {
                expect('(');
                do {
                    polygons.add(polygon());
                } while (accept(','));
                expect(')');
            }
            end();
            return polygons;
        }

        private RawPolygon polygon() {
            List<List<RawPos>> rings = new ArrayList<>();
            expect('(');
            do {
                rings.add(ring());
            } while (accept(','));
            expect(')');
            return new RawPolygon(rings);
        }

        private List<RawPos> ring() {
            List<RawPos> positions = new ArrayList<>();
            expect('(');
            do {
                positions.add(position());
            } while (accept(','));
            expect(')');
            return positions;
        }

        private RawPos position() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != ')' && s.charAt(pos) != '(') {
                pos++;
            }
            String text = s.substring(start, pos).strip();
            String[] parts = text.isEmpty() ? new String[0] : text.split("\\s+");
            if (parts.length < 2) {
                if (pos >= s.length() || s.charAt(pos) == '(') {
                    throw new Malformed("the WKT does not parse at character " + (pos + 1) + ": expected a position");
                }
                return RawPos.bad("not a \"longitude latitude\" pair: \"" + abbreviate(text) + "\"");
            }
            try {
                return new RawPos(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), null);
            } catch (NumberFormatException e) {
                return RawPos.bad("not a number: \"" + abbreviate(text) + "\"");
            }
        }

        private String word() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private boolean accept(char ch) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char ch) {
            if (!accept(ch)) {
                throw new Malformed("the WKT does not parse at character " + (pos + 1) + ": expected '" + ch + "'"
                        + (pos < s.length() ? " but found '" + s.charAt(pos) + "'" : " but it ends"));
            }
        }

        private void end() {
            skipSpace();
            if (pos < s.length()) {
                throw new Malformed("the WKT does not parse at character " + (pos + 1) + ": unexpected text after the geometry");
            }
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
