package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridcommand.grid.proof.ProofGeometry.LocalPlane;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Repairs what a machine can repair without deciding anything a person should: rings are closed, positions
 * written latitude-first are turned round, invalid shapes are made valid with JTS's GeometryFixer (which keeps
 * every part of a self-intersecting ring, unlike buffer(0)), and overlaps between grids of the same level are cut
 * from one of the two. Everything else (names, codes, parents, gaps, positions out of range) needs a person and
 * stays a defect: the caller validates the repaired file again.
 *
 * <p>An overlap is cut from the grid that the shared area lies outside its own big grid, when that tells the two
 * apart (a grid drawn across its community's boundary); otherwise from the later grid in the file.
 */
public final class GridRepair {
    /** The repaired file and one line per repair, e.g. {@code feature #3 "A" (…): closed ring 1}. */
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
        for (int i = 0; i < features.size(); i++) {
            features.set(i, acceptReading(features.get(i), repairs));
        }
        LocalPlane plane = LocalPlane.around(features.stream().filter(GridFeature::usable).map(GridFeature::geometry).toList());
        Geometry[] shapes = new Geometry[features.size()];
        for (int i = 0; i < features.size(); i++) {
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

    /** The reader already closed rings and turned swapped pairs round; repairing means accepting that reading. */
    private static GridFeature acceptReading(GridFeature f, List<String> repairs) {
        if (!f.usable()) {
            return f; // still broken for another reason: its whole reading stays on the report
        }
        List<Defect> kept = new ArrayList<>();
        for (Defect d : f.readDefects()) {
            if (d.kind() == DefectKind.UNCLOSED_RING) {
                int cut = d.detail().indexOf(" is not closed");
                repairs.add(f.ref() + ": closed " + (cut > 0 ? d.detail().substring(0, cut) : "a ring")
                        + " back to its start");
            } else if (d.kind() == DefectKind.LAT_LON_SWAPPED) {
                repairs.add(f.ref() + ": put the longitude first again (" + d.detail() + ")");
            } else {
                kept.add(d);
            }
        }
        return kept.size() == f.readDefects().size() ? f : f.withReadDefects(kept);
    }

    private static Geometry fixInvalid(GridFeature f, LocalPlane plane, List<String> repairs) {
        Geometry shape = f.geometry();
        if (shape == null) {
            return null;
        }
        try {
            TopologyValidationError error = new IsValidOp(shape).getValidationError();
            if (error == null) {
                return shape;
            }
            Geometry fixed = ProofGeometry.polygonal(GeometryFixer.fix(shape));
            if (fixed.isEmpty()) {
                return shape;
            }
            Coordinate at = error.getCoordinate();
            repairs.add(f.ref() + ": made valid with GeometryFixer (" + error.getMessage().toLowerCase(Locale.ROOT)
                    + (at != null ? " at " + Defect.coordinate(at.x) + ", " + Defect.coordinate(at.y) : "")
                    + "): now " + ProofReport.plural(fixed.getNumGeometries(), "polygon") + ", "
                    + Defect.area(plane.areaM2(fixed)));
            return fixed;
        } catch (RuntimeException e) {
            return shape; // left as it was: validation reports it again
        }
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
