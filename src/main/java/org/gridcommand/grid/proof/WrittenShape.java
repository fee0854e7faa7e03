package org.gridcommand.grid.proof;

import java.util.List;

/**
 * A feature's polygons as the file wrote them, before any checking: positions as plain numbers (a ring may be
 * unclosed, hold too few corners or a position that is no number), so that each of those can be named as a defect
 * of its feature instead of failing the geometry library.
 */
record WrittenShape(List<Part> parts) {
    WrittenShape {
        parts = List.copyOf(parts);
    }

    /** A position as written; {@code bad} names the problem when it was not a pair of numbers. */
    record Position(double x, double y, String bad) {
        static Position bad(String problem) {
            return new Position(Double.NaN, Double.NaN, problem);
        }
    }

    /** One polygon's rings as written; the first is the shell. */
    record Part(List<List<Position>> rings) {
        Part {
            rings = rings.stream().map(List::copyOf).toList();
        }
    }

    int positionCount() {
        int n = 0;
        for (Part p : parts) {
            for (List<Position> ring : p.rings()) {
                n += ring.size();
            }
        }
        return n;
    }

    /** Structural trouble while walking a geometry (not an array, not a polygon): a defect of that one feature. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
