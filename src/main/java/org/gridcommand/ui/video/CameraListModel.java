package org.gridcommand.ui.video;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.gridcommand.camera.Camera;

/**
 * The camera list's state: every registry camera, and those matching the search text. A camera matches when
 * every word of the search occurs (ignoring case) in its Chinese or English name, its id or its group, so
 * "G3 gate" or a tail of the 20-digit id both find it. FX thread.
 */
public final class CameraListModel {
    private final ObservableList<Camera> all;
    private final FilteredList<Camera> shown;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");

    public CameraListModel(List<Camera> cameras) {
        this.all = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
                Objects.requireNonNull(cameras, "cameras")));
        this.shown = new FilteredList<>(all);
        query.addListener((o, was, now) -> shown.setPredicate(c -> matches(c, now)));
    }

    /** The search text; every change refilters at once (a few thousand cameras filter in well under a frame). */
    public StringProperty queryProperty() {
        return query;
    }

    /** The cameras that match the search, in registry order; read-only. */
    public ObservableList<Camera> shown() {
        return FXCollections.unmodifiableObservableList(shown);
    }

    public int total() {
        return all.size();
    }

    /** Whether every word of {@code query} is found in the camera's names, id or group; blank matches all. */
    public static boolean matches(Camera camera, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = String.join("\n", camera.name().zh(), camera.name().en(), camera.id(),
                camera.group() == null ? "" : camera.group()).toLowerCase(Locale.ROOT);
        return Arrays.stream(query.strip().toLowerCase(Locale.ROOT).split("\\s+")).allMatch(haystack::contains);
    }
}
