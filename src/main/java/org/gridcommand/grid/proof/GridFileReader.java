package org.gridcommand.grid.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gridcommand.common.CsvText;
import org.gridcommand.common.InputText;
import org.gridcommand.geo.Datum;
import org.gridcommand.grid.proof.FeatureReading.RawFeature;

/**
 * Reads a grid file: a GeoJSON FeatureCollection of Polygon/MultiPolygon features (properties {@code name},
 * {@code name_en}, {@code code}, {@code parent}), or a CSV with a header and a WKT column
 * ({@code name,name_en,code,parent,wkt}; lon lat order), and converts every position from the given datum to
 * WGS-84. A file with its own names for code, name and parent is read with {@link GridFields}.
 *
 * <p>Files drawn by hand or exported from another system are where broken rings come from, and JTS refuses to
 * even build such rings. So the coordinates are walked as plain numbers first (WKT through JTS's WKTReader, see
 * {@link WktShapes}): an unclosed ring, a ring with too few corners, a position that is not a number, out of range
 * or with latitude first all become defects of their feature, never exceptions. The reader's geometry is its best
 * reading of what was meant (see {@link GridFeature#geometry()}) so the later checks still see the grid.
 */
public final class GridFileReader {
    /** The columns a grid CSV's geometry may be in, as GIS tools name it. */
    private static final String[] WKT_COLUMNS = {"wkt", "geometry", "geom", "the_geom", "shape"};
    /** How many property names a message lists when a mapped one is found nowhere. */
    private static final int MAX_LISTED = 20;

    private GridFileReader() {
    }

