package org.gridcommand.feed.mqtt;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes field messages at QoS 1, as a worker's app or a sensor gateway would: the field simulator and
 * the ingest benchmark use it. Keeps up to {@code maxInflight} messages unacknowledged by the broker and
 * waits (briefly) when that window is full, so a fast producer is paced by the broker, never dropped.
 */
public final class MqttPublisher implements AutoCloseable {
    private static final int QOS = 1;
    private final MqttAsyncClient client;
    private final String brokerUrl;
    private final java.util.concurrent.ScheduledExecutorService threads;

    public MqttPublisher(String brokerUrl, String clientId, String username, char[] password, int maxInflight) {
        this.brokerUrl = Objects.requireNonNull(brokerUrl, "brokerUrl");
        this.threads = PahoThreads.forClient(clientId);
        try {
            client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence(),
                    new org.eclipse.paho.client.mqttv3.TimerPingSender(), threads);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(maxInflight);
            options.setAutomaticReconnect(true);
            options.setCleanSession(true);
            if (username != null) {
                options.setUserName(username);
            }
            if (password != null) {
                options.setPassword(password);
            }
            client.connect(options).waitForCompletion(TimeUnit.SECONDS.toMillis(10));
        } catch (MqttException e) {
            // A refused connection (no account, wrong password) leaves nothing running behind it.
            threads.shutdownNow();
            throw new MqttFeedException("cannot connect to the MQTT broker at " + brokerUrl + ": "
                    + MqttFeedSource.describe(e), e);
        }
    }

    /** Publishes at QoS 1; waits while the in-flight window is full or the connection is being re-established. */
    public void publish(String topic, byte[] payload) throws InterruptedException {
        while (true) {
            try {
                client.publish(topic, payload, QOS, false);
                return;
            } catch (MqttException e) {
                int code = e.getReasonCode();
                // A full window, or all 65,535 MQTT message ids in use: wait for the broker's acknowledgements.
                if (code == MqttException.REASON_CODE_MAX_INFLIGHT || code == MqttException.REASON_CODE_NO_MESSAGE_IDS_AVAILABLE
                        || code == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                        || code == MqttException.REASON_CODE_CONNECTION_LOST) {
                    Thread.sleep(1);
                    continue;
                }
                throw new MqttFeedException("publishing to " + brokerUrl + " failed: " + MqttFeedSource.describe(e), e);
            }
        }
    }

    /** Waits until the broker has acknowledged everything published so far (at most {@code timeoutMillis}). */
    public boolean flush(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (client.getPendingDeliveryTokens().length > 0) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            // closing: nothing left to tell anyone
        } finally {
            threads.shutdownNow();
        }
    }
}
