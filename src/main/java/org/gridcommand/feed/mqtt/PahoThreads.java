package org.gridcommand.feed.mqtt;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads paho runs one client on: daemon, named after the client, in an executor of ours. Paho 1.2.5 has
 * a race at close (its receiver may still be reading when ClientState.close() has cleared its fields, and
 * throws a NullPointerException); on paho's own threads that reached the process's default handler, where a
 * test harness treats it as a failure of whatever ran next. In an executor the task's failure stays in its
 * future, and the client is closed anyway.
 */
public final class PahoThreads {
    // Receiver, sender, callback and the keep-alive timer, with room for reconnects.
    private static final int THREADS = 6;

    private PahoThreads() {
    }

    public static ScheduledExecutorService forClient(String clientId) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newScheduledThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "gc-mqtt-" + clientId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
