package org.gridcommand.ui.map.tiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridcommand.geo.Datum;

/**
 * The optional base map of a seat, described by {@code tiles.json} in its data folder. Either an offline file
 * <pre>{"type": "mbtiles", "path": "tiles/xiangzhou.mbtiles", "datum": "gcj02"}</pre>
 * (path relative to the data folder; name, zoom range and attribution default to the file's metadata) or
 * an online XYZ server
 * <pre>{"type": "xyz", "template": "https://{s}.example.org/{z}/{x}/{y}.png", "subdomains": ["a", "b"],
 *  "datum": "wgs84", "minZoom": 0, "maxZoom": 18, "attribution": "© …", "cacheTiles": 128, "timeoutMillis": 5000}</pre>
 * {@code datum} is wgs84 (also cgcs2000), gcj02 or bd09; it defaults to wgs84. No file means no base map:
 * the vector grid map stands alone, and no network is ever required.
 */
public final class BaseTileConfig {
    public static final String FILE_NAME = "tiles.json";
    private static final System.Logger LOG = System.getLogger(BaseTileConfig.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaseTileConfig() {
    }

    /**
     * The base map configured in dataDir, or empty when there is none or it cannot be used. Never throws: a
     * broken base map must not keep the console from starting; the reason is logged as a warning.
     */
    public static Optional<BaseTileSource> load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            return read(file);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "no base map: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Like {@link #load}, but says what is wrong: IOException naming the file and the field at fault. */
    public static Optional<BaseTileSource> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " must hold one JSON object");
        }
        Path base = file.toAbsolutePath().getParent();
        String type = text(root, "type", null, file);
        if (type == null) {
            throw new IOException(file + ": \"type\" is missing (mbtiles or xyz)");
        }
        Datum datum;
        try {
            datum = Datum.parse(text(root, "datum", "wgs84", file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": \"datum\": " + e.getMessage(), e);
        }
        return Optional.of(switch (type.toLowerCase(Locale.ROOT)) {
            case "mbtiles" -> mbtiles(root, base, datum, file);
            case "xyz" -> xyz(root, datum, file);
            default -> throw new IOException(file + ": unknown \"type\" '" + type + "' (mbtiles or xyz)");
        });
    }

    private static BaseTileSource mbtiles(JsonNode root, Path base, Datum datum, Path file) throws IOException {
        String path = text(root, "path", null, file);
        if (path == null) {
            throw new IOException(file + ": \"path\" of the .mbtiles file is missing");
        }
        MbTilesTileRetriever retriever = new MbTilesTileRetriever(base.resolve(path));
        try {
            String name = text(root, "name", retriever.metadata("name").orElse(Path.of(path).getFileName().toString()), file);
            String attribution = text(root, "attribution", retriever.metadata("attribution").orElse(""), file);
            int min = integer(root, "minZoom", retriever.minZoom(), file);
            int max = integer(root, "maxZoom", retriever.maxZoom(), file);
            return new BaseTileSource(name, retriever, datum, min, max, attribution);
        } catch (IllegalArgumentException e) {
            retriever.close();
            throw new IOException(file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            retriever.close();
            throw e;
        }
    }

    private static BaseTileSource xyz(JsonNode root, Datum datum, Path file) throws IOException {
        String template = text(root, "template", null, file);
        if (template == null) {
            throw new IOException(file + ": \"template\" (like https://host/{z}/{x}/{y}.png) is missing");
        }
        List<String> subdomains = new ArrayList<>();
        JsonNode s = root.get("subdomains");
        if (s != null && s.isArray()) {
            s.forEach(n -> subdomains.add(n.asText()));
        } else if (s != null && s.isTextual()) {
            // "abc" is the Leaflet shorthand for a, b, c.
            s.asText().chars().forEach(c -> subdomains.add(String.valueOf((char) c)));
        }
        int min = integer(root, "minZoom", 0, file);
        int max = integer(root, "maxZoom", 19, file);
        int cache = integer(root, "cacheTiles", XyzTileRetriever.DEFAULT_CACHE_TILES, file);
        int timeout = integer(root, "timeoutMillis", (int) XyzTileRetriever.DEFAULT_REQUEST_TIMEOUT.toMillis(), file);
        XyzTileRetriever retriever;
        try {
            retriever = new XyzTileRetriever(template, subdomains, min, max,
                    Duration.ofMillis(Math.min(timeout, XyzTileRetriever.DEFAULT_CONNECT_TIMEOUT.toMillis())),
                    Duration.ofMillis(Math.max(1, timeout)), XyzTileRetriever.DEFAULT_OFFLINE_PAUSE, cache);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        String name = text(root, "name", host(template), file);
        String attribution = text(root, "attribution", "", file);
        return new BaseTileSource(name, retriever, datum, min, max, attribution);
    }

    private static String text(JsonNode root, String field, String fallback, Path file) throws IOException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            throw new IOException(file + ": \"" + field + "\" must be a string");
        }
        return n.asText();
    }

    private static int integer(JsonNode root, String field, int fallback, Path file) throws IOException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new IOException(file + ": \"" + field + "\" must be a whole number");
        }
        return n.asInt();
    }

    /** Host of a tile template, for a default name; the template may hold {s} and so not parse as a URI. */
    private static String host(String template) {
        String rest = template.replaceFirst("^[a-zA-Z]+://", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
