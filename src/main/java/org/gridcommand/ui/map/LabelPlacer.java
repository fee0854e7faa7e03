package org.gridcommand.ui.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Chooses which grid labels to show at one scale: greedy, big-grid names first, then small-grid labels,
 * dropping any label whose box would overlap one already placed. Done for the whole district per scale
 * (not per view), so labels do not pop in and out while panning and tiles agree at their seams.
 */
final class LabelPlacer {
    /** A small-grid label appears once the grid is at least this many pixels across (times the scale factor). */
    static final double SMALL_LABEL_MIN_GRID_PX = 56;
    /** Big-grid names appear once the big grid is at least this many pixels across. */
    static final double BIG_LABEL_MIN_GRID_PX = 40;

    private final Map<String, double[]> sizes = new HashMap<>();

    /** A label to draw: text, font and its box centred on a mercator point. */
    record Placed(String text, boolean big, double mercatorX, double mercatorY, double width, double height) {
    }

    List<Placed> place(MapData data, double ppm, double scale) {
        List<Placed> placed = new ArrayList<>();
        List<double[]> boxes = new ArrayList<>();
        Font bigFont = MapStyle.labelFont(true, scale);
        Font smallFont = MapStyle.labelFont(false, scale);
        for (MapData.Shape s : data.bigGrids) {
            if (Math.min(s.maxX - s.minX, s.maxY - s.minY) * ppm >= BIG_LABEL_MIN_GRID_PX * scale) {
                tryPlace(s, true, bigFont, ppm, scale, placed, boxes);
            }
        }
        for (MapData.Shape s : data.smallGrids) {
            if (Math.min(s.maxX - s.minX, s.maxY - s.minY) * ppm >= SMALL_LABEL_MIN_GRID_PX * scale) {
                tryPlace(s, false, smallFont, ppm, scale, placed, boxes);
            }
        }
        return placed;
    }

    private void tryPlace(MapData.Shape s, boolean big, Font font, double ppm, double scale, List<Placed> placed,
                          List<double[]> boxes) {
        if (s.label.isEmpty()) {
            return;
        }
        double[] size = measure(s.label, font);
        double w = size[0] + 8 * scale;
        double h = size[1] + 2 * scale;
        double cx = s.labelX * ppm;
        double cy = -s.labelY * ppm;
        double[] box = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
        for (double[] other : boxes) {
            if (box[0] < other[2] && box[2] > other[0] && box[1] < other[3] && box[3] > other[1]) {
                return;
            }
        }
        boxes.add(box);
        placed.add(new Placed(s.label, big, s.labelX, s.labelY, w, h));
    }

    private double[] measure(String text, Font font) {
        String key = font.getName() + "|" + font.getSize() + "|" + text;
        return sizes.computeIfAbsent(key, k -> {
            Text probe = new Text(text);
            probe.setFont(font);
            return new double[] {probe.getLayoutBounds().getWidth(), probe.getLayoutBounds().getHeight()};
        });
    }
}
