package org.gridcommand.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridcommand.bench.locate.JtsBaselineLocator;
import org.gridcommand.common.BilingualName;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** The locator against the generator's truth, against JTS, and on the edges where the two may differ. */
class GridLocatorTest {
    private static final District DEMO = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
    private static final GridLocator LOCATOR = new GridLocator(DEMO);
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Test
    void everyGridsInteriorPointAndFiftyRandomPointsInsideItLocateToThatGrid() {
        SplittableRandom random = new SplittableRandom(7);
        assertThat(DEMO.smallGrids()).hasSize(136);
        for (SmallGrid grid : DEMO.smallGrids()) {
            Coordinate interior = grid.area().getInteriorPoint().getCoordinate();
            assertThat(LOCATOR.locate(interior.x, interior.y)).as("interior point of " + grid.code()).contains(grid);
            PreparedGeometry area = PreparedGeometryFactory.prepare(grid.area());
            Envelope box = grid.area().getEnvelopeInternal();
            int found = 0;
            while (found < 50) {
                double x = box.getMinX() + random.nextDouble() * box.getWidth();
                double y = box.getMinY() + random.nextDouble() * box.getHeight();
                if (area.contains(point(x, y))) {
                    assertThat(LOCATOR.locate(x, y)).as("%.9f %.9f in %s", x, y, grid.code()).contains(grid);
                    found++;
                }
            }
        }
    }

    @Test
    void theBigGridOfEverySmallGridIsTheOneItsCodeNames() {
        for (SmallGrid grid : DEMO.smallGrids()) {
            assertThat(LOCATOR.bigGridOf(grid)).map(BigGrid::code).contains(grid.code().communityPrefix());
        }
    }

