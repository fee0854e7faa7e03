package org.gridcommand.feed;

import java.time.Instant;

/**
 * One valid message from the field, after parsing and validation. Every message carries the sender's own
 * id ({@code messageId}, unique per sender), so a redelivery is recognised and never stored twice.
 */
public sealed interface FieldMessage permits GpsFix, GpsTrack, WorkerStatus, FieldReport, SensorAlarm {
    /** The sender's id for this message: with {@link #senderId} the key of idempotent delivery ({@link MessageKey}). */
    String messageId();

    /** Who sent it: the grid worker's or the sensor's id, as the topic named it. */
    String senderId();

    /** When the sender says it happened (device clock), in UTC. */
    Instant at();
}
