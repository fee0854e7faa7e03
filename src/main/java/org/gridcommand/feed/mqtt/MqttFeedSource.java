package org.gridcommand.feed.mqtt;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.gridcommand.feed.FeedDelivery;

/**
 * The field feed's MQTT side: a persistent session (clean session off, so the broker keeps QoS 1 messages
 * while the seat is away), QoS 1 subscription, and manual acknowledgements: a message's PUBACK is sent only
 * when the ingest calls the delivery's ack, after its data is durable. Until then the broker counts it as
 * in flight and redelivers it after a reconnect; the ingest deduplicates by message id.
 *
 * <p>Reconnects by itself (paho's automatic reconnect, 1 s doubling to 2 min) and subscribes again.
 * The paho callback thread only hands messages over; it never waits for the store.
 */
public final class MqttFeedSource implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MqttFeedSource.class.getName());
    private static final int QOS = 1;

    private final MqttSettings settings;
    private final MqttClient client;
    private final Consumer<FeedDelivery> sink;
    private final Clock clock;
    private volatile boolean connected;
    private final java.util.concurrent.ScheduledExecutorService threads;

    public MqttFeedSource(MqttSettings settings, Consumer<FeedDelivery> sink, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = PahoThreads.forClient(settings.clientId());
        try {
            // In-memory persistence of paho's own outbound state: we only receive, and the broker's session
            // (not a file here) is what keeps unacknowledged inbound messages.
            this.client = new MqttClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence(), threads);
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot use broker " + settings.brokerUrl() + ": " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    /** Connects and subscribes; throws a {@link MqttFeedException} naming the broker when it cannot. */
    public void start() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setKeepAliveInterval(20);
        options.setConnectionTimeout(10);
        // How many QoS 1 messages paho lets the broker have in flight to us is the broker's setting
        // (mosquitto: max_inflight_messages); this is paho's own outbound window.
        options.setMaxInflight(1000);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password());
        }
        try {
            client.connect(options);
            client.subscribe(settings.topicFilter(), QOS);
            connected = true;
            LOG.log(System.Logger.Level.INFO, "field feed: connected to " + settings.brokerUrl() + ", subscribed to "
                    + settings.topicFilter());
        } catch (MqttException e) {
            throw new MqttFeedException("cannot connect to the MQTT broker at " + settings.brokerUrl() + ": "
                    + describe(e), e);
        }
    }

    public boolean isConnected() {
        return connected && client.isConnected();
    }

    @Override
    public void close() {
        connected = false;
        try {
            if (client.isConnected()) {
                flushAcknowledgements();
                client.disconnect(2_000);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "field feed: disconnect: " + describe(e));
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.log(System.Logger.Level.DEBUG, "field feed: close: " + describe(e));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /**
     * A round trip to the broker behind the acknowledgements already sent: paho gives no token for a manual PUBACK and
     * its disconnect does not wait for them, so a seat that closes right after acknowledging could see those messages
     * again next time (stored once all the same, but redelivered). Acknowledgements go out before other packets and
     * the broker reads the connection in order, so once this UNSUBSCRIBE of a topic nobody uses is answered, every
     * earlier PUBACK has been taken. Bounded: a broker that does not answer within 2 s is left to redeliver.
     */
    private void flushAcknowledgements() {
        try {
            client.setTimeToWait(2_000);
            client.unsubscribe("gc/flush/" + settings.clientId());
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "field feed: acknowledgements not confirmed before closing: " + describe(e));
        }
    }

    private void acknowledge(int id) {
        try {
            client.messageArrivedComplete(id, QOS);
        } catch (MqttException e) {
            // The data is stored; the broker will redeliver and the receipts absorb the repeat.
            LOG.log(System.Logger.Level.DEBUG, "field feed: PUBACK " + id + " not sent: " + describe(e));
        }
    }

    static String describe(MqttException e) {
        String m = e.getMessage();
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? m + " (" + cause.getMessage() + ")" : m;
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            connected = true;
            if (reconnect) {
                LOG.log(System.Logger.Level.INFO, "field feed: reconnected to " + serverUri);
                try {
                    client.subscribe(settings.topicFilter(), QOS);
                } catch (MqttException e) {
                    LOG.log(System.Logger.Level.WARNING, "field feed: subscribing again failed: " + describe(e));
                }
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            connected = false;
            LOG.log(System.Logger.Level.WARNING, "field feed: connection to " + settings.brokerUrl() + " lost ("
                    + (cause == null ? "no reason" : cause.getMessage()) + "); reconnecting");
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            int id = message.getId();
            boolean needsAck = message.getQos() > 0;
            sink.accept(new FeedDelivery(topic, message.getPayload(), clock.instant(),
                    needsAck ? () -> acknowledge(id) : () -> { }));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // we publish nothing
        }
    }
}
