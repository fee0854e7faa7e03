package org.gridcommand.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureTest {
    @Test
    void oneDegreeOfLatitudeIsAbout111Kilometres() {
        double d = Measure.pathLengthMetres(List.of(new GeoPoint(113.58, 22.0), new GeoPoint(113.58, 23.0)));
        assertThat(d).isCloseTo(111_195, within(50.0));
    }

    @Test
    void pathAddsItsLegs() {
        GeoPoint a = new GeoPoint(113.58, 22.36);
        GeoPoint b = new GeoPoint(113.59, 22.36);
        GeoPoint c = new GeoPoint(113.59, 22.37);
        assertThat(Measure.pathLengthMetres(List.of(a, b, c)))
                .isCloseTo(a.distanceMetres(b) + b.distanceMetres(c), within(1e-6));
        assertThat(Measure.pathLengthMetres(List.of(a))).isZero();
    }

    @Test
    void areaOfASmallSquareMatchesItsSidesAndIgnoresWinding() {
        // ~1 km x ~1 km near Tangjiawan
        double dLat = 1000 / 111_195.0;
        double dLon = 1000 / (111_195.0 * Math.cos(Math.toRadians(22.36)));
        List<GeoPoint> ring = List.of(new GeoPoint(113.58, 22.36), new GeoPoint(113.58 + dLon, 22.36),
                new GeoPoint(113.58 + dLon, 22.36 + dLat), new GeoPoint(113.58, 22.36 + dLat));
        assertThat(Measure.polygonAreaSquareMetres(ring)).isCloseTo(1_000_000, within(5_000.0));
        List<GeoPoint> clockwise = new java.util.ArrayList<>(ring);
        java.util.Collections.reverse(clockwise);
        assertThat(Measure.polygonAreaSquareMetres(clockwise)).isCloseTo(1_000_000, within(5_000.0));
        assertThat(Measure.polygonAreaSquareMetres(ring.subList(0, 2))).isZero();
    }

    @Test
    void formatsForTheControlRoom() {
        assertThat(Measure.formatDistance(849.6)).isEqualTo("850 m");
        assertThat(Measure.formatDistance(2345)).isEqualTo("2.35 km");
        assertThat(Measure.formatArea(5400.2)).isEqualTo("5,400 m²");
        assertThat(Measure.formatArea(1_250_000)).isEqualTo("1.25 km²");
    }
}
