package org.gridcommand.feed;

import java.time.Instant;
import org.gridcommand.geo.GeoPoint;

/**
 * An alarm raised by a sensor (smoke, water level, gas …). {@code value} and {@code unit} are the reading
 * that raised it, when the sensor sends one (NaN / null otherwise); position is WGS-84.
 */
public record SensorAlarm(String messageId, String sensorId, Instant at, String kind, GeoPoint position,
                          double value, String unit) implements FieldMessage {
    @Override
    public String senderId() {
        return sensorId;
    }
}
