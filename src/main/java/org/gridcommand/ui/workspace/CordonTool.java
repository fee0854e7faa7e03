package org.gridcommand.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import org.locationtech.jts.geom.Polygon;

/**
 * Drawing a cordon (警戒区): each click adds a corner; Enter or a double click closes the polygon (three
 * corners at least) and publishes it; Escape cancels. The area on the ground is shown as the label.
 */
final class CordonTool implements MapTool {
    static final String OVERLAY = "cordon";
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final GridMapView map;
    private final List<GeoPoint> corners = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Polygon> cordon = new ReadOnlyObjectWrapper<>();
    private GeoPoint pointer;

    CordonTool(GridMapView map) {
        this.map = map;
    }

    ReadOnlyObjectProperty<Polygon> cordonProperty() {
        return cordon.getReadOnlyProperty();
    }

    @Override
    public void pressed(GeoPoint p, MouseEvent e) {
        if (cordon.get() != null) {
            cordon.set(null);
            corners.clear();
        }
        if (e.getClickCount() >= 2 && corners.size() >= 3) {
            close();
            return;
        }
        corners.add(p);
        show(false);
    }

    @Override
    public void moved(GeoPoint p, MouseEvent e) {
        pointer = p;
        if (cordon.get() == null && !corners.isEmpty()) {
            show(false);
        }
    }

    @Override
    public void released(GeoPoint p, MouseEvent e) {
        // Corners are taken on press.
    }

    @Override
    public boolean key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            clear();
            return true;
        }
        if (e.getCode() == KeyCode.ENTER && corners.size() >= 3) {
            close();
            return true;
        }
        return false;
    }

    void clear() {
        corners.clear();
        cordon.set(null);
        map.clearOverlay(OVERLAY);
    }

    private void close() {
        cordon.set(polygon(corners));
        show(true);
    }

    private void show(boolean closed) {
        List<GeoPoint> ring = new ArrayList<>(corners);
        if (!closed && pointer != null) {
            ring.add(pointer);
        }
        if (ring.size() < 3) {
            Coordinate[] line = ring.stream().map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new);
            map.setOverlay(OVERLAY, List.of(new OverlayShape(line.length == 1 ? GEOMETRY.createPoint(line[0])
                    : GEOMETRY.createLineString(line), OverlayStyle.CORDON, "")));
            return;
        }
        map.setOverlay(OVERLAY, List.of(new OverlayShape(polygon(ring), OverlayStyle.CORDON,
                Measure.formatArea(Measure.polygonAreaSquareMetres(ring)))));
    }

    private static Polygon polygon(List<GeoPoint> ring) {
        Coordinate[] coords = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            coords[i] = new Coordinate(ring.get(i).lon(), ring.get(i).lat());
        }
        coords[ring.size()] = coords[0];
        return GEOMETRY.createPolygon(coords);
    }
}
