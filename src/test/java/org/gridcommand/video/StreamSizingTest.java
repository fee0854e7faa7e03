package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridcommand.video.StreamSizing.Stream;
import org.junit.jupiter.api.Test;

class StreamSizingTest {
    private final StreamSizing sizing = new StreamSizing(960, 880);

    @Test
    void smallTilesPlayTheSubStreamLargeOrMaximisedOnesTheMain() {
        assertThat(sizing.choose(null, 400, false)).isEqualTo(Stream.SUB);
        assertThat(sizing.choose(null, 960, false)).isEqualTo(Stream.MAIN);
        assertThat(sizing.choose(Stream.SUB, 1200, false)).isEqualTo(Stream.MAIN);
        assertThat(sizing.choose(Stream.SUB, 300, true)).isEqualTo(Stream.MAIN);
    }

    @Test
    void resizingInsideTheBandDoesNotFlap() {
        Stream stream = sizing.choose(null, 1000, false);
        assertThat(stream).isEqualTo(Stream.MAIN);
        // Shrinking a little (a divider dragged) stays on MAIN until clearly small.
        for (double w : new double[] {950, 900, 885, 930, 890}) {
            stream = sizing.choose(stream, w, false);
            assertThat(stream).as("at %s px", w).isEqualTo(Stream.MAIN);
        }
        stream = sizing.choose(stream, 870, false);
        assertThat(stream).isEqualTo(Stream.SUB);
        // Growing back inside the band stays on SUB.
        for (double w : new double[] {900, 950, 959}) {
            stream = sizing.choose(stream, w, false);
            assertThat(stream).as("at %s px", w).isEqualTo(Stream.SUB);
        }
        assertThat(sizing.choose(stream, 960, false)).isEqualTo(Stream.MAIN);
    }

    @Test
    void thresholdsMustMakeABand() {
        assertThatThrownBy(() -> new StreamSizing(800, 900)).hasMessageContaining("must be above");
        assertThatThrownBy(() -> new StreamSizing(800, 0)).hasMessageContaining("above 0");
    }
}
