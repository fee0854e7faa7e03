package org.gridcommand.ui.map;

import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import org.gridcommand.geo.GeoPoint;

/**
 * An interaction mode (measure, cordon, ...) plugged into {@link GridMapView#setTool}. While a tool is set,
 * primary-button presses, drags and releases go to it and the map does not select; the secondary and middle
 * buttons still pan. Points are WGS-84, whatever datum the base tiles use. A tool shows its shapes through
 * {@link GridMapView#setOverlay}.
 */
public interface MapTool {
    void pressed(GeoPoint p, MouseEvent e);

    /** Pointer moved, with or without the primary button held. */
    void moved(GeoPoint p, MouseEvent e);

    void released(GeoPoint p, MouseEvent e);

    /** Returns true when the tool used the key (Escape to cancel, Enter to finish, ...). */
    boolean key(KeyEvent e);
}
