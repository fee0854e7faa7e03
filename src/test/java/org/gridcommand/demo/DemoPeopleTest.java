package org.gridcommand.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.junit.jupiter.api.Test;

class DemoPeopleTest {
    private final District district = DemoTestSupport.DEMO.district();

    @Test
    void oneGridHeadPerBigGrid() {
        assertThat(district.gridHeads()).hasSize(16);
        assertThat(district.gridHeads()).extracting(GridHead::bigGridCode)
                .containsExactlyElementsOf(district.bigGrids().stream().map(BigGrid::code).toList());
        assertThat(district.gridHeads()).extracting(GridHead::id).containsExactly(
                "H01", "H02", "H03", "H04", "H05", "H06", "H07", "H08",
                "H09", "H10", "H11", "H12", "H13", "H14", "H15", "H16");
    }

    @Test
    void threeHundredSixteenWorkersTwoOrThreePerSmallGrid() {
        List<GridWorker> workers = district.gridWorkers();
        assertThat(workers).hasSize(316);
        assertThat(workers).extracting(GridWorker::id).doesNotHaveDuplicates().allMatch(id -> id.matches("W\\d{4}"));
        int threes = 0;
        for (SmallGrid grid : district.smallGrids()) {
            int n = district.workersOf(grid.code()).size();
            assertThat(n).as(grid.code().value()).isBetween(2, 3);
            threes += n == 3 ? 1 : 0;
        }
        assertThat(threes).isEqualTo(44);
    }

    @Test
    void namesAndPhonesLookReal() {
        List<String> phones = new java.util.ArrayList<>(district.gridWorkers().stream().map(GridWorker::phone).toList());
        phones.addAll(district.gridHeads().stream().map(GridHead::phone).toList());
        assertThat(phones).doesNotHaveDuplicates().allMatch(p -> p.matches("1[3-9]\\d{9}"));
        assertThat(district.gridWorkers()).allSatisfy(w -> {
            assertThat(w.name().zh()).matches("\\p{IsHan}{2,3}");
            assertThat(w.name().en()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
        });
        assertThat(district.gridWorkers()).extracting(w -> w.name().zh()).doesNotHaveDuplicates();
    }

    @Test
    void onDutyWorkersStandInsideTheirGrid() {
        long onDuty = district.gridWorkers().stream().filter(GridWorker::onDuty).count();
        assertThat(onDuty / 316.0).isBetween(0.75, 0.95);
        for (GridWorker w : district.gridWorkers()) {
            if (w.dutyStatus() == DutyStatus.OFF_DUTY) {
                assertThat(w.lastPosition()).as(w.id()).isNull();
                continue;
            }
            SmallGrid grid = district.smallGrid(w.smallGrid()).orElseThrow();
            assertThat(grid.area().contains(DemoTestSupport.point(w.lastPosition().lon(), w.lastPosition().lat())))
                    .as(w.id() + " in " + grid.code()).isTrue();
        }
    }
}
