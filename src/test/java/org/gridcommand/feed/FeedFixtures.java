package org.gridcommand.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.grid.District;

/** The demo district, its sensors and a parser over them, shared by the feed tests (read only). */
final class FeedFixtures {
    static final District DISTRICT = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
    static final SensorRegistry SENSORS = SensorRegistry.loadDemo();
    static final FeedSchemas SCHEMAS = FeedSchemas.load();
    static final String CODE = DISTRICT.adminCode();
    /** A plain time after every example and crafted message. */
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private FeedFixtures() {
    }

    /** A parser for the demo district whose last fixes are the map's (the test keeps it). */
    static FeedParser parser(Map<String, GpsFix> lastFixes) {
        FeedParser base = FeedParser.forDistrict(DISTRICT, SENSORS, w -> Optional.ofNullable(lastFixes.get(w)));
        return new FeedParser(base.settings(), SCHEMAS, w -> DISTRICT.gridWorkers().stream().anyMatch(g -> g.id().equals(w)),
                SENSORS, w -> Optional.ofNullable(lastFixes.get(w)));
    }

    static FeedParser parser() {
        return parser(new HashMap<>());
    }

    static String topic(String kind, String sender) {
        return "gc/v1/" + CODE + "/" + kind + "/" + sender;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Single quotes stand for double quotes, to keep the crafted JSON readable. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
