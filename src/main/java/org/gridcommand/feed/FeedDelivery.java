package org.gridcommand.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * One message as the transport hands it over: topic, raw payload, when it arrived, and the acknowledgement
 * to send once its data is durable (for MQTT QoS 1: the PUBACK; until then the broker keeps it and
 * redelivers it after a reconnect).
 */
public record FeedDelivery(String topic, byte[] payload, Instant receivedAt, Runnable ack) {
    public FeedDelivery {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(ack, "ack");
    }
}
