package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.common.ChangeEvent.Kind;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** GridRepository.replaceGrids on both vendors: the grids change, the district and its people stay. */
class GridImportStoreTest {

    @OnEachStore
    void replacingGridsKeepsTheDistrictAndItsPeople(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            District original = Fixtures.district();
            store.db.grids().replaceDistrict(original);
            store.takeEvents();

            // Redrawn: the first community's split moves north, a third community appears with one grid.
            BigGrid big1 = original.bigGrids().get(0);
            BigGrid big2 = original.bigGrids().get(1);
            BigGrid big3 = new BigGrid("440402001003", new BilingualName("拱北第三社区", "Gongbei Community 3"),
                    Fixtures.box(113.5798765432109, 22.2512345678901, 113.5901234567891, 22.2887654321098));
            double split = 22.2751234567891;
            SmallGrid s1 = new SmallGrid(new UnitGridCode("440402001001001"), big1.code(),
                    new BilingualName("一社区北片(新)", "Community 1 North (new)"),
                    Fixtures.box(113.5431234567891, split, 113.5612345678912, 22.2887654321098));
            SmallGrid s2 = new SmallGrid(new UnitGridCode("440402001001002"), big1.code(),
                    new BilingualName("一社区南片", "Community 1 South"),
                    Fixtures.box(113.5431234567891, 22.2512345678901, 113.5612345678912, split));
            SmallGrid s3 = original.smallGrid(new UnitGridCode("440402001002001")).orElseThrow();
            SmallGrid s4 = new SmallGrid(new UnitGridCode("440402001003001"), big3.code(),
                    new BilingualName("三社区", "Community 3"), big3.area());
            Geometry outline = original.outline().union(big3.area());

            store.db.grids().replaceGrids(outline, List.of(big1, big2, big3), List.of(s1, s2, s3, s4));

            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("district", "440402", Kind.BULK_LOADED));
            District loaded = store.db.grids().loadDistrict().orElseThrow();
            assertThat(loaded.adminCode()).isEqualTo(original.adminCode());
            assertThat(loaded.name()).isEqualTo(original.name());
            assertThat(loaded.gridHeads()).containsExactlyInAnyOrderElementsOf(original.gridHeads());
            assertThat(loaded.gridWorkers()).isEqualTo(original.gridWorkers());
            assertThat(loaded.bigGrids()).containsExactly(big1, big2, big3);
            assertThat(loaded.smallGrids()).containsExactly(s1, s2, s3, s4);
            assertThat(loaded.outline().equalsExact(outline)).isTrue();
            assertThat(((Polygon) loaded.bigGrids().get(1).area()).getNumInteriorRing()).isEqualTo(1);

            // And back: grids nobody works in are deleted, children before parents.
            store.db.grids().replaceGrids(original.outline(), original.bigGrids(), original.smallGrids());
            assertThat(store.db.grids().loadDistrict()).contains(original);
            assertThat(store.takeEvents()).hasSize(1);
        }
    }

    @OnEachStore
    void gridsThatWouldOrphanPeopleAreRefusedAndNothingChanges(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            District original = Fixtures.district();
            store.db.grids().replaceDistrict(original);
            store.takeEvents();
            List<SmallGrid> withoutSouth = new ArrayList<>(original.smallGrids());
            withoutSouth.removeIf(g -> g.code().value().equals("440402001001002"));
            String southWorker = original.workersOf(new UnitGridCode("440402001001002")).get(0).id();

            assertThatThrownBy(() -> store.db.grids().replaceGrids(original.outline(), original.bigGrids(), withoutSouth))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("the new grids lack the grid of 1 person: ")
                    .hasMessageContaining("grid worker " + southWorker + " (440402001001002)");
            assertThatThrownBy(() -> store.db.grids().replaceGrids(original.outline(),
                    List.of(original.bigGrids().get(0)), original.smallGrids().stream()
                            .filter(g -> g.bigGridCode().equals(original.bigGrids().get(0).code())).toList()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("grid head ");
            assertThat(store.db.grids().loadDistrict()).contains(original);
            assertThat(store.takeEvents()).isEmpty();
        }
    }

    @OnEachStore
    void anEmptyStoreHasNoGridsToReplace(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            District d = Fixtures.district();
            assertThatThrownBy(() -> store.db.grids().replaceGrids(d.outline(), d.bigGrids(), d.smallGrids()))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("replacing the grids failed: the store holds no district yet");
            assertThat(store.db.isEmpty()).isTrue();
        }
    }
}