    /** Reads a file; an IOException only means the file itself could not be read (missing, a folder, no access). */
    public static GridFile read(Path file, Datum datum) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Path name = file.getFileName();
        return read(content, name == null ? file.toString() : name.toString(), datum);
    }

    /** Reads file content written with the console's own property names. */
    public static GridFile read(byte[] content, String source, Datum datum) {
        return read(content, source, datum, GridFields.OURS);
    }

    /**
     * Reads file content; never throws for bad content. The source name picks the format (.csv) and labels
     * messages; {@code fields} says where the file keeps code, name and parent.
     */
    public static GridFile read(byte[] content, String source, Datum datum, GridFields fields) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(datum, "datum");
        Objects.requireNonNull(fields, "fields");
        try {
            InputText input = InputText.decode(content, source);
            List<RawFeature> raws = input.format() == InputText.Format.CSV
                    ? csvFeatures(input.csv(), fields) : jsonFeatures(input.json(), fields);
            return FeatureReading.interpret(source, datum, raws, fields.level());
        } catch (InputText.Unreadable e) {
            return unreadable(source, datum, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug must still end as a defect naming the file, not as a stack trace for a duty officer.
            String m = e.getMessage();
            return unreadable(source, datum, "could not be read: "
                    + (m == null || m.isBlank() ? "unexpected content" : InputText.printable(m.lines().findFirst().orElse(m))));
        }
    }

    // ---------------------------------------------------------------- GeoJSON

    private static List<RawFeature> jsonFeatures(JsonNode root, GridFields fields) throws InputText.Unreadable {
        if (!root.isObject()) {
            throw new InputText.Unreadable("not a GeoJSON FeatureCollection: the top level is "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        String type = root.path("type").asText("");
        List<JsonNode> nodes = new ArrayList<>();
        if (type.equalsIgnoreCase("FeatureCollection")) {
            JsonNode features = root.get("features");
            if (features == null || !features.isArray()) {
                throw new InputText.Unreadable("a FeatureCollection without a \"features\" array");
            }
            features.forEach(nodes::add);
        } else if (type.equalsIgnoreCase("Feature")) {
            nodes.add(root);
        } else {
            throw new InputText.Unreadable("not a GeoJSON FeatureCollection (its type is \"" + abbreviate(type) + "\")");
        }
        PropertyNames seen = new PropertyNames();
        List<RawFeature> raws = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            raws.add(jsonFeature(i + 1, nodes.get(i), fields, seen));
        }
        if (!nodes.isEmpty()) {
            seen.requireMapped(fields);
        }
        return raws;
    }

    private static RawFeature jsonFeature(int index, JsonNode node, GridFields fields, PropertyNames seen) {
        if (!node.isObject()) {
            return RawFeature.broken(index, null, null, null, null, "is not a GeoJSON Feature object");
        }
        Map<String, JsonNode> p = lowerCaseKeys(node.get("properties"));
        seen.add(p.keySet());
        String name = text(seen.lookup(p, fields.nameField()));
        String nameEn = text(p.get("name_en"));
        String code = text(seen.lookup(p, fields.codeField()));
        String parent = text(seen.lookup(p, fields.parentField()));
        JsonNode geometry = node.get("geometry");
        if (geometry == null || geometry.isNull()) {
            return RawFeature.broken(index, name, nameEn, code, parent, "has no geometry");
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.get("coordinates");
        try {
            List<WrittenShape.Part> parts = new ArrayList<>();
            if (type.equalsIgnoreCase("Polygon")) {
                parts.add(jsonPolygon(coordinates));
            } else if (type.equalsIgnoreCase("MultiPolygon")) {
                for (JsonNode polygon : array(coordinates, "the coordinates of a MultiPolygon must be an array of polygons")) {
                    parts.add(jsonPolygon(polygon));
                }
            } else {
                return RawFeature.broken(index, name, nameEn, code, parent, "is a "
                        + (type.isEmpty() ? "geometry without a type" : abbreviate(type))
                        + "; a grid must be a Polygon or MultiPolygon");
            }
            return new RawFeature(index, name, nameEn, code, parent, new WrittenShape(parts), null);
        } catch (WrittenShape.Malformed e) {
            return RawFeature.broken(index, name, nameEn, code, parent, e.getMessage());
        }
    }

    /** Property names in lower case; the exact spelling wins over a differently cased duplicate ("Name" beside "name"). */
    private static Map<String, JsonNode> lowerCaseKeys(JsonNode props) {
        Map<String, JsonNode> p = new LinkedHashMap<>();
        if (props != null && props.isObject()) {
            props.fields().forEachRemaining(e -> {
                String key = e.getKey().toLowerCase(Locale.ROOT);
                if (e.getKey().equals(key)) {
                    p.put(key, e.getValue());
                } else {
                    p.putIfAbsent(key, e.getValue());
                }
            });
        }
        return p;
    }

    private static WrittenShape.Part jsonPolygon(JsonNode polygon) {
        List<List<WrittenShape.Position>> rings = new ArrayList<>();
        for (JsonNode ring : array(polygon, "the coordinates of a Polygon must be an array of rings")) {
            List<WrittenShape.Position> positions = new ArrayList<>();
            for (JsonNode position : array(ring, "a ring must be an array of positions")) {
                positions.add(jsonPosition(position));
            }
            rings.add(positions);
        }
        return new WrittenShape.Part(rings);
    }

    private static Iterable<JsonNode> array(JsonNode node, String otherwise) {
        if (node == null || !node.isArray()) {
            throw new WrittenShape.Malformed(otherwise);
        }
        return node;
    }

    private static WrittenShape.Position jsonPosition(JsonNode position) {
        if (position == null || !position.isArray() || position.size() < 2) {
            return WrittenShape.Position.bad("not a [longitude, latitude] pair: " + abbreviate(String.valueOf(position)));
        }
        JsonNode x = position.get(0);
        JsonNode y = position.get(1);
        if (!x.isNumber() || !y.isNumber()) {
            return WrittenShape.Position.bad("not a number: " + abbreviate(position.toString()));
        }
        return new WrittenShape.Position(x.doubleValue(), y.doubleValue(), null);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * The property names the features have, to look the mapped ones up (a dotted name reaches into an object) and
     * to name what there is when a mapped one is in no feature: a misspelt option must be one sentence, not a
     * defect on every grid.
     */
    private static final class PropertyNames {
        private final Set<String> all = new LinkedHashSet<>();
        private final Set<String> found = new LinkedHashSet<>();

        void add(Set<String> names) {
            all.addAll(names);
        }

        JsonNode lookup(Map<String, JsonNode> properties, String name) {
            JsonNode value = properties.get(name);
            int dot = name.indexOf('.');
            if (value == null && dot > 0) {
                value = properties.get(name.substring(0, dot));
                for (String step : name.substring(dot + 1).split("\\.")) {
                    value = value == null || !value.isObject() ? null : lowerCaseKeys(value).get(step);
                }
            }
            if (value != null && !value.isMissingNode()) {
                found.add(name);
            }
            return value;
        }

        void requireMapped(GridFields fields) throws InputText.Unreadable {
            List<String> missing = new ArrayList<>();
            for (String[] mapped : new String[][] {{fields.code(), "code"}, {fields.name(), "name"},
                    {fields.parent(), "parent"}}) {
                if (mapped[0] != null && !found.contains(mapped[0])) {
                    missing.add("the " + mapped[1] + " property \"" + InputText.printable(mapped[0]) + "\"");
                }
            }
            if (!missing.isEmpty()) {
                throw new InputText.Unreadable(String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " in no feature; "
                        + "the features' properties are: " + listed(all));
            }
        }
    }

    // ---------------------------------------------------------------- CSV

    private static List<RawFeature> csvFeatures(InputText.Csv csv, GridFields fields) throws InputText.Unreadable {
        int wkt = csv.column(WKT_COLUMNS);
        if (wkt < 0) {
            throw new InputText.Unreadable("not a grid CSV: the header (line " + csv.header().line()
                    + ") has no wkt column; columns found: " + csv.writtenHeader());
        }
        int name = mappedColumn(csv, fields.nameField(), fields.name(), "name");
        int nameEn = csv.column("name_en");
        int code = mappedColumn(csv, fields.codeField(), fields.code(), "code");
        int parent = mappedColumn(csv, fields.parentField(), fields.parent(), "parent");
        int columns = csv.names().size();
        List<RawFeature> raws = new ArrayList<>();
        for (CsvText.Row row : csv.rows()) {
            List<String> cells = row.fields();
            int index = raws.size() + 1;
            String wktText = cell(cells, wkt);
            // An unquoted WKT is cut at every comma; when it is the last column, the tail is the rest of it.
            if (wkt == columns - 1 && cells.size() > columns) {
                wktText = String.join(String.valueOf(csv.delimiter()), cells.subList(wkt, cells.size()));
            }
            String n = blankToNull(cell(cells, name));
            String ne = blankToNull(cell(cells, nameEn));
            String c = blankToNull(cell(cells, code));
            String pa = blankToNull(cell(cells, parent));
            if (wktText == null || wktText.isBlank()) {
                raws.add(RawFeature.broken(index, n, ne, c, pa, "has no geometry (line " + row.line() + ")"));
                continue;
            }
            try {
                raws.add(new RawFeature(index, n, ne, c, pa, WktShapes.parse(wktText), null));
            } catch (WrittenShape.Malformed e) {
                raws.add(RawFeature.broken(index, n, ne, c, pa, e.getMessage() + " (line " + row.line() + ")"));
            }
        }
        return raws;
    }

    /** The column of a field; a column named by the caller must be there, ours may be missing (then null cells). */
    private static int mappedColumn(InputText.Csv csv, String column, String mapped, String what)
            throws InputText.Unreadable {
        int i = csv.column(column);
        if (i < 0 && mapped != null) {
            throw new InputText.Unreadable("the header (line " + csv.header().line() + ") has no " + what
                    + " column \"" + InputText.printable(mapped) + "\"; columns found: " + csv.writtenHeader());
        }
        return i;
    }

    private static String cell(List<String> cells, int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- helpers

    private static GridFile unreadable(String source, Datum datum, String detail) {
        return new GridFile(source, datum, List.of(), List.of(fileDefect(source, detail)));
    }

    static Defect fileDefect(String source, String detail) {
        return new Defect(DefectKind.UNREADABLE_FILE, "file \"" + InputText.printable(source) + "\"", null,
                Double.NaN, Double.NaN, null, detail, null);
    }

    private static String listed(Set<String> names) {
        List<String> list = names.stream().limit(MAX_LISTED).map(InputText::printable).toList();
        return (list.isEmpty() ? "none" : String.join(", ", list)) + (names.size() > MAX_LISTED ? ", …" : "");
    }

    private static String abbreviate(String s) {
        return InputText.printable(InputText.abbreviate(s, 60));
    }
}
