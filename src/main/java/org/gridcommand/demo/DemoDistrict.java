package org.gridcommand.demo;

import java.util.List;
import org.gridcommand.camera.Camera;
import org.gridcommand.directory.Resource;
import org.gridcommand.grid.District;

/** A generated demo district: its grid layout and people, its Sharp Eyes cameras and its emergency resources. */
public record DemoDistrict(District district, List<Camera> cameras, List<Resource> resources) {
    public DemoDistrict {
        cameras = List.copyOf(cameras);
        resources = List.copyOf(resources);
    }
}
