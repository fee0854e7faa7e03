package org.gridcommand.grid.proof;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridcommand.common.InputText;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * POLYGON and MULTIPOLYGON text (with EWKT's {@code SRID=n;} and a Z, M or ZM tag allowed), parsed by JTS's
 * {@link WKTReader} into the rings as written.
 *
 * <p>WKTReader builds JTS rings, and JTS refuses an unclosed ring or one of fewer than 4 positions, the very rings
 * this reader must name. So it is given a factory that keeps each ring's positions exactly as written and hands
 * the parser a placeholder ring instead: from the parsed geometry only its structure (which rings make which
 * polygon) is used.
 */
final class WktShapes {
    private WktShapes() {
    }

    /** The polygons of the text; a {@link WrittenShape.Malformed} names what does not parse. */
    static WrittenShape parse(String wkt) {
        String body = wkt.strip();
        if (body.regionMatches(true, 0, "SRID=", 0, 5)) {
            int semicolon = body.indexOf(';');
            if (semicolon < 0) {
                throw new WrittenShape.Malformed("the WKT starts with SRID= but has no ';'");
            }
            body = body.substring(semicolon + 1);
        }
        RingRecorder factory = new RingRecorder();
        Geometry geometry;
        try (StringReader in = new StringReader(body)) {
            geometry = new WKTReader(factory).read(in);
            String rest = rest(in);
            if (!rest.isBlank()) {
                throw new WrittenShape.Malformed("the WKT has text after the geometry: \""
                        + InputText.abbreviate(InputText.printable(rest.strip()), 40) + "\"");
            }
        } catch (WrittenShape.Malformed e) {
            throw e;
        } catch (ParseException | IOException | RuntimeException e) {
            throw new WrittenShape.Malformed("the WKT does not parse: " + reason(e.getMessage()));
        }
        List<Polygon> polygons = new ArrayList<>();
        if (geometry instanceof Polygon p) {
            polygons.add(p);
        } else if (geometry instanceof MultiPolygon m) {
            for (int i = 0; i < m.getNumGeometries(); i++) {
                polygons.add((Polygon) m.getGeometryN(i));
            }
        } else {
            throw new WrittenShape.Malformed("is a " + geometry.getGeometryType().toUpperCase(Locale.ROOT)
                    + "; a grid must be a POLYGON or MULTIPOLYGON");
        }
        List<WrittenShape.Part> parts = new ArrayList<>();
        for (Polygon p : polygons) {
            if (p.isEmpty()) {
                continue; // POLYGON EMPTY: nothing written
            }
            List<List<WrittenShape.Position>> rings = new ArrayList<>();
            rings.add(factory.written(p.getExteriorRing()));
            for (int r = 0; r < p.getNumInteriorRing(); r++) {
                rings.add(factory.written(p.getInteriorRingN(r)));
            }
            parts.add(new WrittenShape.Part(rings));
        }
        return new WrittenShape(parts);
    }

    private static String rest(StringReader in) throws IOException {
        StringBuilder rest = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && rest.length() < 200) {
            rest.append((char) c);
        }
        return rest.toString();
    }

    /** WKTReader's message without its "(line 1)" of the WKT itself, in words for a report line. */
    private static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "unexpected text";
        }
        String m = message.lines().findFirst().orElse(message).replaceAll("\\s*\\(line \\d+\\)\\s*$", "");
        if (m.endsWith("End-of-Stream")) {
            return "it ends before the geometry does";
        }
        m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
        return InputText.printable(m);
    }

    /** Keeps every ring as written and gives the parser a placeholder ring JTS accepts in its place. */
    private static final class RingRecorder extends GeometryFactory {
        private static final Coordinate[] PLACEHOLDER = {
            new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(0, 1), new Coordinate(0, 0)};
        private final Map<LinearRing, List<WrittenShape.Position>> written = new IdentityHashMap<>();

        @Override
        public LinearRing createLinearRing(CoordinateSequence positions) {
            if (positions == null || positions.size() == 0) {
                return super.createLinearRing(positions); // an EMPTY polygon stays empty
            }
            List<WrittenShape.Position> ring = new ArrayList<>(positions.size());
            for (int i = 0; i < positions.size(); i++) {
                ring.add(new WrittenShape.Position(positions.getX(i), positions.getY(i), null));
            }
            LinearRing placeholder = new LinearRing(getCoordinateSequenceFactory().create(copy(PLACEHOLDER)), this);
            written.put(placeholder, ring);
            return placeholder;
        }

        List<WrittenShape.Position> written(LinearRing ring) {
            return written.getOrDefault(ring, List.of());
        }

        private static Coordinate[] copy(Coordinate[] coordinates) {
            Coordinate[] copy = new Coordinate[coordinates.length];
            for (int i = 0; i < coordinates.length; i++) {
                copy[i] = coordinates[i].copy();
            }
            return copy;
        }
    }
}
