package org.gridcommand.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pie's wedges: shares of a full turn from 12 o'clock, clockwise, and none too thin to see. */
class PieChartTest {
    @Test
    void wedgesFollowEachOtherClockwiseFromTwelveOClockAndFillTheCircle() {
        List<PieChart.Wedge> w = PieChart.wedges(List.of(6L, 0L, 3L, 3L));
        assertThat(w).extracting(PieChart.Wedge::index).containsExactly(0, 2, 3);
        assertThat(w.get(0).startDegrees()).isEqualTo(90.0);
        assertThat(w.get(0).extentDegrees()).isCloseTo(-180.0, within(1e-9));
        assertThat(w.get(1).startDegrees()).isCloseTo(-90.0, within(1e-9));
        assertThat(w.get(2).startDegrees()).isCloseTo(-180.0, within(1e-9));
        assertThat(w.stream().mapToDouble(PieChart.Wedge::extentDegrees).sum()).isCloseTo(-360.0, within(1e-9));
    }

    @Test
    void aShareTooSmallToSeeStillGetsAVisibleWedgeTakenFromTheLargerOnes() {
        List<PieChart.Wedge> w = PieChart.wedges(List.of(999L, 1L));
        assertThat(-w.get(1).extentDegrees()).isEqualTo(PieChart.MIN_EXTENT_DEGREES);
        assertThat(-w.get(0).extentDegrees()).isCloseTo(360.0 - PieChart.MIN_EXTENT_DEGREES, within(1e-9));
    }

    @Test
    void noCasesNoWedges() {
        assertThat(PieChart.wedges(List.of(0L, 0L))).isEmpty();
        assertThat(PieChart.wedges(List.of())).isEmpty();
    }
}
