package org.gridcommand.ui.map;

import org.gridcommand.cases.Priority;
import org.gridcommand.common.Messages;
import org.gridcommand.directory.ResourceKind;

/** The map legend in the console's language, for every view that shows a map (console, wall). */
public final class MapLegendTexts {
    private MapLegendTexts() {
    }

    public static void apply(GridMapView map, Messages text) {
        map.setLegendText("camera", text.get("map.legend.camera"));
        map.setLegendText("worker", text.get("map.legend.worker"));
        map.setLegendText("blinking", text.get("map.legend.blinking"));
        for (Priority p : Priority.values()) {
            map.setLegendText("case." + p.name(), text.get("priority." + p.name()));
        }
        for (ResourceKind k : ResourceKind.values()) {
            map.setLegendText("resource." + k.name(), text.get("map.legend.resource." + k.name()));
        }
    }
}
