package org.gridcommand.app;

import java.io.IOException;
import org.gridcommand.bench.ingest.PrivateMosquitto;

/**
 * A private Mosquitto for one test ({@link PrivateMosquitto}: its own port, the queue and in-flight window
 * docs/field-protocol.md advises, no packet size limit), stopped when the test closes it and, should the JVM be
 * stopped first (a build killed on a timeout), by a shutdown hook: no broker outlives its test.
 */
final class PrivateBroker implements AutoCloseable {
    private final PrivateMosquitto mosquitto;
    private final Thread hook;

    private PrivateBroker(PrivateMosquitto mosquitto) {
        this.mosquitto = mosquitto;
        this.hook = new Thread(this::stopQuietly, "gc-test-stop-mosquitto");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static PrivateBroker start() throws IOException, InterruptedException {
        return new PrivateBroker(PrivateMosquitto.start());
    }

    String url() {
        return mosquitto.url();
    }

    private void stopQuietly() {
        try {
            mosquitto.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run: it stops the broker
            return;
        }
        mosquitto.close();
    }
}
