package org.gridcommand.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.gridcommand.store.KilledChild;

/**
 * The seat FieldFeedKillTest kills: {@code FieldFeedChild DATA_DIR CLIENT_ID WORKER}. Listens to the real
 * broker with a persistent session, and after every commit prints "COUNT n" with the number of the worker's
 * fixes in the store, so the parent knows how far it got (only stored, acknowledged data is ever counted).
 */
public final class FieldFeedChild {
    private FieldFeedChild() {
    }

    public static void main(String[] args) throws Exception {
        KilledChild.startOrphanGuard();
        AppContext context = AppContext.openDemo(Path.of(args[0]), Locale.ENGLISH, Clock.systemUTC());
        String worker = args[2];
        FieldFeed[] feed = new FieldFeed[1];
        feed[0] = FieldFeed.open(context, SensorRegistry.loadDemo(), new FeedIngest.Settings(50, 1L << 20), stored -> {
            int n = context.database().feed().track(worker, Instant.EPOCH, Instant.now().plusSeconds(86_400)).size();
            System.out.println("COUNT " + n);
            System.out.flush();
        });
        feed[0].connect(new MqttSettings("tcp://127.0.0.1:1883", args[1], null, null,
                FeedTopic.subscription(context.district().adminCode())));
        System.out.println("READY");
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await(); // until the parent kills this seat: that is the test
    }
}
