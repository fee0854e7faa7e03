package org.gridcommand.grid.proof;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.geo.PlausiblePositions;
import org.gridcommand.geo.PlausiblePositions.Check;
import org.gridcommand.geo.PlausiblePositions.Expected;
import org.gridcommand.geo.PlausiblePositions.Verdict;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns the features as written into grid features: every position checked ({@link PlausiblePositions}) and
 * converted to WGS-84, rings closed, and the reader's best reading of what was meant built as a JTS geometry, with
 * a defect of its feature for everything that had to be read generously. Never throws for what a file holds.
 */
final class FeatureReading {
    /** A feature before interpretation; {@code shape} is null when its geometry could not be walked at all. */
    record RawFeature(int index, String name, String nameEn, String code, String parent, WrittenShape shape,
                      String problem) {
        static RawFeature broken(int index, String name, String nameEn, String code, String parent, String problem) {
            return new RawFeature(index, name, nameEn, code, parent, null, problem);
        }
    }

    private FeatureReading() {
    }

    static GridFile interpret(String source, Datum datum, List<RawFeature> raws, GridLevel level) {
        Expected expected = expected(raws);
        List<GridFeature> features = new ArrayList<>(raws.size());
        for (RawFeature raw : raws) {
            features.add(interpret(raw, expected, datum, level));
        }
        List<Defect> fileDefects = features.isEmpty()
                ? List.of(GridFileReader.fileDefect(source, "holds no grid features"))
                : List.of();
        return new GridFile(source, datum, features, fileDefects);
    }

    /** Around the median position of the file, as written. */
    private static Expected expected(List<RawFeature> raws) {
        List<double[]> positions = new ArrayList<>();
        for (RawFeature raw : raws) {
            if (raw.shape() == null) {
                continue;
            }
            for (WrittenShape.Part part : raw.shape().parts()) {
                for (List<WrittenShape.Position> ring : part.rings()) {
                    for (WrittenShape.Position p : ring) {
                        if (p.bad() == null) {
                            positions.add(new double[] {p.x(), p.y()});
                        }
                    }
                }
            }
        }
        double[] lons = positions.stream().mapToDouble(p -> p[0]).toArray();
        double[] lats = positions.stream().mapToDouble(p -> p[1]).toArray();
        return Expected.aroundMedian(lons, lats);
    }

    private static GridFeature interpret(RawFeature raw, Expected expected, Datum datum, GridLevel level) {
        String ref = GridFeature.ref(raw.index(), raw.name(), raw.code());
        if (raw.shape() == null) {
            Defect broken = new Defect(DefectKind.INVALID_GEOMETRY, ref, null, Double.NaN, Double.NaN, null,
                    raw.problem(), null);
            return feature(raw, null, List.of(broken), level);
        }
        return new Walk(raw, ref, expected, datum).run(raw, level);
    }

    private static GridFeature feature(RawFeature raw, Geometry geometry, List<Defect> defects, GridLevel level) {
        return new GridFeature(raw.index(), raw.name(), raw.nameEn(), raw.code(), raw.parent(), geometry, defects,
                level, false);
    }

    /** One feature's positions and rings, walked once. */
    private static final class Walk {
        private final String ref;
        private final Expected expected;
        private final Datum datum;
        private final int positions;
        private int badCount;
        private String firstBad;
        private int swappedCount;
        private String firstSwapped;
        private Coordinate firstSwappedAt;
        private final List<Coordinate> usablePositions = new ArrayList<>();
        private final List<Defect> ringDefects = new ArrayList<>();

        Walk(RawFeature raw, String ref, Expected expected, Datum datum) {
            this.ref = ref;
            this.expected = expected;
            this.datum = datum;
            this.positions = raw.shape().positionCount();
        }

