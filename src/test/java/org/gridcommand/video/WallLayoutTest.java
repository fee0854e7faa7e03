package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gridcommand.video.WallLayout.Cell;
import org.junit.jupiter.api.Test;

class WallLayoutTest {
    @Test
    void squareGridsHaveOneTilePerSquareInReadingOrder() {
        for (int side = 1; side <= 4; side++) {
            WallLayout grid = WallLayout.grid(side, side);
            assertThat(grid.size()).isEqualTo(side * side);
            assertThat(grid.isUniform()).isTrue();
            assertThat(grid.name()).isEqualTo(side + "x" + side);
        }
        WallLayout nine = WallLayout.grid(3, 3);
        assertThat(nine.cell(0)).isEqualTo(Cell.single(0, 0));
        assertThat(nine.cell(5)).isEqualTo(Cell.single(1, 2));
        assertThat(nine.cell(8)).isEqualTo(Cell.single(2, 2));
    }

    @Test
    void onePlusFiveIsABigCellTopLeftAndFiveAroundIt() {
        WallLayout layout = WallLayout.onePlusFive();
        assertThat(layout.size()).isEqualTo(6);
        assertThat(layout.isUniform()).isFalse();
        assertThat(layout.cells()).containsExactly(new Cell(0, 0, 2, 2), Cell.single(0, 2), Cell.single(1, 2),
                Cell.single(2, 0), Cell.single(2, 1), Cell.single(2, 2));
    }

    @Test
    void onePlusSevenFillsFourByFour() {
        WallLayout layout = WallLayout.onePlusSeven();
        assertThat(layout.size()).isEqualTo(8);
        assertThat(layout.cell(0)).isEqualTo(new Cell(0, 0, 3, 3));
        assertThat(layout.cells().stream().mapToInt(c -> c.rowSpan() * c.colSpan()).sum()).isEqualTo(16);
    }

    @Test
    void cellsGivenInAnyOrderAreNumberedInReadingOrder() {
        WallLayout layout = new WallLayout("two", 1, 2, List.of(Cell.single(0, 1), Cell.single(0, 0)));
        assertThat(layout.cell(0)).isEqualTo(Cell.single(0, 0));
        assertThat(layout.cell(1)).isEqualTo(Cell.single(0, 1));
    }

    @Test
    void customGridsParseAsOfficersTypeThem() {
        assertThat(WallLayout.parse("3x4")).isEqualTo(WallLayout.grid(3, 4));
        assertThat(WallLayout.parse(" 2 × 5 ")).isEqualTo(WallLayout.grid(2, 5));
        assertThat(WallLayout.parse("2*3").size()).isEqualTo(6);
        assertThat(WallLayout.parse("9")).isEqualTo(WallLayout.grid(3, 3));
        assertThat(WallLayout.parse("16")).isEqualTo(WallLayout.grid(4, 4));
        assertThat(WallLayout.parse("1")).isEqualTo(WallLayout.grid(1, 1));
    }

    @Test
    void badTypedLayoutsSayWhatIsWrong() {
        assertThatThrownBy(() -> WallLayout.parse("12"))
                .hasMessageContaining("'12'").hasMessageContaining("not a square");
        assertThatThrownBy(() -> WallLayout.parse("9x2"))
                .hasMessageContaining("'9x2'").hasMessageContaining("1 to 8");
        assertThatThrownBy(() -> WallLayout.parse("0x3")).hasMessageContaining("1 to 8");
        assertThatThrownBy(() -> WallLayout.parse("big")).hasMessageContaining("'big' is not a grid");
        assertThatThrownBy(() -> WallLayout.parse(" ")).hasMessageContaining("no layout given");
    }

    @Test
    void overlappingCellsAreNamedWithTheSquare() {
        assertThatThrownBy(() -> new WallLayout("bad", 2, 2,
                List.of(new Cell(0, 0, 2, 1), new Cell(1, 0, 1, 2), Cell.single(0, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layout 'bad'")
                .hasMessageContaining("overlap at row 1, col 0");
    }

    @Test
    void cellsPastTheEdgeAreRefused() {
        assertThatThrownBy(() -> WallLayout.withLargeCells("wide", 2, 2, List.of(new Cell(0, 1, 1, 2))))
                .hasMessageContaining("layout 'wide'")
                .hasMessageContaining("row 0, col 1, 1×2")
                .hasMessageContaining("right edge (2 columns)");
        assertThatThrownBy(() -> WallLayout.withLargeCells("tall", 2, 2, List.of(new Cell(1, 0, 2, 1))))
                .hasMessageContaining("bottom edge (2 rows)");
    }

    @Test
    void holesAreNotAllowed() {
        assertThatThrownBy(() -> new WallLayout("gappy", 2, 2,
                List.of(Cell.single(0, 0), Cell.single(0, 1), Cell.single(1, 0))))
                .hasMessageContaining("layout 'gappy'")
                .hasMessageContaining("no cell covers row 1, col 1")
                .hasMessageContaining("may not leave holes");
    }

    @Test
    void sizesAndSpansAreChecked() {
        assertThatThrownBy(() -> WallLayout.grid(0, 3)).hasMessageContaining("1 to 8");
        assertThatThrownBy(() -> WallLayout.grid(3, 9)).hasMessageContaining("1 to 8");
        assertThatThrownBy(() -> new Cell(0, 0, 0, 1)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new Cell(-1, 0, 1, 1)).hasMessageContaining("count from 0");
        assertThatThrownBy(() -> new WallLayout(" ", 1, 1, List.of(Cell.single(0, 0))))
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> new WallLayout("none", 1, 1, List.of())).hasMessageContaining("no cells");
    }
}
