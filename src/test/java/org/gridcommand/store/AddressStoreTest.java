package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gridcommand.address.AddressKind;
import org.gridcommand.address.AddressRepository.ImportMode;
import org.gridcommand.address.AddressRepository.RegisterChange;
import org.gridcommand.address.StandardAddress;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;

/** The address register on real stores: read back whole, merged or replaced in one transaction, all or nothing. */
class AddressStoreTest {
    @OnEachStore
    void importsMergeOrReplaceAndReadBackEveryPart(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            StandardAddress house = new StandardAddress("A1", AddressKind.HOUSE, "唐家湾镇金鼎路28号", "唐家湾镇", "金鼎路",
                    "28", null, null, null, null, new GeoPoint(113.5812345, 22.3654321), "440402104009004");
            StandardAddress unit = new StandardAddress("A2", AddressKind.UNIT, "唐家湾镇金鼎路30号金湾花园3栋2单元",
                    "唐家湾镇", "金鼎路", "30", "金湾花园", "3", "2", null, new GeoPoint(113.58, 22.36), "440402104009004");
            StandardAddress school = new StandardAddress("A3", AddressKind.POI, "唐家湾镇科技一路8号唐家小学", "唐家湾镇",
                    "科技一路", "8", null, null, null, "唐家小学", new GeoPoint(113.57, 22.37), null);
            store.takeEvents();

            assertThat(store.db.addresses().importRegister(List.of(house, unit), ImportMode.UPSERT))
                    .isEqualTo(new RegisterChange(2, 0, 0));
            assertThat(store.db.addresses().findAll()).containsExactly(house, unit);
            assertThat(store.takeEvents()).extracting(ChangeEvent::entity).containsExactly("address");

            StandardAddress moved = new StandardAddress("A1", AddressKind.HOUSE, "唐家湾镇金鼎路28号", "唐家湾镇", "金鼎路",
                    "28", null, null, null, null, new GeoPoint(113.5813, 22.3655), "440402104009004");
            assertThat(store.db.addresses().importRegister(List.of(moved, school), ImportMode.UPSERT))
                    .isEqualTo(new RegisterChange(1, 1, 0));
            assertThat(store.db.addresses().findAll()).containsExactly(moved, unit, school);

            assertThat(store.db.addresses().importRegister(List.of(school), ImportMode.REPLACE))
                    .isEqualTo(new RegisterChange(0, 1, 2));
            assertThat(store.db.addresses().findAll()).containsExactly(school);

            assertThatThrownBy(() -> store.db.addresses().importRegister(List.of(house, house), ImportMode.REPLACE))
                    .hasMessageContaining("A1 appears twice");
            assertThat(store.db.addresses().findAll()).as("nothing half-imported").containsExactly(school);
            assertThat(store.db.addresses().count()).isEqualTo(1);
        }
    }
}
