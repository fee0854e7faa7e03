package org.gridcommand.feed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One message as the transport hands it over: topic, payload, when it arrived, and the acknowledgement to send
 * once its data is durable (for MQTT QoS 1: the PUBACK; until then the broker keeps it and redelivers it after a
 * reconnect).
 *
 * <p>A payload larger than anything the parser reads is kept only as a prefix of {@link Quarantined#KEPT_BYTES}
 * with the whole payload's size and SHA-256, taken the moment it arrives ({@link #boundedTo}): a flood of 20 MB
 * messages must neither fill the memory while they wait for their batch nor the disk in the quarantine.
 *
 * @param payload the whole payload, or its first bytes when {@code size} is larger
 * @param size    the whole payload's length in bytes
 * @param sha256  the whole payload's SHA-256 (hex) when only a prefix is kept; null: computed from the payload
 */
public record FeedDelivery(String topic, byte[] payload, long size, String sha256, Instant receivedAt, Runnable ack) {
    public FeedDelivery {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(ack, "ack");
        if (size < payload.length) {
            throw new IllegalArgumentException("size " + size + " is less than the " + payload.length + " bytes kept");
        }
        if (size > payload.length && sha256 == null) {
            throw new IllegalArgumentException("a delivery kept as a prefix needs the whole payload's SHA-256");
        }
    }

    /** A whole payload. */
    public FeedDelivery(String topic, byte[] payload, Instant receivedAt, Runnable ack) {
        this(topic, payload, payload.length, null, receivedAt, ack);
    }

    /** True when only a prefix of the payload is kept (it was larger than the parser reads). */
    public boolean truncated() {
        return size > payload.length;
    }

    /** The whole payload's SHA-256 in lower-case hex. */
    public String payloadSha256() {
        return sha256 != null ? sha256 : sha256(payload);
    }

    /**
     * This delivery as it may wait in memory: unchanged when the payload is at most {@code readLimit} bytes,
     * otherwise its first {@link Quarantined#KEPT_BYTES} bytes with the size and digest of the whole.
     */
    public FeedDelivery boundedTo(long readLimit) {
        if (payload.length <= readLimit) {
            return this;
        }
        return new FeedDelivery(topic, Arrays.copyOf(payload, Math.min(payload.length, Quarantined.KEPT_BYTES)),
                size, payloadSha256(), receivedAt, ack);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
