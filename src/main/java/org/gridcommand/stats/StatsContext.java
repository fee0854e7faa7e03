package org.gridcommand.stats;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;

/** What every table of a computation shares: the judge, settings, names and the moment it runs. */
final class StatsContext {
    private final StageJudge judge;
    private final StatsSettings settings;
    private final CategoryDictionary categories;
    private final Map<String, SmallGrid> smallGrids = new LinkedHashMap<>();
    private final Map<String, BigGrid> bigGrids = new LinkedHashMap<>();
    private final Instant now;

    StatsContext(StageJudge judge, StatsSettings settings, CategoryDictionary categories, District district,
                 Instant now) {
        this.judge = judge;
        this.settings = settings;
        this.categories = categories;
        this.now = now;
        if (district != null) {
            district.bigGrids().stream().sorted(Comparator.comparing(BigGrid::code))
                    .forEach(b -> bigGrids.put(b.code(), b));
            district.smallGrids().forEach(g -> smallGrids.put(g.code().value(), g));
        }
    }

    StageJudge judge() {
        return judge;
    }

    StatsSettings settings() {
        return settings;
    }

    CategoryDictionary categories() {
        return categories;
    }

    Map<String, SmallGrid> smallGrids() {
        return Collections.unmodifiableMap(smallGrids);
    }

    Map<String, BigGrid> bigGrids() {
        return Collections.unmodifiableMap(bigGrids);
    }

    Instant now() {
        return now;
    }

    /**
     * The big grid of a small-grid code: the district's own mapping, else (a grid redrawn since) the
     * community part of the code, which is how big grids are numbered.
     */
    String bigGridOf(String smallGridCode) {
        SmallGrid g = smallGrids.get(smallGridCode);
        if (g != null) {
            return g.bigGridCode();
        }
        return UnitGridCode.isValid(smallGridCode) ? new UnitGridCode(smallGridCode).communityPrefix() : smallGridCode;
    }

    /** The major class of a category code (itself for a major), or the code itself when unknown. */
    String majorOf(String categoryCode) {
        if (categoryCode == null) {
            return null;
        }
        return categories.find(categoryCode).map(c -> c.isMajor() ? c.code() : c.majorCode()).orElse(categoryCode);
    }
}
