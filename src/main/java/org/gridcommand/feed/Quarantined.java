package org.gridcommand.feed;

import java.time.Instant;

/**
 * A message the feed could not accept, kept with its raw payload so nothing is lost and an officer can see
 * why: {@code reason} is a short code ({@link QuarantineReason}), {@code detail} a sentence naming the field
 * and the problem.
 */
public record Quarantined(String topic, byte[] payload, Instant receivedAt, QuarantineReason reason, String detail,
                          String messageId) {
}
