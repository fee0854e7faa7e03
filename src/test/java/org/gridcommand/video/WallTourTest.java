package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WallTourTest {
    private static final List<String> TEN = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10");

    @Test
    void pagesThroughTheGroupAndStartsOver() {
        WallTour<String> tour = new WallTour<>("east", TEN, 4);
        assertThat(tour.pages()).isEqualTo(3);
        assertThat(tour.pageNumber()).isEqualTo(1);
        assertThat(tour.current()).containsExactly("c1", "c2", "c3", "c4");
        assertThat(tour.advance()).containsExactly("c5", "c6", "c7", "c8");
        assertThat(tour.advance()).containsExactly("c9", "c10");
        assertThat(tour.pageNumber()).isEqualTo(3);
        assertThat(tour.advance()).containsExactly("c1", "c2", "c3", "c4");
        assertThat(tour.pageNumber()).isEqualTo(1);
    }

    @Test
    void aSmallGroupIsOnePage() {
        WallTour<String> tour = new WallTour<>("gate", List.of("a", "b"), 9);
        assertThat(tour.pages()).isEqualTo(1);
        assertThat(tour.advance()).containsExactly("a", "b");
    }

    @Test
    void resizingKeepsTheFirstCameraOfThePageInView() {
        WallTour<String> tour = new WallTour<>("east", TEN, 4);
        tour.advance(); // c5..c8
        tour.resize(9);
        assertThat(tour.current()).contains("c5");
        assertThat(tour.pages()).isEqualTo(2);
        tour.resize(1);
        assertThat(tour.current()).containsExactly("c1");
    }

    @Test
    void badToursSayWhy() {
        assertThatThrownBy(() -> new WallTour<>("empty", List.of(), 4))
                .hasMessageContaining("'empty' has no cameras");
        assertThatThrownBy(() -> new WallTour<>(" ", TEN, 4)).hasMessageContaining("needs a camera group");
        assertThatThrownBy(() -> new WallTour<>("east", TEN, 0)).hasMessageContaining("at least one tile");
    }
}
