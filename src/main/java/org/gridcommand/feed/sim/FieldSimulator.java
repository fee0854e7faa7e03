package org.gridcommand.feed.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.Sensor;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The field as the centre hears it: each grid worker patrols inside their own small grid (walks at 1.0-1.5 m/s
 * to a place in it, stays there one to five minutes or more, walks on: {@link PatrolWalk}), their app sends a
 * GPS fix every {@link Settings#gpsInterval} with a few metres of scatter, goes on duty at the start, and now
 * and then reports a case where the worker stands; sensors raise an occasional alarm. With
 * {@link Settings#malformedShare} above zero, that share of the messages is broken in the ways the console
 * must quarantine (bad JSON, schema violations, unknown senders, swapped coordinates).
 *
 * <p>Driven by simulated time ({@link #advanceTo}). What a worker does is a function of the seed, the worker
 * and the absolute time, not of the run: the walk, the fix schedule (every interval from a fixed epoch, each
 * worker's phase drawn from the seed) and each fix's scatter. Two runs with the same seed that overlap in time
 * therefore send the same fix for the same worker and instant, and a console that heard the first run sees no
 * worker jump in the second. What is an event of the run (report and alarm times, which messages break) is
 * drawn from the seed and the start. Message ids carry the run, {@code <sender>:<start>.<seed>:<kind><n>}
 * (start in epoch milliseconds and seed in base 36, kind {@code g} fix, {@code r} report, {@code s} status,
 * {@code a} alarm, n counting from 1 per sender and kind), so a second run's messages are never taken for
 * redeliveries of the first's. The same seed and start give the same messages however the run is stepped, so
 * the demo, drills, tests and benchmarks can replay it. Not thread-safe.
 */
public final class FieldSimulator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** GPS scatter: the standard deviation of each fix's error east and north, in metres. */
    private static final double SCATTER_METRES = 4;
    /** A sender id longer than this is replaced in message ids by a hash, so every id stays within 64 characters. */
    private static final int LONGEST_SENDER_IN_ID = 12;
    private static final Pattern SHORT_SENDER =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (LONGEST_SENDER_IN_ID - 1) + "}");
    private static final long PHASE = 11;
    private static final long SCATTER = 12;
    private static final long ALARMS = 13;
    private static final long BREAKAGE = 14;
    private static final String[] DESCRIPTIONS = {
        "井盖缺失 / manhole cover missing", "路灯不亮 / street light out", "占道经营 / street vending on the pavement",
        "垃圾堆放 / rubbish dumped", "违章停车 / illegal parking", "道路破损 / road surface broken",
        "绿化带损坏 / green belt damaged", "乱张贴 / illegal posters", "积水 / standing water",
        "噪音扰民 / noise nuisance",
    };

    /**
     * @param workers           how many of the district's grid workers walk (the first ones by id)
     * @param gpsInterval       time between two fixes of one worker, at least a millisecond
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
            if (gpsInterval.toMillis() < 1) {
                throw new IllegalArgumentException("the GPS interval must be at least 1 ms, got " + gpsInterval);
            }
            if (reportsPerHour < 0 || alarmsPerHour < 0) {
                throw new IllegalArgumentException("rates must be 0 or more");
            }
            if (malformedShare < 0 || malformedShare > 1) {
                throw new IllegalArgumentException("the malformed share must be 0 to 1, got " + malformedShare);
            }
        }

        /** The kinds of message a field with these settings sends (at most: a district may have no sensors). */
        public Set<FeedTopic.Kind> kinds() {
            Set<FeedTopic.Kind> kinds = EnumSet.noneOf(FeedTopic.Kind.class);
            if (workers > 0) {
                kinds.add(FeedTopic.Kind.STATUS);
                kinds.add(FeedTopic.Kind.GPS);
                if (reportsPerHour > 0) {
                    kinds.add(FeedTopic.Kind.REPORT);
                }
            }
            if (alarmsPerHour > 0) {
                kinds.add(FeedTopic.Kind.ALARM);
            }
            return kinds;
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
    private final Instant start;
    private final long intervalMillis;
    /** Seeds what belongs to this run rather than to the field: event times, breakages. */
    private final long runSeed;
    private final String runTag;
    private final List<Walker> walkers = new ArrayList<>();
    private final Random alarmRandom;
    private final Map<String, Long> alarmsSent = new HashMap<>();
    private Instant now;
    private Instant nextAlarm;

    /**
     * @param minorCategories the minor category codes reports may carry
     * @param start           the simulated moment the shift starts (kept to the millisecond)
     */
    public FieldSimulator(District district, SensorRegistry sensors, List<String> minorCategories, Settings settings,
                          Instant start) {
        this.district = Objects.requireNonNull(district, "district");
        this.sensors = List.copyOf(sensors.sensors());
        this.categories = List.copyOf(minorCategories);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.start = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.MILLIS);
        this.now = this.start;
        this.intervalMillis = settings.gpsInterval().toMillis();
        long startMillis = this.start.toEpochMilli();
        this.runSeed = SimHash.of(settings.seed(), startMillis);
        this.runTag = Long.toUnsignedString(startMillis, 36) + "." + Long.toUnsignedString(settings.seed(), 36);
        this.alarmRandom = SimHash.random(runSeed, ALARMS);
        GeometryFactory geometry = new GeometryFactory();
        Map<String, SmallGrid> grids = district.smallGrids().stream()
                .collect(Collectors.toMap(g -> g.code().value(), Function.identity()));
        List<GridWorker> roster = district.gridWorkers().stream().sorted(Comparator.comparing(GridWorker::id))
                .limit(settings.workers()).toList();
        for (GridWorker w : roster) {
            SmallGrid grid = grids.get(w.smallGrid().value());
            if (grid != null) {
                long key = SimHash.of(settings.seed(), SimHash.of(w.id()));
                walkers.add(new Walker(w, grid, key, new PatrolWalk(key, grid, geometry),
                        firstFixFrom(startMillis, key), SimHash.random(runSeed, key), idPrefix(w.id()),
                        district.adminCode()));
            }
        }
        for (Walker w : walkers) {
            w.nextReport = now.plus(exponential(w.reports, settings.reportsPerHour()));
        }
        nextAlarm = now.plus(exponential(alarmRandom, settings.alarmsPerHour()));
    }

    public int walkers() {
        return walkers.size();
    }

    /** The simulated moment the run starts, to the millisecond. */
    public Instant start() {
        return start;
    }

    /** The on-duty status messages of the shift's start: send them first. */
    public List<Message> shiftStart() {
        List<Message> out = new ArrayList<>();
        for (Walker w : walkers) {
            String id = w.idPrefix + 's' + (++w.statuses);
            ObjectNode m = header(w.worker.id(), "workerId", id, now);
            m.put("state", "on_duty");
            out.add(maybeBroken(w.statusTopic, id, m.toString(), now));
        }
        return out;
    }

    /** Walks the field forward to {@code until}; returns the messages due on the way, in time order. */
    public List<Message> advanceTo(Instant until) {
        List<Message> out = new ArrayList<>();
        if (until.isBefore(now)) {
            return out;
        }
        long untilMillis = until.toEpochMilli();
        for (Walker w : walkers) {
            // Fixes and reports of one worker in time order, so the walk plans each leg once.
            while (true) {
                boolean fixDue = w.nextFix <= untilMillis;
                boolean reportDue = !w.nextReport.isAfter(until);
                if (fixDue && (!reportDue || w.nextFix <= w.nextReport.toEpochMilli())) {
                    out.add(fix(w, w.nextFix));
                    w.nextFix += intervalMillis;
                } else if (reportDue) {
                    out.add(report(w, w.nextReport));
                    w.nextReport = w.nextReport.plus(exponential(w.reports, settings.reportsPerHour()));
                } else {
                    break;
                }
            }
        }
        while (!sensors.isEmpty() && !nextAlarm.isAfter(until)) {
            out.add(alarm(sensors.get(alarmRandom.nextInt(sensors.size())), nextAlarm));
            nextAlarm = nextAlarm.plus(exponential(alarmRandom, settings.alarmsPerHour()));
        }
        now = until;
        out.sort(Comparator.comparing(Message::at));
        return out;
    }

    // ---------------------------------------------------------------- the field

    private static final class Walker {
        final GridWorker worker;
        final SmallGrid grid;
        final long key;
        final PatrolWalk walk;
        final Random reports;
        final String idPrefix;
        final String gpsTopic;
        final String reportTopic;
        final String statusTopic;
        long nextFix;
        Instant nextReport;
        long fixes;
        long reportsSent;
        long statuses;

        Walker(GridWorker worker, SmallGrid grid, long key, PatrolWalk walk, long firstFix, Random reports,
               String idPrefix, String district) {
            this.worker = worker;
            this.grid = grid;
            this.key = key;
            this.walk = walk;
            this.nextFix = firstFix;
            this.reports = reports;
            this.idPrefix = idPrefix;
            this.gpsTopic = FeedTopic.of(district, FeedTopic.Kind.GPS, worker.id()).topic();
            this.reportTopic = FeedTopic.of(district, FeedTopic.Kind.REPORT, worker.id()).topic();
            this.statusTopic = FeedTopic.of(district, FeedTopic.Kind.STATUS, worker.id()).topic();
        }
    }

    /**
     * The worker's first fix at or after the start, on the worker's own schedule: every interval from the
     * fixed epoch, shifted by a phase drawn from the worker's key (phones do not all send on the same second).
     */
    private long firstFixFrom(long startMillis, long key) {
        long phase = PatrolWalk.EPOCH_MILLIS + Math.floorMod(SimHash.of(key, PHASE), intervalMillis);
        return phase - Math.floorDiv(phase - startMillis, intervalMillis) * intervalMillis;
    }

    private static Duration exponential(Random rnd, double perHour) {
        if (perHour <= 0) {
            return Duration.ofDays(3650);
        }
        double hours = -Math.log(1 - rnd.nextDouble()) / perHour;
        return Duration.ofMillis(Math.max(1, (long) (hours * 3_600_000)));
    }

    // ---------------------------------------------------------------- messages

    private Message fix(Walker w, long atMillis) {
        // The scatter belongs to the worker and the instant, so a fix sent again by another run is the same fix.
        Random scatter = SimHash.random(w.key, SCATTER, atMillis);
        GeoPoint seen = PatrolWalk.offset(w.walk.positionAt(atMillis),
                scatter.nextGaussian() * SCATTER_METRES, scatter.nextGaussian() * SCATTER_METRES);
        Instant at = Instant.ofEpochMilli(atMillis);
        String id = w.idPrefix + 'g' + (++w.fixes);
        // Written by hand, as fixes are nearly all of the field (a day of the district is 900,000): the id and
        // the worker id are of the protocol's alphabets (the worker's topic checked that), nothing to escape.
        String json = new StringBuilder(180).append("{\"v\":1,\"id\":\"").append(id)
                .append("\",\"workerId\":\"").append(w.worker.id())
                .append("\",\"at\":\"").append(AT.format(at.atOffset(CHINA)))
                .append("\",\"lon\":").append(round(seen.lon()))
                .append(",\"lat\":").append(round(seen.lat()))
                .append(",\"accuracy\":").append(4 + scatter.nextInt(8)).append('}').toString();
        return maybeBroken(w.gpsTopic, id, json, at);
    }

    private Message report(Walker w, Instant at) {
        GeoPoint here = w.walk.positionAt(at.toEpochMilli());
        String id = w.idPrefix + 'r' + (++w.reportsSent);
        ObjectNode m = header(w.worker.id(), "workerId", id, at);
        m.put("category", categories.isEmpty() ? "0101" : categories.get(w.reports.nextInt(categories.size())));
        m.put("lon", round(here.lon()));
        m.put("lat", round(here.lat()));
        m.put("description", DESCRIPTIONS[w.reports.nextInt(DESCRIPTIONS.length)]);
        m.put("address", w.grid.name().zh());
        return maybeBroken(w.reportTopic, id, m.toString(), at);
    }

    private Message alarm(Sensor s, Instant at) {
        long n = alarmsSent.merge(s.id(), 1L, Long::sum);
        String id = idPrefix(s.id()) + 'a' + n;
        ObjectNode m = header(s.id(), "sensorId", id, at);
        m.put("kind", s.kind());
        return maybeBroken(FeedTopic.of(district.adminCode(), FeedTopic.Kind.ALARM, s.id()).topic(), id,
                m.toString(), at);
    }

    /**
     * {@code <sender>:<run tag>:}; with the kind's letter and a long, an id is at most 12 + 1 + 27 + 1 + 1 + 19
     * = 61 characters of the protocol's id alphabet, starting with a letter or digit.
     */
    private String idPrefix(String sender) {
        String inId = SHORT_SENDER.matcher(sender).matches() ? sender
                : "x" + Long.toUnsignedString(SimHash.of(sender) >>> 8, 36);
        return inId + ":" + runTag + ":";
    }

    private static ObjectNode header(String sender, String senderField, String id, Instant at) {
        ObjectNode m = JSON.createObjectNode();
        m.put("v", 1);
        m.put("id", id);
        m.put(senderField, sender);
        m.put("at", AT.format(at.atOffset(CHINA)));
        return m;
    }

    private Message maybeBroken(String topic, String id, String json, Instant at) {
        if (settings.malformedShare() > 0) {
            // Drawn per message, so whether a message breaks does not depend on how the run is stepped.
            Random rnd = SimHash.random(runSeed, BREAKAGE, SimHash.of(id));
            if (rnd.nextDouble() < settings.malformedShare()) {
                ObjectNode m;
                try {
                    m = (ObjectNode) JSON.readTree(json);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the simulator wrote a message that is not JSON: " + json, e);
                }
                return Breakage.values()[rnd.nextInt(Breakage.values().length)].apply(topic, m, at, rnd);
            }
        }
        return new Message(topic, json.getBytes(StandardCharsets.UTF_8), at);
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
