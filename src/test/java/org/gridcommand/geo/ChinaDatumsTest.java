package org.gridcommand.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChinaDatumsTest {
    @Test
    void wgs84ToGcj02MatchesThePublicReferenceVector() {
        double[] gcj = ChinaDatums.wgs84ToGcj02(116.404, 39.915);
        assertThat(gcj[0]).isCloseTo(116.41024449916938, within(1e-12));
        assertThat(gcj[1]).isCloseTo(39.91640428150164, within(1e-12));
    }

    @Test
    void gcj02ToBd09MatchesThePublicReferenceVector() {
        double[] bd = ChinaDatums.gcj02ToBd09(116.404, 39.915);
        assertThat(bd[0]).isCloseTo(116.41036949371029, within(1e-12));
        assertThat(bd[1]).isCloseTo(39.92133699351021, within(1e-12));
    }

    @Test
    void inversesReturnToTheStartWithinCentimetres() {
        for (double[] p : new double[][] {{113.58, 22.36}, {116.404, 39.915}, {121.47, 31.23}, {87.6, 43.8}}) {
            double[] gcj = ChinaDatums.wgs84ToGcj02(p[0], p[1]);
            GeoPoint back = ChinaDatums.toWgs84(gcj[0], gcj[1], Datum.GCJ02);
            assertThat(back.distanceMetres(new GeoPoint(p[0], p[1]))).isLessThan(0.01);
            double[] bd = ChinaDatums.fromWgs84(p[0], p[1], Datum.BD09);
            GeoPoint fromBd = ChinaDatums.toWgs84(bd[0], bd[1], Datum.BD09);
            assertThat(fromBd.distanceMetres(new GeoPoint(p[0], p[1]))).isLessThan(0.01);
        }
    }

    @Test
    void theOffsetIsHundredsOfMetresInChinaAndNoneOutside() {
        double[] gcj = ChinaDatums.wgs84ToGcj02(113.58, 22.36);
        assertThat(new GeoPoint(gcj[0], gcj[1]).distanceMetres(new GeoPoint(113.58, 22.36))).isBetween(200.0, 700.0);
        assertThat(ChinaDatums.wgs84ToGcj02(2.35, 48.85)).containsExactly(2.35, 48.85);
    }

    @Test
    void datumNamesParseAndUnknownOnesAreRefusedByName() {
        assertThat(Datum.parse("WGS-84")).isEqualTo(Datum.WGS84);
        assertThat(Datum.parse("cgcs2000")).isEqualTo(Datum.WGS84);
        assertThat(Datum.parse("gcj02")).isEqualTo(Datum.GCJ02);
        assertThat(Datum.parse("BD09")).isEqualTo(Datum.BD09);
        assertThatThrownBy(() -> Datum.parse("osgb36")).hasMessageContaining("'osgb36'");
    }
}
