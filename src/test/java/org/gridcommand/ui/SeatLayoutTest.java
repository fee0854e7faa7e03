package org.gridcommand.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seat's layout file: written whole, read back, and a broken one costs only its values. */
class SeatLayoutTest {
    @TempDir
    Path dataDir;

    @Test
    void theShippedLayoutUntilTheSeatKeepsItsOwn() throws Exception {
        SeatLayout shipped = SeatLayout.read(dataDir);
        assertThat(shipped).isEqualTo(new SeatLayout(0.58, 0.40, 0.42));
        new SeatLayout(0.5, 0.3333333, 0.6).save(dataDir);
        assertThat(SeatLayout.read(dataDir)).isEqualTo(new SeatLayout(0.5, 0.3333, 0.6));
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SeatLayout.FILE);
        }
    }

    @Test
    void aBrokenOrStrangeFileFallsBackOrIsKeptInBounds() throws Exception {
        Files.writeString(dataDir.resolve(SeatLayout.FILE), "{\"main\": 0.5, \"left\": \"wide\", \"right\": 0.5}");
        assertThat(SeatLayout.read(dataDir)).as("unreadable: the shipped one").isEqualTo(SeatLayout.read(null));
        Files.writeString(dataDir.resolve(SeatLayout.FILE), "{\"main\": 0.999, \"left\": 0.01, \"right\": 0.5}");
        assertThat(SeatLayout.read(dataDir)).as("a pane is never squeezed away").isEqualTo(new SeatLayout(0.9, 0.1, 0.5));
        assertThat(new SeatLayout(0.5, 0.4, 0.5).closeTo(new SeatLayout(0.505, 0.4, 0.5))).isTrue();
        assertThat(new SeatLayout(0.5, 0.4, 0.5).closeTo(new SeatLayout(0.52, 0.4, 0.5))).isFalse();
    }
}
