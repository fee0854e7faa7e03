package org.gridcommand.feed;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message the feed could not accept, kept so that nothing is lost without a trace and an officer can see why:
 * {@code reason} is a short code ({@link QuarantineReason}), {@code detail} a sentence naming the field and the
 * problem. Only the first {@link #KEPT_BYTES} bytes of the payload are kept, with the whole payload's size and
 * SHA-256, so a flood of large messages cannot fill the disk; that prefix is enough to see what a device sent.
 *
 * @param payload       the payload's first bytes (all of it when it is small)
 * @param payloadSize   the whole payload's length in bytes
 * @param payloadSha256 the whole payload's SHA-256 in hex; null only on rows quarantined before it was recorded
 * @param senderId      the sender the topic named, when the topic could be read: with {@code messageId} the key
 *                      of its receipt, so a redelivered bad message is quarantined once
 */
public record Quarantined(String topic, byte[] payload, long payloadSize, String payloadSha256, Instant receivedAt,
                          QuarantineReason reason, String detail, String senderId, String messageId) {
    /** How much of a quarantined payload is kept. */
    public static final int KEPT_BYTES = 4_096;

    public Quarantined {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(reason, "reason");
        if (payload != null && payload.length > KEPT_BYTES) {
            payload = Arrays.copyOf(payload, KEPT_BYTES);
        }
    }

    /** The quarantine record of a delivery: its payload's prefix, size and digest. */
    public static Quarantined of(FeedDelivery d, QuarantineReason reason, String detail, String senderId,
                                 String messageId) {
        return new Quarantined(d.topic(), d.payload(), d.size(), d.payloadSha256(), d.receivedAt(), reason, detail,
                senderId, messageId);
    }

    /** True when only a prefix of the payload is kept. */
    public boolean truncated() {
        return payload != null && payloadSize > payload.length;
    }
}
