package org.gridcommand.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gridcommand.cases.Category;
import org.gridcommand.feed.FeedDelivery;
import org.gridcommand.feed.sim.FieldSimulator;

/**
 * The demo's field without a broker: the field simulator walks the district's grid workers in real time and
 * its messages go straight into the seat's {@link FieldFeed} (in-process, nothing to acknowledge), through
 * the same parser, quarantine and store as broker traffic. For the demo and drills only.
 */
public final class DemoField implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DemoField.class.getName());
    /** A real district's pace: about 34 cases a day from 316 workers, two sensor alarms an hour. */
    private static final double REPORTS_PER_WORKER_HOUR = 34.0 / 24 / 316;
    private static final Duration TICK = Duration.ofMillis(500);

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gc-demo-field");
        t.setDaemon(true);
        return t;
    });

    private DemoField() {
    }

    /** Starts walking every grid worker of the context's district now; stops on {@link #close()}. */
    public static DemoField start(AppContext context, FieldFeed feed, long seed) {
        List<String> minors = context.categories().minors().stream().map(Category::code).toList();
        Instant start = context.clock().instant();
        FieldSimulator sim = new FieldSimulator(context.district(), feed.sensors(), minors,
                new FieldSimulator.Settings(context.district().gridWorkers().size(), Duration.ofSeconds(30),
                        REPORTS_PER_WORKER_HOUR, 2, 0, seed), start);
        DemoField field = new DemoField();
        field.clock.execute(() -> offer(feed, sim.shiftStart(), context));
        field.clock.scheduleAtFixedRate(() -> {
            try {
                offer(feed, sim.advanceTo(context.clock().instant()), context);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "demo field: a step failed", e);
            }
        }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return field;
    }

    private static void offer(FieldFeed feed, List<FieldSimulator.Message> messages, AppContext context) {
        Instant now = context.clock().instant();
        for (FieldSimulator.Message m : messages) {
            feed.offer(new FeedDelivery(m.topic(), m.payload(), now, () -> { }));
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
