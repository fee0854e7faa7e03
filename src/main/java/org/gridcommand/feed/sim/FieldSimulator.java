package org.gridcommand.feed.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.Sensor;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The field as the centre hears it: each grid worker walks a patrol inside their own small grid (walks to a
 * random place in it at 1.0-1.5 m/s, stays there one to five minutes, walks on), their app sends a GPS fix
 * every {@link Settings#gpsInterval} with a few metres of scatter, goes on duty at the start, and now and
 * then reports a case where the worker stands; sensors raise an occasional alarm. With
 * {@link Settings#malformedShare} above zero, that share of the messages is broken in the ways the console
 * must quarantine (bad JSON, schema violations, unknown senders, swapped coordinates, jumps).
 *
 * <p>Driven by simulated time ({@link #advanceTo}), with a seed: the same seed gives the same messages, so
 * the demo, drills, tests and benchmarks can replay it. Not thread-safe.
 */
public final class FieldSimulator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final double METRES_PER_DEGREE = 111_320;
    private static final String[] DESCRIPTIONS = {
        "井盖缺失 / manhole cover missing", "路灯不亮 / street light out", "占道经营 / street vending on the pavement",
        "垃圾堆放 / rubbish dumped", "违章停车 / illegal parking", "道路破损 / road surface broken",
        "绿化带损坏 / green belt damaged", "乱张贴 / illegal posters", "积水 / standing water",
        "噪音扰民 / noise nuisance",
    };

    /**
     * @param workers           how many of the district's grid workers walk (the first ones by id)
     * @param gpsInterval       time between two fixes of one worker
     * @param reportsPerHour    case reports per worker per hour on average
     * @param alarmsPerHour     sensor alarms per hour for the whole district
     * @param malformedShare    share of messages deliberately broken, 0 to 1
     * @param seed              the same seed gives the same field
     */
    public record Settings(int workers, Duration gpsInterval, double reportsPerHour, double alarmsPerHour,
                           double malformedShare, long seed) {
        public Settings {
            if (workers < 0) {
                throw new IllegalArgumentException("workers must be 0 or more, got " + workers);
            }
            if (gpsInterval.isNegative() || gpsInterval.isZero()) {
                throw new IllegalArgumentException("the GPS interval must be positive, got " + gpsInterval);
            }
            if (reportsPerHour < 0 || alarmsPerHour < 0) {
                throw new IllegalArgumentException("rates must be 0 or more");
            }
            if (malformedShare < 0 || malformedShare > 1) {
                throw new IllegalArgumentException("the malformed share must be 0 to 1, got " + malformedShare);
            }
        }

        /** The district's normal day: every worker, a fix every 30 s, a report every 4 h, 2 alarms an hour. */
        public static Settings normal(int workers, long seed) {
            return new Settings(workers, Duration.ofSeconds(30), 0.25, 2, 0, seed);
        }
    }

    /** One message to publish: the topic, the JSON payload, the simulated time it belongs to. */
    public record Message(String topic, byte[] payload, Instant at) {
    }

    private final District district;
    private final List<Sensor> sensors;
    private final List<String> categories;
    private final Settings settings;
    private final Random rnd;
    private final List<Walker> walkers = new ArrayList<>();
    private final GeometryFactory geometry = new GeometryFactory();
    private Instant now;
    private Instant nextAlarm;
    private long counter;

    /**
     * @param minorCategories the minor category codes reports may carry
     * @param start           the simulated moment the shift starts
     */
    public FieldSimulator(District district, SensorRegistry sensors, List<String> minorCategories, Settings settings,
                          Instant start) {
        this.district = Objects.requireNonNull(district, "district");
        this.sensors = List.copyOf(sensors.sensors());
        this.categories = List.copyOf(minorCategories);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rnd = new Random(settings.seed());
        this.now = Objects.requireNonNull(start, "start");
        Map<String, SmallGrid> grids = district.smallGrids().stream()
                .collect(Collectors.toMap(g -> g.code().value(), Function.identity()));
        List<GridWorker> roster = district.gridWorkers().stream().sorted(Comparator.comparing(GridWorker::id))
                .limit(settings.workers()).toList();
        for (GridWorker w : roster) {
            SmallGrid grid = grids.get(w.smallGrid().value());
            if (grid != null) {
                walkers.add(new Walker(w, grid, PreparedGeometryFactory.prepare(grid.area())));
            }
        }
        for (Walker w : walkers) {
            w.position = w.worker.lastPosition() != null && w.area.contains(point(w.worker.lastPosition()))
                    ? w.worker.lastPosition() : randomPointIn(w);
            w.target = randomPointIn(w);
            w.speed = 1.0 + rnd.nextDouble() * 0.5;
            // Phones do not all send on the same second.
            w.nextFix = start.plusMillis((long) (rnd.nextDouble() * settings.gpsInterval().toMillis()));
            w.nextReport = start.plus(exponential(settings.reportsPerHour()));
        }
        nextAlarm = start.plus(exponential(settings.alarmsPerHour()));
    }

    public int walkers() {
        return walkers.size();
    }

    /** The on-duty status messages of the shift's start: send them first. */
    public List<Message> shiftStart() {
        List<Message> out = new ArrayList<>();
        for (Walker w : walkers) {
            ObjectNode m = header(w.worker.id(), "workerId", now);
            m.put("state", "on_duty");
            out.add(maybeBroken(FeedTopic.Kind.STATUS, w.worker.id(), m));
        }
        return out;
    }

    /** Walks the field forward to {@code until}; returns the messages due on the way, in time order. */
    public List<Message> advanceTo(Instant until) {
        List<Message> out = new ArrayList<>();
        for (Walker w : walkers) {
            while (!w.nextFix.isAfter(until)) {
                walk(w, w.nextFix);
                out.add(fix(w));
                w.nextFix = w.nextFix.plus(settings.gpsInterval());
            }
            walk(w, until);
            while (!w.nextReport.isAfter(until)) {
                out.add(report(w, w.nextReport));
                w.nextReport = w.nextReport.plus(exponential(settings.reportsPerHour()));
            }
        }
        while (!sensors.isEmpty() && !nextAlarm.isAfter(until)) {
            out.add(alarm(sensors.get(rnd.nextInt(sensors.size())), nextAlarm));
            nextAlarm = nextAlarm.plus(exponential(settings.alarmsPerHour()));
        }
        now = until;
        out.sort(Comparator.comparing(Message::at));
        return out;
    }

    // ---------------------------------------------------------------- walking

    private static final class Walker {
        final GridWorker worker;
        final SmallGrid grid;
        final PreparedGeometry area;
        GeoPoint position;
        GeoPoint target;
        double speed;
        Instant movedAt;
        Instant dwellUntil;
        Instant nextFix;
        Instant nextReport;

        Walker(GridWorker worker, SmallGrid grid, PreparedGeometry area) {
            this.worker = worker;
            this.grid = grid;
            this.area = area;
        }
    }

    private void walk(Walker w, Instant to) {
        Instant from = w.movedAt == null ? to : w.movedAt;
        w.movedAt = to;
        double seconds = Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
        while (seconds > 0) {
            if (w.dwellUntil != null) {
                double left = Duration.between(from, w.dwellUntil).toMillis() / 1000.0;
                if (left > seconds) {
                    return;
                }
                seconds -= Math.max(0, left);
                w.dwellUntil = null;
                w.target = randomPointIn(w);
            }
            double[] d = metres(w.position, w.target);
            double distance = Math.hypot(d[0], d[1]);
            double step = w.speed * seconds;
            if (step < distance) {
                double f = step / distance;
                w.position = offset(w.position, d[0] * f, d[1] * f);
                return;
            }
            w.position = w.target;
            seconds -= distance / w.speed;
            from = to.minusMillis((long) (seconds * 1000));
            w.dwellUntil = from.plusSeconds(60 + rnd.nextInt(240));
        }
    }

    private GeoPoint randomPointIn(Walker w) {
        Envelope e = w.grid.area().getEnvelopeInternal();
        for (int i = 0; i < 1000; i++) {
            GeoPoint p = new GeoPoint(e.getMinX() + rnd.nextDouble() * e.getWidth(),
                    e.getMinY() + rnd.nextDouble() * e.getHeight());
            if (w.area.contains(point(p))) {
                return p;
            }
        }
        org.locationtech.jts.geom.Point inside = w.grid.area().getInteriorPoint();
        return new GeoPoint(inside.getX(), inside.getY());
    }

    private org.locationtech.jts.geom.Point point(GeoPoint p) {
        return geometry.createPoint(new Coordinate(p.lon(), p.lat()));
    }

    /** East and north metres from a to b (local flat approximation, fine within a grid). */
    private static double[] metres(GeoPoint a, GeoPoint b) {
        double cos = Math.cos(Math.toRadians(a.lat()));
        return new double[] {(b.lon() - a.lon()) * METRES_PER_DEGREE * cos, (b.lat() - a.lat()) * METRES_PER_DEGREE};
    }

    private static GeoPoint offset(GeoPoint p, double east, double north) {
        double cos = Math.cos(Math.toRadians(p.lat()));
        return new GeoPoint(p.lon() + east / (METRES_PER_DEGREE * cos), p.lat() + north / METRES_PER_DEGREE);
    }

    private Duration exponential(double perHour) {
        if (perHour <= 0) {
            return Duration.ofDays(3650);
        }
        double hours = -Math.log(1 - rnd.nextDouble()) / perHour;
        return Duration.ofMillis(Math.max(1, (long) (hours * 3_600_000)));
    }

    // ---------------------------------------------------------------- messages

    private Message fix(Walker w) {
        GeoPoint scattered = offset(w.position, rnd.nextGaussian() * 4, rnd.nextGaussian() * 4);
        ObjectNode m = header(w.worker.id(), "workerId", w.nextFix);
        m.put("lon", round(scattered.lon()));
        m.put("lat", round(scattered.lat()));
        m.put("accuracy", 4 + rnd.nextInt(8));
        return maybeBroken(FeedTopic.Kind.GPS, w.worker.id(), m);
    }

    private Message report(Walker w, Instant at) {
        ObjectNode m = header(w.worker.id(), "workerId", at);
        m.put("category", categories.isEmpty() ? "0101" : categories.get(rnd.nextInt(categories.size())));
        m.put("lon", round(w.position.lon()));
        m.put("lat", round(w.position.lat()));
        m.put("description", DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)]);
        m.put("address", w.grid.name().zh());
        return maybeBroken(FeedTopic.Kind.REPORT, w.worker.id(), m);
    }

    private Message alarm(Sensor s, Instant at) {
        ObjectNode m = header(s.id(), "sensorId", at);
        m.put("kind", s.kind());
        return maybeBroken(FeedTopic.Kind.ALARM, s.id(), m);
    }

    private ObjectNode header(String sender, String senderField, Instant at) {
        ObjectNode m = JSON.createObjectNode();
        m.put("v", 1);
        m.put("id", "sim" + Long.toString(settings.seed() & 0xffff, 36) + ":" + sender + ":" + (++counter));
        m.put(senderField, sender);
        m.put("at", AT.format(at.atOffset(CHINA)));
        return m;
    }

    private Message maybeBroken(FeedTopic.Kind kind, String sender, ObjectNode m) {
        Instant at = Instant.from(AT.parse(m.get("at").asText()));
        String topic = FeedTopic.of(district.adminCode(), kind, sender).topic();
        if (settings.malformedShare() > 0 && rnd.nextDouble() < settings.malformedShare()) {
            return Breakage.values()[rnd.nextInt(Breakage.values().length)].apply(topic, m, at, rnd);
        }
        return new Message(topic, bytes(m), at);
    }

    static byte[] bytes(ObjectNode m) {
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    /** The ways a message arrives broken, each one a quarantine reason the console must give. */
    enum Breakage {
        NOT_JSON {
            @Override
            Message apply(String topic, ObjectNode m, Instant at, Random rnd) {
                String text = m.toString();
                return new Message(topic, text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8), at);
            }
        },
        MISSING_FIELD {
            @Override
            Message apply(String topic, ObjectNode m, Instant at, Random rnd) {
                m.remove("at");
                return new Message(topic, bytes(m), at);
            }
        },
        WRONG_VERSION {
            @Override
            Message apply(String topic, ObjectNode m, Instant at, Random rnd) {
                m.put("v", 7);
                return new Message(topic, bytes(m), at);
            }
        },
        UNKNOWN_SENDER {
            @Override
            Message apply(String topic, ObjectNode m, Instant at, Random rnd) {
                String field = m.has("workerId") ? "workerId" : "sensorId";
                String nobody = (field.equals("workerId") ? "W" : "S") + "9" + (1000 + rnd.nextInt(8999));
                m.put(field, nobody);
                return new Message(topic.substring(0, topic.lastIndexOf('/') + 1) + nobody, bytes(m), at);
            }
        },
        SWAPPED {
            @Override
            Message apply(String topic, ObjectNode m, Instant at, Random rnd) {
                if (!m.has("lat")) {
                    return NOT_JSON.apply(topic, m, at, rnd);
                }
                double lat = m.get("lat").asDouble();
                m.put("lat", m.get("lon").asDouble());
                m.put("lon", lat);
                return new Message(topic, bytes(m), at);
            }
        };

        abstract Message apply(String topic, ObjectNode m, Instant at, Random rnd);
    }
}
