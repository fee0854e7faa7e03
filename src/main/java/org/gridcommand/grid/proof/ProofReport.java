package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.List;

/** The result of proving a grid file: how many grids of each level it holds and everything wrong with it. */
public record ProofReport(int bigGrids, int smallGrids, List<Defect> defects) {
    public ProofReport {
        defects = List.copyOf(defects);
    }

    public boolean clean() {
        return defects.isEmpty();
    }

    public long count(DefectKind kind) {
        return defects.stream().filter(d -> d.kind() == kind).count();
    }

    /** E.g. {@code 136 small grids in 16 big grids: 0 overlaps, 0 gaps, 0 other defects}. */
    public String summary() {
        long overlaps = count(DefectKind.OVERLAP);
        long gaps = count(DefectKind.GAP);
        long other = defects.size() - overlaps - gaps;
        return plural(smallGrids, "small grid") + " in " + plural(bigGrids, "big grid") + ": "
                + plural(overlaps, "overlap") + ", " + plural(gaps, "gap") + ", " + plural(other, "other defect");
    }

    /** The summary, then one line per defect. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(defects.size() + 1);
        lines.add(summary());
        defects.forEach(d -> lines.add(d.toLine()));
        return lines;
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
