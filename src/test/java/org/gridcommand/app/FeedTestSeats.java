package org.gridcommand.app;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.gridcommand.feed.FeedParser;
import org.gridcommand.feed.FeedParserSettings;
import org.gridcommand.feed.FeedPlausibility;
import org.gridcommand.feed.FeedSchemas;
import org.gridcommand.feed.LastFixes;
import org.gridcommand.feed.PlausibleRegion;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.GridWorker;

/** What the feed's seat tests share: where a worker stands, a careless centre's parser, a session left clean. */
final class FeedTestSeats {
    private FeedTestSeats() {
    }

    /** Where the worker is: the last known position, else inside their own small grid. */
    static GeoPoint place(AppContext context, GridWorker w) {
        if (w.lastPosition() != null) {
            return w.lastPosition();
        }
        var inside = context.district().smallGrids().stream().filter(g -> g.code().equals(w.smallGrid())).findFirst()
                .orElseThrow().area().getInteriorPoint();
        return new GeoPoint(inside.getX(), inside.getY());
    }

    /**
     * The district's parser with time windows as wide as a careless centre might set (100 years): a fix from 1960
     * passes every check and reaches the store, which cannot key a fix before 1970 — the message the store refuses.
     */
    static FeedParser carelessParser(AppContext context, SensorRegistry sensors, LastFixes last) {
        Set<String> workers = context.district().gridWorkers().stream().map(GridWorker::id).collect(Collectors.toSet());
        FeedParserSettings settings = FeedParserSettings.defaults(context.district().adminCode(),
                PlausibleRegion.around(context.district().outline().getEnvelopeInternal(), PlausibleRegion.DEFAULT_MARGIN_KM))
                .withPlausibility(FeedPlausibility.uniform(Duration.ofDays(36_500), Duration.ofMinutes(2)));
        return new FeedParser(settings, FeedSchemas.load(), workers::contains, sensors, last::get);
    }

    /** Ends the persistent session a test made, so the machine's broker keeps nothing of it. */
    static void forgetSession(String broker, String clientId) throws MqttException {
        MqttClient client = new MqttClient(broker, clientId, new MemoryPersistence());
        MqttConnectOptions clean = new MqttConnectOptions();
        clean.setCleanSession(true);
        client.connect(clean);
        client.disconnect();
        client.close();
    }
}
