package org.gridcommand.cap;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.common.JsonDictionaryFile;

/**
 * Which CAP categories a case gets ({@code assets/cap/category-map.json}): from its case category (a minor
 * without an entry takes its major's) plus what its emergency class implies. Data, because the case
 * categories are the customer's own code table.
 */
public final class CapCategoryMap {
    public static final String DEFAULT_ASSET = "cap/category-map.json";

    private final Map<String, List<CapAlert.Category>> byCode;
    private final Map<String, String> majorOf;
    private final Map<EmergencyClass, List<CapAlert.Category>> byClass;

    private CapCategoryMap(Map<String, List<CapAlert.Category>> byCode, Map<String, String> majorOf,
                           Map<EmergencyClass, List<CapAlert.Category>> byClass) {
        this.byCode = Map.copyOf(byCode);
        this.majorOf = Map.copyOf(majorOf);
        this.byClass = Collections.unmodifiableMap(new EnumMap<>(byClass));
    }

    public static CapCategoryMap loadDefault(CategoryDictionary categories) {
        return load(AssetLocator.resolve(DEFAULT_ASSET), categories);
    }

    /** Every major class of the dictionary must have an entry, so every case maps to something. */
    public static CapCategoryMap load(Path file, CategoryDictionary categories) {
        String name = String.valueOf(file.getFileName());
        JsonNode entries = JsonDictionaryFile.entries(file, "categories");
        Map<String, List<CapAlert.Category>> byCode = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = name + ": categories entry " + (i + 1) + ": ";
            String code = e.path("code").asText("").trim();
            if (code.isEmpty()) {
                throw new IllegalArgumentException(where + "missing or empty \"code\"");
            }
            where = name + ": categories entry " + (i + 1) + " (" + code + "): ";
            if (categories.find(code).isEmpty()) {
                throw new IllegalArgumentException(where + "unknown category " + code + " (not in the category dictionary)");
            }
            if (byCode.containsKey(code)) {
                throw new IllegalArgumentException(where + "duplicate category " + code);
            }
            List<CapAlert.Category> cap = capList(e, where);
            if (cap.isEmpty()) {
                throw new IllegalArgumentException(where + "\"cap\" must list at least one CAP category");
            }
            byCode.put(code, cap);
        }
        for (Category major : categories.majors()) {
            if (!byCode.containsKey(major.code())) {
                throw new IllegalArgumentException(name + ": no entry for major category " + major.code() + " ("
                        + major.name().en() + "): every major needs one so each of its minors maps");
            }
        }
        Map<String, String> majorOf = new LinkedHashMap<>();
        categories.minors().forEach(c -> majorOf.put(c.code(), c.majorCode()));

        Map<EmergencyClass, List<CapAlert.Category>> byClass = new EnumMap<>(EmergencyClass.class);
        JsonNode classes = JsonDictionaryFile.entries(file, "eventClasses");
        for (int i = 0; i < classes.size(); i++) {
            JsonNode e = classes.get(i);
            String where = name + ": eventClasses entry " + (i + 1) + ": ";
            String text = e.path("class").asText("").trim();
            EmergencyClass c;
            try {
                c = EmergencyClass.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + "unknown event class \"" + text + "\"");
            }
            byClass.put(c, capList(e, where));
        }
        return new CapCategoryMap(byCode, majorOf, byClass);
    }

    private static List<CapAlert.Category> capList(JsonNode e, String where) {
        JsonNode list = e.get("cap");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(where + "missing the \"cap\" array");
        }
        List<CapAlert.Category> out = new ArrayList<>();
        for (JsonNode v : list) {
            try {
                out.add(CapAlert.Category.fromValue(v.asText()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ex.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /** The CAP categories for a case; an unknown code yields Other rather than failing an urgent export. */
    public List<CapAlert.Category> categoriesFor(String categoryCode, EmergencyClass eventClass) {
        Set<CapAlert.Category> out = new LinkedHashSet<>();
        List<CapAlert.Category> own = byCode.get(categoryCode);
        if (own == null && majorOf.containsKey(categoryCode)) {
            own = byCode.get(majorOf.get(categoryCode));
        }
        if (own != null) {
            out.addAll(own);
        }
        if (eventClass != null) {
            out.addAll(byClass.getOrDefault(eventClass, List.of()));
        }
        if (out.isEmpty()) {
            out.add(CapAlert.Category.OTHER);
        }
        if (out.size() > 1) {
            out.remove(CapAlert.Category.OTHER);
        }
        return List.copyOf(out);
    }
}
