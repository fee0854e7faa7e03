package org.gridcommand.sla;

import org.gridcommand.common.AssetJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.common.AssetLocator;

/**
 * The SLA limits table ({@code assets/sla/limits.json}): per category and stage a limit with its unit, and
 * the near-due rule. A stage missing for a minor category falls back to its major category, then to the
 * "default" entry, which must define every stage so that every case has a due time. The table is local
 * policy (demo data a customer replaces), so no limit lives in code.
 */
public final class SlaLimits {
    public static final String DEFAULT_ASSET = "sla/limits.json";
    public static final String DEFAULT_ENTRY = "default";

    /**
     * A running stage turns NEAR_DUE when elapsedPercent of its limit has passed or only {@code remaining}
     * is left, whichever comes first; both count in the limit's own unit (working time for working units).
     */
    public record NearDueRule(int elapsedPercent, Duration remaining) {
        public NearDueRule {
            if (elapsedPercent <= 0 || elapsedPercent > 100) {
                throw new IllegalArgumentException("elapsedPercent must be in 1..100: " + elapsedPercent);
            }
            if (remaining == null || remaining.isNegative()) {
                throw new IllegalArgumentException("remaining must not be negative: " + remaining);
            }
        }
    }

    private final Map<String, Map<SlaStage, SlaLimit>> byCategory;
    private final Map<String, String> majorOf;
    private final NearDueRule nearDue;

    private SlaLimits(Map<String, Map<SlaStage, SlaLimit>> byCategory, Map<String, String> majorOf,
                      NearDueRule nearDue) {
        this.byCategory = Collections.unmodifiableMap(byCategory);
        this.majorOf = Map.copyOf(majorOf);
        this.nearDue = nearDue;
    }

    public static SlaLimits loadDefault(CategoryDictionary categories) {
        return load(AssetLocator.resolve(DEFAULT_ASSET), categories);
    }

    /**
     * Loads and checks the table against the category dictionary: a code the dictionary does not know is
     * refused (a typo would otherwise silently fall back to the default limit).
     */
    public static SlaLimits load(Path file, CategoryDictionary categories) {
        String name = String.valueOf(file.getFileName());
        JsonNode root = AssetJson.readObject(file);
        NearDueRule rule = readNearDue(root, name);

        Map<String, String> majorOf = new LinkedHashMap<>();
        for (Category c : categories.minors()) {
            majorOf.put(c.code(), c.majorCode());
        }

        JsonNode entries = AssetJson.array(root, "limits", name + ": ");
        Map<String, Map<SlaStage, SlaLimit>> table = new LinkedHashMap<>();
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = name + ": entry " + (i + 1) + ": ";
            if (!e.isObject()) {
                throw new IllegalArgumentException(where + "not an object");
            }
            String code = AssetJson.text(e, "category", where);
            where = name + ": entry " + (i + 1) + " (" + code + "): ";
            if (!DEFAULT_ENTRY.equals(code) && categories.find(code).isEmpty()) {
                throw new IllegalArgumentException(where + "unknown category " + code
                        + " (not in the category dictionary)");
            }
            Integer earlier = firstSeen.putIfAbsent(code, i);
            if (earlier != null) {
                throw new IllegalArgumentException(where + "duplicate category " + code
                        + " (first used by entry " + (earlier + 1) + ")");
            }
            JsonNode stages = AssetJson.object(e, "stages", where);
            Map<SlaStage, SlaLimit> limits = new EnumMap<>(SlaStage.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = stages.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> s = it.next();
                SlaStage stage;
                try {
                    stage = SlaStage.valueOf(s.getKey().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(where + "unknown stage \"" + s.getKey() + "\" (expected one of "
                            + Arrays.toString(SlaStage.values()) + ")");
                }
                limits.put(stage, readLimit(s.getValue(), code, where + "stage " + stage + ": "));
            }
            table.put(code, limits);
        }
        Map<SlaStage, SlaLimit> fallback = table.get(DEFAULT_ENTRY);
        if (fallback == null) {
            throw new IllegalArgumentException(name + ": no \"" + DEFAULT_ENTRY
                    + "\" entry: it gives every case a limit for every stage");
        }
        for (SlaStage stage : SlaStage.values()) {
            if (!fallback.containsKey(stage)) {
                throw new IllegalArgumentException(name + ": entry " + (firstSeen.get(DEFAULT_ENTRY) + 1)
                        + " (" + DEFAULT_ENTRY + "): missing stage " + stage + " (the default must define every stage)");
            }
        }
        return new SlaLimits(table, majorOf, rule);
    }

    private static NearDueRule readNearDue(JsonNode root, String name) {
        String where = name + ": nearDue: ";
        JsonNode n = AssetJson.object(root, "nearDue", name + ": ");
        JsonNode pct = n.get("elapsedPercent");
        JsonNode minutes = n.get("remainingMinutes");
        if (pct == null || !pct.canConvertToInt() || pct.asInt() <= 0 || pct.asInt() > 100) {
            throw new IllegalArgumentException(where + "\"elapsedPercent\" must be a whole number in 1..100");
        }
        if (minutes == null || !minutes.canConvertToInt() || minutes.asInt() < 0) {
            throw new IllegalArgumentException(where + "\"remainingMinutes\" must be a whole number, 0 or more");
        }
        return new NearDueRule(pct.asInt(), Duration.ofMinutes(minutes.asInt()));
    }

    private static SlaLimit readLimit(JsonNode node, String code, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + "expected {\"limit\": number, \"unit\": ...}");
        }
        JsonNode value = node.get("limit");
        if (value == null || !value.isNumber() || value.decimalValue().signum() <= 0) {
            throw new IllegalArgumentException(where + "\"limit\" must be a positive number");
        }
        String unitText = AssetJson.text(node, "unit", where);
        SlaUnit unit;
        try {
            unit = SlaUnit.valueOf(unitText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + "unknown unit \"" + unitText + "\" (expected one of "
                    + Arrays.toString(SlaUnit.values()) + ")");
        }
        BigDecimal amount = value.decimalValue();
        return new SlaLimit(amount, unit, code);
    }

    public NearDueRule nearDue() {
        return nearDue;
    }

    /** The limit for a stage: the category's own entry, else its major's, else the default. */
    public SlaLimit limitFor(String categoryCode, SlaStage stage) {
        Objects.requireNonNull(stage, "stage");
        if (categoryCode != null) {
            Optional<SlaLimit> own = find(categoryCode, stage);
            if (own.isPresent()) {
                return own.get();
            }
            String major = majorOf.get(categoryCode);
            if (major != null) {
                Optional<SlaLimit> inherited = find(major, stage);
                if (inherited.isPresent()) {
                    return inherited.get();
                }
            }
        }
        return byCategory.get(DEFAULT_ENTRY).get(stage);
    }

    private Optional<SlaLimit> find(String code, SlaStage stage) {
        Map<SlaStage, SlaLimit> limits = byCategory.get(code);
        return limits == null ? Optional.empty() : Optional.ofNullable(limits.get(stage));
    }
}
