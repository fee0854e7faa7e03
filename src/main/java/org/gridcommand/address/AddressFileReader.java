package org.gridcommand.address;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridcommand.common.InputText;
import org.gridcommand.common.RegisterRows;
import org.gridcommand.common.RegisterRows.Row;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.geo.PlausiblePositions;
import org.gridcommand.geo.PlausiblePositions.Check;
import org.gridcommand.geo.PlausiblePositions.Expected;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridLocator;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads and checks a standard address register: a CSV with a header row, or a GeoJSON FeatureCollection of
 * points, with the fields {@code code, kind, name, town, road, number, compound, building, unit, poi, lon, lat,
 * datum, grid} (GeoJSON takes lon and lat from the point). {@code kind} is road, house, compound, building, unit or
 * poi (or 道路, 门牌, 小区, 楼栋, 单元, 兴趣点); {@code name} defaults to the parts joined as a door plate reads.
 *
 * <p>Every row is checked and every problem is named with its place, never thrown: a code malformed or taken
 * twice, an unknown kind, a kind without its parts (a house with no road or number), a number no door plate has,
 * two entries with the same full address, positions out of range, swapped or outside the district, a point in no
 * small grid, a grid code that is not the point's grid (a warning; the point's grid is taken). With a district,
 * each address gets the small grid it lies in.
 */
public final class AddressFileReader {
    /** How far outside the district's box a point may lie before it is "elsewhere" rather than "outside the grids". */
    static final double DISTRICT_MARGIN_DEG = 0.01;
    static final int MAX_CODE = 40;
    static final int MAX_PART = 100;
    static final int MAX_NAME = 200;

