package org.gridcommand.feed;

import java.util.Objects;

/**
 * What identifies a field message for idempotent delivery: its sender and the sender's id for it. Message ids are
 * unique per sender only (the protocol even suggests {@code sender:counter}), so a device that reuses, or forges,
 * another device's id must never make that device's real report look like a redelivery.
 */
public record MessageKey(String senderId, String messageId) {
    public MessageKey {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(messageId, "messageId");
    }

    /** The key of a quarantined message, or null when it has no usable sender or id (then it gets no receipt). */
    public static MessageKey of(Quarantined q) {
        return q.senderId() == null || q.senderId().isEmpty() || q.messageId() == null || q.messageId().isEmpty()
                ? null : new MessageKey(q.senderId(), q.messageId());
    }

    public static MessageKey of(FieldMessage m) {
        return new MessageKey(m.senderId(), m.messageId());
    }

    /**
     * The report id of the case a field message opens: sender, "/", message id. The intake is idempotent by report
     * id, so the key must carry the sender as the receipts do ('/' appears in neither part).
     */
    public String reportId() {
        return senderId + "/" + messageId;
    }

    @Override
    public String toString() {
        return senderId + "/" + messageId;
    }
}
