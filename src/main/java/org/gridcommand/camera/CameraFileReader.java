package org.gridcommand.camera;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcommand.common.BilingualName;
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
 * Reads and checks a camera registry file: a CSV with a header row, or a JSON array of objects, with the fields
 * {@code id, name_zh, name_en, lon, lat, heading, fov, range, main_url, sub_url, group} and an optional
 * {@code datum} (wgs84, cgcs2000, gcj02, bd09; otherwise the datum given for the whole file). Positions are
 * converted to WGS-84.
 *
 * <p>Every row is checked and every problem is reported with its line (and JSON object), the camera's id and the
 * field, never thrown: an id that is malformed or taken twice, a 20-digit id whose type digits (11-13) are not a
 * camera (131) or IP camera (132), positions out of range, swapped, outside the district (when one is given) or
 * far from the rest of the file, a heading outside 0-360°, a field of view outside (0, 360°], a range not above
 * 0 or beyond 5 km, a stream URL libVLC does not play. Ids that are not 20-digit codes are kept with a warning.
 * Required: id, name_zh, lon, lat, heading, fov, range, main_url; name_en defaults to name_zh and sub_url to
 * main_url. With a district, each camera gets the small grid it stands in ({@link GridLocator}).
 *
 * <p>The file is read as every data file from outside is ({@link InputText}: encoding, format, CSV lines, JSON
 * errors), and positions are judged as a grid file's are ({@link PlausiblePositions}).
 */
public final class CameraFileReader {
    /** A camera does not see farther than this; a larger range is a typo (km for m, an extra zero). */
    public static final double MAX_RANGE_METRES = 5_000;
    /** How far outside the district's bounding box a camera may stand (it may look in from a border road). */
    public static final double DISTRICT_MARGIN_DEG = 0.01;
    /** GB/T 28181 device types (digits 11-13 of the id) that are cameras: 131 camera, 132 IP camera. */
    public static final Set<String> CAMERA_TYPES = Set.of("131", "132");
    /** Schemes libVLC plays (besides a plain file path and the console's own asset: prefix). */
    public static final Set<String> PLAYABLE_SCHEMES = Set.of("rtsp", "rtmp", "http", "https", "udp", "rtp", "file");

    static final int MAX_ID = 40;
    static final int MAX_NAME = 200;
    static final int MAX_GROUP = 100;
    static final int MAX_URL = 1000;