    static final List<String> COLUMNS = List.of("code", "kind", "name", "town", "road", "number", "compound",
            "building", "unit", "poi", "lon", "lat", "datum", "grid");
    private static final List<String> REQUIRED_CSV = List.of("code", "kind", "lon", "lat");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("address_code", "code"), Map.entry("full_name", "name"), Map.entry("address", "name"),
            Map.entry("street", "town"), Map.entry("house_number", "number"), Map.entry("longitude", "lon"),
            Map.entry("lng", "lon"), Map.entry("latitude", "lat"), Map.entry("small_grid", "grid"),
            Map.entry("grid_code", "grid"));
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:-]+");
    /** House numbers as plates write them: 28, 28-1, 28之1, 28A. */
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d{1,5}([-之]\\d{1,4})?[A-Za-z]?");
    /** Building and unit numbers: digits, or a letter with optional digits (A, B2). */
    private static final Pattern BUILDING_NUMBER = Pattern.compile("\\d{1,4}|[A-Za-z]\\d{0,3}");

    private AddressFileReader() {
    }

    /** Reads a file; an IOException only means the file itself could not be read (missing, a folder, no access). */
    public static AddressFile read(Path file, Datum datum, District district) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Path name = file.getFileName();
        return read(content, name == null ? file.toString() : name.toString(), datum, district);
    }

    /**
     * Reads file content; never throws for bad content. The source name picks the format (.csv) and labels messages.
     *
     * @param datum    the datum of rows without one of their own
     * @param district the district the addresses must lie in and whose small grids they get; null for none
     */
    public static AddressFile read(byte[] content, String source, Datum datum, District district) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(datum, "datum");
        try {
            InputText input = InputText.decode(content, source);
            List<AddressProblem> problems = new ArrayList<>();
            List<Row> rows = input.format() == InputText.Format.CSV
                    ? csvRows(input.csv(), problems) : featureRows(input.json(), problems);
            return check(source, datum, district, rows, problems);
        } catch (InputText.Unreadable e) {
            return unreadable(source, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug must still end as a problem naming the file, not as a stack trace for a duty officer.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return unreadable(source, "could not be read: " + message.lines().findFirst().orElse(message));
        }
    }

    private static AddressFile unreadable(String source, String detail) {
        return new AddressFile(source, 0, List.of(), List.of(new AddressProblem(AddressProblemKind.UNREADABLE_FILE,
                "file \"" + InputText.printable(source) + "\"", 0, null, null, detail)));
    }

    private static String canonical(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(key, key);
    }

    private static List<Row> csvRows(InputText.Csv csv, List<AddressProblem> problems) {
        return RegisterRows.fromCsv(csv, COLUMNS, REQUIRED_CSV, AddressFileReader::canonical, "an address column",
                new RegisterRows.HeaderProblems() {
                    @Override
                    public void missing(int line, String detail) {
                        problems.add(new AddressProblem(AddressProblemKind.MISSING_COLUMN, "line " + line, line, null,
                                null, detail));
                    }

                    @Override
                    public void unknown(int line, String column, String detail) {
                        problems.add(new AddressProblem(AddressProblemKind.UNKNOWN_COLUMN, "line " + line, line, null,
                                column, detail));
                    }

                    @Override
                    public void twice(int line, String column) {
                        problems.add(new AddressProblem(AddressProblemKind.BAD_ROW, "line " + line, line, null,
                                column, "the column appears twice in the header"));
                    }
                });
    }

    private static List<Row> featureRows(JsonNode root, List<AddressProblem> problems) throws InputText.Unreadable {
        if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new InputText.Unreadable("not a GeoJSON FeatureCollection of address points");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new InputText.Unreadable("the FeatureCollection has no \"features\" array");
        }
        List<Row> rows = new ArrayList<>();
        Set<String> unknownSeen = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode feature : features) {
            index++;
            String where = "feature #" + index;
            Map<String, String> values = new HashMap<>();
            Map<String, String> malformed = new LinkedHashMap<>();
            JsonNode geometry = feature.path("geometry");
            JsonNode coordinates = geometry.path("coordinates");
            if (!"Point".equals(geometry.path("type").asText())) {
                malformed.put("", "is not a point feature (geometry " + InputText.printable(
                        geometry.isMissingNode() || geometry.isNull() ? "missing" : geometry.path("type").asText())
                        + ")");
            } else if (!coordinates.isArray() || coordinates.size() < 2) {
                malformed.put("", "has a point without two coordinates");
            } else {
                values.put("lon", coordinates.get(0).asText());
                values.put("lat", coordinates.get(1).asText());
            }
            JsonNode properties = feature.path("properties");
            final int featureIndex = index;
            properties.fields().forEachRemaining(e -> {
                String field = canonical(e.getKey());
                JsonNode v = e.getValue();
                if (!COLUMNS.contains(field) || field.equals("lon") || field.equals("lat")) {
                    if (unknownSeen.add(field)) {
                        problems.add(new AddressProblem(AddressProblemKind.UNKNOWN_COLUMN, where, featureIndex, null,
                                InputText.printable(e.getKey()), "not an address property (ignored wherever it "
                                + "appears); the properties are " + String.join(", ", COLUMNS.subList(0, 10))
                                + ", datum, grid"));
                    }
                } else if (v.isContainerNode()) {
                    malformed.put(field, "must be a single value, not " + (v.isArray() ? "an array" : "an object"));
                } else if (!v.isNull() && !v.asText().isBlank()) {
                    values.put(field, v.asText().strip());
                }
            });
            rows.add(new Row(index, where, values, malformed));
        }
        return rows;
    }

    // ---------------------------------------------------------------- checks

    private static AddressFile check(String source, Datum datum, District district, List<Row> rows,
                                     List<AddressProblem> problems) {
        Envelope bounds = null;
        GridLocator locator = null;
        if (district != null && district.outline() != null && !district.outline().isEmpty()) {
            bounds = new Envelope(district.outline().getEnvelopeInternal());
            bounds.expandBy(DISTRICT_MARGIN_DEG);
            locator = new GridLocator(district);
        }
        Expected expected = bounds == null ? aroundTheFile(rows) : inDistrict(bounds);
        if (rows.isEmpty() && problems.stream().noneMatch(p -> p.kind() == AddressProblemKind.MISSING_COLUMN)) {
            problems.add(new AddressProblem(AddressProblemKind.UNREADABLE_FILE, "file \""
                    + InputText.printable(source) + "\"", 0, null, null, "holds no addresses"));
        }
        List<StandardAddress> addresses = new ArrayList<>();
        Map<String, Row> byCode = new HashMap<>();
        Map<String, Row> byName = new HashMap<>();
        for (Row row : rows) {
            RowCheck c = new RowCheck(row, problems);
            StandardAddress address = c.check(datum, expected);
            String code = row.value("code");
            if (code != null) {
                Row first = byCode.putIfAbsent(code, row);
                if (first != null) {
                    c.problem(AddressProblemKind.DUPLICATE_CODE, "code", "the same code as " + first.where());
                }
            }
            if (address != null) {
                Row first = byName.putIfAbsent(address.name(), row);
                if (first != null) {
                    c.problem(AddressProblemKind.DUPLICATE_ADDRESS, "name", "the same address as " + first.where()
                            + ": " + InputText.printable(address.name()));
                }
            }
            if (address == null || !c.ok) {
                continue;
            }
            if (locator != null) {
                address = withGrid(address, row, locator, c);
                if (address == null) {
                    continue;
                }
            }
            addresses.add(address);
        }
        List<AddressProblem> ordered = new ArrayList<>(problems);
        ordered.sort(Comparator.comparingInt(AddressProblem::line)); // stable: a row's problems keep their order
        return new AddressFile(source, rows.size(), addresses, ordered);
    }

    private static StandardAddress withGrid(StandardAddress address, Row row, GridLocator locator, RowCheck c) {
        SmallGrid grid = locator.locate(address.point().lon(), address.point().lat()).orElse(null);
        if (grid == null) {
            c.problem(AddressProblemKind.OUTSIDE_GRIDS, "lon, lat", "lies in no small grid of the district at "
                    + coordinate(address.point().lon()) + ", " + coordinate(address.point().lat()));
            return null;
        }
        String written = row.value("grid");
        String actual = grid.code().value();
        if (written != null && !written.equals(actual)) {
            c.problem(AddressProblemKind.GRID_MISMATCH, "grid", "the file says " + InputText.printable(written)
                    + " but the point lies in " + actual + " (" + grid.name().zh() + "); " + actual + " is taken");
        }
        return address.withSmallGrid(actual);
    }

    private static Expected inDistrict(Envelope bounds) {
        return new Expected((lon, lat) -> bounds.contains(lon, lat), String.format(Locale.ROOT,
                "outside the district (%.4f to %.4f E, %.4f to %.4f N, with a margin of %.2f°)",
                bounds.getMinX() + DISTRICT_MARGIN_DEG, bounds.getMaxX() - DISTRICT_MARGIN_DEG,
                bounds.getMinY() + DISTRICT_MARGIN_DEG, bounds.getMaxY() - DISTRICT_MARGIN_DEG, DISTRICT_MARGIN_DEG));
    }

    private static Expected aroundTheFile(List<Row> rows) {
        List<double[]> positions = new ArrayList<>();
        for (Row row : rows) {
            String lon = row.value("lon");
            String lat = row.value("lat");
            if (lon != null && lat != null && NUMBER.matcher(lon).matches() && NUMBER.matcher(lat).matches()) {
                positions.add(new double[] {Double.parseDouble(lon), Double.parseDouble(lat)});
            }
        }
        return Expected.aroundMedian(positions.stream().mapToDouble(p -> p[0]).toArray(),
                positions.stream().mapToDouble(p -> p[1]).toArray());
    }

    /** The checks of one row, collecting its problems. */
    private static final class RowCheck {
        private final Row row;
        private final List<AddressProblem> out;
        private final String code;
        boolean ok = true;

        RowCheck(Row row, List<AddressProblem> out) {
            this.row = row;
            this.out = out;
            this.code = row.value("code");
        }

        void problem(AddressProblemKind kind, String field, String detail) {
            if (!kind.warning()) {
                ok = false;
            }
            out.add(new AddressProblem(kind, row.where(), row.line(), code, field, detail));
        }

        StandardAddress check(Datum fileDatum, Expected expected) {
            if (row.malformed().containsKey("")) {
                problem(AddressProblemKind.BAD_ROW, null, row.malformed().get(""));
                return null;
            }
            row.malformed().forEach((field, why) -> problem(AddressProblemKind.BAD_ROW, field, why));
            checkCode();
            AddressKind kind = kind();
            String town = text("town", MAX_PART);
            String road = text("road", MAX_PART);
            String number = numberPart("number", HOUSE_NUMBER, "a house number as plates write it (28, 28-1, 28A)");
            String compound = text("compound", MAX_PART);
            String building = numberPart("building", BUILDING_NUMBER, "a building number (3, A, B2)");
            String unit = numberPart("unit", BUILDING_NUMBER, "a unit number (2, A)");
            String poi = text("poi", MAX_PART);
            if (kind != null) {
                // Judged on what is written: a part that is there but malformed has its own problem already.
                requireParts(kind, row.value("road"), row.value("number"), row.value("compound"),
                        row.value("building"), row.value("unit"), row.value("poi"));
            }
            String name = text("name", MAX_NAME);
            if (name == null) {
                name = StandardAddress.composeName(town, road, number, compound, building, unit, poi);
            }
            Datum datum = datum(fileDatum);
            Double lon = coordinate("lon");
            Double lat = coordinate("lat");
            GeoPoint point = lon == null || lat == null || datum == null ? null : position(lon, lat, datum, expected);
            if (!ok || kind == null || point == null || name.isEmpty()) {
                return null;
            }
            return new StandardAddress(code, kind, name, town, road, number, compound, building, unit, poi, point,
                    null);
        }

        private void checkCode() {
            if (code == null) {
                if (!row.malformed().containsKey("code")) {
                    problem(AddressProblemKind.MISSING_FIELD, "code", "no value");
                }
            } else if (code.length() > MAX_CODE) {
                problem(AddressProblemKind.FIELD_TOO_LONG, "code", code.length() + " characters; the store keeps "
                        + MAX_CODE);
            } else if (!CODE.matcher(code).matches()) {
                problem(AddressProblemKind.BAD_CODE, "code", "\"" + InputText.printable(code) + "\" has spaces or "
                        + "other characters a code must not have (letters, digits and . _ : - only)");
            }
        }

        private AddressKind kind() {
            String v = row.value("kind");
            if (v == null) {
                if (!row.malformed().containsKey("kind")) {
                    problem(AddressProblemKind.MISSING_FIELD, "kind", "no value");
                }
                return null;
            }
            return AddressKind.parse(v).orElseGet(() -> {
                problem(AddressProblemKind.BAD_KIND, "kind", "\"" + InputText.abbreviate(InputText.printable(v), 40)
                        + "\" is not a kind of address (road, house, compound, building, unit, poi)");
                return null;
            });
        }

        private void requireParts(AddressKind kind, String road, String number, String compound, String building,
                                  String unit, String poi) {
            List<String> lacking = new ArrayList<>();
            switch (kind) {
                case ROAD -> need(lacking, road, "road");
                case HOUSE -> {
                    need(lacking, road, "road");
                    need(lacking, number, "number");
                }
                case COMPOUND -> need(lacking, compound, "compound");
                case BUILDING -> {
                    need(lacking, building, "building");
                    if (compound == null && (road == null || number == null)) {
                        lacking.add("compound (or road and number)");
                    }
                }
                case UNIT -> {
                    need(lacking, building, "building");
                    need(lacking, unit, "unit");
                }
                case POI -> need(lacking, poi, "poi");
            }
            if (!lacking.isEmpty()) {
                problem(AddressProblemKind.MISSING_PART, String.join(", ", lacking), "a " + kind.lowerName()
                        + " address needs its " + String.join(" and ", lacking));
            }
        }

        private void need(List<String> lacking, String value, String field) {
            if (value == null && !row.malformed().containsKey(field)) {
                lacking.add(field);
            }
        }

        private String text(String field, int max) {
            String v = row.value(field);
            if (v == null) {
                return null;
            }
            if (v.length() > max) {
                problem(AddressProblemKind.FIELD_TOO_LONG, field, v.length() + " characters; the store keeps " + max);
                return null;
            }
            if (v.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)) {
                problem(AddressProblemKind.BAD_ROW, field, "holds control characters (a line break?)");
                return null;
            }
            return v;
        }

        private String numberPart(String field, Pattern shape, String expected) {
            String v = text(field, MAX_PART);
            if (v == null) {
                return null;
            }
            // Plates and spreadsheets add the unit word or write full-width digits: 28号, ３栋.
            String n = java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFKC)
                    .replaceFirst("(号|栋|幢|座|单元)$", "").strip();
            if (!shape.matcher(n).matches()) {
                problem(AddressProblemKind.BAD_NUMBER, field, "\"" + InputText.abbreviate(InputText.printable(v), 40)
                        + "\" is not " + expected);
                return null;
            }
            return n;
        }

        private Double coordinate(String field) {
            String v = row.value(field);
            if (v == null) {
                if (!row.malformed().containsKey(field)) {
                    problem(AddressProblemKind.MISSING_FIELD, field, "no value");
                }
                return null;
            }
            if (!NUMBER.matcher(v).matches() || !Double.isFinite(Double.parseDouble(v))) {
                problem(AddressProblemKind.NOT_A_NUMBER, field, "\"" + InputText.abbreviate(InputText.printable(v), 40)
                        + "\" is not a decimal number");
                return null;
            }
            return Double.parseDouble(v);
        }

        private Datum datum(Datum fileDatum) {
            String v = row.value("datum");
            if (v == null) {
                return fileDatum;
            }
            try {
                return Datum.parse(v);
            } catch (IllegalArgumentException e) {
                problem(AddressProblemKind.BAD_DATUM, "datum", e.getMessage());
                return null;
            }
        }

        private GeoPoint position(double lon, double lat, Datum datum, Expected expected) {
            String ref = "lon " + row.value("lon") + ", lat " + row.value("lat");
            Check check = PlausiblePositions.check(lon, lat, expected);
            switch (check.verdict()) {
                case PLAUSIBLE -> {
                    return ChinaDatums.toWgs84(lon, lat, datum);
                }
                case SWAPPED -> problem(AddressProblemKind.LAT_LON_SWAPPED, "lon, lat",
                        ref + ": latitude and longitude look swapped");
                case LATITUDE_BEYOND_90 -> problem(AddressProblemKind.COORDINATE_OUT_OF_RANGE, "lat",
                        ref + ": " + check.reason());
                case LONGITUDE_BEYOND_180 -> problem(AddressProblemKind.COORDINATE_OUT_OF_RANGE, "lon",
                        ref + ": " + check.reason());
                default -> problem(AddressProblemKind.COORDINATE_OUT_OF_RANGE, "lon, lat", ref + ": " + check.reason());
            }
            return null;
        }
    }

    static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.7f", degrees);
    }
}
