package org.gridcommand.feed.mqtt;

/** The broker cannot be reached or refused us; the message names the broker and the reason. */
public final class MqttFeedException extends RuntimeException {
    public MqttFeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
