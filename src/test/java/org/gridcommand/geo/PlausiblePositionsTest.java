package org.gridcommand.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridcommand.geo.PlausiblePositions.Expected;
import org.gridcommand.geo.PlausiblePositions.Verdict;
import org.junit.jupiter.api.Test;

/** The position checks grid and camera files share. */
class PlausiblePositionsTest {
    @Test
    void aroundTheMedianOfTheFile() {
        // Two typos among five positions cannot move the median.
        Expected expected = Expected.aroundMedian(new double[] {113.58, 113.59, 0, 22.36, 113.6},
                new double[] {22.36, 22.37, 0, 113.58, 22.38});

        assertThat(PlausiblePositions.check(113.58, 22.36, expected).verdict()).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(PlausiblePositions.check(22.36, 113.58, expected).verdict()).isEqualTo(Verdict.SWAPPED);
        assertThat(PlausiblePositions.check(0, 0, expected)).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.ELSEWHERE);
            assertThat(c.reason()).isEqualTo("more than 5° from the rest of the file (around 113.5900, 22.3700)");
        });
        assertThat(PlausiblePositions.check(113.58, 122.36, expected).verdict()).isEqualTo(Verdict.LATITUDE_BEYOND_90);
        assertThat(PlausiblePositions.check(213.58, 22.36, expected).verdict()).isEqualTo(Verdict.LONGITUDE_BEYOND_180);
        assertThat(PlausiblePositions.check(Double.NaN, 22.36, expected).reason()).isEqualTo("not a number");
        assertThat(Verdict.LATITUDE_BEYOND_90.outOfRange()).isTrue();
        assertThat(Verdict.ELSEWHERE.outOfRange()).isFalse();
    }

    @Test
    void withinAGivenRegion() {
        Expected district = new Expected((lon, lat) -> lon > 113.5 && lon < 113.7 && lat > 22.3 && lat < 22.4,
                "outside the district");

        assertThat(PlausiblePositions.check(113.6, 22.35, district).verdict()).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(PlausiblePositions.check(22.35, 113.6, district).verdict()).isEqualTo(Verdict.SWAPPED);
        assertThat(PlausiblePositions.check(113.9, 22.35, district).reason()).isEqualTo("outside the district");
        assertThat(PlausiblePositions.check(1, 2, Expected.ANYWHERE).verdict()).isEqualTo(Verdict.PLAUSIBLE);
    }
}
