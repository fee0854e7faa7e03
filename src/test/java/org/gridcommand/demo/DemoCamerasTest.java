package org.gridcommand.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridcommand.camera.Camera;
import org.gridcommand.directory.Resource;
import org.gridcommand.directory.ResourceKind;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.junit.jupiter.api.Test;

class DemoCamerasTest {
    private final District district = DemoTestSupport.DEMO.district();
    private final List<Camera> cameras = DemoTestSupport.DEMO.cameras();

    @Test
    void atLeastFourHundredCamerasWithGbt28181Ids() {
        assertThat(cameras).hasSizeGreaterThanOrEqualTo(400);
        assertThat(cameras).extracting(Camera::id).doesNotHaveDuplicates();
        assertThat(cameras).allSatisfy(c -> {
            assertThat(Camera.isGbt28181Id(c.id())).as(c.id()).isTrue();
            assertThat(c.id()).startsWith("44040210" + "00");
            assertThat(c.gbtDeviceType()).isIn("131", "132");
            assertThat(c.id().charAt(13)).isEqualTo('7');
        });
    }

    @Test
    void camerasStandInsideTheirGridAndLookSensibly() {
        Map<String, SmallGrid> grids = district.smallGrids().stream()
                .collect(Collectors.toMap(g -> g.code().value(), g -> g));
        assertThat(cameras).allSatisfy(c -> {
            SmallGrid grid = grids.get(c.smallGridCode());
            assertThat(grid).as(c.id()).isNotNull();
            assertThat(grid.area().contains(DemoTestSupport.point(c.position().lon(), c.position().lat()))).as(c.id()).isTrue();
            assertThat(c.group()).isEqualTo(grid.bigGridCode());
            assertThat(c.headingDeg()).isGreaterThanOrEqualTo(0).isLessThan(360);
            assertThat(c.fovDeg()).isBetween(40.0, 100.0);
            assertThat(c.rangeMetres()).isBetween(60.0, 250.0);
            assertThat(c.mainStreamUrl()).matches("asset:demo/clips/clip-[1-4]\\.mp4");
            assertThat(c.subStreamUrl()).matches("asset:demo/clips/clip-[1-4]\\.mp4");
            assertThat(c.name().zh()).startsWith(grid.name().zh() + " ");
        });
        Map<String, Long> perGrid = cameras.stream().collect(Collectors.groupingBy(Camera::smallGridCode, Collectors.counting()));
        assertThat(perGrid).hasSize(136);
        assertThat(perGrid.values()).allMatch(n -> n >= 2 && n <= 4);
        assertThat(cameras.get(0).name().en()).matches("[A-Z][a-z']+ G\\d \\D+ \\d");
        assertThat(cameras).extracting(Camera::mainStreamUrl).contains(
                "asset:demo/clips/clip-1.mp4", "asset:demo/clips/clip-2.mp4", "asset:demo/clips/clip-3.mp4", "asset:demo/clips/clip-4.mp4");
        assertThat(UnitGridCode.isValid(cameras.get(0).smallGridCode())).isTrue();
    }

    @Test
    void resourcesAreInsideTheDistrict() {
        List<Resource> resources = DemoTestSupport.DEMO.resources();
        assertThat(resources).hasSizeBetween(50, 70);
        assertThat(resources).extracting(Resource::id).doesNotHaveDuplicates();
        Map<ResourceKind, Long> byKind = resources.stream().collect(Collectors.groupingBy(Resource::kind, Collectors.counting()));
        assertThat(byKind).containsEntry(ResourceKind.FIRE_STATION, 3L).containsEntry(ResourceKind.HOSPITAL, 3L)
                .containsEntry(ResourceKind.POLICE_POST, 8L).containsEntry(ResourceKind.SHELTER, 10L)
                .containsKeys(ResourceKind.HYDRANT, ResourceKind.MEDICAL_POINT, ResourceKind.SUPPLY_DEPOT);
        assertThat(resources).allSatisfy(r ->
                assertThat(district.outline().contains(DemoTestSupport.point(r.position().lon(), r.position().lat()))).as(r.id()).isTrue());
    }
}
