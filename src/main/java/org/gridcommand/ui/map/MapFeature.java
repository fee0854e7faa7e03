package org.gridcommand.ui.map;

import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.directory.Resource;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;

/** Something on the map that can be hovered or selected. */
public sealed interface MapFeature {
    /** A stable key, so a feature stays selected when its record is replaced by a newer copy. */
    String key();

    record GridFeature(SmallGrid grid) implements MapFeature {
        @Override
        public String key() {
            return "grid:" + grid.code().value();
        }
    }

    record CameraFeature(Camera camera) implements MapFeature {
        @Override
        public String key() {
            return "camera:" + camera.id();
        }
    }

    record CaseFeature(Case theCase) implements MapFeature {
        @Override
        public String key() {
            return "case:" + theCase.id();
        }
    }

    record WorkerFeature(GridWorker worker) implements MapFeature {
        @Override
        public String key() {
            return "worker:" + worker.id();
        }
    }

    record ResourceFeature(Resource resource) implements MapFeature {
        @Override
        public String key() {
            return "resource:" + resource.id();
        }
    }
}
