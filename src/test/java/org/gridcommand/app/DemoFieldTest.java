package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.Test;

/** The console's own field (no broker) on a real H2 demo store, started twice as a console restarted is. */
class DemoFieldTest {
    @Test
    void aDemoFieldStartedAgainWithTheSameSeedSendsNewMessagesAndNoneIsQuarantined() throws Exception {
        Path dir = Files.createTempDirectory("gc-demo-field");
        try (AppContext context = AppContext.openDemo(dir, Locale.ENGLISH, Clock.systemUTC())) {
            FieldFeed feed = FieldFeed.open(context, SensorRegistry.loadDemo(), FeedIngest.Settings.DEFAULT, stored -> { });
            try {
                int workers = context.district().gridWorkers().size();
                try (DemoField field = DemoField.start(context, feed, 1)) {
                    // Every worker goes on duty, and a few of their first fixes arrive (one every 30 s each).
                    waitUntil(feed, () -> feed.stats().stored() >= workers + 5);
                }
                long storedBefore = feed.stats().stored();
                try (DemoField field = DemoField.start(context, feed, 1)) {
                    // The second start's duty messages are new messages, not redeliveries of the first's.
                    waitUntil(feed, () -> feed.stats().stored() >= storedBefore + workers + 5);
                }
                assertThat(feed.stats().duplicates()).as("messages of the second start taken for the first's")
                        .isZero();
                assertThat(context.database().feed().quarantineCount())
                        .as(() -> "quarantined: " + context.database().feed().quarantine(5)).isZero();
            } finally {
                feed.close();
            }
        }
    }

    private static void waitUntil(FieldFeed feed, BooleanSupplier condition) {
        Wait.until(() -> "the feed settles; feed " + feed.stats(), Duration.ofMinutes(1), condition);
    }
}
