package org.gridcommand.video;

import java.util.List;
import java.util.Objects;

/**
 * A tour through a camera group, page by page: with a wall of {@code pageSize} tiles, page 1 is the group's
 * first {@code pageSize} cameras, page 2 the next ones, and after the last (possibly short) page it starts
 * over. The timing belongs to whoever drives it; this is the paging only. Plain Java, no JavaFX; not
 * thread-safe (one thread drives it).
 *
 * @param <T> what a camera is to the caller (a camera record, an id)
 */
public final class WallTour<T> {
    private final String group;
    private final List<T> cameras;
    private int pageSize;
    private int page;

    public WallTour(String group, List<T> cameras, int pageSize) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a tour needs a camera group");
        }
        this.group = group.strip();
        this.cameras = List.copyOf(Objects.requireNonNull(cameras, "cameras"));
        if (this.cameras.isEmpty()) {
            throw new IllegalArgumentException("camera group '" + this.group + "' has no cameras to tour");
        }
        requirePageSize(pageSize);
        this.pageSize = pageSize;
    }

    public String group() {
        return group;
    }

    public List<T> cameras() {
        return cameras;
    }

    /** Pages in the tour: the group's cameras over the wall's tiles, rounded up. */
    public int pages() {
        return (cameras.size() + pageSize - 1) / pageSize;
    }

    /** The page shown now, from 1. */
    public int pageNumber() {
        return page + 1;
    }

    /** The cameras of the page shown now (fewer than the page size on a short last page). */
    public List<T> current() {
        int from = page * pageSize;
        return cameras.subList(from, Math.min(cameras.size(), from + pageSize));
    }

    /** Moves to the next page (the first after the last) and returns its cameras. */
    public List<T> advance() {
        page = (page + 1) % pages();
        return current();
    }

    /**
     * The wall changed its tile count: pages are recut so that the first camera of the page shown now stays on
     * the page shown next.
     */
    public void resize(int newPageSize) {
        requirePageSize(newPageSize);
        int first = page * pageSize;
        pageSize = newPageSize;
        page = first / newPageSize;
    }

    private static void requirePageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a tour page needs at least one tile, got " + pageSize);
        }
    }
}
