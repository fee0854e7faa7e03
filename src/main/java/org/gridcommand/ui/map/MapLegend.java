package org.gridcommand.ui.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.cases.Priority;
import org.gridcommand.directory.ResourceKind;

/**
 * The legend: one small canvas in the bottom-left corner, listing the symbols of the visible layers with
 * their text, and the colour scale when grids are filled by a metric. Redrawn only when its content
 * changes. Texts come from {@link GridMapView#setLegendText}; English defaults until the console sets them.
 */
final class MapLegend {
    static final double MARGIN = 10;
    private final Canvas canvas = new Canvas();
    private final Map<String, String> texts = new HashMap<>();

    MapLegend() {
        canvas.setManaged(false);
        canvas.setMouseTransparent(true);
        texts.put("camera", "camera");
        texts.put("camera.ONLINE", "online");
        texts.put("camera.LOST", "signal lost");
        texts.put("camera.NEVER_SEEN", "never seen");
        texts.put("worker", "grid worker");
        texts.put("blinking", "needs attention");
        for (Priority p : Priority.values()) {
            texts.put("case." + p.name(), p.name().toLowerCase(Locale.ROOT));
        }
        for (ResourceKind k : ResourceKind.values()) {
            texts.put("resource." + k.name(), k.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    Canvas node() {
        return canvas;
    }

    void setText(String key, String text) {
        texts.put(key, text);
    }

    /** One legend row: symbol drawers with their texts. */
    private record Entry(Consumer<GraphicsContext> symbol, double symbolWidth, String text) {
    }

    /** Draws the legend and returns its height (0 when there is nothing to show). */
    double paint(Set<MapLayerKind> visible, MapData data, double scale, double maxWidth, double viewHeight,
                 boolean anyBlinking) {
        List<List<Entry>> rows = new ArrayList<>();
        double s = scale;
        if (visible.contains(MapLayerKind.CASES)) {
            List<Entry> row = new ArrayList<>();
            for (Priority p : new Priority[] {Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW}) {
                row.add(new Entry(g -> MapStyle.drawCaseSymbol(g, p, 9 * s, 0, s), 18 * s, texts.get("case." + p.name())));
            }
            if (anyBlinking) {
                row.add(new Entry(g -> {
                    MapStyle.drawBlinkHalo(g, 14 * s, 0, s * 0.8);
                    MapStyle.drawCaseSymbol(g, Priority.URGENT, 14 * s, 0, s * 0.8);
                }, 28 * s, texts.get("blinking")));
            }
            rows.add(row);
        }
        List<Entry> people = new ArrayList<>();
        if (visible.contains(MapLayerKind.WORKERS)) {
            people.add(new Entry(g -> MapStyle.drawWorkerSymbol(g, true, 7 * s, 0, s), 14 * s, texts.get("worker")));
        }
        if (visible.contains(MapLayerKind.CAMERAS)) {
            people.add(new Entry(g -> {
                g.setFill(MapStyle.CONE_FILL);
                g.setStroke(MapStyle.CONE_STROKE);
                g.setLineWidth(s);
                MapStyle.drawCone(g, 4 * s, 6 * s, 16 * s, 45, 60);
                MapStyle.drawCameraDot(g, 4 * s, 6 * s, s);
            }, 20 * s, texts.get("camera")));
            if (data.cameraState != null) {
                // Marked by status: one entry per state, so the symbols on the map can be read.
                for (CameraStatus.State state : CameraStatus.State.values()) {
                    people.add(new Entry(g -> MapStyle.drawCameraSymbol(g, state, 6 * s, 0, s), 12 * s,
                            texts.get("camera." + state.name())));
                }
            }
        }
        if (!people.isEmpty()) {
            rows.add(people);
        }
        if (visible.contains(MapLayerKind.RESOURCES) && !data.resources.isEmpty()) {
            List<Entry> row = new ArrayList<>();
            for (ResourceKind k : ResourceKind.values()) {
                row.add(new Entry(g -> MapStyle.drawResourceSymbol(g, k, 9 * s, 0, s), 18 * s, texts.get("resource." + k.name())));
            }
            rows.add(row);
        }
        boolean metric = visible.contains(MapLayerKind.GRIDS) && data.metric != null;
        if (rows.isEmpty() && !metric) {
            canvas.setVisible(false);
            return 0;
        }
        Font font = MapStyle.legendFont(scale);
        double rowHeight = 24 * s;
        double pad = 8 * s;
        double gap = 14 * s;
        // Lay the entries out left to right, wrapping at the available width.
        List<Entry> flat = new ArrayList<>();
        double width = 0;
        int line = 0;
        List<double[]> placed = new ArrayList<>();
        for (List<Entry> row : rows) {
            double x = pad;
            for (Entry e : row) {
                double w = e.symbolWidth() + 6 * s + textWidth(e.text(), font);
                if (x > pad && x + w > maxWidth - pad) {
                    line++;
                    x = pad;
                }
                placed.add(new double[] {x, line});
                flat.add(e);
                x += w + gap;
                width = Math.max(width, x - gap + pad);
            }
            line++;
        }
        double metricHeight = metric ? 46 * s : 0;
        double height = pad * 2 + line * rowHeight + metricHeight;
        if (metric) {
            width = Math.max(width, 240 * s);
        }
        width = Math.min(width, maxWidth);
        canvas.setWidth(Math.ceil(width));
        canvas.setHeight(Math.ceil(height));
        canvas.relocate(MARGIN, Math.max(0, viewHeight - height - MARGIN));
        canvas.setVisible(true);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFill(Color.web("#000000", 0.66));
        g.fillRoundRect(0, 0, width, height, 10 * s, 10 * s);
        for (int i = 0; i < flat.size(); i++) {
            Entry e = flat.get(i);
            double[] p = placed.get(i);
            double cy = pad + p[1] * rowHeight + rowHeight / 2;
            g.save();
            g.translate(p[0], cy);
            e.symbol().accept(g);
            g.restore();
            g.setFont(font);
            g.setFill(Color.WHITE);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(e.text(), p[0] + e.symbolWidth() + 6 * s, cy);
        }
        if (metric) {
            paintScale(g, data, pad, pad + line * rowHeight, width - 2 * pad, s, font);
        }
        return height;
    }

    private void paintScale(GraphicsContext g, MapData data, double x, double y, double w, double s, Font font) {
        g.setFont(Font.font(font.getFamily(), FontWeight.BOLD, 13 * s));
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(data.metricTitle, x, y);
        double barY = y + 17 * s;
        double barH = 9 * s;
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            g.setFill(MapStyle.metricColour(i / (steps - 1.0)));
            g.fillRect(x + w * i / steps, barY, w / steps + 1, barH);
        }
        g.setFont(font);
        g.setFill(Color.web("#c9d1d9"));
        g.setTextBaseline(VPos.TOP);
        g.fillText(format(data.metricMin), x, barY + barH + s);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(format(data.metricMax), x + w, barY + barH + s);
    }

    private static String format(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e12) {
            return String.valueOf((long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
