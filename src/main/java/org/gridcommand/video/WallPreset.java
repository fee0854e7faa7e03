package org.gridcommand.video;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A named wall: its layout and the camera on each cell, e.g. "Night — Tangjiawan east". Plain data, no JavaFX.
 *
 * @param name      what the officer called it; unique per seat, compared ignoring case
 * @param layout    the wall's layout
 * @param cameraIds one camera id per cell of the layout, in cell order; "" for an empty tile
 */
public record WallPreset(String name, WallLayout layout, List<String> cameraIds) {
    /** Longest name kept: a menu line, not a note. */
    public static final int MAX_NAME_LENGTH = 60;

    public WallPreset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("preset name '" + name.substring(0, 20) + "…' is "
                    + name.length() + " characters long; at most " + MAX_NAME_LENGTH);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("preset name '" + name + "' contains a control character");
        }
        Objects.requireNonNull(layout, "preset '" + name + "': layout");
        Objects.requireNonNull(cameraIds, "preset '" + name + "': cameraIds");
        if (cameraIds.size() != layout.size()) {
            throw new IllegalArgumentException("preset '" + name + "': " + cameraIds.size() + " camera(s) for layout "
                    + layout.describe() + "; there must be one per tile (empty text for an empty tile)");
        }
        List<String> ids = new ArrayList<>(cameraIds.size());
        for (String id : cameraIds) {
            ids.add(id == null ? "" : id.strip());
        }
        cameraIds = Collections.unmodifiableList(ids);
    }

    /** The camera id of a cell, "" when the tile is empty. */
    public String cameraAt(int cell) {
        return cameraIds.get(cell);
    }
}
