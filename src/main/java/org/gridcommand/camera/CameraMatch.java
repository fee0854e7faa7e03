package org.gridcommand.camera;

import java.util.Objects;

/**
 * A camera found for a point: its ground distance to the point, the bearing from the camera to the point
 * (0 = north, clockwise; NaN when the point is at the camera itself), and whether its field of view covers the
 * point. {@code covers == false} means "nearest, not covering": the point is out of its range or angle.
 */
public record CameraMatch(Camera camera, double distanceMetres, double bearingDeg, boolean covers) {
    public CameraMatch {
        Objects.requireNonNull(camera, "camera");
    }
}
