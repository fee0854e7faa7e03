package org.gridcommand.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridcommand.geo.WebMercator;
import org.junit.jupiter.api.Test;

/** The view maths: mercator metres to screen pixels and back, pan, zoom about a point, fit. */
class MapProjectionTest {
    private static final double X0 = WebMercator.x(113.55);
    private static final double Y0 = WebMercator.y(22.38);

    @Test
    void screenAndMercatorAreInverse() {
        MapProjection p = new MapProjection(X0, Y0, 0.37);
        for (double sx : new double[] {0, 13.5, 800, 1919}) {
            for (double sy : new double[] {0, 7.25, 600, 1079}) {
                assertThat(p.screenX(p.mercatorX(sx))).isCloseTo(sx, within(1e-6));
                assertThat(p.screenY(p.mercatorY(sy))).isCloseTo(sy, within(1e-6));
            }
        }
    }

    @Test
    void northIsUpAndEastIsRight() {
        MapProjection p = new MapProjection(X0, Y0, 0.5);
        assertThat(p.screenX(X0 + 100)).isCloseTo(50, within(1e-9));
        assertThat(p.screenY(Y0 - 100)).isCloseTo(50, within(1e-9));
        assertThat(p.screenYOfLat(22.37)).isGreaterThan(p.screenYOfLat(22.38));
        assertThat(p.screenXOfLon(113.56)).isGreaterThan(p.screenXOfLon(113.55));
    }

    @Test
    void lonLatRoundTrip() {
        MapProjection p = new MapProjection(X0, Y0, 0.3);
        double sx = p.screenXOfLon(113.5812345);
        double sy = p.screenYOfLat(22.3654321);
        assertThat(p.lonAt(sx)).isCloseTo(113.5812345, within(1e-9));
        assertThat(p.latAt(sy)).isCloseTo(22.3654321, within(1e-9));
    }

    @Test
    void panMovesContentWithThePointer() {
        MapProjection p = new MapProjection(X0, Y0, 0.25);
        double before = p.screenX(X0 + 1000);
        double beforeY = p.screenY(Y0 - 1000);
        p.panBy(40, -15);
        assertThat(p.screenX(X0 + 1000)).isCloseTo(before + 40, within(1e-9));
        assertThat(p.screenY(Y0 - 1000)).isCloseTo(beforeY - 15, within(1e-9));
        assertThat(p.pixelsPerMetre()).isEqualTo(0.25);
    }

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        MapProjection p = new MapProjection(X0, Y0, 0.25);
        double mx = p.mercatorX(321);
        double my = p.mercatorY(123);
        p.zoomAt(1.7, 321, 123);
        assertThat(p.pixelsPerMetre()).isCloseTo(0.425, within(1e-12));
        assertThat(p.screenX(mx)).isCloseTo(321, within(1e-6));
        assertThat(p.screenY(my)).isCloseTo(123, within(1e-6));
        p.zoomAt(1 / 1.7, 321, 123);
        assertThat(p.pixelsPerMetre()).isCloseTo(0.25, within(1e-12));
        assertThat(p.screenX(mx)).isCloseTo(321, within(1e-6));
    }

    @Test
    void zoomIsClamped() {
        MapProjection p = new MapProjection(X0, Y0, 1);
        p.zoomAt(1e9, 0, 0);
        assertThat(p.pixelsPerMetre()).isEqualTo(MapProjection.MAX_PIXELS_PER_METRE);
        p.zoomAt(1e-20, 0, 0);
        assertThat(p.pixelsPerMetre()).isEqualTo(MapProjection.MIN_PIXELS_PER_METRE);
    }

    @Test
    void fitCentresTheBoxInsideTheMargin() {
        MapProjection p = new MapProjection();
        double minX = X0;
        double maxX = X0 + 8000;
        double minY = Y0 - 6500;
        double maxY = Y0;
        p.fit(minX, minY, maxX, maxY, 1000, 600, 20);
        // The tighter side (height: 6500 m into 560 px) touches the margins, the other is centred.
        assertThat(p.screenY(maxY)).isCloseTo(20, within(1e-6));
        assertThat(p.screenY(minY)).isCloseTo(580, within(1e-6));
        double left = p.screenX(minX);
        double right = p.screenX(maxX);
        assertThat(left).isGreaterThanOrEqualTo(20);
        assertThat(right).isLessThanOrEqualTo(980);
        assertThat((left + right) / 2).isCloseTo(500, within(1e-6));
    }

    @Test
    void centreOnPutsThePointInTheMiddle() {
        MapProjection p = new MapProjection(0, 0, 0.8);
        p.centreOn(X0, Y0, 1280, 720);
        assertThat(p.screenX(X0)).isCloseTo(640, within(1e-6));
        assertThat(p.screenY(Y0)).isCloseTo(360, within(1e-6));
    }

    @Test
    void groundMetresPerPixelShrinksWithLatitude() {
        MapProjection p = new MapProjection(X0, Y0, 0.5);
        assertThat(p.groundMetresPerPixel(0)).isCloseTo(2.0, within(1e-12));
        assertThat(p.groundMetresPerPixel(60)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void copyIsIndependentAndSameViewComparesState() {
        MapProjection p = new MapProjection(X0, Y0, 0.5);
        MapProjection c = p.copy();
        assertThat(c.sameView(p)).isTrue();
        c.panBy(1, 0);
        assertThat(c.sameView(p)).isFalse();
        p.setFrom(c);
        assertThat(c.sameView(p)).isTrue();
    }
}
