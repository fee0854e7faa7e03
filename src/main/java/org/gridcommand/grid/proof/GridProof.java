package org.gridcommand.grid.proof;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gridcommand.common.InputText;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.proof.ProofGeometry.LocalPlane;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Proves a grid file: "no gap, no overlap, nothing left out", plus everything that stops the grids from being
 * used (broken rings, bad codes, unknown parents). Pure computation on the file; the store is not touched.
 *
 * <p><b>Area tolerance.</b> Overlaps, gaps and parts outside a parent are defects from
 * {@link #AREA_TOLERANCE_M2} (0.5 m²) up. Below that the difference is the noise of re-digitised or
 * re-projected shared edges (a 1 km boundary drawn twice, 0.5 mm apart), not a place where a case could fall
 * between two owners or two. Areas are measured in metres on a local plane around the file (see
 * {@link LocalPlane}), so the tolerance means the same in Zhuhai and in Harbin.
 *
 * <p><b>Gaps</b> are found two ways: areas enclosed by the grids that no grid covers (holes of the union of all
 * grids that are not a grid's own declared hole, such as a lake), and parts of a big grid that none of its
 * small grids covers. A notch in the district's outer edge is not a gap: the file alone does not say where
 * the district ends.
 *
 * <p><b>Scale.</b> Overlap candidates come from an STR-tree, are screened with a prepared geometry and only
 * then intersected, with OverlayNG's robust overlay; an overlay that fails anyway (a TopologyException) becomes
 * an INVALID_GEOMETRY defect of that pair, never an exception out of here. Shapes that IsValidOp rejects are
 * reported, then checked against their neighbours in their GeometryFixer form: what a repair would import.
 */
public final class GridProof {
    /** Overlaps, gaps and parts outside a parent smaller than this (m²) are floating-point noise, not defects. */
    public static final double AREA_TOLERANCE_M2 = 0.5;

    private GridProof() {
    }

    /** Validates a file as a layout to look at: codes and parents are checked where given. */
    public static ProofReport validate(GridFile file) {
        return validate(file, false);
    }

    /**
     * Validates a file; {@code forImport} also requires what the store needs: a code on every grid and a big
     * grid of the file for every small grid.
     */
    public static ProofReport validate(GridFile file, boolean forImport) {
        try {
            return new Run(file, forImport).run();
        } catch (RuntimeException | StackOverflowError e) {
            GridLevels levels = new GridLevels(file.features());
            String message = e.getMessage() == null ? "unexpected geometry" : e.getMessage().lines().findFirst().orElse("");
            return new ProofReport(levels.big.size(), levels.small.size(), List.of(new Defect(
                    DefectKind.INVALID_GEOMETRY, "file \"" + file.source() + "\"", null, Double.NaN, Double.NaN,
                    null, "the grids could not be checked: " + InputText.printable(message), null)));
        }
    }

    /**
     * The grid heads and grid workers of the current district whose grid the new layout does not have: one
     * ORPHANED_PEOPLE defect per disappearing grid, naming them, placed in the grid they would lose.
     */
    public static List<Defect> orphans(District current, GridLayout next) {
        Set<String> smallCodes = next.smallGrids().stream().map(g -> g.code().value()).collect(Collectors.toSet());
        Set<String> bigCodes = next.bigGrids().stream().map(BigGrid::code).collect(Collectors.toSet());
        List<Defect> defects = new ArrayList<>();
        Map<String, List<GridHead>> heads = new TreeMap<>();
        for (GridHead h : current.gridHeads()) {
            if (!bigCodes.contains(h.bigGridCode())) {
                heads.computeIfAbsent(h.bigGridCode(), k -> new ArrayList<>()).add(h);
            }
        }
        Map<String, BigGrid> bigs = current.bigGridsByCode();
        heads.forEach((code, people) -> {
            BigGrid old = bigs.get(code);
            String ref = "big grid " + code + (old != null ? " \"" + old.name().zh() + "\"" : "");
            defects.add(orphanDefect(ref, old != null ? old.area() : null, people.size(), "grid head",
                    people.stream().map(h -> h.id() + " " + h.name().zh()).toList(), "big grid"));
        });
        Map<String, List<GridWorker>> workers = new TreeMap<>();
        for (GridWorker w : current.gridWorkers()) {
            if (!smallCodes.contains(w.smallGrid().value())) {
                workers.computeIfAbsent(w.smallGrid().value(), k -> new ArrayList<>()).add(w);
            }
        }
        Map<String, SmallGrid> smalls = new HashMap<>();
        current.smallGrids().forEach(g -> smalls.put(g.code().value(), g));
        workers.forEach((code, people) -> {
            SmallGrid old = smalls.get(code);
            String ref = "small grid " + code + (old != null ? " \"" + old.name().zh() + "\"" : "");
            defects.add(orphanDefect(ref, old != null ? old.area() : null, people.size(), "grid worker",
                    people.stream().map(w -> w.id() + " " + w.name().zh()).toList(), "grid"));
        });
        return defects;
    }

    private static Defect orphanDefect(String ref, Geometry oldArea, int n, String role, List<String> names, String what) {
        Coordinate at = ProofGeometry.inside(oldArea);
        String detail = "not in the file, but " + ProofReport.plural(n, role) + " would lose their " + what + ": "
                + String.join(", ", names);
        return new Defect(DefectKind.ORPHANED_PEOPLE, ref, null, at != null ? at.x : Double.NaN,
                at != null ? at.y : Double.NaN, null, detail, at != null ? ProofGeometry.FACTORY.createPoint(at) : null);
    }

    /** One validation: state shared by the checks, each of which only adds defects. */
    private static final class Run {
        private final GridFile file;
        private final boolean forImport;
        private final GridLevels levels;
        private final List<Defect> defects = new ArrayList<>();
        /** The shape each usable feature is checked with, in metres: as read, or as GeometryFixer makes it valid. */
        private final Map<GridFeature, Geometry> planar = new LinkedHashMap<>();
        private final Map<GridFeature, Coordinate> places = new HashMap<>();
        private LocalPlane plane;

        Run(GridFile file, boolean forImport) {
            this.file = file;
            this.forImport = forImport;
            this.levels = new GridLevels(file.features());
        }

        ProofReport run() {
            defects.addAll(file.readDefects());
            // Shapes first: the other defects are placed inside the shape the checks use.
            checkShapes();
            checkNames();
            checkCodes();
            checkParents();
            checkOverlaps(levels.big);
            checkOverlaps(levels.small);
            checkEnclosedGaps();
            checkBigGridCoverage();
            checkOutsideParent();
            // Stable: within a kind, defects stay in file order.
            defects.sort(Comparator.comparing(Defect::kind));
            return new ProofReport(levels.big.size(), levels.small.size(), defects);
        }

        // ------------------------------------------------------------ attributes

        private void checkNames() {
            for (GridFeature f : file.features()) {
                if (f.name() == null) {
                    add(DefectKind.MISSING_NAME, f, null, "has no name; every grid needs the \"name\" the district knows it by");
                }
            }
        }

        private void checkCodes() {
            Map<String, GridFeature> first = new HashMap<>();
            for (GridFeature f : file.features()) {
                String code = f.code() == null ? null : InputText.printable(f.code());
                boolean big = levels.isBig(f);
                if (code == null) {
                    if (forImport) {
                        add(DefectKind.MALFORMED_CODE, f, null, "has no code; every grid needs one to be imported");
                    }
                    continue;
                }
                if (big && !code.matches("\\d{12}")) {
                    add(DefectKind.MALFORMED_CODE, f, null, "big grid code \"" + code
                            + "\" is not 12 digits (6 administrative + 3 street + 3 community)");
                } else if (!big && !code.matches("\\d{15}")) {
                    add(DefectKind.MALFORMED_CODE, f, null, "small grid code \"" + code
                            + "\" is not 15 digits (6 administrative + 3 street + 3 community + 3 sequence)");
                } else if (!big) {
                    String parent = levels.parentCode(f);
                    if (parent != null && parent.matches("\\d{12}") && !code.startsWith(parent)) {
                        add(DefectKind.MALFORMED_CODE, f, null, "small grid code " + code
                                + " does not start with the code of its big grid " + parent);
                    }
                }
                GridFeature earlier = first.putIfAbsent(f.code(), f);
                if (earlier != null) {
                    add(DefectKind.DUPLICATE_CODE, f, earlier, "both have code " + code);
                }
            }
        }

        private void checkParents() {
            Set<String> codes = new HashSet<>();
            file.features().forEach(f -> {
                if (f.code() != null) {
                    codes.add(f.code());
                }
            });
            // A file declared to hold small grids only names big grids it does not hold: an import checks them
            // against the store's, a validation of the file alone cannot.
            if (!forImport && levels.big.isEmpty() && !file.features().isEmpty()
                    && file.features().stream().allMatch(f -> f.level() == GridLevel.SMALL)) {
                return;
            }
            boolean withKept = file.features().stream().anyMatch(GridFeature::kept);
            for (GridFeature f : levels.small) {
                if (f.parent() != null && !codes.contains(f.parent())) {
                    add(DefectKind.UNKNOWN_PARENT, f, null, "parent " + InputText.printable(f.parent())
                            + " is the code of no grid in the file" + (withKept ? " or the store" : ""));
                } else if (f.parent() == null && forImport && levels.parentOf(f) == null) {
                    add(DefectKind.UNKNOWN_PARENT, f, null, "names no parent, and no big grid in the file"
                            + (withKept ? " or the store" : "") + " has the code it starts with; every small grid"
                            + " needs a big grid to be imported");
                }
            }
        }

        // ------------------------------------------------------------ shapes

        private void checkShapes() {
            List<Geometry> usable = file.features().stream().filter(GridFeature::usable).map(GridFeature::geometry).toList();
            plane = LocalPlane.around(usable);
            for (GridFeature f : file.features()) {
                if (!f.usable()) {
                    continue;
                }
                Geometry shape = f.geometry();
                TopologyValidationError error = new IsValidOp(shape).getValidationError();
                if (error != null) {
                    Coordinate at = error.getCoordinate() != null ? error.getCoordinate() : ProofGeometry.inside(shape);
                    defects.add(new Defect(DefectKind.INVALID_GEOMETRY, f.ref(), null, at.x, at.y, null,
                            lowerFirst(error.getMessage()), ProofGeometry.FACTORY.createPoint(at.copy())));
                    try {
                        shape = ProofGeometry.polygonal(GeometryFixer.fix(shape));
                    } catch (RuntimeException e) {
                        shape = null;
                    }
                    if (shape == null || shape.isEmpty()) {
                        continue;
                    }
                }
                planar.put(f, plane.toPlane(shape));
            }
        }

        private void checkOverlaps(List<GridFeature> level) {
            List<GridFeature> shaped = level.stream().filter(planar::containsKey).toList();
            STRtree tree = new STRtree();
            for (int i = 0; i < shaped.size(); i++) {
                tree.insert(planar.get(shaped.get(i)).getEnvelopeInternal(), i);
            }
            for (int i = 0; i < shaped.size(); i++) {
                final int self = i;
                GridFeature a = shaped.get(i);
                Geometry ga = planar.get(a);
                PreparedGeometry prepared = PreparedGeometryFactory.prepare(ga);
                @SuppressWarnings("unchecked")
                List<Integer> candidates = tree.query(ga.getEnvelopeInternal());
                for (int j : candidates.stream().filter(j -> j > self).sorted().toList()) {
                    GridFeature b = shaped.get(j);
                    Geometry gb = planar.get(b);
                    try {
                        if (!prepared.intersects(gb)) {
                            continue;
                        }
                        Geometry shared = ProofGeometry.intersection(ga, gb);
                        double area = shared.getArea();
                        if (area >= AREA_TOLERANCE_M2) {
                            addArea(DefectKind.OVERLAP, a, b, shared, area, Defect.area(area));
                        }
                    } catch (RuntimeException e) {
                        failedOverlay(a, b, "could not be intersected with " + b.ref(), e);
                    }
                }
            }
        }

        private void checkEnclosedGaps() {
            if (planar.isEmpty()) {
                return;
            }
            Geometry union;
            try {
                union = ProofGeometry.union(planar.values());
            } catch (RuntimeException e) {
                failedOverlay(planar.keySet().iterator().next(), null, "the grids could not be joined to look for gaps", e);
                return;
            }
            List<Geometry> declared = new ArrayList<>();
            for (Geometry g : planar.values()) {
                for (Polygon p : ProofGeometry.parts(g)) {
                    for (int r = 0; r < p.getNumInteriorRing(); r++) {
                        declared.add(p.getFactory().createPolygon(p.getInteriorRingN(r)));
                    }
                }
            }
            STRtree tree = new STRtree();
            planar.forEach((f, g) -> tree.insert(g.getEnvelopeInternal(), f));
            for (Polygon part : ProofGeometry.parts(union)) {
                for (int r = 0; r < part.getNumInteriorRing(); r++) {
                    LinearRing ring = part.getInteriorRingN(r);
                    Geometry hole = part.getFactory().createPolygon(ring);
                    if (hole.getArea() < AREA_TOLERANCE_M2) {
                        continue;
                    }
                    try {
                        // A grid's own hole (a lake, a closed compound) is drawn on purpose: only the rest is a gap.
                        for (Geometry lake : declared) {
                            if (lake.getEnvelopeInternal().intersects(hole.getEnvelopeInternal())) {
                                hole = ProofGeometry.difference(hole, lake);
                            }
                        }
                    } catch (RuntimeException e) {
                        continue;
                    }
                    for (Polygon gap : ProofGeometry.parts(hole)) {
                        double area = gap.getArea();
                        if (area < AREA_TOLERANCE_M2) {
                            continue;
                        }
                        List<GridFeature> around = neighbours(tree, gap);
                        GridFeature first = around.isEmpty() ? null : around.get(0);
                        GridFeature second = around.size() > 1 ? around.get(1) : null;
                        String detail = Defect.area(area) + " covered by no grid"
                                + (around.size() > 2 ? ", bordered by " + around.size() + " grids" : "");
                        if (first == null) {
                            Coordinate at = plane.toLonLat(ProofGeometry.inside(gap));
                            defects.add(new Defect(DefectKind.GAP, "the district", null, at.x, at.y, area, detail,
                                    plane.toLonLat(gap)));
                        } else {
                            addArea(DefectKind.GAP, first, second, gap, area, detail);
                        }
                    }
                }
            }
        }

        private List<GridFeature> neighbours(STRtree tree, Geometry gap) {
            Envelope env = new Envelope(gap.getEnvelopeInternal());
            env.expandBy(1);
            @SuppressWarnings("unchecked")
            List<GridFeature> candidates = tree.query(env);
            Geometry boundary = gap.getBoundary();
            return candidates.stream()
                    .filter(f -> planar.get(f).distance(boundary) < 0.01)
                    .sorted(Comparator.comparingInt(GridFeature::index))
                    .toList();
        }

        private void checkBigGridCoverage() {
            if (levels.small.isEmpty()) {
                return; // a file of big grids only is a coarser layout, not one with holes
            }
            Map<GridFeature, List<Geometry>> children = new HashMap<>();
            for (GridFeature s : levels.small) {
                GridFeature parent = levels.parentOf(s);
                if (parent != null && planar.containsKey(s)) {
                    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(planar.get(s));
                }
            }
            for (GridFeature big : levels.big) {
                Geometry area = planar.get(big);
                if (area == null) {
                    continue;
                }
                List<Geometry> own = children.getOrDefault(big, List.of());
                if (own.isEmpty()) {
                    double m2 = area.getArea();
                    addArea(DefectKind.GAP, big, null, area, m2, Defect.area(m2)
                            + ": no small grid in the file belongs to this big grid");
                    continue;
                }
                try {
                    Geometry uncovered = ProofGeometry.difference(area, ProofGeometry.union(own));
                    for (Polygon part : ProofGeometry.parts(uncovered)) {
                        double m2 = part.getArea();
                        if (m2 >= AREA_TOLERANCE_M2) {
                            addArea(DefectKind.GAP, big, null, part, m2, Defect.area(m2)
                                    + " of this big grid is in none of its small grids");
                        }
                    }
                } catch (RuntimeException e) {
                    failedOverlay(big, null, "could not be compared with its small grids", e);
                }
            }
        }

        private void checkOutsideParent() {
            for (GridFeature small : levels.small) {
                GridFeature parent = levels.parentOf(small);
                if (parent == null || !planar.containsKey(small) || !planar.containsKey(parent)) {
                    continue;
                }
                try {
                    Geometry outside = ProofGeometry.difference(planar.get(small), planar.get(parent));
                    double m2 = outside.getArea();
                    if (m2 >= AREA_TOLERANCE_M2) {
                        addArea(DefectKind.OUTSIDE_PARENT, small, parent, outside, m2,
                                Defect.area(m2) + " lies outside its big grid");
                    }
                } catch (RuntimeException e) {
                    failedOverlay(small, parent, "could not be compared with its big grid " + parent.ref(), e);
                }
            }
        }

        // ------------------------------------------------------------ defects

        private void add(DefectKind kind, GridFeature f, GridFeature other, String detail) {
            Coordinate at = place(f);
            defects.add(new Defect(kind, f.ref(), other != null ? other.ref() : null,
                    at != null ? at.x : Double.NaN, at != null ? at.y : Double.NaN, null, detail,
                    at != null ? ProofGeometry.FACTORY.createPoint(at.copy()) : null));
        }

        /** A defect with an area: placed inside that area (planar), its shape handed on in lon/lat. */
        private void addArea(DefectKind kind, GridFeature f, GridFeature other, Geometry planarArea, double m2,
                             String detail) {
            Coordinate at = plane.toLonLat(ProofGeometry.inside(planarArea));
            defects.add(new Defect(kind, f.ref(), other != null ? other.ref() : null, at.x, at.y, m2, detail,
                    plane.toLonLat(planarArea)));
        }

        private void failedOverlay(GridFeature f, GridFeature other, String what, RuntimeException e) {
            String reason = e.getMessage() == null ? "" : ": " + InputText.printable(e.getMessage());
            add(DefectKind.INVALID_GEOMETRY, f, other, what + reason);
        }

        private Coordinate place(GridFeature f) {
            return places.computeIfAbsent(f, k -> {
                if (planar.containsKey(k)) {
                    return plane.toLonLat(ProofGeometry.inside(planar.get(k)));
                }
                return k.usable() ? ProofGeometry.inside(k.geometry()) : null;
            });
        }

        private static String lowerFirst(String s) {
            return s == null || s.isEmpty() ? "invalid geometry"
                    : s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
    }
}
