package org.gridcommand.ui.map;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.gridcommand.common.Messages;
import org.gridcommand.directory.Resource;
import org.gridcommand.grid.GridWorker;

/**
 * Names what the pointer rests on: a grid worker (name, on or off duty, phone) or a resource (kind and name), so the
 * officer need not click to know who is nearest. Cameras have their own tooltip with their state
 * ({@link CameraStatusLayer}); cases are named in the queue. FX thread.
 */
public final class MapHoverNames {
    private final GridMapView map;
    private final Messages text;
    private final ChangeListener<MapFeature> onHover = (o, was, now) -> show(now);
    private Tooltip tooltip;

    private MapHoverNames(GridMapView map, Messages text) {
        this.map = map;
        this.text = text;
    }

    public static MapHoverNames attach(GridMapView map, Messages text) {
        MapHoverNames names = new MapHoverNames(map, text);
        map.hoveredProperty().addListener(names.onHover);
        return names;
    }

    /** The tooltip (null until something was first hovered). */
    public Tooltip tooltip() {
        return tooltip;
    }

    public void dispose() {
        map.hoveredProperty().removeListener(onHover);
        if (tooltip != null) {
            Tooltip.uninstall(map, tooltip);
        }
    }

    private void show(MapFeature feature) {
        String words = describe(feature);
        if (words == null) {
            if (tooltip != null) {
                Tooltip.uninstall(map, tooltip);
            }
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setId("map-hover-name");
            tooltip.setShowDelay(Duration.millis(250));
        }
        tooltip.setText(words);
        Tooltip.install(map, tooltip);
    }

    String describe(MapFeature feature) {
        if (feature instanceof MapFeature.WorkerFeature w) {
            GridWorker worker = w.worker();
            return text.format(worker.onDuty() ? "map.hover.workerOnDuty" : "map.hover.workerOffDuty",
                    worker.name().in(text.locale()), worker.phone() == null ? "" : worker.phone());
        }
        if (feature instanceof MapFeature.ResourceFeature r) {
            Resource resource = r.resource();
            return text.format("map.hover.resource", text.get("map.legend.resource." + resource.kind().name()),
                    resource.name().in(text.locale()));
        }
        return null;
    }
}
