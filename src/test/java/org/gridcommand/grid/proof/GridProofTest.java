package org.gridcommand.grid.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;
import static org.gridcommand.grid.proof.ProofFiles.box;
import static org.gridcommand.grid.proof.ProofFiles.boxRing;
import static org.gridcommand.grid.proof.ProofFiles.geojson;
import static org.gridcommand.grid.proof.ProofFiles.of;
import static org.gridcommand.grid.proof.ProofFiles.polygon;
import static org.gridcommand.grid.proof.ProofFiles.props;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gridcommand.geo.Datum;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class GridProofTest {
    private static final String BIG = "440402104001";

    @Test
    void aSeamlessLayoutIsCleanAndCounted() {
        ProofReport report = GridProof.validate(geojson(
                box(props("唐家社区", BIG, null), 113.58, 22.36, 113.582, 22.362),
                box(props("1", BIG + "001", BIG), 113.58, 22.361, 113.581, 22.362),
                box(props("2", BIG + "002", BIG), 113.581, 22.361, 113.582, 22.362),
                box(props("3", BIG + "003", null), 113.58, 22.36, 113.581, 22.361),
                box(props("4", BIG + "004", null), 113.581, 22.36, 113.582, 22.361)), true);

        assertThat(report.defects()).isEmpty();
        assertThat(report.bigGrids()).isEqualTo(1);
        assertThat(report.smallGrids()).isEqualTo(4);
        assertThat(report.summary()).isEqualTo("4 small grids in 1 big grid: 0 overlaps, 0 gaps, 0 other defects");
    }

    @Test
    void overlapAreasAreSquareMetresOnTheEllipsoid() {
        ProofReport report = GridProof.validate(geojson(
                box(props("A", null, null), 113.58, 22.36, 113.581, 22.361),
                box(props("B", null, null), 113.5808, 22.36, 113.582, 22.361)));

        // 0.0002° of longitude by 0.001° of latitude at 22.3605° N: N·cos φ·Δλ = 20.600 m, M·Δφ = 110.734 m.
        Defect overlap = of(report, DefectKind.OVERLAP).get(0);
        assertThat(overlap.areaM2()).isCloseTo(2281.1, within(0.5));
        assertThat(overlap.featureRef()).isEqualTo("feature #1 \"A\"");
        assertThat(overlap.otherFeatureRef()).isEqualTo("feature #2 \"B\"");
        assertThat(overlap.lon()).isBetween(113.5808, 113.581);
        assertThat(overlap.lat()).isBetween(22.36, 22.361);
        assertThat(overlap.where().getEnvelopeInternal().getMinX()).as("the shape is lon/lat").isCloseTo(113.5808, within(1e-9));
        assertThat(overlap.toLine()).matches("OVERLAP feature #1 \"A\" × feature #2 \"B\": 2281\\.\\d m² at 113\\.580\\d{4}, 22\\.360\\d{4}");
        assertThat(report.defects()).hasSize(1);
    }

    @Test
    void overlapsAndGapsBelowHalfASquareMetreAreNoise() {
        // 1e-9° ≈ 0.1 mm: a shared edge digitised twice. 1e-7° ≈ 1 cm over 110 m ≈ 1.1 m²: a real overlap.
        ProofReport noise = GridProof.validate(geojson(
                box(props("A", null, null), 113.58, 22.36, 113.581 + 1e-9, 22.361),
                box(props("B", null, null), 113.581, 22.36, 113.582, 22.361)));
        assertThat(noise.defects()).isEmpty();
        ProofReport real = GridProof.validate(geojson(
                box(props("A", null, null), 113.58, 22.36, 113.581 + 1e-7, 22.361),
                box(props("B", null, null), 113.581, 22.36, 113.582, 22.361)));
        assertThat(of(real, DefectKind.OVERLAP)).singleElement()
                .satisfies(d -> assertThat(d.areaM2()).isCloseTo(1.14, within(0.02)));
    }

    @Test
    void gapsAreEnclosedHolesAndUncoveredPartsOfBigGridsButNotDeclaredLakes() {
        double[][] lake = boxRing(113.5805, 22.3605, 113.5815, 22.3615);
        ProofReport withLake = GridProof.validate(geojson(
                polygon(props("有湖的社区", BIG, null), boxRing(113.58, 22.36, 113.582, 22.362), reversed(lake)),
                polygon(props("湖周网格", BIG + "001", BIG), boxRing(113.58, 22.36, 113.582, 22.362), reversed(lake))));
        assertThat(withLake.defects()).as("a hole drawn into a grid is on purpose").isEmpty();

        ProofReport uncovered = GridProof.validate(geojson(
                box(props("唐家社区", BIG, null), 113.58, 22.36, 113.582, 22.362),
                box(props("1", BIG + "001", BIG), 113.58, 22.361, 113.581, 22.362),
                box(props("2", BIG + "002", BIG), 113.581, 22.361, 113.582, 22.362),
                box(props("3", BIG + "003", BIG), 113.58, 22.36, 113.581, 22.361)));
        Defect gap = of(uncovered, DefectKind.GAP).get(0);
        assertThat(gap.featureRef()).isEqualTo("feature #1 \"唐家社区\" (" + BIG + ")");
        assertThat(gap.detail()).contains("in none of its small grids");
        assertThat(gap.areaM2()).isCloseTo(11_405, within(10.0));
        assertThat(gap.lon()).isBetween(113.581, 113.582);
        assertThat(gap.lat()).isBetween(22.36, 22.361);
        assertThat(uncovered.defects()).hasSize(1);

        ProofReport enclosed = GridProof.validate(geojson(
                box(props("S", null, null), 113.58, 22.36, 113.583, 22.361),
                box(props("N", null, null), 113.58, 22.362, 113.583, 22.363),
                box(props("W", null, null), 113.58, 22.361, 113.581, 22.362),
                box(props("E", null, null), 113.582, 22.361, 113.583, 22.362)));
        assertThat(of(enclosed, DefectKind.GAP)).singleElement().satisfies(d -> {
            assertThat(d.toLine()).startsWith("GAP between feature #1 \"S\" and feature #2 \"N\": 114");
            assertThat(d.detail()).contains("bordered by 4 grids");
            assertThat(d.lon()).isBetween(113.581, 113.582);
            assertThat(d.lat()).isBetween(22.361, 22.362);
        });
    }

    @Test
    void smallGridsOutsideTheirBigGridAreMeasured() {
        ProofReport report = GridProof.validate(geojson(
                box(props("唐家社区", BIG, null), 113.58, 22.36, 113.582, 22.361),
                box(props("1", BIG + "001", BIG), 113.58, 22.36, 113.581, 22.361),
                box(props("2", BIG + "002", null), 113.581, 22.36, 113.5825, 22.361)));
        assertThat(of(report, DefectKind.OUTSIDE_PARENT)).singleElement().satisfies(d -> {
            assertThat(d.featureRef()).isEqualTo("feature #3 \"2\" (" + BIG + "002)");
            assertThat(d.otherFeatureRef()).as("parent found by code prefix").isEqualTo("feature #1 \"唐家社区\" (" + BIG + ")");
            assertThat(d.areaM2()).isCloseTo(5702.8, within(1.0));
            assertThat(d.lon()).isBetween(113.582, 113.5825);
        });
        assertThat(report.defects()).hasSize(1);
    }

    @Test
    void codesNamesAndParents() {
        ProofReport report = GridProof.validate(geojson(
                box(props("referenced", "440402104002001", null), 113.58, 22.36, 113.581, 22.361),
                box(props("child", "440402104002001001", "440402104002001"), 113.58, 22.36, 113.581, 22.361),
                box(props("wrong prefix", "440402104003001", BIG), 113.581, 22.36, 113.582, 22.361),
                box(props("orphan", "440402104009002", "440402104009"), 113.582, 22.36, 113.583, 22.361),
                box(props(null, "440402104005003", null), 113.583, 22.36, 113.584, 22.361),
                box(props("twin", "440402104005003", null), 113.584, 22.36, 113.585, 22.361),
                box(props("唐家社区", BIG, null), 113.581, 22.36, 113.582, 22.361)));
        assertThat(report.defects()).extracting(Defect::kind).containsExactly(
                DefectKind.MISSING_NAME,
                DefectKind.MALFORMED_CODE, DefectKind.MALFORMED_CODE, DefectKind.MALFORMED_CODE,
                DefectKind.DUPLICATE_CODE, DefectKind.UNKNOWN_PARENT);
        assertThat(of(report, DefectKind.MALFORMED_CODE)).extracting(Defect::detail).containsExactly(
                "big grid code \"440402104002001\" is not 12 digits (6 administrative + 3 street + 3 community)",
                "small grid code \"440402104002001001\" is not 15 digits (6 administrative + 3 street + 3 community + 3 sequence)",
                "small grid code 440402104003001 does not start with the code of its big grid " + BIG);
        assertThat(of(report, DefectKind.DUPLICATE_CODE).get(0).toLine())
                .startsWith("DUPLICATE_CODE feature #6 \"twin\" (440402104005003) and feature #5 (440402104005003): both have code");
        assertThat(report.bigGrids()).isEqualTo(2);
    }

    @Test
    void anImportAlsoNeedsCodesAndABigGridForEverySmallGrid() {
        GridFile file = geojson(
                box(props("A", null, null), 113.58, 22.36, 113.581, 22.361),
                box(props("B", BIG + "002", null), 113.581, 22.36, 113.582, 22.361));
        assertThat(GridProof.validate(file).defects()).isEmpty();
        assertThat(GridProof.validate(file, true).defects()).extracting(Defect::kind).containsExactly(
                DefectKind.MALFORMED_CODE, DefectKind.UNKNOWN_PARENT, DefectKind.UNKNOWN_PARENT);
    }

    @Test
    void invalidShapesAreReportedAtTheirFaultAndCheckedInTheirFixedForm() {
        ProofReport report = GridProof.validate(geojson(
                box(props("A", null, null), 113.58, 22.36, 113.581, 22.361),
                polygon(props("bow-tie", null, null), new double[][] {
                        {113.581, 22.36}, {113.582, 22.361}, {113.582, 22.36}, {113.581, 22.361}, {113.581, 22.36}})));
        assertThat(report.defects()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DefectKind.INVALID_GEOMETRY);
            assertThat(d.detail()).isEqualTo("self-intersection");
            assertThat(d.lon()).isCloseTo(113.5815, within(1e-9));
            assertThat(d.lat()).isCloseTo(22.3605, within(1e-9));
        });
    }

    /** Random rings (most self-intersecting, some degenerate) must give defects, never an exception. */
    @Test
    @Tag("slow")
    void noExceptionEscapesOnRandomShapes() {
        Random random = new Random(20_180_801L);
        for (int round = 0; round < 20; round++) {
            List<String> features = new ArrayList<>();
            for (int f = 0; f < 25; f++) {
                int n = 3 + random.nextInt(8);
                double[][] ring = new double[n + 1][];
                for (int k = 0; k < n; k++) {
                    // Snapped to a coarse lattice so vertices repeat and edges overlap collinearly.
                    ring[k] = new double[] {113.58 + random.nextInt(6) * 0.0004, 22.36 + random.nextInt(6) * 0.0004};
                }
                ring[n] = random.nextInt(10) == 0 ? ring[n - 1] : ring[0];
                features.add(polygon(props("r" + f, BIG + String.format("%03d", 1 + random.nextInt(30)),
                        random.nextBoolean() ? BIG : null), ring));
            }
            features.add(box(props("big", BIG, null), 113.58, 22.36, 113.582, 22.362));
            GridFile file = geojson(features.toArray(String[]::new));
            assertThatCode(() -> {
                ProofReport report = GridProof.validate(file, true);
                GridRepair.Result repaired = GridRepair.repair(file);
                GridProof.validate(repaired.file(), true);
                assertThat(report.defects()).isNotEmpty();
                report.defects().forEach(d -> assertThat(d.toLine()).doesNotContain("Exception"));
            }).doesNotThrowAnyException();
        }
    }

    /** A 60 x 60 lattice (3,600 grids): the STR-tree keeps the pair checks near-linear. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void scalesToThousandsOfGrids() {
        List<String> features = new ArrayList<>();
        double step = 0.001;
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 60; j++) {
                double w = 113.55 + i * step;
                double s = 22.33 + j * step;
                features.add(box(props("g" + i + "-" + j, null, null), w, s, w + step, s + step));
            }
        }
        // One grid missing in the middle: exactly one enclosed gap.
        features.remove(30 * 60 + 30);
        ProofReport report = GridProof.validate(geojson(features.toArray(String[]::new)));
        assertThat(report.smallGrids()).isEqualTo(3599);
        assertThat(report.defects()).singleElement().extracting(Defect::kind).isEqualTo(DefectKind.GAP);
    }

    @Test
    void defectShapesAreWgs84ForTheMapLayer() {
        GridFile file = GridFileReader.read(("{\"type\":\"FeatureCollection\",\"features\":["
                + box(props("A", null, null), 113.58, 22.36, 113.581, 22.361) + ","
                + box(props("B", null, null), 113.5805, 22.3605, 113.5815, 22.3615) + "]}").getBytes(), "m.geojson", Datum.WGS84);
        Geometry where = GridProof.validate(file).defects().get(0).where();
        Envelope env = where.getEnvelopeInternal();
        assertThat(env.getMinX()).isCloseTo(113.5805, within(1e-9));
        assertThat(env.getMaxY()).isCloseTo(22.361, within(1e-9));
        assertThat(where.getSRID()).isEqualTo(4326);
        assertThat(where).isInstanceOf(Polygon.class);
    }

    private static double[][] reversed(double[][] ring) {
        double[][] r = new double[ring.length][];
        for (int i = 0; i < ring.length; i++) {
            r[i] = ring[ring.length - 1 - i];
        }
        return r;
    }
}
