package org.gridcommand.directory;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.common.BilingualName;

/**
 * The departments the centre dispatches to or notifies, loaded from {@code dictionaries/departments.json}.
 * Contacts are local data that a customer edits, so a broken file is refused as a whole with a message
 * naming the entry: a silently dropped department would be missing exactly when it is needed.
 */
public final class DepartmentDirectory {
    public static final String DEFAULT_ASSET = "dictionaries/departments.json";

    private final List<Department> departments;
    private final Map<String, Department> byCode;

    private DepartmentDirectory(List<Department> departments) {
        this.departments = List.copyOf(departments);
        Map<String, Department> index = new LinkedHashMap<>();
        departments.forEach(d -> index.put(d.code(), d));
        this.byCode = index;
    }

    public static DepartmentDirectory loadDefault() {
        return load(AssetLocator.resolve(DEFAULT_ASSET));
    }

    public static DepartmentDirectory load(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode entries = org.gridcommand.common.JsonDictionaryFile.entries(file, "departments");
        List<Department> result = new ArrayList<>();
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = name + ": entry " + (i + 1) + ": ";
            if (!e.isObject()) {
                throw new IllegalArgumentException(where + "not an object");
            }
            String code = text(e, "code", where);
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException(where + "department code must be upper-case letters, digits or _, got " + code);
            }
            Integer earlier = firstSeen.putIfAbsent(code, i);
            if (earlier != null) {
                throw new IllegalArgumentException(where + "duplicate code " + code + " (first used by entry " + (earlier + 1) + ")");
            }
            String hotline = text(e, "hotline", where);
            if (!hotline.matches("[0-9][0-9-]{1,19}")) {
                throw new IllegalArgumentException(where + "department " + code + " has an unusable hotline " + hotline);
            }
            result.add(new Department(code, new BilingualName(text(e, "zh", where), text(e, "en", where)), hotline));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException(name + ": no departments");
        }
        return new DepartmentDirectory(result);
    }

    private static String text(JsonNode e, String field, String where) {
        JsonNode v = e.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "missing or empty \"" + field + "\"");
        }
        return v.asText().trim();
    }

    /** Departments in file order (the order the duty officer sees them). */
    public List<Department> all() {
        return departments;
    }

    public Optional<Department> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Departments reached on this hotline, in file order (12345 reaches several). */
    public List<Department> byHotline(String hotline) {
        return departments.stream().filter(d -> d.hotline().equals(hotline)).toList();
    }
}
