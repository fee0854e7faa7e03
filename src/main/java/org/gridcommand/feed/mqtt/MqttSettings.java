package org.gridcommand.feed.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where the field feed comes from: broker URL ({@code tcp://host:1883}, or {@code ssl://host:8883} for TLS
 * with the JVM's trust store), client id (one per seat: the broker keeps this seat's session and the QoS 1
 * messages that arrive while it is away), optional credentials, and the topic filter.
 */
public record MqttSettings(String brokerUrl, String clientId, String username, char[] password, String topicFilter) {
    public MqttSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(topicFilter, "topicFilter");
        URI uri;
        try {
            uri = new URI(brokerUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a broker URL: " + brokerUrl + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (!"tcp".equals(scheme) && !"ssl".equals(scheme) && !"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("broker URL must start with tcp://, ssl://, ws:// or wss://, got: "
                    + brokerUrl);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("broker URL has no host: " + brokerUrl);
        }
        if (clientId.isBlank() || clientId.length() > 23 && !clientId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("client id must be 1-23 letters/digits (or longer if the broker allows): "
                    + clientId);
        }
    }

    public boolean tls() {
        return brokerUrl.startsWith("ssl://") || brokerUrl.startsWith("wss://");
    }
}
