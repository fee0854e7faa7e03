package org.gridcommand.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * A picture attached to a case as evidence, as listed: who attached what from which camera and when. The
 * PNG bytes stay in the store ({@link EvidenceRepository#content}); {@code sha256} (lower-case hex) lets anyone
 * check that an exported file is the one attached.
 *
 * @param eventId    the case trail line (action EVIDENCE) written with it
 * @param cameraName the camera's name when attached, or null
 * @param takenAt    when the picture was shown on the tile
 * @param attachedAt when the operator attached it (the trail line's time)
 */
public record Evidence(String id, String caseId, String eventId, String cameraId, String cameraName,
                       Instant takenAt, Instant attachedAt, String operatorName, String mediaType, int width,
                       int height, long sizeBytes, String sha256) {
    public static final String PNG = "image/png";

    public Evidence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(attachedAt, "attachedAt");
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        if (cameraId.isBlank()) {
            throw new IllegalArgumentException("evidence " + id + ": the camera id is blank");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("evidence " + id + ": picture size must be positive, got "
                    + width + "x" + height);
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("evidence " + id + ": size must be positive, got " + sizeBytes);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("evidence " + id + ": sha256 must be 64 lower-case hex digits, got '"
                    + sha256 + "'");
        }
    }
}