    static final List<String> COLUMNS = List.of("id", "name_zh", "name_en", "lon", "lat", "heading", "fov", "range",
            "main_url", "sub_url", "group", "datum");
    static final List<String> REQUIRED = List.of("id", "name_zh", "lon", "lat", "heading", "fov", "range", "main_url");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("name", "name_zh"), Map.entry("longitude", "lon"), Map.entry("lng", "lon"),
            Map.entry("latitude", "lat"), Map.entry("heading_deg", "heading"), Map.entry("fov_deg", "fov"),
            Map.entry("range_m", "range"), Map.entry("group_code", "group"));

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);
    private static final Pattern ID_CHARS = Pattern.compile("[\\p{L}\\p{N}._:/#-]+");
    private static final String ASSET_SCHEME = "asset";
    private static final String PLAYABLE_TEXT = "rtsp, rtmp, http, https, udp, rtp, file, or a file path";


    private CameraFileReader() {
    }

    /**
     * Reads a file; an IOException only means the file itself could not be read (missing, a folder, no access).
     *
     * @param datum    the datum of rows without a datum of their own
     * @param district the district the cameras must stand in and whose small grids they get; null for none
     */
    public static CameraFile read(Path file, Datum datum, District district) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Path name = file.getFileName();
        return read(content, name == null ? file.toString() : name.toString(), datum, district);
    }

    /** Reads file content; never throws for bad content. The source name picks the format (.csv) and labels messages. */
    public static CameraFile read(byte[] content, String source, Datum datum, District district) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(datum, "datum");
        try {
            InputText input = InputText.decode(content, source);
            List<CameraProblem> problems = new ArrayList<>();
            List<Row> rows = input.format() == InputText.Format.CSV
                    ? csvRows(input.csv(), problems) : jsonRows(input, problems);
            return check(source, datum, district, rows, problems);
        } catch (InputText.Unreadable e) {
            return unreadable(source, datum, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug must still end as a problem naming the file, not as a stack trace for a duty officer.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return unreadable(source, datum, "could not be read: " + message.lines().findFirst().orElse(message));
        }
    }

    // ---------------------------------------------------------------- rows

    private static CameraFile unreadable(String source, Datum datum, String detail) {
        return new CameraFile(source, datum, 0, List.of(), List.of(new CameraProblem(CameraProblemKind.UNREADABLE_FILE,
                "file \"" + printable(source) + "\"", 0, null, null, detail)));
    }

    private static String canonical(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(key, key);
    }

    private static List<Row> csvRows(InputText.Csv csv, List<CameraProblem> problems) {
        return RegisterRows.fromCsv(csv, COLUMNS, REQUIRED, CameraFileReader::canonical, "a camera column",
                new RegisterRows.HeaderProblems() {
                    @Override
                    public void missing(int line, String detail) {
                        problems.add(new CameraProblem(CameraProblemKind.MISSING_COLUMN, "line " + line, line, null,
                                null, detail));
                    }

                    @Override
                    public void unknown(int line, String column, String detail) {
                        problems.add(new CameraProblem(CameraProblemKind.UNKNOWN_COLUMN, "line " + line, line, null,
                                column, detail));
                    }

                    @Override
                    public void twice(int line, String column) {
                        problems.add(new CameraProblem(CameraProblemKind.BAD_ROW, "line " + line, line, null, column,
                                "the column appears twice in the header"));
                    }
                });
    }

    private static List<Row> jsonRows(InputText input, List<CameraProblem> problems) throws InputText.Unreadable {
        List<Row> rows = new ArrayList<>();
        Set<String> unknownSeen = new LinkedHashSet<>();
        try (JsonParser p = input.jsonParser()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InputText.Unreadable("the file is empty");
            }
            if (t != JsonToken.START_ARRAY) {
                throw new InputText.Unreadable("not a camera list: the top level is " + (t == JsonToken.START_OBJECT
                        ? "an object" : "a single value") + ", not an array of camera objects");
            }
            int index = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new InputText.Unreadable("the array is never closed");
                }
                index++;
                int line = p.currentTokenLocation().getLineNr();
                String where = "object #" + index + ", line " + line;
                JsonNode node = InputText.treeAt(p);
                Map<String, String> values = new HashMap<>();
                Map<String, String> malformed = new LinkedHashMap<>();
                if (node == null || !node.isObject()) {
                    malformed.put("", "is not a camera object but " + kindOf(node));
                    rows.add(new Row(line, where, values, malformed));
                    continue;
                }
                node.fields().forEachRemaining(e -> {
                    String field = canonical(e.getKey());
                    JsonNode v = e.getValue();
                    if (!COLUMNS.contains(field)) {
                        if (unknownSeen.add(field)) {
                            problems.add(new CameraProblem(CameraProblemKind.UNKNOWN_COLUMN, where, line, null,
                                    printable(e.getKey()), "not a camera field (ignored wherever it appears); "
                                    + "the fields are " + String.join(", ", COLUMNS)));
                        }
                        return;
                    }
                    if (v.isContainerNode()) {
                        malformed.put(field, "must be a single value, not " + kindOf(v));
                    } else if (field.equals("id") && v.isFloatingPointNumber()) {
                        malformed.put(field, "is a decimal number (" + v.asText() + "); write the id as a string");
                    } else if (!v.isNull()) {
                        String s = v.asText().strip();
                        if (!s.isEmpty()) {
                            values.put(field, s);
                        }
                    }
                });
                rows.add(new Row(line, where, values, malformed));
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new InputText.Unreadable("content after the end of the array at line "
                        + p.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw InputText.notJson(e);
        } catch (IOException e) {
            throw new InputText.Unreadable("not valid JSON: " + e.getMessage());
        }
        return rows;
    }

    private static String kindOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- checks

    /** A row that passed its own checks, before the checks across rows. */
    private record Good(Row row, Camera camera) {
    }

    private static CameraFile check(String source, Datum datum, District district, List<Row> rows,
                                    List<CameraProblem> problems) {
        Envelope bounds = null;
        GridLocator locator = null;
        if (district != null && district.outline() != null && !district.outline().isEmpty()) {
            bounds = new Envelope(district.outline().getEnvelopeInternal());
            bounds.expandBy(DISTRICT_MARGIN_DEG);
            locator = new GridLocator(district);
        }
        Expected aroundTheFile = bounds == null ? aroundTheFile(rows) : null;
        if (rows.isEmpty() && problems.stream().noneMatch(p -> p.kind() == CameraProblemKind.MISSING_COLUMN)) {
            problems.add(new CameraProblem(CameraProblemKind.UNREADABLE_FILE, "file \"" + printable(source) + "\"", 0,
                    null, null, "holds no cameras"));
        }
        List<Good> goods = new ArrayList<>();
        Map<String, Row> byId = new HashMap<>();
        for (Row row : rows) {
            RowCheck c = new RowCheck(row, problems);
            Good good = c.check(datum, bounds, aroundTheFile);
            String id = row.value("id");
            if (id != null) {
                Row first = byId.putIfAbsent(id, row);
                if (first != null) {
                    c.error(CameraProblemKind.DUPLICATE_ID, "id", "the same id as " + first.where());
                    good = null;
                }
            }
            if (good != null && c.ok) {
                goods.add(good);
            }
        }
        List<Camera> cameras = new ArrayList<>(goods.size());
        for (Good g : goods) {
            Camera camera = g.camera();
            if (locator != null) {
                SmallGrid grid = locator.locate(camera.position().lon(), camera.position().lat()).orElse(null);
                if (grid == null) {
                    problems.add(new CameraProblem(CameraProblemKind.OUTSIDE_GRIDS, g.row().where(), g.row().line(),
                            camera.id(), "lon, lat", "stands in no small grid of the district (stored without one) at "
                            + coordinate(camera.position().lon()) + ", " + coordinate(camera.position().lat())));
                } else {
                    camera = withGrid(camera, grid.code().value());
                }
            }
            cameras.add(camera);
        }
        List<CameraProblem> ordered = new ArrayList<>(problems);
        ordered.sort(Comparator.comparingInt(CameraProblem::line)); // stable: a row's problems keep their order
        return new CameraFile(source, datum, rows.size(), cameras, ordered);
    }

    private static Camera withGrid(Camera c, String smallGridCode) {
        return new Camera(c.id(), c.name(), c.position(), c.headingDeg(), c.fovDeg(), c.rangeMetres(),
                c.mainStreamUrl(), c.subStreamUrl(), c.group(), smallGridCode);
    }

    /** Without a district: near the median of the positions the rows give (as written). */
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
        private final List<CameraProblem> out;
        private final String id;
        boolean ok = true;

        RowCheck(Row row, List<CameraProblem> out) {
            this.row = row;
            this.out = out;
            this.id = row.value("id");
        }

        void error(CameraProblemKind kind, String field, String detail) {
            if (!kind.warning()) {
                ok = false;
            }
            out.add(new CameraProblem(kind, row.where(), row.line(), id, field, detail));
        }

        Good check(Datum fileDatum, Envelope bounds, Expected aroundTheFile) {
            if (row.malformed().containsKey("")) {
                error(CameraProblemKind.BAD_ROW, null, row.malformed().get(""));
                return null;
            }
            row.malformed().forEach((field, why) ->
                    error(field.equals("id") ? CameraProblemKind.BAD_ID : CameraProblemKind.BAD_ROW, field, why));
            checkId();
            String nameZh = text("name_zh", MAX_NAME, true);
            String nameEn = text("name_en", MAX_NAME, false);
            Datum datum = datum(fileDatum);
            Double lon = number("lon");
            Double lat = number("lat");
            GeoPoint position = lon == null || lat == null || datum == null ? null
                    : position(lon, lat, datum, bounds != null ? inDistrict(datum, bounds) : aroundTheFile);
            Double heading = number("heading");
            if (heading != null && (heading < 0 || heading > 360)) {
                error(CameraProblemKind.BAD_HEADING, "heading", "must be from 0° to 360° (0 = north, clockwise), not "
                        + raw("heading"));
            }
            Double fov = number("fov");
            if (fov != null && (fov <= 0 || fov > 360)) {
                error(CameraProblemKind.BAD_FOV, "fov", "must be more than 0° and at most 360°, not " + raw("fov"));
            }
            Double range = number("range");
            if (range != null && range <= 0) {
                error(CameraProblemKind.BAD_RANGE, "range", "must be more than 0 m, not " + raw("range"));
            } else if (range != null && range > MAX_RANGE_METRES) {
                error(CameraProblemKind.BAD_RANGE, "range", raw("range") + " m is beyond "
                        + (int) (MAX_RANGE_METRES / 1000) + " km: no camera sees that far (kilometres for metres?)");
            }
            String main = url("main_url", true);
            String sub = url("sub_url", false);
            String group = text("group", MAX_GROUP, false);
            if (!ok) {
                return null;
            }
            Camera camera = new Camera(id, new BilingualName(nameZh, nameEn == null ? nameZh : nameEn), position,
                    heading == 360 ? 0 : heading, fov, range, main, sub == null ? main : sub, group, null);
            return new Good(row, camera);
        }

        private void checkId() {
            if (row.malformed().containsKey("id")) {
                return;
            }
            if (id == null) {
                error(CameraProblemKind.MISSING_FIELD, "id", "no id");
                return;
            }
            if (id.length() > MAX_ID) {
                error(CameraProblemKind.FIELD_TOO_LONG, "id", id.length() + " characters; the store keeps " + MAX_ID);
                return;
            }
            if (!ID_CHARS.matcher(id).matches()) {
                error(CameraProblemKind.BAD_ID, "id", "\"" + printable(id) + "\" has spaces or other characters "
                        + "an id must not have (letters, digits and . _ : / # - only)");
                return;
            }
            if (Camera.isGbt28181Id(id)) {
                String type = id.substring(10, 13);
                if (!CAMERA_TYPES.contains(type)) {
                    error(CameraProblemKind.BAD_ID, "id", "a 20-digit id is a GB/T 28181 code, and its device type "
                            + "(digits 11-13) is " + type + ", not a camera (131) or IP camera (132)");
                }
            } else if (id.chars().allMatch(ch -> ch >= '0' && ch <= '9') && id.length() >= 17 && id.length() <= 23) {
                error(CameraProblemKind.NOT_GBT28181_ID, "id", "not a GB/T 28181 code: " + id.length()
                        + " digits where a code has 20 (kept as given)");
            } else {
                error(CameraProblemKind.NOT_GBT28181_ID, "id", "not a GB/T 28181 code (20 digits); kept as given");
            }
        }

        private String raw(String field) {
            return "\"" + abbreviate(printable(row.value(field))) + "\"";
        }

        private String text(String field, int max, boolean required) {
            String v = row.value(field);
            if (v == null) {
                if (required && !row.malformed().containsKey(field)) {
                    error(CameraProblemKind.MISSING_FIELD, field, "no value");
                }
                return null;
            }
            if (v.length() > max) {
                error(CameraProblemKind.FIELD_TOO_LONG, field, v.length() + " characters; the store keeps " + max);
                return null;
            }
            if (v.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)) {
                error(CameraProblemKind.BAD_ROW, field, "holds control characters (a line break?)");
                return null;
            }
            return v;
        }

        private Double number(String field) {
            String v = row.value(field);
            if (v == null) {
                if (!row.malformed().containsKey(field)) {
                    error(CameraProblemKind.MISSING_FIELD, field, "no value");
                }
                return null;
            }
            if (!NUMBER.matcher(v).matches()) {
                error(CameraProblemKind.NOT_A_NUMBER, field, raw(field) + " is not a decimal number");
                return null;
            }
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                error(CameraProblemKind.NOT_A_NUMBER, field, raw(field) + " is too large");
                return null;
            }
            return d;
        }

        private Datum datum(Datum fileDatum) {
            String v = row.value("datum");
            if (v == null) {
                return fileDatum;
            }
            try {
                return Datum.parse(v);
            } catch (IllegalArgumentException e) {
                error(CameraProblemKind.BAD_DATUM, "datum", e.getMessage());
                return null;
            }
        }

        private GeoPoint position(double lon, double lat, Datum datum, Expected expected) {
            String ref = "lon " + raw("lon") + ", lat " + raw("lat");
            Check check = PlausiblePositions.check(lon, lat, expected);
            switch (check.verdict()) {
                case PLAUSIBLE -> {
                    return ChinaDatums.toWgs84(lon, lat, datum);
                }
                case SWAPPED -> error(CameraProblemKind.LAT_LON_SWAPPED, "lon, lat",
                        ref + ": latitude and longitude look swapped");
                case LATITUDE_BEYOND_90 -> error(CameraProblemKind.COORDINATE_OUT_OF_RANGE, "lat", ref + ": " + check.reason());
                case LONGITUDE_BEYOND_180 -> error(CameraProblemKind.COORDINATE_OUT_OF_RANGE, "lon", ref + ": " + check.reason());
                default -> error(CameraProblemKind.COORDINATE_OUT_OF_RANGE, "lon, lat", ref + ": " + check.reason());
            }
            return null;
        }

        /** Inside the district's box with its margin, once the position is converted from the row's datum. */
        private static Expected inDistrict(Datum datum, Envelope bounds) {
            return new Expected((lon, lat) -> {
                GeoPoint p = ChinaDatums.toWgs84(lon, lat, datum);
                return bounds.contains(p.lon(), p.lat());
            }, String.format(Locale.ROOT,
                    "outside the district (%.4f to %.4f E, %.4f to %.4f N, WGS-84, with a margin of %.2f°)",
                    bounds.getMinX() + DISTRICT_MARGIN_DEG, bounds.getMaxX() - DISTRICT_MARGIN_DEG,
                    bounds.getMinY() + DISTRICT_MARGIN_DEG, bounds.getMaxY() - DISTRICT_MARGIN_DEG,
                    DISTRICT_MARGIN_DEG));
        }

        private String url(String field, boolean required) {
            String v = text(field, MAX_URL, required);
            if (v == null) {
                return null;
            }
            String why = unplayable(v);
            if (why != null) {
                error(CameraProblemKind.BAD_URL, field, "\"" + abbreviate(printable(v)) + "\" " + why);
                return null;
            }
            return v;
        }
    }

    /**
     * Why libVLC would not play the URL, or null when it is something it plays: a URL with one of
     * {@link #PLAYABLE_SCHEMES} and a host (udp and rtp may listen on any address, {@code udp://@:1234}), a
     * {@code file:///} URL, the console's {@code asset:} path, or a plain file path (absolute, relative or Windows).
     */
    public static String unplayable(String url) {
        Objects.requireNonNull(url, "url");
        String u = url.strip();
        if (u.isEmpty()) {
            return "is empty";
        }
        Matcher m = SCHEME.matcher(u);
        if (!m.matches()) {
            return null; // a path
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        if (scheme.length() == 1 && (rest.startsWith("\\") || rest.startsWith("/"))) {
            return null; // C:\clips\gate.mp4
        }
        if (scheme.equals(ASSET_SCHEME)) {
            return rest.isBlank() ? "names no asset" : null;
        }
        if (!PLAYABLE_SCHEMES.contains(scheme)) {
            return "has the scheme \"" + printable(scheme) + ":\", which libVLC does not play (" + PLAYABLE_TEXT + ")";
        }
        if (u.chars().anyMatch(Character::isWhitespace)) {
            return "holds a space (percent-encode it as %20)";
        }
        if (!rest.startsWith("//")) {
            return "needs \"//\" after \"" + scheme + ":\"";
        }
        String afterSlashes = rest.substring(2);
        if (scheme.equals("file")) {
            return afterSlashes.startsWith("/") || afterSlashes.startsWith("localhost/")
                    ? null : "is not a file URL with an absolute path (file:///path)";
        }
        int end = afterSlashes.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int i = afterSlashes.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = afterSlashes.substring(0, end);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        boolean listens = scheme.equals("udp") || scheme.equals("rtp");
        String host = hostPort;
        String port = null;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && colon > hostPort.lastIndexOf(']')) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        if (host.isEmpty() && !(listens && authority.contains("@"))) {
            return "has no host";
        }
        if (port != null && !(port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535)) {
            return "has the port \"" + printable(port) + "\", not a number from 1 to 65535";
        }
        return null;
    }

    // ---------------------------------------------------------------- text

    static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.7f", degrees);
    }

    /** Text of the file for a one-line message (see {@link InputText#printable}). */
    static String printable(String text) {
        return InputText.printable(text);
    }

    static String abbreviate(String text) {
        return InputText.abbreviate(text, 80);
    }

}
