package org.gridcommand.app;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gridcommand.feed.FeedDelivery;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedParser;
import org.gridcommand.feed.FeedHealth;
import org.gridcommand.feed.FeedStore;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.LastFixes;
import org.gridcommand.feed.RetentionPolicy;
import org.gridcommand.feed.SensorAlarms;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttFeedSource;
import org.gridcommand.feed.mqtt.MqttSettings;

/**
 * The seat's field feed: the parser for the district, the ingest loop into the store, and where messages
 * come from: a real MQTT broker ({@link #connect}) or, for the demo and drills only, messages handed in
 * directly ({@link #offer}) with nothing to acknowledge.
 */
public final class FieldFeed implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FieldFeed.class.getName());
    private final FeedIngest ingest;
    private final SensorRegistry sensors;
    private final Clock clock;
    private MqttFeedSource source;
    private String brokerUrl;
    private volatile boolean closed;

    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gc-feed-retention");
        t.setDaemon(true);
        return t;
    });

    private FieldFeed(FeedIngest ingest, SensorRegistry sensors, Clock clock) {
        this.ingest = ingest;
        this.sensors = sensors;
        this.clock = clock;
    }

    /**
     * Applies the retention policy now (in the background) and then once a day: old fixes go in small steps,
     * so the feed never waits long for the store.
     */
    private void keepTidy(FeedStore store, RetentionPolicy policy) {
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                long gone = policy.apply(store, clock.instant());
                if (gone > 0) {
                    LOG.log(System.Logger.Level.INFO, "field feed: " + gone + " GPS fixes older than "
                            + policy.gpsFixes().toDays() + " days deleted");
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "field feed: retention failed (" + FeedHealth.words(e)
                        + "); trying again tomorrow");
            }
        }, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    /**
     * The feed over the context's store and district.
     *
     * @param onStored told on the ingest thread of what each commit stored (workers' moves for the map)
     */
    public static FieldFeed open(AppContext context, SensorRegistry sensors, FeedIngest.Settings settings,
                                 Consumer<List<FieldMessage>> onStored) {
        return open(context, context.database().feed(), sensors, settings, onStored);
    }

    /**
     * The feed over the context's district into {@code store} (normally the context's own; a test puts a switch in
     * front of it to see the console while the store cannot write).
     */
    public static FieldFeed open(AppContext context, FeedStore store, SensorRegistry sensors,
                                 FeedIngest.Settings settings, Consumer<List<FieldMessage>> onStored) {
        LastFixes lastFixes = new LastFixes(store::lastFix);
        FeedParser parser = FeedParser.forDistrict(context.district(), sensors, lastFixes::get);
        RetentionPolicy retention = RetentionPolicy.loadDefault();
        FeedIngest.Settings bounded = settings.quarantineCap() == FeedIngest.Settings.DEFAULT_QUARANTINE_CAP
                ? settings.withQuarantineCap(retention.quarantineMessages()) : settings;
        FeedIngest ingest = new FeedIngest(parser::parse, store, context.intake(), lastFixes, bounded, onStored,
                alarm -> SensorAlarms.toReport(alarm, sensors), context.clock());
        FieldFeed feed = new FieldFeed(ingest, sensors, context.clock());
        feed.keepTidy(store, retention);
        return feed;
    }

    /** Subscribes to the district's topics on the broker; throws a message naming the broker if it cannot. */
    public synchronized void connect(MqttSettings settings) {
        if (closed) {
            throw new IllegalStateException("the field feed is closed");
        }
        if (source != null) {
            throw new IllegalStateException("the field feed is already connected to " + brokerUrl);
        }
        MqttFeedSource s = new MqttFeedSource(settings, ingest::offer, clock);
        try {
            s.start();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        source = s;
        brokerUrl = settings.brokerUrl();
    }

    /**
     * Connects in the background and keeps trying (1 s doubling to 30 s) until it is connected or the feed
     * is closed; after that paho reconnects by itself. {@code firstFailure} hears of the first failed attempt
     * only, so the officer is told once, not every 30 s.
     */
    public void keepConnecting(MqttSettings settings, Consumer<RuntimeException> firstFailure) {
        synchronized (this) {
            brokerUrl = settings.brokerUrl();
        }
        Thread t = new Thread(() -> {
            long waitMillis = 1_000;
            boolean told = false;
            while (!closed) {
                try {
                    connect(settings);
                    return;
                } catch (RuntimeException e) {
                    if (!told) {
                        told = true;
                        firstFailure.accept(e);
                    }
                }
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException e) {
                    return;
                }
                waitMillis = Math.min(30_000, waitMillis * 2);
            }
        }, "gc-feed-connect");
        t.setDaemon(true);
        t.start();
    }

    /** In-process delivery (demo, drills): the message is stored like any other; there is no broker to tell. */
    public void offer(FeedDelivery delivery) {
        ingest.offer(Objects.requireNonNull(delivery, "delivery"));
    }

    public FeedIngest.Stats stats() {
        return ingest.stats();
    }

    public int backlog() {
        return ingest.backlog();
    }

    /** The feed's state now: counts, what waits unacknowledged since when, the store's trouble in words. */
    public FeedHealth health() {
        return ingest.health();
    }

    /** The broker this seat listens to, or null when it has none (in-process only). */
    public synchronized String brokerUrl() {
        return brokerUrl;
    }

    public synchronized boolean connected() {
        return source != null && source.isConnected();
    }

    public SensorRegistry sensors() {
        return sensors;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        housekeeping.shutdownNow();
        MqttFeedSource s;
        synchronized (this) {
            s = source;
            source = null;
        }
        if (s != null) {
            s.close();
        }
        ingest.close();
    }
}
