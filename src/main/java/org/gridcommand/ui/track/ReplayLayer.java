package org.gridcommand.ui.track;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.gridcommand.feed.track.ReplayFrame;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.ui.map.GridMapView;

/**
 * The replay's trails and positions, a colour per worker, drawn on a transparent canvas over the map (the
 * map's own overlay styles are shared by the tools). Redrawn only when the frame or the map's view changed:
 * the view calls {@link #update} on every animation pulse and it returns at once when nothing moved.
 * Colour is never the only cue: each position carries its worker's name.
 */
final class ReplayLayer {
    /** Distinct on the dark map and apart from the map's own cyan selection and red defects. */
    static final Color[] PALETTE = {
        Color.web("#ff9f0a"), Color.web("#30d158"), Color.web("#bf5af2"), Color.web("#ffd60a"),
        Color.web("#ff6ec7"), Color.web("#a2f56b"), Color.web("#ffffff"), Color.web("#c9a26b"),
    };

    private final GridMapView map;
    private final Canvas canvas = new Canvas();
    private final Map<String, Point2D> shownPositions = new LinkedHashMap<>();
    private final Map<String, Integer> shownTrailPoints = new LinkedHashMap<>();
    private ReplayFrame drawnFrame;
    private String drawnView = "";
    private String selected;
    private Map<String, TrackReplayModel.ReplayWorker> workers = Map.of();
    private boolean dirty = true;

    ReplayLayer(GridMapView map) {
        this.map = map;
        canvas.setMouseTransparent(true);
        canvas.setManaged(false);
    }

    static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    Canvas node() {
        return canvas;
    }

    void setWorkers(List<TrackReplayModel.ReplayWorker> list) {
        Map<String, TrackReplayModel.ReplayWorker> m = new LinkedHashMap<>();
        list.forEach(w -> m.put(w.id(), w));
        workers = m;
        dirty = true;
    }

    /** The worker drawn on top with a ring (followed or picked). */
    void setSelected(String workerId) {
        selected = workerId;
        dirty = true;
    }

    /** Where each worker's position was drawn last, in the map's coordinates (for tests and the follow). */
    Map<String, Point2D> shownPositions() {
        return Map.copyOf(shownPositions);
    }

    /** How many points each worker's drawn trail had. */
    Map<String, Integer> shownTrailPoints() {
        return Map.copyOf(shownTrailPoints);
    }

    /** Draws the frame when it, the map's view or the size changed since the last drawing. */
    void update(ReplayFrame frame) {
        double w = map.getWidth();
        double h = map.getHeight();
        Point2D probe = map.screenPosition(new GeoPoint(113.58, 22.36));
        String view = w + "x" + h + "@" + probe.getX() + "," + probe.getY() + "/" + map.metresPerPixel();
        if (!dirty && frame == drawnFrame && view.equals(drawnView)) {
            return;
        }
        dirty = false;
        drawnFrame = frame;
        drawnView = view;
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        shownPositions.clear();
        shownTrailPoints.clear();
        if (frame == null) {
            return;
        }
        double s = map.getScaleFactor();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (ReplayFrame.Worker wk : frame.workers()) {
            List<GeoPoint> trail = wk.trail();
            shownTrailPoints.put(wk.workerId(), trail.size());
            if (trail.size() < 2) {
                continue;
            }
            g.beginPath();
            for (int i = 0; i < trail.size(); i++) {
                Point2D p = map.screenPosition(trail.get(i));
                if (i == 0) {
                    g.moveTo(p.getX(), p.getY());
                } else {
                    g.lineTo(p.getX(), p.getY());
                }
            }
            g.setStroke(Color.web("#000000", 0.8));
            g.setLineWidth(8 * s);
            g.stroke();
            g.setStroke(colourOf(wk.workerId()));
            g.setLineWidth(4.5 * s);
            g.stroke();
        }
        Font font = org.gridcommand.fx.Fonts.of(FontWeight.BOLD, 15 * s);
        // The selected worker last, so it is on top.
        List<ReplayFrame.Worker> order = new java.util.ArrayList<>(frame.workers());
        order.sort(java.util.Comparator.comparing(x -> x.workerId().equals(selected)));
        for (ReplayFrame.Worker wk : order) {
            if (wk.position().isEmpty()) {
                continue;
            }
            Point2D p = map.screenPosition(wk.position().get());
            shownPositions.put(wk.workerId(), p);
            double r = 9 * s;
            if (wk.workerId().equals(selected)) {
                g.setStroke(Color.WHITE);
                g.setLineWidth(3 * s);
                g.strokeOval(p.getX() - r - 5 * s, p.getY() - r - 5 * s, 2 * (r + 5 * s), 2 * (r + 5 * s));
            }
            g.setFill(Color.BLACK);
            g.fillOval(p.getX() - r - 2.5 * s, p.getY() - r - 2.5 * s, 2 * (r + 2.5 * s), 2 * (r + 2.5 * s));
            g.setFill(colourOf(wk.workerId()));
            g.fillOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
            TrackReplayModel.ReplayWorker info = workers.get(wk.workerId());
            String name = info == null ? wk.workerId() : info.name();
            Text probeText = new Text(name);
            probeText.setFont(font);
            double tw = probeText.getLayoutBounds().getWidth() + 12 * s;
            double th = probeText.getLayoutBounds().getHeight() + 6 * s;
            double lx = p.getX() + r + 6 * s;
            double ly = p.getY() - th / 2;
            g.setFill(Color.web("#000000", 0.78));
            g.fillRoundRect(lx, ly, tw, th, 6 * s, 6 * s);
            g.setFill(colourOf(wk.workerId()));
            g.fillRect(lx, ly, 4 * s, th);
            g.setFill(Color.WHITE);
            g.setFont(font);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(name, lx + 8 * s, p.getY());
        }
    }

    private Color colourOf(String workerId) {
        TrackReplayModel.ReplayWorker w = workers.get(workerId);
        return colour(w == null ? 0 : w.colour());
    }
}