    @Test
    void everyVertexOfEveryGridHasExactlyOneOwnerAndItIsTheGridJustNorthEastOfIt() {
        int checked = 0;
        for (SmallGrid grid : DEMO.smallGrids()) {
            for (Coordinate c : grid.area().getCoordinates()) {
                int[] owners = LOCATOR.owners(c.x, c.y);
                assertThat(owners).as("owners of vertex %s of %s", c, grid.code()).hasSize(1);
                assertThat(LOCATOR.locateIndex(c.x, c.y)).isEqualTo(owners[0]);
                // The owner must be one of the grids that touch the vertex.
                assertThat(LOCATOR.grid(owners[0]).area().distance(point(c.x, c.y))).isZero();
                // Half-open rule: the owner is the grid holding points a hair east and a far smaller step north,
                // unless that nudge leaves the district (then the outline rule decides).
                // (One ulp north: far flatter than any edge of data rounded to 1e-7 degrees.)
                Optional<SmallGrid> nudged = jtsOwner(c.x + 1e-9, Math.nextUp(c.y));
                nudged.ifPresent(g -> assertThat(LOCATOR.grid(owners[0])).as("vertex %s", c).isEqualTo(g));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void pointsOnSharedEdgesHaveExactlyOneOwnerEvenWhenTheCrossingTestTies() {
        SplittableRandom random = new SplittableRandom(11);
        int shared = 0;
        int sharedMidpoints = 0;
        for (SmallGrid grid : DEMO.smallGrids()) {
            Coordinate[] ring = ((Polygon) grid.area()).getExteriorRing().getCoordinates();
            for (int i = 0; i + 1 < ring.length; i++) {
                Coordinate a = ring[i];
                Coordinate b = ring[i + 1];
                if (a.y > b.y) {
                    Coordinate t = a;
                    a = b;
                    b = t;
                }
                if (a.y == b.y) {
                    continue;
                }
                for (int k = 0; k < 5; k++) {
                    // y strictly inside the edge, x computed exactly as the locator computes the crossing: a tie.
                    double y = a.y + (0.05 + 0.9 * random.nextDouble()) * (b.y - a.y);
                    double x = a.x + (y - a.y) * ((b.x - a.x) / (b.y - a.y));
                    int[] owners = LOCATOR.owners(x, y);
                    assertThat(owners).as("owners of %.12f %.12f on an edge of %s", x, y, grid.code()).hasSize(1);
                    assertThat(LOCATOR.locateIndex(x, y)).isEqualTo(owners[0]);
                    Optional<SmallGrid> east = jtsOwner(x + 1e-8, y);
                    if (east.isPresent()) {
                        shared++;
                        assertThat(LOCATOR.grid(owners[0])).as("the grid east of the edge").isEqualTo(east.get());
                    }
                }
                // Midpoints of shared edges, too, whatever side of the exact line rounding puts them. (On the
                // outline rounding may put a midpoint truly outside, where no owner is right.)
                double mx = (a.x + b.x) / 2;
                double my = (a.y + b.y) / 2;
                Optional<SmallGrid> eastOfMid = jtsOwner(mx + 1e-8, my);
                Optional<SmallGrid> westOfMid = jtsOwner(mx - 1e-8, my);
                int[] midOwners = LOCATOR.owners(mx, my);
                if (eastOfMid.isPresent() && westOfMid.isPresent()) {
                    // Inside the district on both sides: exactly one owner, and one of the two grids that meet.
                    sharedMidpoints++;
                    assertThat(midOwners).as("owners of the midpoint %.12f %.12f of a shared edge", mx, my).hasSize(1);
                    assertThat(LOCATOR.grid(midOwners[0])).as("owner of the midpoint %.12f %.12f", mx, my)
                            .isIn(eastOfMid.get(), westOfMid.get());
                } else {
                    assertThat(midOwners.length).as("owners of the outline midpoint %.12f %.12f", mx, my)
                            .isLessThanOrEqualTo(1);
                }
            }
        }
        assertThat(shared).isGreaterThan(1000);
        assertThat(sharedMidpoints).isGreaterThan(1000);
    }

    @Test
    void theDistrictsOuterBoundaryCountsAsInside() {
        Coordinate[] outline = DEMO.outline().getCoordinates();
        for (int i = 0; i + 1 < outline.length; i++) {
            Coordinate a = outline[i];
            Coordinate b = outline[i + 1];
            assertThat(LOCATOR.locate(a.x, a.y)).as("outline vertex %s", a).isPresent();
            // A point exactly on a north-south or east-west piece is exact in doubles only at its ends; the ends
            // are enough for every orientation of the outline, and the grid found must touch the point.
            SmallGrid owner = LOCATOR.locate(a.x, a.y).orElseThrow();
            assertThat(owner.area().distance(point(a.x, a.y))).isZero();
            assertThat(LOCATOR.locate(b.x, b.y)).isPresent();
        }
    }

    @Test
    void pointsOutsideTheDistrictLocateToNothing() {
        assertThat(LOCATOR.locate(0, 0)).isEmpty();
        assertThat(LOCATOR.locate(116.404, 39.915)).isEmpty();
        assertThat(LOCATOR.locate(Double.NaN, 22.36)).isEmpty();
        Envelope box = DEMO.outline().getEnvelopeInternal();
        assertThat(LOCATOR.locate(box.getMinX() - 1e-6, box.centre().y)).isEmpty();
        assertThat(LOCATOR.locate(box.getMaxX() + 1e-6, box.centre().y)).isEmpty();
        // Just outside each outline vertex, pushed away from the district's centre.
        Coordinate centre = DEMO.outline().getCentroid().getCoordinate();
        for (Coordinate c : DEMO.outline().getCoordinates()) {
            double dx = c.x - centre.x;
            double dy = c.y - centre.y;
            double len = Math.hypot(dx, dy);
            double x = c.x + dx / len * 1e-4;
            double y = c.y + dy / len * 1e-4;
            if (!DEMO.outline().covers(point(x, y))) {
                assertThat(LOCATOR.locate(x, y)).as("just outside %s", c).isEmpty();
            }
        }
    }

    @Test
    void agreesWithJtsOnTwoHundredThousandRandomPoints() {
        JtsBaselineLocator jts = new JtsBaselineLocator(LOCATOR.grids());
        Envelope box = DEMO.outline().getEnvelopeInternal();
        box.expandBy(box.getWidth() * 0.05);
        SplittableRandom random = new SplittableRandom(3);
        int outside = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = box.getMinX() + random.nextDouble() * box.getWidth();
            double y = box.getMinY() + random.nextDouble() * box.getHeight();
            int expected = jts.locateIndex(x, y);
            assertThat(LOCATOR.locateIndex(x, y)).as("%.9f %.9f", x, y).isEqualTo(expected);
            outside += expected < 0 ? 1 : 0;
        }
        assertThat(outside).isBetween(10_000, 100_000);
    }

    @Test
    void aCoarseIndexGivesTheSameAnswersAsTheFineOne() {
        GridLocator coarse = new GridLocator(DEMO, 7);
        SplittableRandom random = new SplittableRandom(5);
        Envelope box = DEMO.outline().getEnvelopeInternal();
        for (int i = 0; i < 50_000; i++) {
            double x = box.getMinX() + random.nextDouble() * box.getWidth();
            double y = box.getMinY() + random.nextDouble() * box.getHeight();
            assertThat(coarse.locateIndex(x, y)).isEqualTo(LOCATOR.locateIndex(x, y));
        }
    }

    @Test
    void multiPolygonGridsAndHolesWork() {
        // A: square 0..2 with a square hole 0.5..1.5; B: the hole plus the square 2..3 east of A (two parts);
        // C: a square 3..4 with an unfilled hole 3.25..3.75 (a lake belonging to no grid).
        double ox = 113.5;
        double oy = 22.3;
        double s = 0.01;
        Polygon holeFiller = square(ox, oy, s, 0.5, 0.5, 1.5, 1.5);
        Geometry a = GEOMETRY.createPolygon(ring(ox, oy, s, 0, 0, 2, 2), new LinearRing[] {ring(ox, oy, s, 0.5, 0.5, 1.5, 1.5)});
        Geometry b = GEOMETRY.createMultiPolygon(new Polygon[] {holeFiller, square(ox, oy, s, 2, 0, 3, 2)});
        Geometry c = GEOMETRY.createPolygon(ring(ox, oy, s, 3, 0, 4, 2), new LinearRing[] {ring(ox, oy, s, 3.25, 0.5, 3.75, 1.5)});
        District district = district(List.of(a, b, c));
        GridLocator locator = new GridLocator(district, 16);
        String codeA = district.smallGrids().get(0).code().value();
        String codeB = district.smallGrids().get(1).code().value();
        String codeC = district.smallGrids().get(2).code().value();

        assertThat(code(locator, ox + 0.25 * s, oy + s)).isEqualTo(codeA);
        assertThat(code(locator, ox + s, oy + s)).as("inside the hole of A").isEqualTo(codeB);
        assertThat(code(locator, ox + 2.5 * s, oy + s)).as("B's second part").isEqualTo(codeB);
        assertThat(code(locator, ox + 3.1 * s, oy + s)).isEqualTo(codeC);
        assertThat(locator.locate(ox + 3.5 * s, oy + s)).as("in C's lake").isEmpty();
        assertThat(locator.locate(ox + 4.5 * s, oy + s)).isEmpty();
        assertThat(locator.locate(ox - 0.5 * s, oy + s)).isEmpty();

        // On the hole's west edge the grid to the east (B, the filler) owns it; on its east edge, A.
        assertThat(code(locator, ox + 0.5 * s, oy + s)).isEqualTo(codeB);
        assertThat(code(locator, ox + 1.5 * s, oy + s)).isEqualTo(codeA);
        // On an east-west edge the grid to the north: the hole's south edge is B's, its north edge A's.
        assertThat(code(locator, ox + s, oy + 0.5 * s)).isEqualTo(codeB);
        assertThat(code(locator, ox + s, oy + 1.5 * s)).isEqualTo(codeA);
        // The lake's shore and the district's outline belong to the grid they bound.
        assertThat(code(locator, ox + 3.75 * s, oy + s)).isEqualTo(codeC);
        assertThat(code(locator, ox + 3.5 * s, oy + 1.5 * s)).isEqualTo(codeC);
        assertThat(code(locator, ox + s, oy + 2 * s)).as("north outline").isEqualTo(codeA);
        assertThat(code(locator, ox + 4 * s, oy + s)).as("east outline").isEqualTo(codeC);
        assertThat(code(locator, ox + 4 * s, oy + 2 * s)).as("north-east corner").isEqualTo(codeC);
        assertThat(code(locator, ox, oy)).as("south-west corner").isEqualTo(codeA);

        // And everywhere else it agrees with JTS.
        JtsBaselineLocator jts = new JtsBaselineLocator(locator.grids());
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 20_000; i++) {
            double x = ox + (-0.5 + 5 * random.nextDouble()) * s;
            double y = oy + (-0.5 + 3 * random.nextDouble()) * s;
            assertThat(locator.locateIndex(x, y)).isEqualTo(jts.locateIndex(x, y));
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static Optional<SmallGrid> jtsOwner(double x, double y) {
        List<SmallGrid> found = new ArrayList<>();
        for (SmallGrid g : DEMO.smallGrids()) {
            if (g.area().covers(point(x, y))) {
                found.add(g);
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static String code(GridLocator locator, double x, double y) {
        return locator.locate(x, y).map(g -> g.code().value()).orElse("outside");
    }

    private static org.locationtech.jts.geom.Point point(double x, double y) {
        return GEOMETRY.createPoint(new Coordinate(x, y));
    }

    private static LinearRing ring(double ox, double oy, double s, double x0, double y0, double x1, double y1) {
        return GEOMETRY.createLinearRing(new Coordinate[] {
                new Coordinate(ox + x0 * s, oy + y0 * s), new Coordinate(ox + x1 * s, oy + y0 * s),
                new Coordinate(ox + x1 * s, oy + y1 * s), new Coordinate(ox + x0 * s, oy + y1 * s),
                new Coordinate(ox + x0 * s, oy + y0 * s)});
    }

    private static Polygon square(double ox, double oy, double s, double x0, double y0, double x1, double y1) {
        return GEOMETRY.createPolygon(ring(ox, oy, s, x0, y0, x1, y1));
    }

    private static District district(List<Geometry> areas) {
        String big = "440402999001";
        List<SmallGrid> grids = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            grids.add(new SmallGrid(new UnitGridCode(big + String.format("%03d", i + 1)), big,
                    new BilingualName("测试网格" + (i + 1), "Test Grid " + (i + 1)), areas.get(i)));
        }
        Geometry outline = GEOMETRY.buildGeometry(areas).union();
        return new District("440402", new BilingualName("测试镇", "Test Town"), outline,
                List.of(new BigGrid(big, new BilingualName("测试社区", "Test Community"), outline)), grids,
                List.of(), List.of());
    }
}
