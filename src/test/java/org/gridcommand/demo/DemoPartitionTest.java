package org.gridcommand.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.junit.jupiter.api.Test;

class DemoPartitionTest {
    private final District district = DemoTestSupport.DEMO.district();

    @Test
    void sixteenBigAndOneHundredThirtySixSmallGrids() {
        assertThat(district.adminCode()).isEqualTo("440402");
        assertThat(district.name().zh()).isEqualTo("唐家湾镇");
        assertThat(district.bigGrids()).hasSize(16);
        assertThat(district.smallGrids()).hasSize(136);
    }

    @Test
    void everyPolygonIsValid() {
        assertThat(new IsValidOp(district.outline()).isValid()).isTrue();
        assertThat(district.bigGrids()).allSatisfy(b -> {
            assertThat(IsValidOp.isValid(b.area())).as(b.code()).isTrue();
            assertThat(b.area().getGeometryType()).isEqualTo("Polygon");
        });
        assertThat(district.smallGrids()).allSatisfy(s -> {
            IsValidOp op = new IsValidOp(s.area());
            assertThat(op.isValid()).as(s.code() + " " + op.getValidationError()).isTrue();
            assertThat(s.area().getGeometryType()).isEqualTo("Polygon");
        });
    }

    @Test
    void smallGridsCoverTheDistrictAndEachBigGridExactly() {
        Geometry union = UnaryUnionOp.union(district.smallGrids().stream().map(SmallGrid::area).toList());
        assertThat(union.symDifference(district.outline()).getArea()).isLessThan(1e-12);
        assertThat(DemoTestSupport.areaKm2(union.symDifference(district.outline()))).isLessThan(1e-9);

        Map<String, List<Geometry>> byBig = district.smallGrids().stream()
                .collect(Collectors.groupingBy(SmallGrid::bigGridCode, Collectors.mapping(SmallGrid::area, Collectors.toList())));
        for (BigGrid big : district.bigGrids()) {
            Geometry u = UnaryUnionOp.union(byBig.get(big.code()));
            assertThat(u.symDifference(big.area()).getArea()).as(big.code()).isLessThan(1e-12);
        }
        Geometry bigUnion = UnaryUnionOp.union(district.bigGrids().stream().map(BigGrid::area).toList());
        assertThat(bigUnion.symDifference(district.outline()).getArea()).isLessThan(1e-12);
    }

    @Test
    void smallGridsDoNotOverlap() {
        STRtree index = new STRtree();
        List<SmallGrid> grids = district.smallGrids();
        for (int i = 0; i < grids.size(); i++) {
            index.insert(grids.get(i).area().getEnvelopeInternal(), i);
        }
        int pairs = 0;
        for (int i = 0; i < grids.size(); i++) {
            Geometry a = grids.get(i).area();
            for (Object o : index.query(a.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j <= i) {
                    continue;
                }
                pairs++;
                double overlap = a.intersection(grids.get(j).area()).getArea();
                assertThat(overlap).as(grids.get(i).code() + " x " + grids.get(j).code()).isLessThan(1e-14);
            }
        }
        assertThat(pairs).as("neighbouring pairs checked").isGreaterThan(200);
    }

    @Test
    void codesAndCountsFollowTheUnitGridRules() {
        Map<String, Long> perBig = district.smallGrids().stream()
                .collect(Collectors.groupingBy(SmallGrid::bigGridCode, Collectors.counting()));
        assertThat(perBig).hasSize(16);
        assertThat(perBig.values()).allMatch(n -> n == 8 || n == 9);
        assertThat(perBig.values().stream().filter(n -> n == 8).count()).isEqualTo(8);

        assertThat(district.bigGrids()).extracting(BigGrid::code).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("440402104\\d{3}"));
        assertThat(district.bigGrids().get(0).code()).isEqualTo("440402104001");
        assertThat(district.bigGrids().get(15).code()).isEqualTo("440402104016");
        assertThat(district.smallGrids()).extracting(s -> s.code().value()).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("\\d{15}"));
        assertThat(district.smallGrids()).allSatisfy(s -> {
            assertThat(s.code().communityPrefix()).isEqualTo(s.bigGridCode());
            assertThat(s.code().streetCode()).isEqualTo("104");
            int seq = Integer.parseInt(s.code().sequence());
            assertThat(seq).isBetween(1, 9);
            assertThat(s.name().zh()).endsWith("社区第" + seq + "网格");
            assertThat(s.name().en()).endsWith(" Community Grid " + seq);
        });
        assertThat(district.bigGrids().get(0).name().zh()).isEqualTo("唐家社区");
        assertThat(district.bigGrids().get(0).name().en()).isEqualTo("Tangjia Community");
    }

    @Test
    void numberedWestToEastNorthToSouth() {
        List<BigGrid> bigs = district.bigGrids();
        for (int k = 0; k < 16; k++) {
            Point c = bigs.get(k).area().getCentroid();
            if (k % 4 != 3) {
                assertThat(c.getX()).as("community %d west of %d", k + 1, k + 2)
                        .isLessThan(bigs.get(k + 1).area().getCentroid().getX());
            }
            if (k < 12) {
                assertThat(c.getY()).as("community %d north of %d", k + 1, k + 5)
                        .isGreaterThan(bigs.get(k + 4).area().getCentroid().getY());
            }
        }
        for (BigGrid big : bigs) {
            List<SmallGrid> smalls = district.smallGrids().stream().filter(s -> s.bigGridCode().equals(big.code())).toList();
            Point first = smalls.get(0).area().getCentroid();
            Point last = smalls.get(smalls.size() - 1).area().getCentroid();
            assertThat(first.getY()).as(big.code()).isGreaterThan(last.getY());
        }
    }

    @Test
    void districtIsTensOfSquareKilometres() {
        double km2 = DemoTestSupport.areaKm2(district.outline());
        assertThat(km2).isBetween(20.0, 80.0);
        assertThat(district.outline().getCentroid().getX()).isCloseTo(113.58, org.assertj.core.data.Offset.offset(0.02));
        assertThat(district.outline().getCentroid().getY()).isCloseTo(22.36, org.assertj.core.data.Offset.offset(0.02));
        // The outline is drawn, not a rectangle: its envelope is clearly bigger than it.
        assertThat(district.outline().getEnvelope().getArea()).isGreaterThan(district.outline().getArea() * 1.03);
    }
}
