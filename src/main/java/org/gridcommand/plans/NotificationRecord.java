package org.gridcommand.plans;

import java.util.Objects;

/** A notification as the store keeps it: the message, the channel it went through, who sent it, its delivery. */
public record NotificationRecord(Notification notification, String channel, String sentBy, Delivery delivery) {
    public NotificationRecord {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sentBy, "sentBy");
        Objects.requireNonNull(delivery, "delivery");
    }
}
