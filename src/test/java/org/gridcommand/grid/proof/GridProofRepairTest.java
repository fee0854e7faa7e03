package org.gridcommand.grid.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridcommand.grid.proof.ProofFiles.box;
import static org.gridcommand.grid.proof.ProofFiles.feature;
import static org.gridcommand.grid.proof.ProofFiles.geojson;
import static org.gridcommand.grid.proof.ProofFiles.polygon;
import static org.gridcommand.grid.proof.ProofFiles.props;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;

class GridProofRepairTest {
    private static final String BIG = "440402104001";

    @Test
    void aBowTieIsMadeValidWithBothItsHalves() {
        GridFile file = geojson(
                box(props("A", BIG + "001", null), 113.58, 22.36, 113.581, 22.361),
                polygon(props("bow-tie", BIG + "002", null), new double[][] {
                        {113.581, 22.36}, {113.582, 22.361}, {113.582, 22.36}, {113.581, 22.361}, {113.581, 22.36}}));

        GridRepair.Result result = GridRepair.repair(file);

        assertThat(result.repairs()).singleElement().satisfies(line -> assertThat(line)
                .matches("feature #2 \"bow-tie\" \\(440402104001002\\): made valid with GeometryFixer \\(self-intersection at "
                        + "113\\.5815000, 22\\.3605000\\): now 2 polygons, 5702\\.\\d m² \\(as drawn: 5702\\.\\d m²\\)"));
        GridFeature fixed = result.file().features().get(1);
        assertThat(fixed.geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(fixed.geometry().isValid()).isTrue();
        assertThat(GridProof.validate(result.file()).defects()).isEmpty();
    }

    /**
     * A grid of three polygons: a triangle, a ring collapsed to a line and a bow-tie. Each repair is a line with
     * its areas, and the grid as a whole gets one too; GeometryFixer merges the pieces into one polygon.
     */
    @Test
    void eachRepairOfAGridOfSeveralPolygonsSaysWhatItChanged() {
        GridFile file = geojson(feature(props("three parts", BIG + "001", null), "MultiPolygon", "["
                + "[[[113.58,22.36],[113.581,22.36],[113.5805,22.361],[113.58,22.36]]],"
                + "[[[113.5802,22.3605],[113.5808,22.3605],[113.5802,22.3605],[113.5808,22.3605],[113.5802,22.3605]]],"
                + "[[[113.58,22.36],[113.581,22.362],[113.581,22.36],[113.58,22.362],[113.58,22.36]]]]"));
        assertThat(GridProof.validate(file).defects()).extracting(Defect::kind)
                .containsExactly(DefectKind.INVALID_GEOMETRY, DefectKind.TOO_FEW_POINTS);

        GridRepair.Result result = GridRepair.repair(file);

        // 0.001° by 0.002° at 22.361° N is 103.000 m by 221.468 m: each of the four triangles is a quarter of it.
        double quarter = 103.000 * 221.468 / 4;
        String ref = "feature #1 \"three parts\" (440402104001001): ";
        assertThat(result.repairs()).hasSize(3);
        assertThat(areas(result.repairs().get(0), ref + "left out polygon 2, whose outer ring has 5 positions with "
                + "2 distinct corners (a line: 0.0 m²), as GeometryFixer leaves it out; the rest: 2 polygons, @ as drawn"))
                .singleElement().satisfies(a -> assertThat(a).isCloseTo(3 * quarter, within(0.5)));
        assertThat(areas(result.repairs().get(1), ref + "made valid with GeometryFixer (self-intersection at "
                + "113.5805000, 22.3610000): the polygon there is now 2 polygons, @ (as drawn: @)"))
                .allSatisfy(a -> assertThat(a).isCloseTo(2 * quarter, within(0.5)));
        assertThat(areas(result.repairs().get(2), ref + "made valid with GeometryFixer: now 1 polygon, @ in all "
                + "(as drawn: @)")).allSatisfy(a -> assertThat(a).isCloseTo(3 * quarter, within(0.5)));
        GridFeature fixed = result.file().features().get(0);
        assertThat(fixed.readDefects()).isEmpty();
        assertThat(fixed.geometry().isValid()).isTrue();
        assertThat(GridProof.validate(result.file()).defects()).isEmpty();
    }

    @Test
    void aCollapsedHoleIsLeftOutAndTheGridKeepsItsArea() {
        GridFile file = geojson(polygon(props("holed", null, null), ProofFiles.boxRing(113.58, 22.36, 113.581, 22.361),
                new double[][] {{113.5802, 22.3602}, {113.5804, 22.3602}, {113.5802, 22.3602}}));
        assertThat(file.features().get(0).readDefects()).extracting(Defect::kind).containsExactly(DefectKind.TOO_FEW_POINTS);

        GridRepair.Result result = GridRepair.repair(file);

        assertThat(result.repairs()).singleElement().satisfies(line -> assertThat(line).matches(
                "feature #1 \"holed\": left out ring 2, a hole of 3 positions with 2 distinct corners \\(a line: 0\\.0 m²\\), "
                        + "as GeometryFixer leaves it out; the rest: 1 polygon, 11405\\.\\d m² as drawn"));
        assertThat(((org.locationtech.jts.geom.Polygon) result.file().features().get(0).geometry()).getNumInteriorRing()).isZero();
        assertThat(GridProof.validate(result.file()).defects()).isEmpty();
    }

    @Test
    void aGridWhoseOnlyRingCollapsedStaysForAPerson() {
        GridFile file = geojson(feature(props("line", null, null), "Polygon",
                "[[[113.58,22.36],[113.581,22.36],[113.58,22.36],[113.581,22.36],[113.58,22.36]]]"));
        assertThat(file.features().get(0).usable()).isFalse();

        GridRepair.Result result = GridRepair.repair(file);

        assertThat(result.repairs()).isEmpty();
        assertThat(GridProof.validate(result.file()).defects()).extracting(Defect::kind)
                .containsExactly(DefectKind.TOO_FEW_POINTS);
    }

    @Test
    void theAreaAsDrawnCountsEveryLobeOfASelfCrossingRing() {
        GridFile file = geojson(polygon(props("bow-tie", null, null), new double[][] {
                {113.58, 22.36}, {113.581, 22.361}, {113.581, 22.36}, {113.58, 22.361}, {113.58, 22.36}}));
        org.locationtech.jts.geom.Geometry bowTie = file.features().get(0).geometry();
        ProofGeometry.LocalPlane plane = ProofGeometry.LocalPlane.around(java.util.List.of(bowTie));

        // The shoelace sum lets the lobes, drawn in opposite directions, cancel; a map fills both.
        assertThat(plane.areaM2(bowTie)).isCloseTo(0, within(1e-6));
        assertThat(DrawnArea.m2(bowTie, plane)).isCloseTo(103.000 * 110.734 / 2, within(0.5));
    }

    /** The numbers of a line that matches the pattern, where @ stands for "1234.5 m²". */
    private static java.util.List<Double> areas(String line, String pattern) {
        String regex = java.util.regex.Pattern.quote(pattern).replace("@", "\\E(\\d+\\.\\d) m²\\Q");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(line);
        assertThat(m.matches()).as(line + "\n does not match\n" + pattern).isTrue();
        java.util.List<Double> areas = new java.util.ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            areas.add(Double.parseDouble(m.group(i)));
        }
        return areas;
    }

