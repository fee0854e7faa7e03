package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which features are big grids and which big grid each small grid belongs to. A feature declared a level (a file
 * read with {@code --level}, a grid kept from the store) has that level; otherwise a big grid is a feature another
 * feature names as its parent, or one whose code has the 12 digits of a community, and every other is a small grid.
 */
final class GridLevels {
    final List<GridFeature> big = new ArrayList<>();
    final List<GridFeature> small = new ArrayList<>();
    private final Set<GridFeature> bigSet = new HashSet<>();
    private final Map<String, GridFeature> bigByCode = new HashMap<>();

    GridLevels(List<GridFeature> features) {
        Set<String> parents = new HashSet<>();
        features.forEach(f -> {
            if (f.parent() != null) {
                parents.add(f.parent());
            }
        });
        for (GridFeature f : features) {
            boolean inferredBig = f.code() != null && (parents.contains(f.code()) || f.code().matches("\\d{12}"));
            if (f.level() == GridLevel.BIG || (f.level() == null && inferredBig)) {
                big.add(f);
                bigSet.add(f);
                if (f.code() != null) {
                    bigByCode.putIfAbsent(f.code(), f);
                }
            } else {
                small.add(f);
            }
        }
    }

    boolean isBig(GridFeature f) {
        return bigSet.contains(f);
    }

    /** The parent's code: as written, or when none is written, the 12-digit prefix of the code if a big grid has it. */
    String parentCode(GridFeature small) {
        if (small.parent() != null) {
            return small.parent();
        }
        if (small.code() != null && small.code().length() > 12 && bigByCode.containsKey(small.code().substring(0, 12))) {
            return small.code().substring(0, 12);
        }
        return null;
    }

    /** The big grid feature of a small grid, or null. */
    GridFeature parentOf(GridFeature small) {
        String code = parentCode(small);
        return code == null ? null : bigByCode.get(code);
    }
}
