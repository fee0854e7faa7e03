package org.gridcommand.plans;

/**
 * Where the "notify" steps send their messages: the shipped {@link LogNotificationChannel}, or a gateway (SMS,
 * voice, the government messaging platform) added later. Called off the FX thread, one notification at a time;
 * whatever it answers is recorded in the store, and an exception counts as a failed delivery.
 */
public interface NotificationChannel {
    /** A short name for the record ("log", "sms-gateway"). */
    String name();

    Delivery send(Notification notification);
}
