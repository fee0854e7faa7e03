package org.gridcommand.feed;

import java.time.Instant;
import org.gridcommand.geo.GeoPoint;

/**
 * A grid worker's position. {@code position} is WGS-84 (converted from the message's datum);
 * accuracy in metres, or NaN when the device did not say.
 */
public record GpsFix(String messageId, String workerId, Instant at, GeoPoint position, double accuracyMetres)
        implements FieldMessage {
    @Override
    public String senderId() {
        return workerId;
    }
}
