package org.gridcommand.stats;

import org.gridcommand.common.AssetJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.common.BilingualName;

/**
 * The safety index (平安指数) as data, {@code assets/stats/safety-index.json}: weighted indicators, each a
 * daily count scored linearly from 100 at {@code best} to 0 at {@code worst}, and the bands the index falls
 * into. The formula is in docs/safety-index.md.
 */
public record SafetyIndexRules(List<Indicator> indicators, List<Band> bands, String goodOrBetterBand) {
    public static final String DEFAULT_ASSET = "stats/safety-index.json";

    /** What an indicator counts per day among the day's valid (not voided) cases. */
    public enum Measure {
        /** Cases whose category is one of {@code categories} (a major code takes all its minors). */
        CASES,
        /** Cases graded at {@code level} or more serious (I is the most serious). */
        CASES_AT_LEVEL
    }

    /**
     * One weighted indicator. categories is used by CASES (codes of the dictionary), level by CASES_AT_LEVEL.
     * best and worst differ; best below worst means fewer is safer.
     */
    public record Indicator(String id, BilingualName name, Measure measure, Set<String> categories,
                            EmergencyLevel level, double weight, double best, double worst) {
        public Indicator {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(measure, "measure");
            categories = categories == null ? Set.of() : Set.copyOf(categories);
        }

        /** 0..100: 100 at best or better, 0 at worst or beyond, linear between. */
        public double score(double value) {
            double s = 100 * (worst - value) / (worst - best);
            return Math.max(0, Math.min(100, s));
        }
    }

    /** A band: the index at or above {@code min} (and below the next band's min) falls in it. */
    public record Band(String id, BilingualName name, String colour, String hex, double min) {
    }

    public SafetyIndexRules {
        indicators = List.copyOf(indicators);
        bands = bands.stream().sorted(Comparator.comparingDouble(Band::min).reversed()).toList();
    }

    public static SafetyIndexRules loadDefault(CategoryDictionary categories) {
        return load(AssetLocator.resolve(DEFAULT_ASSET), categories);
    }

    /** Loads and checks the file: every problem names the file, the entry and the field. */
    public static SafetyIndexRules load(Path file, CategoryDictionary categories) {
        String name = String.valueOf(file.getFileName());
        JsonNode root = AssetJson.readObject(file);
        JsonNode list = AssetJson.array(root, "indicators", name + ": ");
        if (list.isEmpty()) {
            throw new IllegalArgumentException(name + ": \"indicators\" is empty: the index needs at least one");
        }
        List<Indicator> indicators = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = name + ": indicators entry " + (i + 1) + ": ";
            String id = AssetJson.text(e, "id", where);
            where = name + ": indicators entry " + (i + 1) + " (" + id + "): ";
            if (!ids.add(id)) {
                throw new IllegalArgumentException(where + "the id " + id + " is used twice");
            }
            BilingualName label = new BilingualName(AssetJson.text(e, "zh", where), AssetJson.text(e, "en", where));
            Measure measure = AssetJson.enumValue(e.get("measure"), Measure.class, where + "\"measure\": ");
            Set<String> codes = new LinkedHashSet<>();
            EmergencyLevel level = null;
            if (measure == Measure.CASES) {
                JsonNode cs = AssetJson.array(e, "categories", where);
                if (cs.isEmpty()) {
                    throw new IllegalArgumentException(where + "\"categories\" is empty: name at least one category code");
                }
                for (JsonNode c : cs) {
                    String code = c.asText().trim();
                    if (categories.find(code).isEmpty()) {
                        throw new IllegalArgumentException(where + "unknown category " + code
                                + " (not in the category dictionary)");
                    }
                    codes.add(code);
                }
            } else {
                level = AssetJson.enumValue(e.get("level"), EmergencyLevel.class, where + "\"level\": ");
            }
            double weight = AssetJson.number(e, "weight", where);
            if (!(weight > 0)) {
                throw new IllegalArgumentException(where + "\"weight\" must be positive, got " + weight);
            }
            double best = AssetJson.number(e, "best", where);
            double worst = AssetJson.number(e, "worst", where);
            if (best == worst) {
                throw new IllegalArgumentException(where + "\"best\" and \"worst\" are both " + best
                        + ": the score needs a range");
            }
            indicators.add(new Indicator(id, label, measure, codes, level, weight, best, worst));
        }
        JsonNode bandList = AssetJson.array(root, "bands", name + ": ");
        List<Band> bands = new ArrayList<>();
        Set<String> bandIds = new HashSet<>();
        for (int i = 0; i < bandList.size(); i++) {
            JsonNode e = bandList.get(i);
            String where = name + ": bands entry " + (i + 1) + ": ";
            String id = AssetJson.text(e, "id", where);
            where = name + ": bands entry " + (i + 1) + " (" + id + "): ";
            if (!bandIds.add(id)) {
                throw new IllegalArgumentException(where + "the id " + id + " is used twice");
            }
            String hex = AssetJson.text(e, "hex", where);
            if (!hex.matches("#[0-9A-Fa-f]{6}")) {
                throw new IllegalArgumentException(where + "\"hex\" must be a colour like #1E64C8, got " + hex);
            }
            double min = AssetJson.number(e, "min", where);
            if (min < 0 || min > 100) {
                throw new IllegalArgumentException(where + "\"min\" must lie in 0..100, got " + min);
            }
            for (Band b : bands) {
                if (b.min() == min) {
                    throw new IllegalArgumentException(where + "\"min\" " + min + " is also band " + b.id() + "'s");
                }
            }
            bands.add(new Band(id, new BilingualName(AssetJson.text(e, "zh", where), AssetJson.text(e, "en", where)),
                    AssetJson.text(e, "colour", where), hex, min));
        }
        if (bands.stream().noneMatch(b -> b.min() == 0)) {
            throw new IllegalArgumentException(name + ": no band starts at \"min\": 0, so a low index would fall in none");
        }
        String good = AssetJson.text(root, "goodOrBetter", name + ": ");
        if (!bandIds.contains(good)) {
            throw new IllegalArgumentException(name + ": \"goodOrBetter\" names band " + good
                    + ", which is not among the bands " + bandIds);
        }
        return new SafetyIndexRules(indicators, bands, good);
    }

    /** The band an index value falls in. */
    public Band bandOf(double index) {
        for (Band b : bands) {
            if (index >= b.min()) {
                return b;
            }
        }
        return bands.get(bands.size() - 1);
    }

    /** Whether a band is the "good" one or better (a higher band). */
    public boolean isGoodOrBetter(Band band) {
        double goodMin = bands.stream().filter(b -> b.id().equals(goodOrBetterBand)).findFirst().orElseThrow().min();
        return band.min() >= goodMin;
    }
}