        GridFeature run(RawFeature raw, GridLevel level) {
            List<Polygon> polygons = new ArrayList<>();
            List<WrittenShape.Part> parts = raw.shape().parts();
            boolean leftOut = false;
            for (int pi = 0; pi < parts.size(); pi++) {
                List<List<WrittenShape.Position>> rings = parts.get(pi).rings();
                String polygonLabel = parts.size() > 1 ? "polygon " + (pi + 1) : "the polygon";
                if (rings.isEmpty()) {
                    ringDefects.add(new Defect(DefectKind.TOO_FEW_POINTS, ref, null, Double.NaN, Double.NaN, null,
                            polygonLabel + " has no rings", null));
                    leftOut = true;
                    continue;
                }
                List<LinearRing> built = new ArrayList<>();
                boolean shellCollapsed = false;
                for (int ri = 0; ri < rings.size(); ri++) {
                    String ringLabel = "ring " + (ri + 1) + (parts.size() > 1 ? " of polygon " + (pi + 1) : "");
                    List<Coordinate> coords = ring(rings.get(ri), ringLabel);
                    if (coords == null) {
                        continue; // a position that is no place: the whole feature needs a person
                    }
                    if (coords.size() >= 2 && !coords.get(0).equals2D(coords.get(coords.size() - 1))) {
                        unclosed(coords, ringLabel);
                    }
                    int corners = distinctCorners(coords);
                    if (corners < 3) {
                        collapsed(rings.get(ri).size(), corners, coords, ringLabel);
                        // Left out as GeometryFixer leaves it out: a collapsed shell takes its polygon with it.
                        leftOut = true;
                        shellCollapsed |= ri == 0;
                        continue;
                    }
                    if (!shellCollapsed) {
                        built.add(ProofGeometry.FACTORY.createLinearRing(coords.toArray(Coordinate[]::new)));
                    }
                }
                if (badCount == 0 && !shellCollapsed && !built.isEmpty()) {
                    polygons.add(ProofGeometry.FACTORY.createPolygon(built.get(0),
                            built.subList(1, built.size()).toArray(LinearRing[]::new)));
                }
            }
            List<Defect> defects = new ArrayList<>();
            if (badCount > 0) {
                Coordinate at = mean(usablePositions);
                defects.add(new Defect(DefectKind.COORDINATE_OUT_OF_RANGE, ref, null, at.x, at.y, null,
                        badCount + " of " + positions + " positions cannot be a place in the district; first: " + firstBad,
                        Double.isFinite(at.x) ? ProofGeometry.FACTORY.createPoint(at) : null));
            }
            if (swappedCount > 0) {
                defects.add(new Defect(DefectKind.LAT_LON_SWAPPED, ref, null, firstSwappedAt.x, firstSwappedAt.y, null,
                        swappedCount + " of " + positions + " positions have the latitude first; first: " + firstSwapped,
                        ProofGeometry.FACTORY.createPoint(firstSwappedAt.copy())));
            }
            defects.addAll(ringDefects);
            if (badCount == 0 && polygons.isEmpty() && !leftOut) {
                defects.add(new Defect(DefectKind.TOO_FEW_POINTS, ref, null, Double.NaN, Double.NaN, null,
                        "the geometry is empty", null));
            }
            Geometry geometry = badCount > 0 || polygons.isEmpty() ? null
                    : polygons.size() == 1 ? polygons.get(0)
                    : ProofGeometry.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
            return feature(raw, geometry, defects, level);
        }

        /** The ring's positions in WGS-84, swapped pairs turned round; null when one of them is no place. */
        private List<Coordinate> ring(List<WrittenShape.Position> ring, String ringLabel) {
            List<Coordinate> coords = new ArrayList<>(ring.size() + 1);
            boolean usable = true;
            for (int vi = 0; vi < ring.size(); vi++) {
                WrittenShape.Position p = ring.get(vi);
                Check check = p.bad() != null ? new Check(Verdict.NOT_A_NUMBER, p.bad())
                        : PlausiblePositions.check(p.x(), p.y(), expected);
                String label = "vertex " + (vi + 1) + " of " + ringLabel;
                if (check.verdict() != Verdict.PLAUSIBLE && check.verdict() != Verdict.SWAPPED) {
                    usable = false;
                    if (badCount++ == 0) {
                        firstBad = label + (p.bad() != null ? "" : " is (" + plain(p.x()) + ", " + plain(p.y()) + ")")
                                + ": " + check.reason();
                    }
                    continue;
                }
                boolean swapped = check.verdict() == Verdict.SWAPPED;
                GeoPoint wgs = ChinaDatums.toWgs84(swapped ? p.y() : p.x(), swapped ? p.x() : p.y(), datum);
                Coordinate c = new Coordinate(wgs.lon(), wgs.lat());
                if (swapped && swappedCount++ == 0) {
                    firstSwapped = label + " is (" + plain(p.x()) + ", " + plain(p.y()) + ")";
                    firstSwappedAt = c;
                }
                coords.add(c);
                usablePositions.add(c);
            }
            return usable ? coords : null;
        }

        private void unclosed(List<Coordinate> coords, String ringLabel) {
            Coordinate start = coords.get(0);
            Coordinate end = coords.get(coords.size() - 1);
            ringDefects.add(new Defect(DefectKind.UNCLOSED_RING, ref, null, start.x, start.y, null,
                    ringLabel + " is not closed: it ends at " + Defect.coordinate(end.x) + ", "
                            + Defect.coordinate(end.y) + " instead of returning to its start",
                    ProofGeometry.FACTORY.createLineString(new Coordinate[] {end.copy(), start.copy()})));
            coords.add(start.copy());
        }

        private void collapsed(int written, int corners, List<Coordinate> coords, String ringLabel) {
            Coordinate at = mean(coords);
            ringDefects.add(new Defect(DefectKind.TOO_FEW_POINTS, ref, null, at.x, at.y, null,
                    ringLabel + " has " + written + (written == 1 ? " position" : " positions")
                            + " with " + corners + " distinct " + (corners == 1 ? "corner" : "corners")
                            + "; a ring needs at least 4 positions around 3 distinct corners",
                    Double.isFinite(at.x) ? ProofGeometry.FACTORY.createPoint(at) : null));
        }
    }

    static int distinctCorners(List<Coordinate> closedRing) {
        List<Coordinate> distinct = new ArrayList<>();
        for (int i = 0; i < closedRing.size() - 1; i++) {
            Coordinate c = closedRing.get(i);
            if (distinct.stream().noneMatch(d -> d.equals2D(c))) {
                distinct.add(c);
                if (distinct.size() >= 3) {
                    break;
                }
            }
        }
        return distinct.size();
    }

    static Coordinate mean(List<Coordinate> coords) {
        if (coords.isEmpty()) {
            return new Coordinate(Double.NaN, Double.NaN);
        }
        double x = 0;
        double y = 0;
        for (Coordinate c : coords) {
            x += c.x;
            y += c.y;
        }
        return new Coordinate(x / coords.size(), y / coords.size());
    }

    private static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
    }
}
