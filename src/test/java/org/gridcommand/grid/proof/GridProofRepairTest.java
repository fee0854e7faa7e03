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
                .startsWith("feature #2 \"bow-tie\" (440402104001002): made valid with GeometryFixer (self-intersection at 113.5815000, 22.3605000): now 2 polygons, "));
        GridFeature fixed = result.file().features().get(1);
        assertThat(fixed.geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(fixed.geometry().isValid()).isTrue();
        assertThat(GridProof.validate(result.file()).defects()).isEmpty();
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
