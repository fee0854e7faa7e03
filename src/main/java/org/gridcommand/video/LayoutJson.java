package org.gridcommand.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall layouts in JSON, shared by the wall settings ({@code assets/video/wall.json}) and the seat's presets.
 * A layout is {@code {"name", "rows", "cols"}} plus either {@code "cells"} (every tile, no holes) or
 * {@code "large"} (only the spanning cells; each square they leave is a 1×1 tile), or neither (equal tiles).
 * Errors are IllegalArgumentExceptions that name the field; callers add the file and entry.
 */
final class LayoutJson {
    private LayoutJson() {
    }

    static WallLayout read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a layout must be an object with name, rows and cols");
        }
        String name = text(node, "name");
        int rows = integer(node, "rows");
        int cols = integer(node, "cols");
        if (node.has("cells") && node.has("large")) {
            throw new IllegalArgumentException("give either \"cells\" or \"large\", not both");
        }
        if (node.has("cells")) {
            return new WallLayout(name, rows, cols, cells(node, "cells"));
        }
        return WallLayout.withLargeCells(name, rows, cols, node.has("large") ? cells(node, "large") : List.of());
    }

    static ObjectNode write(WallLayout layout) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", layout.name());
        node.put("rows", layout.rows());
        node.put("cols", layout.cols());
        ArrayNode cells = node.putArray("cells");
        for (WallLayout.Cell cell : layout.cells()) {
            ObjectNode c = cells.addObject();
            c.put("row", cell.row());
            c.put("col", cell.col());
            c.put("rowSpan", cell.rowSpan());
            c.put("colSpan", cell.colSpan());
        }
        return node;
    }

    private static List<WallLayout.Cell> cells(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (!array.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array of cells");
        }
        List<WallLayout.Cell> cells = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode c = array.get(i);
            try {
                if (!c.isObject()) {
                    throw new IllegalArgumentException("must be an object with row, col, rowSpan, colSpan");
                }
                cells.add(new WallLayout.Cell(integer(c, "row"), integer(c, "col"),
                        c.has("rowSpan") ? integer(c, "rowSpan") : 1, c.has("colSpan") ? integer(c, "colSpan") : 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + field + "\"[" + i + "]: " + e.getMessage(), e);
            }
        }
        return cells;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-empty text");
        }
        return v.asText().strip();
    }

    static int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number"
                    + (v == null ? " (missing)" : ", got " + v));
        }
        return v.asInt();
    }
}
