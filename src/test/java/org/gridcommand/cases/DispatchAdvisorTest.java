package org.gridcommand.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.cases.DispatchAdvisor.Advice;
import org.gridcommand.cases.DispatchAdvisor.WorkerSuggestion;
import org.gridcommand.common.BilingualName;
import org.gridcommand.directory.Department;
import org.gridcommand.directory.DepartmentDirectory;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.UnitGridCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchAdvisorTest {
    private static final UnitGridCode OWN = new UnitGridCode("440402001001001");
    private static final UnitGridCode NEXT = new UnitGridCode("440402001001002");
    private static final UnitGridCode FAR = new UnitGridCode("440402001002001");
    private static final GeoPoint CASE_AT = new GeoPoint(113.552, 22.279);
    /** Degrees of longitude per metre at this latitude. */
    private static final double LON_PER_M = 1 / (111_320 * Math.cos(Math.toRadians(22.279)));

    private static CategoryDictionary categories;
    private static DepartmentDirectory departments;
    private static CategoryDepartments routing;

    @BeforeAll
    static void load() {
        categories = CategoryDictionary.loadDefault();
        departments = DepartmentDirectory.loadDefault();
        routing = CategoryDepartments.loadDefault(categories, departments);
    }

    private static GridWorker worker(String id, UnitGridCode grid, DutyStatus status, Double metresEast) {
        return new GridWorker(id, new BilingualName(id, id), null, grid, status,
                metresEast == null ? null : new GeoPoint(CASE_AT.lon() + metresEast * LON_PER_M, CASE_AT.lat()));
    }

    private static Case fireAt(String grid) {
        return Case.builder().id("01J0000000000000000000000A").channel(Channel.GRID_WORKER).categoryCode("0601")
                .location(CASE_AT).smallGridCode(grid).description("fire").priority(Priority.URGENT)
                .reportedAt(Instant.parse("2025-07-15T00:45:00Z")).build();
    }

    @Test
    void nearestOnDutyFirstWithTheOwnGridMarkedAndAllListed() {
        List<GridWorker> roster = new ArrayList<>(List.of(
                worker("OWN-FAR", OWN, DutyStatus.ON_DUTY, 900.0),
                worker("OWN-NEAR", OWN, DutyStatus.ON_DUTY, 300.0),
                worker("OWN-NOFIX", OWN, DutyStatus.ON_DUTY, null),
                worker("OWN-OFF", OWN, DutyStatus.OFF_DUTY, 10.0),
                worker("NEXT-50", NEXT, DutyStatus.ON_DUTY, 50.0),
                worker("FAR-2000", FAR, DutyStatus.ON_DUTY, -2000.0),
                worker("NEXT-OFF", NEXT, DutyStatus.OFF_DUTY, 5.0),
                worker("NEXT-NOFIX", NEXT, DutyStatus.ON_DUTY, null),
                worker("FAR-700", FAR, DutyStatus.ON_DUTY, 700.0)));
        DispatchAdvisor advisor = new DispatchAdvisor(() -> roster, routing, departments);

        Advice advice = advisor.advise(fireAt(OWN.value()));

        assertThat(advice.workers()).extracting(s -> s.worker().id())
                .containsExactly("NEXT-50", "OWN-NEAR", "FAR-700", "OWN-FAR", "FAR-2000", "OWN-NOFIX");
        assertThat(advice.workers()).extracting(WorkerSuggestion::ownGrid)
                .containsExactly(false, true, false, true, false, true);
        assertThat(advice.workers().get(0).distanceMetres()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(advice.workers().get(1).distanceMetres()).isCloseTo(300.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(advice.workers().get(4).distanceMetres()).isCloseTo(2000.0, org.assertj.core.data.Offset.offset(10.0));
        assertThat(advice.workers().get(5).distanceMetres()).as("no known position: last").isNull();

        // The limit caps the others, never the case's own grid.
        assertThat(advisor.advise(fireAt(OWN.value()), 1).workers()).extracting(s -> s.worker().id())
                .containsExactly("NEXT-50", "OWN-NEAR", "OWN-FAR", "OWN-NOFIX");

        // The roster is read on each call: a worker signing off drops out at once.
        roster.set(1, worker("OWN-NEAR", OWN, DutyStatus.OFF_DUTY, 300.0));
        assertThat(advisor.advise(fireAt(OWN.value())).workers()).extracting(s -> s.worker().id())
                .doesNotContain("OWN-NEAR");
    }

    @Test
    void aCaseOutsideTheDistrictGetsTheNearestWorkers() {
        List<GridWorker> roster = List.of(worker("A", OWN, DutyStatus.ON_DUTY, 800.0),
                worker("B", FAR, DutyStatus.ON_DUTY, 100.0));
        Advice advice = new DispatchAdvisor(() -> roster, routing, departments).advise(fireAt(null));
        assertThat(advice.workers()).extracting(s -> s.worker().id()).containsExactly("B", "A");
        assertThat(advice.workers()).noneMatch(WorkerSuggestion::ownGrid);
    }

    @Test
    void departmentsComeFromTheCategoryMinorBeforeMajor() {
        DispatchAdvisor advisor = new DispatchAdvisor(List::of, routing, departments);
        assertThat(advisor.advise(fireAt(OWN.value())).departments()).extracting(Department::code)
                .containsExactly("FIRE", "MEDICAL", "EMERGENCY");
        // 0102 street light has its own entry; 0105 greenery falls back on its major 01.
        assertThat(routing.departmentsFor("0102")).containsExactly("POWER", "URBAN");
        assertThat(routing.departmentsFor("0105")).containsExactly("URBAN");
        assertThat(routing.departmentsFor("9999")).isEmpty();
        // Every minor class of the shipped dictionary gets at least one suggestion.
        for (Category minor : categories.minors()) {
            assertThat(routing.departmentsFor(minor.code())).as(minor.code()).isNotEmpty();
        }
    }

    @Test
    void aRoutingFileNamingAnUnknownDepartmentIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("category-departments.json");
        Files.writeString(file, "{\"mappings\": [{\"category\": \"0601\", \"departments\": [\"FIRE\", \"NAVY\"]}]}");
        assertThatThrownBy(() -> CategoryDepartments.load(file, categories, departments))
                .hasMessageContaining("entry 1").hasMessageContaining("unknown department NAVY");
        Files.writeString(file, "{\"mappings\": [{\"category\": \"9999\", \"departments\": [\"FIRE\"]}]}");
        assertThatThrownBy(() -> CategoryDepartments.load(file, categories, departments))
                .hasMessageContaining("unknown category 9999");
    }
}