    @Test
    void unclosedRingsAndSwappedPositionsAreAcceptedAsRead() {
        GridFile file = geojson(
                feature(props("unclosed", null, null), "Polygon", "[[[113.58,22.36],[113.581,22.36],[113.581,22.361],[113.58,22.361]]]"),
                feature(props("swapped", null, null), "Polygon",
                        "[[[113.581,22.36],[113.582,22.36],[22.361,113.582],[113.581,22.361],[113.581,22.36]]]"));
        assertThat(GridProof.validate(file).defects()).extracting(Defect::kind)
                .containsExactly(DefectKind.UNCLOSED_RING, DefectKind.LAT_LON_SWAPPED);

        GridRepair.Result result = GridRepair.repair(file);

        assertThat(result.repairs()).containsExactly(
                "feature #1 \"unclosed\": closed ring 1 back to its start",
                "feature #2 \"swapped\": put the longitude first again (1 of 5 positions have the latitude first; "
                        + "first: vertex 3 of ring 1 is (22.361, 113.582))");
        assertThat(GridProof.validate(result.file()).defects()).isEmpty();
    }

    @Test
    void anOverlapIsCutFromTheLaterGrid() {
        GridFile file = geojson(
                box(props("A", null, null), 113.58, 22.36, 113.581, 22.361),
                box(props("B", null, null), 113.5808, 22.36, 113.582, 22.361));

        GridRepair.Result result = GridRepair.repair(file);

        assertThat(result.repairs()).singleElement().satisfies(line -> assertThat(line)
                .matches("feature #2 \"B\": cut away the 2281\\.\\d m² it shared with feature #1 \"A\""));
        assertThat(result.file().features().get(0).geometry()).isEqualTo(file.features().get(0).geometry());
        assertThat(result.file().features().get(1).geometry().getEnvelopeInternal().getMinX()).isCloseTo(113.581, within(1e-12));
        assertThat(GridProof.validate(result.file()).defects()).isEmpty();
    }

