package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcommand.grid.proof.ProofGeometry.LocalPlane;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Repairs what a machine can repair without deciding anything a person should, as JTS's GeometryFixer repairs it:
 * rings are closed, positions written latitude-first are turned round, rings that collapse to a line or a point
 * are left out (a collapsed outer ring takes its polygon with it), invalid shapes are made valid with GeometryFixer
 * (which keeps every lobe of a self-intersecting ring, unlike buffer(0)), and overlaps between grids of the same
 * level are cut from one of the two. Everything else (names, codes, parents, gaps, positions out of range, a grid
 * with no ring left) needs a person and stays a defect: the caller validates the repaired file again.
 *
 * <p>Every repair is one line saying what changed, with areas in m² before and after: "as drawn" is what a map
 * fills when it draws the rings as written (see {@link DrawnArea}), so a repair that lost or added area shows.
 * A grid of several polygons gets a line per polygon GeometryFixer changed and one for the whole grid.
 *
 * <p>An overlap is cut from the grid that the shared area lies outside its own big grid, when that tells the two
 * apart (a grid drawn across its community's boundary); otherwise from the later grid in the file. Grids kept from
 * the store (an import of one level) are never changed.
 */
public final class GridRepair {
    /** "ring 1 of polygon 2 has 13 positions with 2 distinct corners; …", as the reader words a collapsed ring. */
    private static final Pattern COLLAPSED = Pattern.compile(
            "ring (\\d+)(?: of polygon (\\d+))? has (\\d+ positions?) with (\\d+ distinct corners?);.*");

    /** The repaired file and one line per repair, e.g. {@code feature #3 "A" (…): closed ring 1 back to its start}. */
    public record Result(GridFile file, List<String> repairs) {
        public Result {
            repairs = List.copyOf(repairs);
        }
    }

    private GridRepair() {
    }

    public static Result repair(GridFile file) {
        List<String> repairs = new ArrayList<>();
        List<GridFeature> features = new ArrayList<>(file.features());
        LocalPlane plane = LocalPlane.around(features.stream().filter(GridFeature::usable).map(GridFeature::geometry).toList());
        Geometry[] shapes = new Geometry[features.size()];
        for (int i = 0; i < features.size(); i++) {
            features.set(i, acceptReading(features.get(i), plane, repairs));
            shapes[i] = fixInvalid(features.get(i), plane, repairs);
        }
        GridLevels levels = new GridLevels(features);
        Map<GridFeature, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            position.put(features.get(i), i);
        }
        trimOverlaps(features, levels.big, levels, position, shapes, plane, repairs, false);
        trimOverlaps(features, levels.small, levels, position, shapes, plane, repairs, true);
        for (int i = 0; i < features.size(); i++) {
            if (shapes[i] != features.get(i).geometry()) {
                features.set(i, features.get(i).withGeometry(shapes[i]));
            }
        }
        return new Result(new GridFile(file.source(), file.datum(), features, file.fileDefects()), repairs);
    }

    /**
     * The reader already closed rings, turned swapped pairs round and left collapsed rings out; repairing means
     * accepting that reading.
     */
    private static GridFeature acceptReading(GridFeature f, LocalPlane plane, List<String> repairs) {
        if (!f.usable()) {
            return f; // still broken for another reason (or nothing left): its whole reading stays on the report
        }
        List<Defect> kept = new ArrayList<>();
        for (Defect d : f.readDefects()) {
            if (d.kind() == DefectKind.UNCLOSED_RING) {
                int cut = d.detail().indexOf(" is not closed");
                repairs.add(f.ref() + ": closed " + (cut > 0 ? d.detail().substring(0, cut) : "a ring")
                        + " back to its start");
            } else if (d.kind() == DefectKind.LAT_LON_SWAPPED) {
                repairs.add(f.ref() + ": put the longitude first again (" + d.detail() + ")");
            } else if (d.kind() == DefectKind.TOO_FEW_POINTS) {
                repairs.add(f.ref() + ": " + leftOut(d) + ", as GeometryFixer leaves it out; the rest: "
                        + ProofReport.plural(f.geometry().getNumGeometries(), "polygon") + ", "
                        + Defect.area(DrawnArea.m2(f.geometry(), plane)) + " as drawn");
            } else {
                kept.add(d);
            }
        }
        return kept.size() == f.readDefects().size() ? f : f.withReadDefects(kept);
    }

    /** "left out polygon 2, whose ring has 13 positions with 2 distinct corners (a line: 0.0 m²)". */
    private static String leftOut(Defect collapsed) {
        Matcher m = COLLAPSED.matcher(collapsed.detail());
        if (!m.matches()) {
            // "polygon 2 has no rings"
            return "left out " + collapsed.detail().replace(" has no rings", ", which has no rings");
        }
        String polygon = m.group(2) == null ? "the polygon" : "polygon " + m.group(2);
        String shape = m.group(4).startsWith("1 ") || m.group(4).startsWith("0 ") ? "a point" : "a line";
        String written = m.group(3) + " with " + m.group(4) + " (" + shape + ": " + Defect.area(0) + ")";
        return m.group(1).equals("1")
                ? "left out " + polygon + ", whose outer ring has " + written
                : "left out ring " + m.group(1) + (m.group(2) == null ? "" : " of polygon " + m.group(2))
                        + ", a hole of " + written;
    }

    /**
     * GeometryFixer's reading of an invalid shape: one line per polygon it changed (what was wrong, where, the
     * polygon's area as drawn and after) and, for a grid of several polygons, one for the whole grid.
     */
    private static Geometry fixInvalid(GridFeature f, LocalPlane plane, List<String> repairs) {
        Geometry shape = f.geometry();
        if (shape == null || f.kept()) {
            return shape;
        }
        try {
            if (new IsValidOp(shape).getValidationError() == null) {
                return shape;
            }
            Geometry fixed = ProofGeometry.polygonal(GeometryFixer.fix(shape));
            if (fixed.isEmpty()) {
                return shape;
            }
            List<String> lines = new ArrayList<>();
            boolean several = shape.getNumGeometries() > 1;
            for (int i = 0; i < shape.getNumGeometries(); i++) {
                Polygon part = (Polygon) shape.getGeometryN(i);
                List<String> problems = problems(part);
                if (problems.isEmpty()) {
                    continue;
                }
                Geometry partFixed = ProofGeometry.polygonal(GeometryFixer.fix(part));
                lines.add(f.ref() + ": made valid with GeometryFixer (" + String.join("; ", problems) + "): "
                        + (several ? "the polygon there is " : "")
                        + (partFixed.isEmpty() ? "gone" : "now " + ProofReport.plural(partFixed.getNumGeometries(), "polygon"))
                        + ", " + Defect.area(plane.areaM2(partFixed))
                        + " (as drawn: " + Defect.area(DrawnArea.m2(part, plane)) + ")");
            }
            if (several || lines.isEmpty()) {
                // Also where the polygons are valid one by one but overlap each other: GeometryFixer merges them.
                TopologyValidationError whole = new IsValidOp(shape).getValidationError();
                String why = lines.isEmpty() ? " (its polygons overlap: " + describe(whole) + ")" : "";
                lines.add(f.ref() + ": made valid with GeometryFixer" + why + ": now "
                        + ProofReport.plural(fixed.getNumGeometries(), "polygon") + ", "
                        + Defect.area(plane.areaM2(fixed)) + " in all (as drawn: "
                        + Defect.area(DrawnArea.m2(shape, plane)) + ")");
            }
            repairs.addAll(lines);
            return fixed;
        } catch (RuntimeException e) {
            return shape; // left as it was: validation reports it again
        }
    }

    /** What IsValidOp finds wrong with each ring of a polygon on its own, else with the polygon as a whole. */
    private static List<String> problems(Polygon part) {
        List<String> problems = new ArrayList<>();
        for (int r = 0; r <= part.getNumInteriorRing(); r++) {
            LinearRing ring = r == 0 ? part.getExteriorRing() : part.getInteriorRingN(r - 1);
            TopologyValidationError error = new IsValidOp(part.getFactory().createPolygon(ring)).getValidationError();
            if (error != null) {
                problems.add(describe(error) + (r == 0 ? "" : " of a hole"));
            }
        }
        if (problems.isEmpty()) {
            TopologyValidationError error = new IsValidOp(part).getValidationError();
            if (error != null) {
                problems.add(describe(error));
            }
        }
        return problems;
    }

    /** "self-intersection at 113.5815000, 22.3605000". */
    private static String describe(TopologyValidationError error) {
        Coordinate at = error.getCoordinate();
        return error.getMessage().toLowerCase(Locale.ROOT)
                + (at != null ? " at " + Defect.coordinate(at.x) + ", " + Defect.coordinate(at.y) : "");
    }

    private static void trimOverlaps(List<GridFeature> all, List<GridFeature> level, GridLevels levels, Map<GridFeature, Integer> position,
                                     Geometry[] shapes, LocalPlane plane, List<String> repairs, boolean small) {
        List<Integer> members = level.stream().map(position::get).filter(i -> shapes[i] != null).sorted().toList();
        STRtree tree = new STRtree();
        members.forEach(i -> tree.insert(shapes[i].getEnvelopeInternal(), i));
        for (int i : members) {
            @SuppressWarnings("unchecked")
            List<Integer> candidates = tree.query(shapes[i].getEnvelopeInternal());
            for (int j : candidates.stream().filter(j -> j > i).sorted().toList()) {
                try {
                    if (!shapes[i].getEnvelopeInternal().intersects(shapes[j].getEnvelopeInternal())
                            || !shapes[i].intersects(shapes[j])) {
                        continue;
                    }
                    Geometry shared = ProofGeometry.intersection(shapes[i], shapes[j]);
                    double area = plane.areaM2(shared);
                    if (area < GridProof.AREA_TOLERANCE_M2) {
                        continue;
                    }
                    int victim = small ? victimOf(all, i, j, shared, levels, position, shapes, plane) : j;
                    if (all.get(victim).kept()) {
                        victim = victim == i ? j : i; // the store's grid stays as it is
                    }
                    if (all.get(victim).kept()) {
                        continue;
                    }
                    int keeper = victim == i ? j : i;
                    Geometry trimmed = ProofGeometry.difference(shapes[victim], shapes[keeper]);
                    if (trimmed.isEmpty()) {
                        continue; // wholly inside the other: a person must say which grid is meant
                    }
                    shapes[victim] = trimmed;
                    GridFeature v = all.get(victim);
                    GridFeature k = all.get(keeper);
                    repairs.add(v.ref() + ": cut away the " + Defect.area(area) + " it shared with " + k.ref());
                } catch (RuntimeException e) {
                    // This pair stays as it is; the second validation names it.
                }
            }
        }
    }

    /** The grid the shared area lies outside its own big grid, if that tells them apart; else the later one. */
    private static int victimOf(List<GridFeature> all, int i, int j, Geometry shared, GridLevels levels,
                                Map<GridFeature, Integer> position, Geometry[] shapes, LocalPlane plane) {
        double outsideI = outsideOwnParent(all.get(i), shared, levels, position, shapes, plane);
        double outsideJ = outsideOwnParent(all.get(j), shared, levels, position, shapes, plane);
        if (outsideI > outsideJ + GridProof.AREA_TOLERANCE_M2) {
            return i;
        }
        return j;
    }

    private static double outsideOwnParent(GridFeature f, Geometry shared, GridLevels levels,
                                           Map<GridFeature, Integer> position, Geometry[] shapes, LocalPlane plane) {
        GridFeature parent = levels.parentOf(f);
        Geometry parentShape = parent == null ? null : shapes[position.get(parent)];
        return parentShape == null ? 0 : plane.areaM2(ProofGeometry.difference(shared, parentShape));
    }
}
