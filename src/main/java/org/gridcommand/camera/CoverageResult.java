package org.gridcommand.camera;

import java.util.List;
import java.util.Objects;
import org.gridcommand.geo.GeoPoint;

/**
 * The cameras for a point, nearest first. When {@code fallback} is false every match covers the point (it is
 * within the camera's range and field of view). When it is true no camera covers the point and the matches
 * are only the nearest cameras, each with {@code covers == false}: the UI must say "nearest, not covering".
 */
public record CoverageResult(GeoPoint point, List<CameraMatch> matches, boolean fallback) {
    public CoverageResult {
        Objects.requireNonNull(point, "point");
        matches = List.copyOf(matches);
    }

    /** The cameras alone, in rank order. */
    public List<Camera> cameras() {
        return matches.stream().map(CameraMatch::camera).toList();
    }

    public boolean isEmpty() {
        return matches.isEmpty();
    }
}
