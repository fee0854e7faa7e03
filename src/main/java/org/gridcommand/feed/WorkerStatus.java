package org.gridcommand.feed;

import java.time.Instant;

/** A grid worker going on or off duty. */
public record WorkerStatus(String messageId, String workerId, Instant at, boolean onDuty) implements FieldMessage {
    @Override
    public String senderId() {
        return workerId;
    }
}
