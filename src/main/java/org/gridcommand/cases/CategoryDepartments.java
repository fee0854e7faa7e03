package org.gridcommand.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.common.JsonDictionaryFile;
import org.gridcommand.directory.DepartmentDirectory;

/**
 * Which departments usually take a category of case, from {@code dictionaries/category-departments.json}.
 * A minor code's own entry wins over its major's. Routing is local data, so a file naming an unknown
 * category or department is refused whole: a wrong suggestion is worse than none.
 */
public final class CategoryDepartments {
    public static final String DEFAULT_ASSET = "dictionaries/category-departments.json";

    private final Map<String, List<String>> byCategory;
    private final CategoryDictionary categories;

    private CategoryDepartments(Map<String, List<String>> byCategory, CategoryDictionary categories) {
        this.byCategory = Map.copyOf(byCategory);
        this.categories = categories;
    }

    public static CategoryDepartments loadDefault(CategoryDictionary categories, DepartmentDirectory departments) {
        return load(AssetLocator.resolve(DEFAULT_ASSET), categories, departments);
    }

    public static CategoryDepartments load(Path file, CategoryDictionary categories, DepartmentDirectory departments) {
        String name = String.valueOf(file.getFileName());
        JsonNode entries = JsonDictionaryFile.entries(file, "mappings");
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = name + ": entry " + (i + 1) + ": ";
            String category = e.path("category").asText("").strip();
            if (category.isEmpty()) {
                throw new IllegalArgumentException(where + "missing \"category\"");
            }
            if (categories.find(category).isEmpty()) {
                throw new IllegalArgumentException(where + "unknown category " + category);
            }
            if (result.containsKey(category)) {
                throw new IllegalArgumentException(where + "category " + category + " is mapped twice");
            }
            JsonNode codes = e.path("departments");
            if (!codes.isArray() || codes.isEmpty()) {
                throw new IllegalArgumentException(where + "category " + category + " needs a non-empty \"departments\" array");
            }
            List<String> list = new ArrayList<>();
            for (JsonNode c : codes) {
                String code = c.asText("").strip();
                if (departments.find(code).isEmpty()) {
                    throw new IllegalArgumentException(where + "category " + category + " names unknown department " + code);
                }
                if (!list.contains(code)) {
                    list.add(code);
                }
            }
            result.put(category, List.copyOf(list));
        }
        return new CategoryDepartments(result, categories);
    }

    /** Department codes for the category, most relevant first; the major's when the minor has none. */
    public List<String> departmentsFor(String categoryCode) {
        if (categoryCode == null) {
            return List.of();
        }
        List<String> own = byCategory.get(categoryCode);
        if (own != null) {
            return own;
        }
        return categories.find(categoryCode)
                .filter(c -> !c.isMajor())
                .map(c -> byCategory.getOrDefault(c.majorCode(), List.of()))
                .orElse(List.of());
    }
}
