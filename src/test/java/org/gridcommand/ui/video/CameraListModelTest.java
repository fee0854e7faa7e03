package org.gridcommand.ui.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridcommand.camera.Camera;
import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class CameraListModelTest {
    private static Camera camera(String id, String zh, String en, String group) {
        return new Camera(id, new BilingualName(zh, en), new GeoPoint(113.58, 22.36), 0, 60, 100, "asset:a", "asset:a",
                group, "440402001001001");
    }

    private final Camera gate = camera("44040210001327000001", "唐家湾 东门1", "Tangjiawan G1 East gate 1", "east");
    private final Camera market = camera("44040210001317000002", "金鼎 市场2", "Jinding G4 Market 2", "west");

    @Test
    void everyWordMustMatchNameIdOrGroupIgnoringCase() {
        CameraListModel model = new CameraListModel(List.of(gate, market));
        assertThat(model.shown()).containsExactly(gate, market);

        model.queryProperty().set("EAST gate");
        assertThat(model.shown()).containsExactly(gate);
        model.queryProperty().set("金鼎");
        assertThat(model.shown()).containsExactly(market);
        model.queryProperty().set("7000002");
        assertThat(model.shown()).containsExactly(market);
        model.queryProperty().set("west market");
        assertThat(model.shown()).containsExactly(market);
        model.queryProperty().set("west gate");
        assertThat(model.shown()).isEmpty();
        model.queryProperty().set("  ");
        assertThat(model.shown()).hasSize(2);
        assertThat(model.total()).isEqualTo(2);
    }
}
