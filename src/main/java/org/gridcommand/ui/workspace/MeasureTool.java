package org.gridcommand.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.geo.Measure;
import org.gridcommand.ui.map.GridMapView;
import org.gridcommand.ui.map.MapTool;
import org.gridcommand.ui.map.OverlayShape;
import org.gridcommand.ui.map.OverlayStyle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Distance measuring: each click adds a point, the line follows the pointer, the label shows the length
 * on the ground. Enter or a double click finishes; Escape clears.
 */
final class MeasureTool implements MapTool {
    static final String OVERLAY = "measure";
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final GridMapView map;
    private final List<GeoPoint> points = new ArrayList<>();
    private GeoPoint pointer;
    private boolean finished;

    MeasureTool(GridMapView map) {
        this.map = map;
    }

    @Override
    public void pressed(GeoPoint p, MouseEvent e) {
        if (finished) {
            points.clear();
            finished = false;
        }
        if (e.getClickCount() >= 2 && points.size() >= 2) {
            finished = true;
        } else {
            points.add(p);
        }
        show();
    }

    @Override
    public void moved(GeoPoint p, MouseEvent e) {
        pointer = p;
        if (!finished && !points.isEmpty()) {
            show();
        }
    }

    @Override
    public void released(GeoPoint p, MouseEvent e) {
        // Points are taken on press: a release after a drag must not add a second one.
    }

    @Override
    public boolean key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            clear();
            return true;
        }
        if (e.getCode() == KeyCode.ENTER && points.size() >= 2) {
            finished = true;
            show();
            return true;
        }
        return false;
    }

    void clear() {
        points.clear();
        finished = false;
        map.clearOverlay(OVERLAY);
    }

    /** The measured length in metres (without the rubber band to the pointer). */
    double lengthMetres() {
        return Measure.pathLengthMetres(points);
    }

    private void show() {
        List<GeoPoint> line = new ArrayList<>(points);
        if (!finished && pointer != null && !points.isEmpty()) {
            line.add(pointer);
        }
        if (line.size() < 2) {
            map.setOverlay(OVERLAY, List.of(new OverlayShape(
                    GEOMETRY.createPoint(new Coordinate(line.get(0).lon(), line.get(0).lat())), OverlayStyle.MEASURE, "0 m")));
            return;
        }
        Coordinate[] coords = line.stream().map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new);
        map.setOverlay(OVERLAY, List.of(new OverlayShape(GEOMETRY.createLineString(coords), OverlayStyle.MEASURE,
                Measure.formatDistance(Measure.pathLengthMetres(line)))));
    }
}
