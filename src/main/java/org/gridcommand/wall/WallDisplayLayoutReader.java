package org.gridcommand.wall;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.gridcommand.common.AssetJson;
import org.gridcommand.common.AssetLocator;

/**
 * Reads a wall layout file (JSON, see {@code assets/wall/default.json}). Every problem is reported as one
 * message naming the file and the place in it: {@code wall.json: panels[2].show: unknown panel "maps"}.
 */
public final class WallDisplayLayoutReader {
    public static final String DEFAULT_ASSET = "wall/default.json";
    private static final Set<String> TOP_FIELDS = Set.of("version", "columns", "rows", "rotateSeconds", "panels");
    private static final Set<String> PANEL_FIELDS = Set.of("show", "column", "row", "columnSpan", "rowSpan", "video");

    private WallDisplayLayoutReader() {
    }

    /** The layout shipped in {@code assets/wall/default.json}. */
    public static WallDisplayLayout readDefault() {
        return read(AssetLocator.resolve(DEFAULT_ASSET));
    }

    /** @throws IllegalArgumentException naming the file and the place of the first problem */
    public static WallDisplayLayout read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        JsonNode root = AssetJson.readTree(file);
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    static WallDisplayLayout parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the file must hold one JSON object");
        }
        unknownFields(root, TOP_FIELDS, "");
        int version = integer(root, "version", 1, "version");
        if (version != 1) {
            throw new IllegalArgumentException("version: this console reads version 1 layouts, the file says " + version);
        }
        int columns = integer(root, "columns", -1, "columns");
        int rows = integer(root, "rows", -1, "rows");
        int rotate = integer(root, "rotateSeconds", 20, "rotateSeconds");
        JsonNode panelsNode = root.get("panels");
        if (panelsNode == null || !panelsNode.isArray()) {
            throw new IllegalArgumentException("panels: missing (a list of panels)");
        }
        List<WallDisplayLayout.Panel> panels = new ArrayList<>();
        for (int i = 0; i < panelsNode.size(); i++) {
            panels.add(panel(panelsNode.get(i), "panels[" + i + "]"));
        }
        return WallDisplayLayout.of(columns, rows, rotate, panels);
    }

    private static WallDisplayLayout.Panel panel(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": must be an object");
        }
        unknownFields(node, PANEL_FIELDS, where + ".");
        JsonNode show = node.get("show");
        List<WallPanelKind> kinds = new ArrayList<>();
        if (show == null) {
            throw new IllegalArgumentException(where + ".show: missing (one of " + WallPanelKind.choices()
                    + ", or a list of them to rotate)");
        }
        List<JsonNode> names = new ArrayList<>();
        if (show.isArray()) {
            show.forEach(names::add);
        } else {
            names.add(show);
        }
        for (JsonNode n : names) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException(where + ".show: " + n + " is not a panel name (one of "
                        + WallPanelKind.choices() + ")");
            }
            WallPanelKind kind = WallPanelKind.fromFileName(n.asText()).orElseThrow(() -> new IllegalArgumentException(
                    where + ".show: unknown panel \"" + n.asText() + "\" (one of " + WallPanelKind.choices() + ")"));
            if (kinds.contains(kind)) {
                throw new IllegalArgumentException(where + ".show: \"" + n.asText() + "\" named twice");
            }
            kinds.add(kind);
        }
        int videoColumns = 3;
        int videoRows = 3;
        JsonNode video = node.get("video");
        if (video != null) {
            String grid = video.asText("");
            var m = java.util.regex.Pattern.compile("(\\d{1,2})x(\\d{1,2})").matcher(grid);
            if (!video.isTextual() || !m.matches()) {
                throw new IllegalArgumentException(where + ".video: \"" + video.asText() + "\" is not a tile grid like \"3x3\"");
            }
            videoColumns = Integer.parseInt(m.group(1));
            videoRows = Integer.parseInt(m.group(2));
        }
        return new WallDisplayLayout.Panel(kinds, integer(node, "column", -1, where + ".column"),
                integer(node, "row", -1, where + ".row"), integer(node, "columnSpan", 1, where + ".columnSpan"),
                integer(node, "rowSpan", 1, where + ".rowSpan"), videoColumns, videoRows);
    }

    /** @param fallback used when the field is absent; -1 makes the field required */
    private static int integer(JsonNode node, String field, int fallback, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (fallback == -1) {
                throw new IllegalArgumentException(where + ": missing (a whole number)");
            }
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(where + ": " + v + " is not a whole number");
        }
        return v.intValue();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new IllegalArgumentException(prefix + f + ": unknown field (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }
}