    @Test
    void anOverlapIsCutFromTheGridThatCrossedItsCommunityBoundary() {
        GridFile file = geojson(
                box(props("唐家社区", BIG, null), 113.58, 22.36, 113.581, 22.361),
                box(props("唐乐社区", "440402104002", null), 113.581, 22.36, 113.582, 22.361),
                box(props("唐乐1", "440402104002001", "440402104002"), 113.581, 22.36, 113.582, 22.361),
                // Drawn across into the neighbouring community: the cut must come from this one, though it is later.
                box(props("唐家1", BIG + "001", BIG), 113.58, 22.36, 113.5815, 22.361));
        GridRepair.Result result = GridRepair.repair(file);
        assertThat(result.repairs()).singleElement().satisfies(line -> assertThat(line).startsWith("feature #4 \"唐家1\""));
        assertThat(GridProof.validate(result.file()).defects()).isEmpty();

        GridFile earlier = geojson(
                box(props("唐家社区", BIG, null), 113.58, 22.36, 113.581, 22.361),
                box(props("唐乐社区", "440402104002", null), 113.581, 22.36, 113.582, 22.361),
                box(props("唐家1", BIG + "001", BIG), 113.58, 22.36, 113.5815, 22.361),
                box(props("唐乐1", "440402104002001", "440402104002"), 113.581, 22.36, 113.582, 22.361));
        GridRepair.Result again = GridRepair.repair(earlier);
        assertThat(again.repairs()).singleElement().satisfies(line -> assertThat(line).startsWith("feature #3 \"唐家1\""));
        assertThat(GridProof.validate(again.file()).defects()).isEmpty();
    }

    @Test
    void whatNeedsAPersonStaysADefect() {
        GridFile file = geojson(
                box(props(null, BIG + "001", null), 113.58, 22.36, 113.581, 22.361),
                box(props("twin", BIG + "001", null), 113.581, 22.36, 113.582, 22.361),
                box(props("lost", "440402104009003", "440402104009"), 113.582, 22.36, 113.583, 22.361),
                feature(props("far", BIG + "004", null), "Polygon", "[[[113.583,22.36],[113.584,122.36],[113.584,22.361],[113.583,22.36]]]"),
                box(props("inside", BIG + "005", null), 113.5802, 22.3602, 113.5804, 22.3604));

        GridRepair.Result result = GridRepair.repair(file);

        assertThat(result.repairs()).isEmpty();
        assertThat(GridProof.validate(result.file()).defects()).extracting(Defect::kind).containsExactly(
                DefectKind.COORDINATE_OUT_OF_RANGE, DefectKind.MISSING_NAME, DefectKind.DUPLICATE_CODE,
                DefectKind.UNKNOWN_PARENT, DefectKind.OVERLAP);
    }
}
