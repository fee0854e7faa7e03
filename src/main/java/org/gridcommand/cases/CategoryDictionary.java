package org.gridcommand.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.common.BilingualName;

/**
 * The case-category code table (major and minor classes), loaded from {@code dictionaries/categories.json}.
 * The table is customer data (GB/T 31000 code tables are not public), so nothing here knows a code;
 * a broken file is refused as a whole with a message that names the file and the entry, because a
 * half-loaded table would silently misfile cases.
 */
public final class CategoryDictionary {
    public static final String DEFAULT_ASSET = "dictionaries/categories.json";

    private final List<Category> majors;
    private final List<Category> minors;
    private final Map<String, Category> byCode;
    private final Map<String, Priority> defaultPriorities;
    private final Map<String, Double> weights;

    private CategoryDictionary(List<Category> majors, List<Category> minors,
                               Map<String, Priority> defaultPriorities, Map<String, Double> weights) {
        this.majors = List.copyOf(majors);
        this.minors = List.copyOf(minors);
        Map<String, Category> index = new LinkedHashMap<>();
        majors.forEach(c -> index.put(c.code(), c));
        minors.forEach(c -> index.put(c.code(), c));
        this.byCode = Collections.unmodifiableMap(index);
        this.defaultPriorities = Map.copyOf(defaultPriorities);
        this.weights = Map.copyOf(weights);
    }

    public static CategoryDictionary loadDefault() {
        return load(AssetLocator.resolve(DEFAULT_ASSET));
    }

    public static CategoryDictionary load(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonNode entries = org.gridcommand.common.JsonDictionaryFile.entries(file, "categories");

        // Majors first, so a minor may be listed before its major without being refused.
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        List<Category> majors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = name + ": entry " + (i + 1) + ": ";
            if (!e.isObject()) {
                throw new IllegalArgumentException(where + "not an object");
            }
            String code = text(e, "code", where);
            if (!e.hasNonNull("major")) {
                if (!code.matches("\\d{2}")) {
                    throw new IllegalArgumentException(where + "major code must be 2 digits, got " + code);
                }
                checkDuplicate(firstSeen, code, i, where);
                majors.add(new Category(code, name(e, where), null));
            }
        }
        if (majors.isEmpty()) {
            throw new IllegalArgumentException(name + ": no major categories");
        }

        List<Category> minors = new ArrayList<>();
        Map<String, Priority> priorities = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            if (!e.hasNonNull("major")) {
                continue;
            }
            String where = name + ": entry " + (i + 1) + ": ";
            String code = text(e, "code", where);
            String major = text(e, "major", where);
            if (!code.matches("\\d{4}")) {
                throw new IllegalArgumentException(where + "minor code must be 4 digits, got " + code);
            }
            if (majors.stream().noneMatch(m -> m.code().equals(major))) {
                throw new IllegalArgumentException(where + "minor " + code + " refers to unknown major " + major);
            }
            if (!code.startsWith(major)) {
                throw new IllegalArgumentException(where + "minor " + code + " does not start with its major code " + major);
            }
            checkDuplicate(firstSeen, code, i, where);
            String priorityText = text(e, "defaultPriority", where);
            Priority priority;
            try {
                priority = Priority.valueOf(priorityText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + "minor " + code + " has unknown defaultPriority "
                        + priorityText + " (expected one of URGENT, HIGH, NORMAL, LOW)");
            }
            JsonNode w = e.get("weight");
            if (w == null || !w.isNumber() || !Double.isFinite(w.asDouble()) || w.asDouble() <= 0) {
                throw new IllegalArgumentException(where + "minor " + code + " needs a positive number \"weight\"");
            }
            minors.add(new Category(code, name(e, where), major));
            priorities.put(code, priority);
            weights.put(code, w.asDouble());
        }
        for (Category m : majors) {
            if (minors.stream().noneMatch(c -> c.majorCode().equals(m.code()))) {
                throw new IllegalArgumentException(name + ": major " + m.code() + " has no minor categories");
            }
        }
        return new CategoryDictionary(majors, minors, priorities, weights);
    }

    private static void checkDuplicate(Map<String, Integer> firstSeen, String code, int index, String where) {
        Integer earlier = firstSeen.putIfAbsent(code, index);
        if (earlier != null) {
            throw new IllegalArgumentException(where + "duplicate code " + code + " (first used by entry " + (earlier + 1) + ")");
        }
    }

    private static String text(JsonNode e, String field, String where) {
        JsonNode v = e.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "missing or empty \"" + field + "\"");
        }
        return v.asText().trim();
    }

    private static BilingualName name(JsonNode e, String where) {
        return new BilingualName(text(e, "zh", where), text(e, "en", where));
    }

    /** Major classes in file order. */
    public List<Category> majors() {
        return majors;
    }

    /** Minor classes in file order. */
    public List<Category> minors() {
        return minors;
    }

    public List<Category> minorsOf(String majorCode) {
        return minors.stream().filter(c -> c.majorCode().equals(majorCode)).toList();
    }

    /** A major or minor class by its code. */
    public Optional<Category> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** @throws IllegalArgumentException if the code is not a minor class of this dictionary */
    public Priority defaultPriority(String minorCode) {
        Priority p = defaultPriorities.get(minorCode);
        if (p == null) {
            throw new IllegalArgumentException("not a minor category: " + minorCode);
        }
        return p;
    }

    /** Relative frequency of the minor class (only the demo generator uses it). */
    public double weight(String minorCode) {
        Double w = weights.get(minorCode);
        if (w == null) {
            throw new IllegalArgumentException("not a minor category: " + minorCode);
        }
        return w;
    }
}
