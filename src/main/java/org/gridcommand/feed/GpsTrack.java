package org.gridcommand.feed;

import java.time.Instant;
import java.util.List;

/**
 * Several fixes of one worker in one message, oldest first: what a phone uploads when it buffers (to save
 * battery, or while the network is poor). Every fix carries the track's message id; the track is stored
 * (and acknowledged, and deduplicated) as one message. {@code at} is the newest fix's time.
 */
public record GpsTrack(String messageId, String workerId, Instant at, List<GpsFix> fixes) implements FieldMessage {
    public GpsTrack {
        fixes = List.copyOf(fixes);
        if (fixes.isEmpty()) {
            throw new IllegalArgumentException("a track message has at least one fix");
        }
    }

    @Override
    public String senderId() {
        return workerId;
    }
}
