package org.gridcommand.camera;

import java.util.Objects;

/**
 * One thing wrong with a camera file, with its place: the line (CSV) or object and line (JSON), the camera's id
 * as written when there is one, and the field.
 *
 * @param where    e.g. {@code line 7}, {@code object #3, line 12}, or {@code file "cameras.csv"}
 * @param line     the line in the file, 0 for the file as a whole
 * @param cameraId the id as written in the row, or null
 * @param field    the column or JSON field, or null for the row or the file
 */
public record CameraProblem(CameraProblemKind kind, String where, int line, String cameraId, String field,
                            String detail) {
    public CameraProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean warning() {
        return kind.warning();
    }

    /**
     * One report line, e.g. {@code ERROR BAD_HEADING line 4 (44040210001327000001) heading: 400 is outside 0-360°}
     * or {@code WARNING NOT_GBT28181_ID line 5 (CAM-7) id: …}.
     */
    public String toLine() {
        StringBuilder line = new StringBuilder(warning() ? "WARNING " : "ERROR ").append(kind.name()).append(' ')
                .append(where);
        if (cameraId != null && !cameraId.isBlank()) {
            line.append(" (").append(CameraFileReader.printable(cameraId)).append(')');
        }
        if (field != null) {
            line.append(' ').append(field);
        }
        return line.append(": ").append(detail).toString();
    }
}
