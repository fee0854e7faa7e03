package org.gridcommand.camera;

/** What can be wrong with a camera registry file. All are errors (nothing is imported) unless {@link #warning()}. */
public enum CameraProblemKind {
    /** Not JSON, not a CSV with a header, empty, or a JSON top level that is not an array of objects. */
    UNREADABLE_FILE,
    /** A CSV header without a required column (id, name_zh, lon, lat, heading, fov, range, main_url). */
    MISSING_COLUMN,
    /** A CSV header column, or a JSON field, that the registry does not know (a typo?). Warning. */
    UNKNOWN_COLUMN,
    /** A CSV row with more fields than the header (an unquoted comma?), or a JSON element that is not an object. */
    BAD_ROW,
    /** A required value is empty or absent. */
    MISSING_FIELD,
    /** A value longer than the store keeps (id 40, names 200, group 100, URLs 1,000 characters). */
    FIELD_TOO_LONG,
    /** An id with spaces or control characters, or a 20-digit id whose type (digits 11-13) is not a camera. */
    BAD_ID,
    /** An id that is not a 20-digit GB/T 28181 code: kept as given. Warning. */
    NOT_GBT28181_ID,
    DUPLICATE_ID,
    /** A number field (lon, lat, heading, fov, range) that is not a plain decimal number. */
    NOT_A_NUMBER,
    /** Beyond ±180/±90, outside the district, or far from the rest of the file. */
    COORDINATE_OUT_OF_RANGE,
    /** Latitude written where the longitude belongs. */
    LAT_LON_SWAPPED,
    /** Heading outside 0-360 degrees. */
    BAD_HEADING,
    /** Field of view outside (0, 360] degrees. */
    BAD_FOV,
    /** Range not above 0, or beyond 5 km. */
    BAD_RANGE,
    /** A stream URL libVLC does not play: scheme not rtsp, rtmp, http, https, udp, rtp, file (or asset:, a path). */
    BAD_URL,
    /** A datum column value that is not wgs84, cgcs2000, gcj02 or bd09. */
    BAD_DATUM,
    /** Inside the district's bounds but in no small grid (stored without a grid). Warning. */
    OUTSIDE_GRIDS;

    public boolean warning() {
        return this == UNKNOWN_COLUMN || this == NOT_GBT28181_ID || this == OUTSIDE_GRIDS;
    }
}
