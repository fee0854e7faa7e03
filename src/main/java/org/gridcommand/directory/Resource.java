package org.gridcommand.directory;

import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.GeoPoint;

/** A fixed emergency resource: fire station, hospital, police post, shelter, hydrant... */
public record Resource(String id, ResourceKind kind, BilingualName name, GeoPoint position, String phone) {
}
