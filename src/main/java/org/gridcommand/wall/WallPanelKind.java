package org.gridcommand.wall;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a panel of the wall display shows. */
public enum WallPanelKind {
    /** The district map with live cases and workers. */
    MAP,
    /** A mosaic of camera tiles: the cameras on the most pressing open cases. */
    VIDEO,
    /** Key figures of the day: open, overdue, near due, new, closed, on-time share. */
    KPI,
    /** Progress of the emergency plans running now. */
    PLANS,
    /** The latest case events, newest first. */
    EVENTS;

    /** The name used in layout files: lower case. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WallPanelKind> fromFileName(String name) {
        return Arrays.stream(values()).filter(k -> k.fileName().equals(name)).findFirst();
    }

    /** "map, video, kpi, plans, events": for messages that list what a layout file may say. */
    public static String choices() {
        return Arrays.stream(values()).map(WallPanelKind::fileName).collect(Collectors.joining(", "));
    }
}
